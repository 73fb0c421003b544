import type { AuthoredLocale } from '../i18n/locale.js';
import { normalizeAuthoredText, normalizeText } from '../text/tokenize.js';
import type { PhrasebookFile, PhraseSeverity } from './schema.js';

export type PhraseEntry = PhrasebookFile['entries'][number];

export interface PhraseHit {
  entry: PhraseEntry;
  /** The words of the checked text that matched, as written there. */
  found: string;
  index: number;
  severity: PhraseSeverity;
}

interface CompiledPattern {
  /** Lower-case texts the pattern cannot match without any of; a cheap test before the regex. */
  needles?: string[];
  regex: RegExp;
}

interface CompiledEntry {
  entry: PhraseEntry;
  patterns: CompiledPattern[];
}

/** Banned and non-standard phrases of one locale, and where they occur in a text. */
export class Phrasebook {
  readonly locale: AuthoredLocale;
  readonly #entries: CompiledEntry[];

  constructor(file: PhrasebookFile) {
    this.locale = file.locale;
    this.#entries = file.entries.map((entry) => ({
      entry,
      patterns: [
        ...(entry.match.length ? [literalsPattern(entry.match, file.locale)] : []),
        ...(entry.regex ? [{ regex: new RegExp(entry.regex, 'giu') }] : []),
      ],
    }));
  }

  /**
   * Every entry the text trips, first occurrence each, in reading order. `authored` text (the
   * knowledge files) is already Simplified and skips the script conversion.
   */
  findIn(text: string, options: { authored?: boolean } = {}): PhraseHit[] {
    // Normalising keeps string length for the scripts we handle (case, width, Simplified),
    // so indexes found in the normalised text point into the original.
    const normalized = options.authored ? normalizeAuthoredText(text) : normalizeText(text);
    const sameLength = normalized.length === text.length;
    const hits: PhraseHit[] = [];
    for (const { entry, patterns } of this.#entries) {
      let best: { index: number; length: number } | undefined;
      for (const { needles, regex: pattern } of patterns) {
        if (needles && !needles.some((needle) => normalized.includes(needle))) continue;
        pattern.lastIndex = 0;
        const m = pattern.exec(normalized);
        if (!m) continue;
        if (!best || m.index < best.index) best = { index: m.index, length: m[0].length };
      }
      if (best) {
        const source = sameLength ? text : normalized;
        hits.push({
          entry,
          found: source.slice(best.index, best.index + best.length).trim(),
          index: best.index,
          severity: entry.severity,
        });
      }
    }
    return hits.sort((a, b) => a.index - b.index);
  }
}

/**
 * All literal phrases of an entry as one regex (one compilation, one scan). English phrases
 * match whole words only, so "no" does not fire inside "know"; English is ASCII, so the word
 * boundary needs no Unicode tables, which keeps loading quick.
 */
function literalsPattern(phrases: readonly string[], locale: AuthoredLocale): CompiledPattern {
  const normalized = phrases.map((p) => normalizeAuthoredText(p).replace(/\s+/g, ' ').trim());
  const alternatives = normalized
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
  const regex = locale === 'en' ? new RegExp(`(?<![a-z0-9])(?:${alternatives})(?![a-z0-9])`, 'gi') : new RegExp(`(?:${alternatives})`, 'g');
  return { needles: normalized.map((p) => p.split(' ')[0]!), regex };
}
