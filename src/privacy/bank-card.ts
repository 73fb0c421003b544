import type { Edit, MaskRule } from './edits.js';
import { passesLuhn } from './luhn.js';
import { START } from './number-shapes.js';

/**
 * Runs of digit groups joined by one kind of separator (4111 1111 1111 1111, 6222-0212-…), so a
 * date or amount written next to a card is a run of its own.
 */
const RUN = new RegExp(String.raw`${START}\d+(?:([ \t]{1,2}|[ \t]?[-.\u2010-\u2015\u2212][ \t]?)\d+(?:\1\d+)*)?(?![\dA-Za-z])`, 'gi');

/**
 * Lengths and first digits that card schemes issue: 13 Visa (4), 14 Diners (3), 15 Amex (34/37),
 * 16–19 Mastercard 2-series, JCB, Visa, Mastercard, UnionPay, Discover (2–6). A mobile starts with 1.
 */
const CARD_SHAPE = /^(?:4\d{12}|3\d{13}|3[47]\d{13}|[2-6]\d{15,18})$/;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Payment-card numbers, 13–19 digits, whole or in groups, that pass the Luhn check; the last 4 stay.
 * Within a run, the longest whole groups from the front that make a card win, so a card followed by
 * an amount (`4111 1111 1111 1111 200`) is still found.
 */
export const bankCard: MaskRule = (view) => {
  const edits: Edit[] = [];
  for (const run of view.matchAll(RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({ digits: g[0], at: run.index + g.index }));
    for (let i = 0; i < groups.length; i++) {
      for (let j = groups.length - 1; j >= i; j--) {
        const part = groups.slice(i, j + 1);
        const digits = part.map((g) => g.digits).join('');
        if (!CARD_SHAPE.test(digits) || !passesLuhn(digits)) continue;
        if (part.length > 1 && part.some((g) => MOBILE.test(g.digits))) continue;
        const positions = part.flatMap((g) => [...g.digits].map((_, k) => g.at + k)).slice(0, -4);
        edits.push({ kind: 'star', positions });
        i = j;
        break;
      }
    }
  }
  return edits;
};
