/**
 * Pieces shared by the number rules. A number may not start or end inside a longer run of digits
 * or letters (a decimal point, thousands comma or time colon also counts as inside), except right after a
 * word agents glue in front of a number: `tel13812345678`, `vx13812345678`, `ID110101…`.
 * Stars between digits, or three and more in a row, are masked digits, so still inside: the digits
 * a mask keeps are not read as the start of a new number. One or two (`*13812345678*`, chat bold) are not.
 */

const GLUED_WORDS = ['tel', 'phone', 'mobile', 'mob', 'cell', 'call', 'ph', 'fax', 'whatsapp', 'wa', 'wechat', 'weixin', 'wx', 'vx', 'v', 'qq', 'no', 'num', 'id', 'card', 'acct'];

export const START = String.raw`(?:(?<![\dA-Za-z]|\d[.,:]|[\dA-Za-z]\*+|\*{3})|(?<=(?<![A-Za-z])(?:${GLUED_WORDS.join('|')})))`;
export const END = String.raw`(?![\dA-Za-z]|[.,:]\d|\*+[\dA-Za-z]|\*{3})`;
/** Letters may follow a mobile number (`13812345678call me`); digits may not. */
export const END_DIGITS = String.raw`(?!\d|[.,:]\d|\*+\d|\*{3})`;

/** One separator agents put between digits: one or two spaces, or a dash/dot/middle dot with a space either side or none. */
export const SEP = String.raw`(?:[ \t]{1,2}|[ \t]?[-.\u00B7\u30FB\u2010-\u2015\u2212][ \t]?)`;

/** `digits` digit patterns in a row, each optionally after a separator. */
export const spacedDigits = (count: number | string): string => String.raw`(?:${SEP}?\d){${count}}`;

/** An IPv4 address is not a phone number, even when its digits are. */
export const isIPv4 = (match: string): boolean => /^\d{1,3}(?:\.\d{1,3}){3}$/.test(match);

