import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../src/knowledge/load-files.js';
import { readEvalSet } from './search-eval.js';
import { writeSyntheticKnowledge } from './synthetic-knowledge.js';

/**
 * Every ranked answer of /script search, for checking that a speed change changes no result:
 * strict top-3 (what /script shows) and the loose top-25 (suggestions) with scores, for every
 * query of every tests/fixtures/search-eval set, on the shipped knowledge and on the synthetic
 * 5,000-case base. `node dist/bench/search-snapshot.js out.json`, then diff two outputs.
 */
const KNOWLEDGE_DIR = new URL('../../knowledge', import.meta.url).pathname;
const EVAL_DIR = new URL('../../tests/fixtures/search-eval/', import.meta.url).pathname;

/** Every distinct query of every evaluation set, set by set in file-name order (`dir` ends with a slash). */
export function evalSetQueries(dir = EVAL_DIR): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return [...new Set(files.flatMap((f) => readEvalSet(`${dir}${f}`).map((x) => x.q)))];
}

export function rankedAnswers(kb: KnowledgeBase, queries: readonly string[]): Record<string, { strict: string[]; loose: string[] }> {
  const hits = (list: { id: string; score: number }[]) => list.map((h) => `${h.id} ${h.score}`);
  return Object.fromEntries(queries.map((q) => [q, { strict: hits(kb.search(q, 3)), loose: hits(kb.search(q, 25, { strict: false })) }]));
}

async function main(out: string): Promise<void> {
  const queries = evalSetQueries();
  const shipped = await loadKnowledgeFiles(KNOWLEDGE_DIR);
  const shippedKb = KnowledgeBase.build(shipped.files);
  const dir = writeSyntheticKnowledge(shipped.files, 5000);
  try {
    const synthetic = KnowledgeBase.build((await loadKnowledgeFiles(dir)).files);
    writeFileSync(out, JSON.stringify({ shipped: rankedAnswers(shippedKb, queries), synthetic: rankedAnswers(synthetic, queries) }, null, 1));
    console.log(`${queries.length} queries × 2 bases written to ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('search-snapshot.js')) await main(process.argv[2] ?? 'search-snapshot.json');
