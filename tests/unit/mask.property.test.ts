import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passesLuhn } from '../../src/privacy/luhn.js';
import { maskSensitive } from '../../src/privacy/mask.js';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

/** What agents put between digits when they paste or retype a number, invisible characters included. */
const separator = fc.constantFrom('', '', '', ' ', '-', '.', ' - ', '  ', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '－', '　');
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g;

/** Writes the digits in groups of the given sizes, a random separator at each group boundary and sometimes inside. */
function spelled(value: string, groups: readonly number[]) {
  return fc.tuple(
    fc.array(separator, { minLength: value.length, maxLength: value.length }),
    fc.array(fc.constantFrom('', '', '', '', '\u200B', '\u00AD'), { minLength: value.length, maxLength: value.length }),
    fc.boolean(),
  ).map(([seps, inner, fullWidth]) => {
    const bounds = new Set(groups.slice(0, -1).map((_, i) => groups.slice(0, i + 1).reduce((a, b) => a + b, 0)));
    let out = '';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += bounds.has(i) ? seps[i] : inner[i];
      out += value[i];
    }
    return fullWidth ? out.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : out;
  });
}

const before = fc.constantFrom('', '客户电话', '客户电话：', '请回电 ', 'call ', 'Customer said ', '（', '手机', 'tel', 'TEL:', '电话:', '联系方式 ', '\n');
const after = fc.constantFrom('', ' thanks', '，明天回复', '。', ' 谢谢', '）', ' before 15:30', '号客户', ', ok?', '\n');

interface Sample {
  raw: string;
  written: string;
  /** At least this many of its digits must be hidden. */
  hidden: number;
}

const groupings = fc.constantFrom([3, 4, 4], [3, 8], [4, 3, 4], [11], [3, 3, 5]);
const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9), groupings, fc.constantFrom('', '', '+86 ', '+86', '0086 ', '(+86) ', '86-'))
  .chain(([second, rest, groups, prefix]) => {
    const raw = `1${second}${rest}`;
    return spelled(raw, groups).map((s): Sample => ({ raw, written: prefix + s, hidden: 4 }));
  });

const PROVINCES = ['11', '12', '31', '32', '44', '51', '62', '65', '81'];
const birth = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const id18 = fc
  .tuple(fc.constantFrom(...PROVINCES), digits(4), birth, digits(3), fc.constantFrom('0', '5', '9', 'X', 'x'), fc.constantFrom([6, 8, 4], [18], [6, 4, 4, 4], [4, 4, 4, 4, 2]))
  .chain(([p, r, b, seq, check, groups]) => {
    const raw = p + r + b + seq + check;
    return spelled(raw, groups).map((s): Sample => ({ raw, written: s, hidden: 8 }));
  });
const id15 = fc
  .tuple(fc.constantFrom(...PROVINCES), digits(4), birth.map((b) => b.slice(2)), digits(3), fc.constantFrom([6, 6, 3], [15]))
  .chain(([p, r, b, seq, groups]) => {
    const raw = p + r + b + seq;
    return spelled(raw, groups).map((s): Sample => ({ raw, written: s, hidden: 6 }));
  });

const landline = fc
  .tuple(fc.constantFrom('010', '021', '020', '0755', '0571', '0771'), fc.integer({ min: 2, max: 9 }), digits(7), fc.constantFrom('-', ' ', '', '()'), fc.constantFrom('', ' ', '-'), fc.constantFrom('', ' 转 801', '-801'))
  .map(([area, first, rest, areaSep, mid, ext]): Sample => {
    const local = `${first}${rest}`;
    const spacedLocal = `${local.slice(0, 4)}${mid}${local.slice(4)}`;
    const written = areaSep === '()' ? `(${area}) ${spacedLocal}` : `${area}${areaSep}${spacedLocal}`;
    return { raw: area + local, written: written + ext, hidden: 4 };
  });

/** A number of a card scheme's shape with a valid Luhn check digit. */
const card = fc
  .tuple(fc.constantFrom(['4', 16], ['4', 13], ['51', 16], ['2221', 16], ['37', 15], ['6222', 19], ['62', 16], ['6011', 16], ['35', 17]), digits(18), fc.constantFrom(' ', '-', '', '  '))
  .map(([[prefix, length], fill, sep]): Sample => {
    const body = (prefix + fill).slice(0, length - 1);
    const check = [...'0123456789'].find((d) => passesLuhn(body + d))!;
    const raw = body + check;
    return { raw, written: raw.replace(/(\d{4})(?=\d)/g, `$1${sep}`), hidden: length - 4 };
  });

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._]{1,15}$/), fc.constantFrom('example.com', 'qq.com', '163.com', 'mail.example.cn'))
  .map(([local, domain]) => ({ local: local.replace(/\.$/, 'a'), domain }));

const personal = fc.oneof(mobile, id18, id15, landline, card);
const digitsAndStars = (text: string) => text.normalize('NFKC').replace(INVISIBLE, '').replace(/[^\dXx*]/g, '');

/** Ordinary things a note holds, which must come out as they went in. */
const ordinary = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('-', '/')).map(([y, m, d, s]) => `${y}${s}${String(m).padStart(2, '0')}${s}${String(d).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}年${m}月${d}日`),
  fc.tuple(fc.constantFrom('¥', '$', '￥', 'RMB '), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 })).map(([c, n, f]) => `${c}${n.toLocaleString('en-US')}.${String(f).padStart(2, '0')}`),
  fc.tuple(fc.constantFrom('#', '订单 ', 'order ', 'case ', 'A-', 'SO'), fc.integer({ min: 1, max: 99_999_999 })).map(([p, n]) => `${p}${n}`),
  fc.constantFrom('3-5 个工作日', '退款 1299 元', '400-800-8888', '95588', 'v1.2.3', '30分钟后', 'in 2 hours', '客户很着急', 'refund approved'),
);
// No bare space between two ordinary numbers: `#1300000 2020-01-01` reads as 130 0000 2020, a mobile
// split 7 + 4 (a shape the personal generator above also writes), and masking wins that tie.
const glue = fc.constantFrom('，', '; ', ' at ', ' 订单 ', '。', ' and ', ' / 备注 ');

describe('maskSensitive properties', () => {
  it('hides the digits of phones, IDs, landlines and cards however they are written, in any surrounding text', () => {
    fc.assert(
      fc.property(personal, before, after, ({ raw, written, hidden }, b, a) => {
        const masked = maskSensitive(b + written + a);
        const seen = digitsAndStars(masked);
        expect(seen).not.toContain(raw);
        expect(seen.split('*').length - 1).toBeGreaterThanOrEqual(hidden);
      }),
      { numRuns: 600 },
    );
  });

  it('hides the name part of e-mail addresses but keeps its first character and the domain', () => {
    fc.assert(
      // A label glued on (`tel`) would be part of the address, so only words that end apart from it.
      fc.property(email, before.filter((b) => !/[A-Za-z0-9]$/.test(b)), after, ({ local, domain }, b, a) => {
        const masked = maskSensitive(`${b}${local}@${domain}${a}`);
        expect(masked).toBe(`${b}${local[0]}***@${domain}${a}`);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent and never throws, on personal numbers and on any text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom('1', '3', '8', '0', '4', ' ', '-', '.', '+', '(', ')', '@', 'a', 'X', '\u200B', '\u00AD', '１', '手机', 'tel'), maxLength: 60 }),
      fc.tuple(before, personal, after).map(([b, p, a]) => b + p.written + a),
      fc.array(fc.oneof(personal.map((p) => p.written), ordinary), { maxLength: 5 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const once = maskSensitive(text);
        expect(maskSensitive(once)).toBe(once);
      }),
      { numRuns: 800 },
    );
  });

  it('leaves times, dates, amounts and short order refs as they are', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ordinary, glue), { minLength: 1, maxLength: 6 }), before, after, (parts, b, a) => {
        const text = b + parts.map(([p, g]) => p + g).join('') + a;
        expect(maskSensitive(text)).toBe(text);
      }),
      { numRuns: 600 },
    );
  });
});
