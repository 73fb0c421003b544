import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { hasHan, toSimplified } from '../src/text/chinese-script.js';

export const EvalQuery = z.object({
  q: z.string().min(1),
  /** Acceptable ids, best first; empty means nothing should match. */
  expect: z.array(z.string()),
  kind: z.string(),
  /** The language it is written in, when the set says so; otherwise read from the text (languageOf). */
  lang: z.enum(['zh-CN', 'zh-TW', 'en']).optional(),
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
  /** The same by the language a query is written in (zh-TW: Traditional characters, en: no Chinese). */
  byLanguage: Record<string, { n: number; top1: number; top3: number }>;
  /** Off-topic queries by language: how many, how many answered "no match". */
  negativesByLanguage: Record<string, { n: number; rejected: number }>;
  misses: { q: string; expect: string[]; got: string[] }[];
}

/** Top-1 and top-3 accuracy of `/script` search on a labelled query set. */
export function evaluateSearch(kb: KnowledgeBase, queries: readonly EvalQuery[]): EvalResult {
  return evaluateRanking((q) => kb.search(q, 3).map((h) => h.id), queries);
}

/** The same for any ranking: a function from a query to the best ids, best first (empty: no match). */
export function evaluateRanking(rank: (query: string) => readonly string[], queries: readonly EvalQuery[]): EvalResult {
  const result: EvalResult = {
    ...{ positives: 0, top1: 0, top3: 0, negatives: 0, rejected: 0 },
    ...{ byKind: {}, byLanguage: {}, negativesByLanguage: {}, misses: [] },
  };
  for (const query of queries) {
    const got = rank(query.q).slice(0, 3);
    const language = query.lang ?? languageOf(query.q);
    if (!query.expect.length) {
      const negatives = (result.negativesByLanguage[language] ??= { n: 0, rejected: 0 });
      result.negatives++;
      negatives.n++;
      if (!got.length) (result.rejected++, negatives.rejected++);
      else result.misses.push({ q: query.q, expect: [], got });
      continue;
    }
    for (const kind of [(result.byKind[query.kind] ??= { n: 0, top1: 0, top3: 0 }), (result.byLanguage[language] ??= { n: 0, top1: 0, top3: 0 })]) {
      kind.n++;
      if (got[0] !== undefined && query.expect.includes(got[0])) kind.top1++;
      if (got.some((id) => query.expect.includes(id))) kind.top3++;
    }
    const hit1 = got[0] !== undefined && query.expect.includes(got[0]);
    const hit3 = got.some((id) => query.expect.includes(id));
    result.positives++;
    if (hit1) result.top1++;
    if (hit3) result.top3++;
    if (!hit1) result.misses.push({ q: query.q, expect: query.expect, got });
  }
  return result;
}

export function formatEval(name: string, r: EvalResult): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  const lines = [
    `${name}: ${r.positives} queries: top-1 ${pct(r.top1, r.positives)}, top-3 ${pct(r.top3, r.positives)}; ` +
      `${r.negatives} off-topic: ${pct(r.rejected, r.negatives)} answered "no match"`,
    ...[...Object.entries(r.byKind), ...Object.entries(r.byLanguage).map(([l, k]) => [`lang:${l}`, k] as const)].map(
      ([kind, k]) => `  ${kind.padEnd(14)} n=${String(k.n).padStart(3)}  top-1 ${pct(k.top1, k.n)}  top-3 ${pct(k.top3, k.n)}`,
    ),
    ...Object.entries(r.negativesByLanguage).map(([l, k]) => `  ${`off:${l}`.padEnd(14)} n=${String(k.n).padStart(3)}  no match ${pct(k.rejected, k.n)}`),
  ];
  return lines.join('\n');
}

/** zh-TW when the Chinese is written in Traditional characters, zh-CN for other Chinese, en without Chinese. */
export function languageOf(query: string): 'zh-CN' | 'zh-TW' | 'en' {
  if (!hasHan(query)) return 'en';
  return toSimplified(query) === query ? 'zh-CN' : 'zh-TW';
}
