import type { Edit, MaskRule } from './edits.js';
import { passesLuhn } from './luhn.js';
import { SEP, START } from './number-shapes.js';

/** Digit groups joined by separators, e.g. `2026-12-01 4111 1111 1111 1111 200`. */
const RUN = new RegExp(String.raw`${START}\d+(?:${SEP}\d+)*(?![\dA-Za-z]|\*+[\dA-Za-z])`, 'gi');

/**
 * Lengths and first digits that card schemes issue: 13 Visa (4), 14 Diners (3), 15 Amex (34/37),
 * 16–19 Mastercard 2-series, JCB, Visa, Mastercard, UnionPay, Discover (2–6). A mobile starts with 1.
 */
const CARD_SHAPE = /^(?:4\d{12}|3\d{13}|3[47]\d{13}|[2-6]\d{15,18})$/;
const MOBILE = /^1[3-9]\d{9}$/;

interface Group {
  digits: string;
  at: number;
  /** The separator before it (empty for the first group of a run). */
  before: string;
}

function isCard(part: Group[]): boolean {
  let length = 0;
  for (const g of part) length += g.digits.length;
  if (length < 13) return false;
  const digits = part.map((g) => g.digits).join('');
  if (!CARD_SHAPE.test(digits) || !passesLuhn(digits)) return false;
  // Written in groups, a card is in groups of 3–6, the last maybe shorter (4-4-4-4, 4-6-5, 4-4-4-4-3, 4-4-4-1):
  // two refs side by side (`#42321078 95588`) are not one card.
  const groupsFit = part.every((g, k) => g.digits.length <= 6 && (g.digits.length >= 3 || k === part.length - 1));
  if (part.length > 1 && (!groupsFit || part.some((g) => MOBILE.test(g.digits)))) return false;
  return new Set(part.slice(1).map((g) => g.before)).size <= 1;
}

/**
 * Payment-card numbers, 13–19 digits, whole or in groups, that pass the Luhn check; the last 4 stay.
 * Within a run the longest whole groups written with one kind of separator that make a card win, so
 * a date before a card or an amount after it (`4111 1111 1111 1111 200`) is not taken for part of it.
 */
export const bankCard: MaskRule = (view) => {
  const edits: Edit[] = [];
  for (const run of view.matchAll(RUN)) {
    const groups: Group[] = [];
    for (const g of run[0].matchAll(/\d+/g)) {
      const prev = groups.at(-1);
      const before = prev ? run[0].slice(prev.at - run.index + prev.digits.length, g.index) : '';
      groups.push({ digits: g[0], at: run.index + g.index, before });
    }
    for (let i = 0; i < groups.length; i++) {
      // No card has more than 19 digits, so only the groups that fit are tried (a long run stays linear).
      let last = i;
      for (let total = groups[i]!.digits.length; last + 1 < groups.length && total + groups[last + 1]!.digits.length <= 19; last++) total += groups[last + 1]!.digits.length;
      for (let j = last; j >= i; j--) {
        if (!isCard(groups.slice(i, j + 1))) continue;
        const positions = groups.slice(i, j + 1).flatMap((g) => [...g.digits].map((_, k) => g.at + k));
        edits.push({ kind: 'star', positions: positions.slice(0, -4) });
        i = j;
        break;
      }
    }
  }
  return edits;
};
