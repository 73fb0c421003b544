import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseLine, type ParsedLine } from '../src/cli/promise-parse.js';
import { Locale } from '../src/i18n/locale.js';
import { DEFAULT_TEAM_DAY, type TeamDay } from '../src/promises/when/team-day.js';

const Iso = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not an ISO time');

const TimeItem = z.object({
  text: z.string().min(1),
  locale: Locale,
  at: Iso.nullable(),
  accept: z.array(Iso.nullable()).optional(),
  note: z.string().nullable().optional(),
  now: Iso.optional(),
  why: z.string().optional(),
});
export type TimeItem = z.infer<typeof TimeItem>;

export const TimeEvalSet = z.object({
  defaults: z.record(Locale, z.object({ now: Iso, tz: z.string() })),
  items: z.array(TimeItem).min(1),
});
export type TimeEvalSet = z.infer<typeof TimeEvalSet>;

export function readTimeEvalSet(file: string): TimeEvalSet {
  return TimeEvalSet.parse(parse(readFileSync(file, 'utf8')));
}

/** What the harness appends to a bare expression, so it is a whole `/promise` line. */
export const NEUTRAL_NOTE: Record<Locale, string> = { 'zh-CN': ' 回电', 'zh-TW': ' 回電', en: ' call back' };

export interface LanguageFigures {
  n: number;
  /** Time right (and, for lines, note right). */
  correct: number;
  /** A concrete time that is not the label nor an accepted answer: the failure that must never happen. */
  wrongConcrete: number;
  /** Refused (at null) where a time was expected. */
  refusedExpected: number;
  /** Refused in all, right or not. */
  refused: number;
  /** Lines whose time was right but whose note was not. */
  wrongNote: number;
}

export interface TimeEvalResult {
  byLocale: Record<string, LanguageFigures>;
  total: LanguageFigures;
  misses: { text: string; locale: string; expected: string | null; got: string | null; note?: { expected: string; got: string | null }; kind: 'wrong' | 'refused' | 'note' }[];
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

/**
 * Scores the parser on a labelled set. `kind` 'expressions' appends the neutral note; 'lines' are
 * whole lines whose kept note is checked too.
 */
export function evaluateTimes(
  set: TimeEvalSet,
  kind: 'expressions' | 'lines',
  teamDay: TeamDay = DEFAULT_TEAM_DAY,
  /** Another reader to compare with; the bot's own by default. */
  read: (text: string, options: { now: Date; timeZone: string; teamDay: TeamDay }) => ParsedLine = parseLine,
): TimeEvalResult {
  const empty = (): LanguageFigures => ({ n: 0, correct: 0, wrongConcrete: 0, refusedExpected: 0, refused: 0, wrongNote: 0 });
  const result: TimeEvalResult = { byLocale: {}, total: empty(), misses: [] };
  for (const item of set.items) {
    const defaults = set.defaults[item.locale];
    if (!defaults) throw new Error(`no defaults for ${item.locale}`);
    const text = kind === 'expressions' ? item.text + NEUTRAL_NOTE[item.locale] : item.text;
    const got = read(text, { now: new Date(item.now ?? defaults.now), timeZone: defaults.tz, teamDay });
    const answers = [item.at, ...(item.accept ?? [])];
    const timeRight = answers.some((a) => same(a, got.at));
    const noteRight = kind === 'expressions' || got.at === null || item.note === undefined || item.note === null || got.note === item.note;
    for (const f of [(result.byLocale[item.locale] ??= empty()), result.total]) {
      f.n++;
      if (got.at === null) f.refused++;
      if (timeRight && noteRight) f.correct++;
      else if (!timeRight && got.at !== null) f.wrongConcrete++;
      else if (!timeRight) f.refusedExpected++;
      else f.wrongNote++;
    }
    if (!timeRight || !noteRight) {
      result.misses.push({
        text: item.text,
        locale: item.locale,
        expected: item.at,
        got: got.at,
        ...(noteRight ? {} : { note: { expected: item.note!, got: got.note } }),
        kind: !timeRight ? (got.at === null ? 'refused' : 'wrong') : 'note',
      });
    }
  }
  return result;
}

export function formatTimeEval(name: string, r: TimeEvalResult): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  const row = (label: string, f: LanguageFigures) =>
    `  ${label.padEnd(6)} n=${String(f.n).padStart(3)}  accuracy ${pct(f.correct, f.n).padStart(6)}  wrong-concrete ${f.wrongConcrete}  ` +
    `refused ${f.refused} (of which a time was expected: ${f.refusedExpected})  wrong-note ${f.wrongNote}`;
  return [`${name}:`, ...Object.entries(r.byLocale).map(([locale, f]) => row(locale, f)), row('all', r.total)].join('\n');
}
