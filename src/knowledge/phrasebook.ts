import type { AuthoredLocale } from '../core/locale.js';
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
  /** Lower-case text the pattern cannot match without; a cheap test before the regex. */
  needle?: string;
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
        ...entry.match.map((phrase) => {
          const needle = normalizeText(phrase).replace(/\s+/g, ' ');
          return { needle: needle.split(' ')[0], regex: literalPattern(needle, file.locale) };
        }),
        ...(entry.regex ? [{ regex: new RegExp(entry.regex, 'giu') }] : []),
      ],
    }));
  }

  get size(): number {
    return this.#entries.length;
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
      for (const { needle, regex: pattern } of patterns) {
        if (needle && !normalized.includes(needle)) continue;
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

function literalPattern(phrase: string, locale: AuthoredLocale): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  // English phrases match whole words, so "no" does not fire inside "know".
  return locale === 'en' ? new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu') : new RegExp(escaped, 'giu');
}
