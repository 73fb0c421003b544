/**
 * Masks phone and ID-card numbers in free text before it is stored. Order, parcel and customer
 * numbers, amounts, dates and times are left alone: each rule needs a phone or ID shape, and a
 * number may not start or end inside a longer run of digits or letters.
 */

/** Not inside a longer number or word (a decimal point or thousands comma also counts as inside). */
const START = String.raw`(?<![\dA-Za-z]|\d[.,])`;
const END = String.raw`(?![\dA-Za-z]|[.,]\d)`;

interface Rule {
  pattern: RegExp;
  /** Characters counted as digits when deciding which to keep. */
  digit?: RegExp;
  /** How many digits to keep at the start and end, or undefined when the match is not really one. */
  keep(digits: string, match: string): [first: number, last: number] | undefined;
}

const RULES: Rule[] = [
  {
    // Chinese resident ID: 6-digit region, plausible birth date (1800–2099), 3 digits, check digit or X.
    pattern: new RegExp(String.raw`${START}[1-9]\d{5} ?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?\d{3}[\dXx]${END}`, 'g'),
    digit: /[\dXx]/,
    keep: () => [6, 4],
  },
  {
    // Chinese mobile, optionally +86 / 0086 / (+86), written whole or as 3-4-4.
    pattern: new RegExp(String.raw`${START}(?:(?:\+|00)86[ -]?|\(\+?86\) ?)?1[3-9]\d(?:[ -]?\d{4}){2}${END}`, 'g'),
    keep: (digits) => [digits.length - 11 + 3, 4],
  },
  {
    // Chinese landline with area code: 010 / 02x + 8 digits, or 0xxx + 7–8 digits.
    pattern: new RegExp(String.raw`${START}(?:\((?:010|02\d|0[3-9]\d{2})\) ?|(?:010|02\d|0[3-9]\d{2})[ -]?)[1-9]\d{6,7}${END}`, 'g'),
    keep: (digits) => {
      const area = /^0(?:10|2)/.test(digits) ? 3 : 4;
      const local = digits.length - area;
      return local === 8 || (local === 7 && area === 4) ? [area, 4] : undefined;
    },
  },
  {
    // International with a leading +: keep the country code when it stands apart, and the last 4 digits.
    pattern: new RegExp(String.raw`(?<![\dA-Za-z+])\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}${END}`, 'g'),
    keep: (digits, match) => {
      if (digits.length < 8 || digits.length > 15) return undefined;
      const country = /^\+(\d{1,3})[ .(-]/.exec(match)?.[1];
      return [country?.length ?? 0, 4];
    },
  },
  {
    // North American: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567. Not Chinese 400 hotlines (400-800-8888).
    pattern: new RegExp(String.raw`${START}(?!\(?400)(?:\([2-9]\d{2}\) ?\d{3}[-. ]|[2-9]\d{2}([-. ])\d{3}\1)\d{4}${END}`, 'g'),
    keep: () => [0, 4],
  },
];

/** Full-width digits, plus signs, hyphens and spaces read as ASCII, one character for one, so positions still match the text. */
function forDetection(units: readonly string[]): string[] {
  return units.map((u) => {
    const n = u.normalize('NFKC');
    return n.length === 1 ? n : u;
  });
}

export function maskSensitive(text: string): string {
  const out = text.split('');
  const seen = forDetection(out);
  for (const rule of RULES) {
    const digit = rule.digit ?? /\d/;
    for (const match of seen.join('').matchAll(rule.pattern)) {
      const chars = match[0].split('');
      const digits = chars.filter((c) => digit.test(c)).join('');
      const keep = rule.keep(digits, match[0]);
      if (!keep) continue;
      const [first, last] = keep;
      let n = 0;
      for (let i = 0; i < chars.length; i++) {
        if (!digit.test(chars[i]!)) continue;
        if (n >= first && n < digits.length - last) {
          out[match.index + i] = '*';
          seen[match.index + i] = '*'; // a later rule must not match the masked digits again
        }
        n++;
      }
    }
  }
  return out.join('');
}
