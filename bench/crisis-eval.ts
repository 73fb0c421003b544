import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { CrisisDetector, CrisisKind } from '../src/calm/crisis-detector.js';

/** One labelled phrasing: `self` (the writer may be at risk), `threat` (someone threatens them) or `none`. */
export const CrisisItem = z.object({
  text: z.string().min(1),
  lang: z.enum(['zh-CN', 'zh-TW', 'en']),
  label: z.enum(['self', 'threat', 'none']),
  why: z.string().optional(),
});
export type CrisisItem = z.infer<typeof CrisisItem>;

export function readCrisisSet(file: string): CrisisItem[] {
  return z.object({ items: z.array(CrisisItem) }).parse(parse(readFileSync(file, 'utf8'))).items;
}

export interface CrisisTally {
  danger: number;
  /** Danger items answered as a crisis of either kind. */
  caught: number;
  /** Caught danger items whose kind (self or threat) is the labelled one. */
  rightKind: number;
  none: number;
  /** Everyday items answered as a crisis of the writer (self or threat). */
  falseAlarms: number;
  /** Everyday items answered with the caller-at-risk guidance (`other`); not a crisis reply. */
  aboutSomeoneElse: number;
  /** Danger items not caught, answered with the safety question (CrisisFinding.checkIn) instead. */
  checkedIn: number;
  /** Everyday items answered with the safety question. */
  checkInsOnEveryday: number;
}

export interface CrisisEvalResult {
  all: CrisisTally;
  byLang: Record<string, CrisisTally>;
  misses: { text: string; lang: string; label: string; got: CrisisKind }[];
}

const empty = (): CrisisTally => ({ danger: 0, caught: 0, rightKind: 0, none: 0, falseAlarms: 0, aboutSomeoneElse: 0, checkedIn: 0, checkInsOnEveryday: 0 });

/** Recall, kind accuracy and false alarms of the crisis check on a labelled set. */
export function evaluateCrisis(detector: CrisisDetector, items: readonly CrisisItem[]): CrisisEvalResult {
  const all = empty();
  const byLang: Record<string, CrisisTally> = {};
  const misses: CrisisEvalResult['misses'] = [];
  for (const item of items) {
    const finding = detector.assess(item.text);
    const got = finding.kind;
    const crisis = got === 'self' || got === 'threat';
    const checkIn = finding.checkIn === true;
    for (const t of [all, (byLang[item.lang] ??= empty())]) {
      if (item.label === 'none') {
        t.none++;
        if (crisis) t.falseAlarms++;
        if (got === 'other') t.aboutSomeoneElse++;
        if (checkIn) t.checkInsOnEveryday++;
      } else {
        t.danger++;
        if (crisis) t.caught++;
        if (checkIn) t.checkedIn++;
        if (got === item.label) t.rightKind++;
      }
    }
    const right = item.label === 'none' ? !crisis : got === item.label;
    if (!right) misses.push({ text: item.text, lang: item.lang, label: item.label, got });
  }
  return { all, byLang, misses };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');

function line(name: string, t: CrisisTally): string {
  return (
    `${name.padEnd(8)} recall ${pct(t.caught, t.danger)} (${t.caught}/${t.danger})` +
    ` · kind ${pct(t.rightKind, t.caught)} (${t.rightKind}/${t.caught})` +
    ` · false alarms ${pct(t.falseAlarms, t.none)} (${t.falseAlarms}/${t.none})` +
    (t.aboutSomeoneElse ? ` · caller guidance ${t.aboutSomeoneElse}` : '') +
    (t.checkedIn || t.checkInsOnEveryday
      ? ` · with the safety question: recall ${pct(t.caught + t.checkedIn, t.danger)}, asked on everyday ${pct(t.checkInsOnEveryday, t.none)}`
      : '')
  );
}

/** The figures, one line for the whole set and one per language. */
export function formatCrisisEval(name: string, result: CrisisEvalResult): string {
  const langs = Object.keys(result.byLang).sort();
  return [`crisis ${name}:`, `  ${line('all', result.all)}`, ...langs.map((l) => `  ${line(l, result.byLang[l]!)}`)].join('\n');
}
