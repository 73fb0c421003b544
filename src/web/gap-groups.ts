import { wordTerms } from '../text/tokenize.js';
import type { Gap } from '../knowledge/usage-store.js';

export interface GapGroup {
  /** The most frequent wording in the group. */
  wording: string;
  count: number;
  noHit: number;
  notHelped: number;
  /** Other wordings grouped with it, most frequent first. */
  variants: string[];
}

const SIMILAR = 0.6;

/**
 * Share of the shorter wording's terms found in the other: a short query ("kitten adoption")
 * joins a longer one that contains it. At least two shared terms unless a wording has one.
 */
function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const small = Math.min(a.size, b.size);
  if (!small) return false;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared >= Math.min(2, small) && shared / small >= SIMILAR;
}

/** Search terms of a wording, without numbers (masked ones leave only fragments). */
const termsOf = (text: string) => new Set(wordTerms(text).filter((t) => !/[\d*]/.test(t)));

/**
 * Groups gap queries by similar wording (the search's own terms: stems, Chinese bigrams),
 * each wording joining the first group it is similar to, most frequent group first.
 */
export function gapGroups(gaps: readonly Gap[]): GapGroup[] {
  const byText = new Map<string, { text: string; noHit: number; notHelped: number }>();
  for (const g of gaps) {
    const key = g.query.toLowerCase().replace(/\s+/g, ' ').trim();
    const entry = byText.get(key) ?? { text: g.query, noHit: 0, notHelped: 0 };
    entry[g.kind === 'no-hit' ? 'noHit' : 'notHelped']++;
    byText.set(key, entry);
  }
  const wordings = [...byText.values()].sort((a, b) => b.noHit + b.notHelped - (a.noHit + a.notHelped) || a.text.localeCompare(b.text));
  const groups: { terms: Set<string>; group: GapGroup }[] = [];
  for (const w of wordings) {
    const terms = termsOf(w.text);
    const home = groups.find((g) => similar(g.terms, terms));
    if (home) {
      home.group.count += w.noHit + w.notHelped;
      home.group.noHit += w.noHit;
      home.group.notHelped += w.notHelped;
      home.group.variants.push(w.text);
    } else {
      groups.push({ terms, group: { wording: w.text, count: w.noHit + w.notHelped, noHit: w.noHit, notHelped: w.notHelped, variants: [] } });
    }
  }
  return groups.map((g) => g.group).sort((a, b) => b.count - a.count);
}
