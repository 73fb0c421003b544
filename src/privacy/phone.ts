import { patternRule, type MaskRule } from './edits.js';
import { END, END_DIGITS, isIPv4, SEP, spacedDigits, START } from './number-shapes.js';

/**
 * Chinese mobile, written whole or with any separators (138.1234.5678, 138 1234 5678), optionally
 * after +86 / 0086 / 86 / (+86). The first 3 and last 4 digits stay (138****5678), after the country code.
 */
export const mobile: MaskRule = patternRule(
  new RegExp(String.raw`${START}(?:(?:\+|00)?86${SEP}?|\(\+?86\)${SEP}?)?1${SEP}?[3-9]${spacedDigits(9)}${END_DIGITS}`, 'gi'),
  (digits, match) => (isIPv4(match) ? undefined : [digits.length - 11 + 3, 4]),
);

const AREA = String.raw`(?:010|02\d|0[3-9]\d{2})`;

/** Chinese landline with area code: 010 / 02x + 8 digits, or 0xxx + 7–8 digits. The area code and last 4 stay; an extension after it is left. */
export const landline: MaskRule = patternRule(
  new RegExp(String.raw`${START}(?:\(${AREA}\)${SEP}?|${AREA}${SEP}?)[1-9]${spacedDigits('6,7')}${END}`, 'gi'),
  (digits) => {
    const area = /^0(?:10|2)/.test(digits) ? 3 : 4;
    const local = digits.length - area;
    return local === 8 || (local === 7 && area === 4) ? [area, 4] : undefined;
  },
);

/**
 * Taiwan mobile, 09 and 8 digits, written whole or with separators (0912-345-678, 0912 345 678).
 * The first 4 and last 3 digits stay (0912-***-678), the way Taiwan masks them. After +886 the
 * international rule applies.
 */
export const taiwanMobile: MaskRule = patternRule(
  new RegExp(String.raw`${START}0${SEP}?9${spacedDigits(8)}${END}`, 'gi'),
  () => [4, 3],
);

/** International with a leading +: the country code stays when it stands apart, and the last 4 digits. */
export const international: MaskRule = patternRule(
  new RegExp(String.raw`(?<![\d+])\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}${END}`, 'g'),
  (digits, match) => {
    if (digits.length < 8 || digits.length > 15) return undefined;
    const country = /^\+(\d{1,3})[ .(-]/.exec(match)?.[1];
    return [country?.length ?? 0, 4];
  },
);

/** North American: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567. Not Chinese 400 hotlines (400-800-8888). */
export const northAmerican: MaskRule = patternRule(
  new RegExp(String.raw`${START}(?!\(?400)(?:\([2-9]\d{2}\) ?\d{3}[-. ]|[2-9]\d{2}([-. ])\d{3}\1)\d{4}${END}`, 'gi'),
  () => [0, 4],
);
