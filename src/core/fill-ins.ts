/**
 * Fill-ins are the parts of a say-line the agent completes before reading it out:
 * `[reply time]`, `[答复时间]`, `[amount]`. One convention in every language: square
 * brackets around a short label. Renderers style them so they stand out; the label itself
 * never holds markup characters, so styling it cannot open a link or a mention.
 */
export const FILL_IN = /\[([^[\]\n*_`~<>|]{1,40})\]/gu;

export interface LineSegment {
  text: string;
  /** True for a fill-in: `text` is its label, without the brackets. */
  fillIn: boolean;
}

/** A say-line as plain text and fill-ins, in order; joining them back gives the line. */
export function splitFillIns(line: string): LineSegment[] {
  const out: LineSegment[] = [];
  let at = 0;
  for (const match of line.matchAll(FILL_IN)) {
    if (match.index > at) out.push({ text: line.slice(at, match.index), fillIn: false });
    out.push({ text: match[1]!, fillIn: true });
    at = match.index + match[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at), fillIn: false });
  return out;
}

/** The line with every fill-in replaced by blanks of the same length, for checks that must skip them. */
export function blankFillIns(line: string): string {
  return line.replace(FILL_IN, (whole) => ' '.repeat(whole.length));
}

/** Renders a line segment by segment; `plain` escapes ordinary text, `fillIn` styles a label. */
export function renderFillIns(line: string, plain: (text: string) => string, fillIn: (label: string) => string): string {
  return splitFillIns(line)
    .map((segment) => (segment.fillIn ? fillIn(segment.text) : plain(segment.text)))
    .join('');
}
