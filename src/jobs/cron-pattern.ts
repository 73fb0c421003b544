/** Each field's name and bounds; weekday 7 is Sunday again, as both schedulers read it. */
const FIELDS = [
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day', 1, 31],
  ['month', 1, 12],
  ['weekday', 0, 7],
] as const;

/**
 * What is wrong with a digest schedule, or undefined when both schedulers read it alike: node-cron
 * (file store) and graphile-worker (PostgreSQL). That is graphile-worker's grammar, a subset of
 * node-cron's: five fields, each a comma list of numbers, ranges `a-b` and `*` (alone or with a step, every n) within the
 * field's bounds; no names (MON, JAN), no steps on ranges, no seconds. A pattern node-cron alone
 * reads would stop a PostgreSQL replica at start; here it is a config error instead. Checked by
 * hand so start-up loads neither library for it.
 */
export function cronPatternProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) return 'takes five fields (minute hour day month weekday), e.g. 0 8,16 * * *';
  for (const [i, field] of fields.entries()) {
    const [name, min, max] = FIELDS[i]!;
    const bad = field.split(',').find((part) => !partFits(part, min, max));
    if (bad !== undefined) return `has "${bad}" as its ${name}: use numbers ${min}-${max}, ranges such as 1-5, * or */n, joined by commas (no names), e.g. 0 8,16 * * 1-5`;
  }
  return undefined;
}

function partFits(part: string, min: number, max: number): boolean {
  const every = /^\*(?:\/(\d+))?$/.exec(part);
  if (every) return every[1] === undefined || Number(every[1]) >= 1;
  const span = /^(\d+)(?:-(\d+))?$/.exec(part);
  if (!span) return false;
  const from = Number(span[1]);
  const to = span[2] === undefined ? from : Number(span[2]);
  return from >= min && to <= max && (span[2] === undefined || to > from);
}
