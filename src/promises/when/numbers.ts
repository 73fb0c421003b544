/** Numbers as agents type them in time phrases: Arabic, English words up to ten, Chinese up to 99. */

export const CN = '[零〇一二两三四五六七八九十]{1,3}';
export const NUM = `(?:\\d{1,2}|${CN})`;
const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Arabic numbers (with decimals), English words up to ten, Chinese numbers up to 99 (十五, 二十, 两, 零五). */
export function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  if (/^\d/.test(s)) return Number(s);
  const en = EN_NUMBERS[s];
  if (en !== undefined) return en;
  if (s.length === 2 && (s[0] === '零' || s[0] === '〇')) return ZH_DIGITS[s[1]!] ?? null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (ZH_DIGITS[s] ?? null) : null;
  const tens = ten === 0 ? 1 : ZH_DIGITS[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : ZH_DIGITS[s.slice(ten + 1)];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

