/** What a masking rule asks for, in positions of the text view (see text-view.ts). */
export type Edit =
  /** These characters become `*` (digits of a number; the ones agents need stay). */
  | { kind: 'star'; positions: number[] }
  /** The range [start, end) becomes `text`; an empty range inserts `text` before `start`. */
  | { kind: 'replace'; start: number; end: number; text: string };

/** Finds what to mask in the view; the view already has `*` where earlier rules masked. */
export type MaskRule = (view: string) => Edit[];

/** Stars the digits of `match` (at `index`) except the first `first` and the last `last` of them. */
export function starDigits(match: string, index: number, first: number, last: number, digit: RegExp = /\d/): Edit {
  const positions: number[] = [];
  const total = [...match].filter((c) => digit.test(c)).length;
  let n = 0;
  for (let i = 0; i < match.length; i++) {
    if (!digit.test(match[i]!)) continue;
    if (n >= first && n < total - last) positions.push(index + i);
    n++;
  }
  return { kind: 'star', positions };
}

/**
 * A rule from a pattern and a check of what it matched. When the check says no, the search goes
 * on from the next character rather than after the match, so a real number right behind a
 * look-alike is still found.
 */
export function patternRule(pattern: RegExp, keep: (digits: string, match: string) => [first: number, last: number] | undefined, digit: RegExp = /\d/): MaskRule {
  return (view) => {
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    const edits: Edit[] = [];
    for (let m = re.exec(view); m; m = re.exec(view)) {
      const digits = [...m[0]].filter((c) => digit.test(c)).join('');
      const kept = keep(digits, m[0]);
      if (!kept) {
        re.lastIndex = m.index + 1;
        continue;
      }
      edits.push(starDigits(m[0], m.index, kept[0], kept[1], digit));
    }
    return edits;
  };
}
