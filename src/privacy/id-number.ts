import { patternRule, type MaskRule } from './edits.js';
import { END, SEP, spacedDigits, START } from './number-shapes.js';

/** First two digits of a resident ID: the province (and 71/81/82/83 for Taiwan, Hong Kong and Macau residents). */
const PROVINCE = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;

const isDate = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** Chinese resident ID, 18 characters: region, birth date 1800–2099, sequence, check digit or X. Region and last 4 stay. */
export const idNumber18: MaskRule = patternRule(
  new RegExp(String.raw`${START}[1-9]${spacedDigits(16)}${SEP}?[\dX]${END}`, 'gi'),
  (digits) => {
    const year = Number(digits.slice(6, 10));
    const ok = PROVINCE.test(digits) && year >= 1800 && year <= 2099 && isDate(Number(digits.slice(10, 12)), Number(digits.slice(12, 14)));
    return ok ? [6, 4] : undefined;
  },
  /[\dXx]/,
);

/** The older 15-digit ID: region, YYMMDD birth date, sequence. Region and the 3-digit sequence stay. */
export const idNumber15: MaskRule = patternRule(
  new RegExp(String.raw`${START}[1-9]${spacedDigits(14)}${END}`, 'gi'),
  (digits) => (PROVINCE.test(digits) && isDate(Number(digits.slice(8, 10)), Number(digits.slice(10, 12))) ? [6, 3] : undefined),
);
