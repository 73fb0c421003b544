import { evaluateTimes, formatTimeEval, readTimeEvalSet } from './time-eval.js';

// npm run eval:time [dev|holdout …]: the figures of the time-reading evaluation, with every miss.
const root = new URL('../..', import.meta.url).pathname;
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : ['dev']) {
  for (const kind of ['expressions', 'lines'] as const) {
    const result = evaluateTimes(readTimeEvalSet(`${root}tests/fixtures/time-eval/${kind}.${name}.yaml`), kind);
    console.log(formatTimeEval(`${kind}.${name}`, result));
    for (const m of result.misses) {
      const note = m.note ? `  note expected ${JSON.stringify(m.note.expected)} got ${JSON.stringify(m.note.got)}` : '';
      console.log(`  ${m.kind.padEnd(7)} [${m.locale}] ${m.text}  expected ${m.expected}  got ${m.got}${note}`);
    }
  }
}
