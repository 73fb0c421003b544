import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listReply } from '../../commands/promise-replies.js';
import { cardBytes, elementCount, escapeLarkMd, FEISHU_LIMITS, formAnswers, parseButtonValue, toFeishuCards, toFeishuFormCard, type FeishuCard } from '../../src/adapters/feishu/cards.js';
import { typedMessage } from '../../src/adapters/feishu/feishu-events.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { Block, Reply, ReplyAction } from '../../src/core/reply.js';
import { messagesFor } from '../../src/i18n/index.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { CARD_BODY_LIMIT } from '../helpers/fake-feishu.js';

/** Every limit we hold a card to, and Feishu's own 30 KB for the whole request body. */
function problems(cards: FeishuCard[]): string[] {
  const out: string[] = [];
  for (const [n, card] of cards.entries()) {
    if (elementCount(card) > FEISHU_LIMITS.elements) out.push(`card ${n}: ${elementCount(card)} elements`);
    if (cardBytes(card) > FEISHU_LIMITS.cardBytes) out.push(`card ${n}: ${cardBytes(card)} bytes`);
    const body = JSON.stringify({ receive_id: 'oc_0123456789abcdef0123456789abcdef', msg_type: 'interactive', content: JSON.stringify(card), uuid: 'x'.repeat(50) });
    if (Buffer.byteLength(body) > CARD_BODY_LIMIT) out.push(`card ${n}: request body ${Buffer.byteLength(body)} bytes`);
    if (!card.elements.length) out.push(`card ${n}: empty`);
    if ((card.header?.title.content.length ?? 0) > FEISHU_LIMITS.title) out.push(`card ${n}: title`);
    for (const e of card.elements) {
      if (e.tag === 'div' && e.text.content.length > FEISHU_LIMITS.text) out.push(`card ${n}: div ${e.text.content.length}`);
      if (e.tag === 'action' && e.actions.length > FEISHU_LIMITS.buttonsPerRow) out.push(`card ${n}: ${e.actions.length} buttons in a row`);
      if (e.tag === 'action' && e.actions.some((b) => b.text.content.length > FEISHU_LIMITS.buttonLabel)) out.push(`card ${n}: button label`);
    }
  }
  return out;
}

/** What a person reads, with the markup entities turned back into characters (pieces joined as split: nothing between). */
function readable(cards: FeishuCard[]): string {
  const decode = (t: string) => t.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return cards
    .flatMap((c) => [c.header?.title.content ?? '', ...c.elements.flatMap((e) => (e.tag === 'div' ? [decode(e.text.content)] : e.tag === 'note' ? e.elements.map((x) => x.content) : []))])
    .join('')
    .replace(/\u2060/g, '');
}

const buttonsIn = (cards: FeishuCard[]) => cards.flatMap((c) => c.elements.flatMap((e) => (e.tag === 'action' ? e.actions : [])));

describe('Feishu cards', () => {
  it('render header, sections, quoted say-lines with highlighted fill-ins, lists and buttons', () => {
    const reply: Reply = {
      private: true,
      title: 'Parcel is late',
      tone: 'warning',
      blocks: [
        { type: 'text', label: 'What to do', text: 'Listen first.' },
        { type: 'quote', label: 'Say', lines: ['I will call you back by [reply time].'], fillIns: true },
        { type: 'list', ordered: true, items: ['Check the tracking', 'Call the depot'] },
        { type: 'context', text: 'Approved script' },
        { type: 'divider' },
        { type: 'actions', actions: [{ command: 'promise', id: 'done', value: 'K7Q2M', label: 'Done', style: 'primary', typed: '/promise done K7Q2M' }] },
      ],
    };
    const [card, ...more] = toFeishuCards(reply);
    expect(more).toEqual([]);
    expect(card!.header).toEqual({ title: { tag: 'plain_text', content: 'Parcel is late' }, template: 'orange' });
    expect(card!.config.update_multi).toBe(true);
    const md = card!.elements.filter((e) => e.tag === 'div').map((e) => (e.tag === 'div' ? e.text.content : ''));
    expect(md[0]).toBe('**What to do**\nListen first.');
    expect(md[1]).toBe("**Say**\n<font color='grey'>▎</font>I will call you back by <font color='orange'>**[reply time]**</font>.");
    expect(md[2]).toBe('1. Check the tracking\n2. Call the depot');
    expect(card!.elements.map((e) => e.tag)).toEqual(['div', 'div', 'div', 'note', 'hr', 'action']);
    expect(buttonsIn([card!])[0]).toEqual({ tag: 'button', text: { tag: 'plain_text', content: 'Done' }, type: 'primary', value: { c: 'promise', a: 'done', v: 'K7Q2M' } });
  });

  it('keeps user text literal: no mention, no @all, no link, no styling can come from it', () => {
    const hostile = '<at id=all></at> @all @所有人 [reset](https://evil.example) **bold** ~~gone~~ :OK: <font color=red>x</font> `code`';
    const escaped = escapeLarkMd(hostile);
    expect(escaped).not.toMatch(/<|>|\*\*|~~|\[|\]|`/);
    expect(escaped).not.toMatch(/@all|@所有人/);
    expect(escaped).not.toContain(':OK:');
    const cards = toFeishuCards({ private: true, title: 'Note @all', blocks: [{ type: 'quote', lines: [hostile] }, { type: 'list', items: [hostile] }] });
    expect(JSON.stringify(cards)).not.toMatch(/<at |@all|@所有人/);
    // …and still reads as typed once the entities are shown as characters.
    expect(readable(cards)).toContain('[reset](https://evil.example) **bold** ~~gone~~');
  });

  it('a button value survives the round trip through a callback; anything else is refused', () => {
    const action: ReplyAction = { command: 'script', id: 'open', value: 'en:parcel-delayed', label: 'Open', typed: '/script parcel-delayed' };
    const [card] = toFeishuCards({ private: true, blocks: [{ type: 'actions', actions: [action] }] });
    const value = buttonsIn([card!])[0]!.value;
    expect(parseButtonValue(JSON.parse(JSON.stringify(value)))).toEqual({ c: 'script', a: 'open', v: 'en:parcel-delayed' });
    expect(parseButtonValue(JSON.stringify(value))).toEqual({ c: 'script', a: 'open', v: 'en:parcel-delayed' });
    expect(parseButtonValue({ c: '../x', a: 'open' })).toBeUndefined();
    expect(parseButtonValue('not json')).toBeUndefined();
  });

  it('renders a form with inputs, a person picker and a submit button that routes back to the command', () => {
    const card = toFeishuFormCard({ command: 'promise', id: 'handoff-k7q2m', title: 'Hand off', submitLabel: 'Send', fields: [{ id: 'to', label: 'Colleague', kind: 'person' }, { id: 'note', label: 'Note', multiline: true, required: false, initial: 'call back' }] });
    const form = card.elements[0]!;
    expect(form.tag).toBe('form');
    if (form.tag !== 'form') return;
    expect(form.elements.map((e) => e.tag)).toEqual(['select_person', 'input', 'button']);
    expect(form.elements[1]).toMatchObject({ name: 'note', input_type: 'multiline_text', required: false, default_value: 'call back' });
    expect(form.elements[2]).toMatchObject({ action_type: 'form_submit', value: { c: 'promise', a: 'handoff-k7q2m' } });
    expect(formAnswers({ to: ['ou_bo'], note: 'x', empty: null })).toEqual({ to: 'ou_bo', note: 'x', empty: '' });
  });

  it('pages a long reply into further cards within every limit, losing no text', () => {
    const NOW = new Date('2026-12-01T08:00:00Z');
    const records = Array.from({ length: 60 }, (_, i) => ({
      id: `K${String(i).padStart(4, '0')}`,
      owner: { platform: 'feishu', userId: `ou_${i % 7}`, name: `Owner ${i % 7} 李明`, locale: 'en' },
      createdAt: NOW.toISOString(),
      dueAt: new Date(NOW.getTime() + (i - 20) * 600_000).toISOString(),
      timeZone: 'Asia/Shanghai',
      note: `note ${i} ${'请在下班前确认退款进度并回电客户 confirm refund status '.repeat(12)}`.slice(0, 500),
      status: 'open',
      reminders: {},
      history: [],
    })) as unknown as PromiseRecord[];
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as Locale[]) {
      const reply = listReply(records, NOW, locale, messagesFor(locale), 1);
      const cards = toFeishuCards(reply);
      expect(problems(cards)).toEqual([]);
      for (const r of records.slice(0, 20)) expect(readable(cards)).toContain(r.note);
    }
    const huge: Reply = { private: true, title: 'Browse', blocks: [{ type: 'text', text: '投诉'.repeat(9000) }, { type: 'list', label: 'Cases', items: Array.from({ length: 400 }, (_, i) => `case-${i} 客户说包裹一直没到`) }] };
    const cards = toFeishuCards(huge);
    expect(cards.length).toBeGreaterThan(1);
    expect(problems(cards)).toEqual([]);
    expect(cards[1]!.header?.title.content).toBe(`Browse (2/${cards.length})`);
    for (let i = 0; i < 400; i++) expect(readable(cards)).toContain(`case-${i} 客户说包裹一直没到`);
  });

  it('any reply at all renders within the limits with every item and button shown (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9一-龥*_<>&@:]{1,12}$/);
    const item = fc.array(word, { minLength: 1, maxLength: 120 }).map((ws) => ws.join(' '));
    const action = fc.record({ command: fc.constant('script'), id: fc.constant('open'), value: word, label: item, typed: fc.constant('/script x') });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('list' as const), items: fc.array(item, { minLength: 1, maxLength: 80 }), label: fc.option(word, { nil: undefined }) }),
      fc.record({ type: fc.constant('text' as const), text: item, label: fc.option(word, { nil: undefined }) }),
      fc.record({ type: fc.constant('quote' as const), lines: fc.array(item, { minLength: 1, maxLength: 5 }), fillIns: fc.boolean() }),
      fc.record({ type: fc.constant('context' as const), text: item }),
      fc.record({ type: fc.constant('actions' as const), actions: fc.array(action, { minLength: 1, maxLength: 12 }) }),
      fc.constant({ type: 'divider' as const }),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 70 }), fc.option(item, { nil: undefined }), (blocks, title) => {
        const cards = toFeishuCards({ private: true, title, blocks });
        expect(problems(cards)).toEqual([]);
        const text = readable(cards);
        const items = blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
        expect(items.filter((t) => !text.includes(t))).toEqual([]);
        const buttons = blocks.reduce((n, b) => n + (b.type === 'actions' ? b.actions.length : 0), 0);
        expect(buttonsIn(cards)).toHaveLength(buttons);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Feishu messages addressed to the bot', () => {
  const BOT = 'ou_bot';
  const event = (text: string, chatType: 'p2p' | 'group', mentions: { key: string; id: { open_id: string }; name: string }[] = []) => ({
    sender: { sender_id: { open_id: 'ou_me' }, sender_type: 'user' },
    message: { message_id: 'om_1', chat_id: 'oc_1', chat_type: chatType, message_type: 'text', content: JSON.stringify({ text }), mentions },
  });

  it('takes the bot’s mention off and turns each colleague’s @_user_N into @name, listed with their open_id', () => {
    const m = typedMessage(
      event('@_user_1 /promise handoff K7Q2M @_user_2 and @_user_10', 'group', [
        { key: '@_user_1', id: { open_id: BOT }, name: 'Frontline' },
        { key: '@_user_2', id: { open_id: 'ou_bo' }, name: 'Bo' },
        { key: '@_user_10', id: { open_id: 'ou_ten' }, name: '<b>Ten</b>' },
      ]),
      BOT,
    );
    expect(m?.command).toEqual({ command: 'promise', text: 'handoff K7Q2M @Bo and @<b>Ten</b>' });
    expect(m?.mentions).toEqual([
      { address: 'ou_ten', name: '<b>Ten</b>', typed: '@<b>Ten</b>' },
      { address: 'ou_bo', name: 'Bo', typed: '@Bo' },
    ]);
    expect(m?.chatType).toBe('group');
  });

  it('ignores group messages that do not mention the bot, messages from apps and non-text messages; a direct chat needs no mention', () => {
    expect(typedMessage(event('/script late', 'group'), BOT)).toBeUndefined();
    expect(typedMessage({ ...event('/script late', 'p2p'), sender: { sender_id: { open_id: 'ou_app' }, sender_type: 'app' } }, BOT)).toBeUndefined();
    expect(typedMessage({ message: { ...event('x', 'p2p').message, message_type: 'image', content: '{}' }, sender: event('x', 'p2p').sender }, BOT)).toBeUndefined();
    expect(typedMessage(event('／script 限速', 'p2p'), BOT)?.command).toEqual({ command: 'script', text: '限速' });
    expect(typedMessage(event('hello', 'p2p'), BOT)).toMatchObject({ text: 'hello' });
    expect(typedMessage(event('hello', 'p2p'), BOT)?.command).toBeUndefined();
  });
});
