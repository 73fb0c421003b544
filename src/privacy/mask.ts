import { bankCard } from './bank-card.js';
import type { Edit, MaskRule } from './edits.js';
import { email } from './email.js';
import { idNumber15, idNumber18 } from './id-number.js';
import { international, landline, mobile, northAmerican, taiwanMobile } from './phone.js';
import { viewOf } from './text-view.js';

/**
 * Most specific first: a later rule does not see what an earlier one masked. E-mail goes first so a
 * mobile used as a mailbox name (13812345678@163.com) is masked as an address. Cards come before
 * the old 15-digit ID, whose shape (region + YYMMDD) also fits inside many card numbers.
 */
const RULES: MaskRule[] = [email, idNumber18, bankCard, idNumber15, mobile, landline, taiwanMobile, international, northAmerican];

/**
 * Masks personal numbers and e-mail addresses in free text before it is stored: phones, ID
 * numbers, payment cards. Order, parcel and customer numbers, amounts, dates and times are left
 * alone: each rule needs its own shape (and a valid date or check digit where the number has one).
 * Masking twice gives the same text as masking once: passes repeat until one changes nothing
 * (each change adds stars, so this ends; in practice the second pass finds nothing).
 */
export function maskSensitive(text: string): string {
  if (!mayHoldPersonalData(text)) return text;
  for (;;) {
    const masked = maskOnce(text);
    if (masked === text) return masked;
    text = masked;
  }
}

/** Every rule needs an @ or at least 8 digits; most notes (`4411 refund check`) have neither, and skip the rules. */
function mayHoldPersonalData(text: string): boolean {
  const plain = text.normalize('NFKC');
  return plain.includes('@') || plain.replace(/\D/g, '').length >= 8;
}

function maskOnce(text: string): string {
  const { text: viewText, origin } = viewOf(text);
  const view = viewText.split('');
  const out = text.split('');
  const apply = (edit: Edit) => {
    if (edit.kind === 'star') {
      for (const p of edit.positions) {
        out[origin[p]!] = '*';
        view[p] = '*';
      }
      return;
    }
    const { start, end } = edit;
    if (start === end) {
      out[origin[start]!] = edit.text + out[origin[start]!]!;
      return;
    }
    // Everything from the first to the last replaced character goes, invisible characters between them too.
    for (let i = origin[start]!; i <= origin[end - 1]!; i++) out[i] = '';
    out[origin[start]!] = edit.text;
    for (let p = start; p < end; p++) view[p] = '*';
  };
  for (const rule of RULES) rule(view.join('')).forEach(apply);
  return out.join('');
}
