import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';

export const EvalQuery = z.object({
  q: z.string().min(1),
  /** Acceptable ids, best first; empty means nothing should match. */
  expect: z.array(z.string()),
  kind: z.string(),
});
export type EvalQuery = z.infer<typeof EvalQuery>;

export function readEvalSet(file: string): EvalQuery[] {
  return z.array(EvalQuery).parse(parse(readFileSync(file, 'utf8')));
}

/**
 * The queries a knowledge base can answer: off-topic ones, and those expecting at least one case
 * it has (a set may already ask for a case that is still being written).
 */
export function answerable(queries: readonly EvalQuery[], has: (id: string) => boolean): EvalQuery[] {
  return queries.filter((q) => q.expect.length === 0 || q.expect.some(has));
}

export interface EvalResult {
  positives: number;
  top1: number;
  top3: number;
  negatives: number;
  /** Negatives correctly answered with "no match". */
  rejected: number;
  byKind: Record<string, { n: number; top1: number; top3: number }>;
  misses: { q: string; expect: string[]; got: string[] }[];
}

/** Top-1 and top-3 accuracy of `/script` search on a labelled query set. */
export function evaluateSearch(kb: KnowledgeBase, queries: readonly EvalQuery[]): EvalResult {
  return evaluateRanking((q) => kb.search(q, 3).map((h) => h.id), queries);
}

/** The same for any ranking: a function from a query to the best ids, best first (empty: no match). */
export function evaluateRanking(rank: (query: string) => readonly string[], queries: readonly EvalQuery[]): EvalResult {
  const result: EvalResult = { positives: 0, top1: 0, top3: 0, negatives: 0, rejected: 0, byKind: {}, misses: [] };
  for (const query of queries) {
    const got = rank(query.q).slice(0, 3);
    if (!query.expect.length) {
      result.negatives++;
      if (!got.length) result.rejected++;
      else result.misses.push({ q: query.q, expect: [], got });
      continue;
    }
    const kind = (result.byKind[query.kind] ??= { n: 0, top1: 0, top3: 0 });
    const hit1 = got[0] !== undefined && query.expect.includes(got[0]);
    const hit3 = got.some((id) => query.expect.includes(id));
    result.positives++;
    kind.n++;
    if (hit1) (result.top1++, kind.top1++);
    if (hit3) (result.top3++, kind.top3++);
    if (!hit1) result.misses.push({ q: query.q, expect: query.expect, got });
  }
  return result;
}

export function formatEval(name: string, r: EvalResult): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  const lines = [
    `${name}: ${r.positives} queries: top-1 ${pct(r.top1, r.positives)}, top-3 ${pct(r.top3, r.positives)}; ` +
      `${r.negatives} off-topic: ${pct(r.rejected, r.negatives)} answered "no match"`,
    ...Object.entries(r.byKind).map(([kind, k]) => `  ${kind.padEnd(14)} n=${String(k.n).padStart(3)}  top-1 ${pct(k.top1, k.n)}  top-3 ${pct(k.top3, k.n)}`),
  ];
  return lines.join('\n');
}
