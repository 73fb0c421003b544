/**
 * What the masking rules read: the text with invisible characters taken out (they are pasted,
 * or typed on purpose, to split a number) and full-width digits, letters and punctuation read as
 * ASCII. Each position remembers where it came from, so masking edits the original text.
 */

/** Zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings and isolates, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

export interface TextView {
  /** The text as the rules see it. */
  text: string;
  /** For each position of `text`, the index of the UTF-16 unit in the original it came from. */
  origin: number[];
}

export function viewOf(original: string): TextView {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const unit = original[i]!;
    if (INVISIBLE.test(unit)) continue;
    const ascii = unit.normalize('NFKC');
    text += ascii.length === 1 ? ascii : unit;
    origin.push(i);
  }
  return { text, origin };
}
