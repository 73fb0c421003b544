import { parseWhen, type ParseWhenOptions, type WhenResult } from '../../src/promises/parse-when.js';

/**
 * The time-reading tests' fixed moment: Wednesday 2 December 2026, 14:10 in Shanghai (the team works 09:00–18:00,
 * Monday to Friday, unless a case says otherwise).
 */
export const NOW = '2026-12-02T14:10:00+08:00';

export const read = (text: string, extra: Partial<ParseWhenOptions> = {}): WhenResult =>
  parseWhen(text, { now: new Date(NOW), timeZone: 'Asia/Shanghai', ...extra });

/** A Shanghai wall-clock time ("2026-12-03T15:00") as a Date. */
export const at = (local: string) => new Date(`${local}:00+08:00`);

/** The due time when the text is read, else the refusal. */
export const due = (text: string, extra?: Partial<ParseWhenOptions>) => {
  const r = read(text, extra);
  return r.ok ? r.dueAt : r;
};

export const noTime = { ok: false, reason: 'no-time' };
