import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { FeelingMatcher } from '../../src/calm/feeling-matcher.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { actionsOf, calmBot, FEELING_IDS, type CalmBot } from '../helpers/calm-bot.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

let library: CalmLibrary;
let bot: CalmBot;

beforeAll(async () => {
  library = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files);
  bot = await calmBot();
});
afterAll(() => bot.close());

const CASES: [string, (typeof FEELING_IDS)[number]][] = [
  // zh-CN
  ['被客户骂了', 'insulted-or-blamed'],
  ['客户骂我是骗子', 'insulted-or-blamed'],
  ['我被客户投诉了', 'insulted-or-blamed'],
  ['气死我了', 'about-to-snap'],
  ['真想骂回去', 'about-to-snap'],
  ['主管批评我', 'criticised-by-supervisor'],
  ['今天质检又扣分', 'criticised-by-supervisor'],
  ['压力好大', 'overwhelmed'],
  ['又要加班', 'overwhelmed'],
  ['不想干了', 'discouraged'],
  ['好泄气啊', 'discouraged'],
  ['我搞砸了', 'made-a-mistake'],
  ['刚才说错话了', 'made-a-mistake'],
  ['好委屈', 'hurt'],
  ['想哭', 'hurt'],
  ['好累', 'drained'],
  ['嗓子哑了', 'drained'],
  ['怕接电话', 'dreading-next-call'],
  ['电话一响就紧张', 'dreading-next-call'],
  // en
  ['so angry', 'about-to-snap'],
  ['angry', 'about-to-snap'],
  ['I am so mad right now', 'about-to-snap'],
  ['the customer called me stupid', 'insulted-or-blamed'],
  ['customer yelled at me', 'insulted-or-blamed'],
  ['my supervisor criticised me', 'criticised-by-supervisor'],
  ['my boss told me off', 'criticised-by-supervisor'],
  ['overwhelmed', 'overwhelmed'],
  ['snowed under today', 'overwhelmed'],
  ['discouraged', 'discouraged'],
  ['thinking of quitting', 'discouraged'],
  ['I messed up the refund', 'made-a-mistake'],
  ['I gave wrong information', 'made-a-mistake'],
  ['I want to cry', 'hurt'],
  ['feeling hurt', 'hurt'],
  ['exhausted', 'drained'],
  ['so tired', 'drained'],
  ['nervous about the next call', 'dreading-next-call'],
  ['dreading the next call', 'dreading-next-call'],
  // zh-TW, typed in Traditional
  ['被客戶罵了', 'insulted-or-blamed'],
  ['被領導批評了', 'criticised-by-supervisor'],
  ['壓力好大', 'overwhelmed'],
  ['好委屈', 'hurt'],
  // how a Taiwan agent says it: 主管 for the boss, 客人 for the customer
  ['被主管罵了', 'criticised-by-supervisor'],
  ['剛剛被客人罵到哭', 'insulted-or-blamed'],
];

describe('FeelingMatcher on the shipped phrases', () => {
  it.each(CASES)('%s → %s', (text, id) => {
    expect(library.matcher.match(text)).toEqual({ kind: 'feeling', id });
  });

  it('covers every feeling in both languages', () => {
    for (const id of FEELING_IDS) {
      const texts = CASES.filter(([, want]) => want === id).map(([text]) => text);
      expect(texts.some((t) => /\p{Script=Han}/u.test(t)), `${id} zh`).toBe(true);
      expect(texts.some((t) => /^[\x20-\x7e]+$/.test(t)), `${id} en`).toBe(true);
    }
  });

  it('finds nothing in words that name no feeling', () => {
    for (const text of ['今天天气不错', 'blah', 'printer paper', '12345']) expect(library.matcher.match(text)).toEqual({ kind: 'none' });
  });

  it('is unsure when two feelings fit equally, naming both', () => {
    const result = library.matcher.match('so angry and so tired');
    expect(result.kind).toBe('unsure');
    expect(result.kind === 'unsure' && [...result.candidates].sort()).toEqual(['about-to-snap', 'drained']);
  });

  it('prefers the longer, more specific phrase', () => {
    const matcher = new FeelingMatcher([
      { id: 'a', phrases: ['骂'] },
      { id: 'b', phrases: ['被领导骂'] },
    ]);
    expect(matcher.match('今天被领导骂了')).toEqual({ kind: 'feeling', id: 'b' });
  });
});

describe('/calm <words>', () => {
  it('answers /calm 被客户骂了 with the insulted-or-blamed feeling, in Chinese', async () => {
    const reply = await bot.ask('被客户骂了', { locale: 'en' });
    expect(reply.title).toBe(library.feeling('insulted-or-blamed', 'zh-CN')!.label);
    expect(reply.private).toBe(true);
  });

  it('answers /calm so angry in English, the language it was written in, even for a zh-CN user', async () => {
    const reply = await bot.ask('so angry', { locale: 'zh-CN' });
    expect(reply.title).toBe(library.feeling('about-to-snap', 'en')!.label);
  });

  it('answers a zh-TW user in Traditional', async () => {
    const reply = await bot.ask('被客戶罵了', { locale: 'zh-TW' });
    expect(reply.title).toBe(library.feeling('insulted-or-blamed', 'zh-TW')!.label);
  });

  it('gives self-talk, a reframe, a practice and the four actions', async () => {
    const reply = await bot.ask('so angry', { locale: 'en' });
    const feeling = library.feeling('about-to-snap', 'en')!;
    const quote = reply.blocks.find((b) => b.type === 'quote');
    expect(quote?.type === 'quote' && feeling.prompts.some((p) => p.selfTalk === quote.lines[0])).toBe(true);
    expect(reply.blocks.some((b) => b.type === 'text' && b.label === 'Another way to see it')).toBe(true);
    expect(reply.blocks.some((b) => b.type === 'list' && b.label?.startsWith('60 seconds · ') && b.items.length >= 2)).toBe(true);
    expect(actionsOf(reply).map((a) => [a.id, a.typed])).toEqual([
      ['feeling', '/calm about-to-snap'],
      ['breathe', expect.stringMatching(/^\/calm breathe/)],
      ['reset', '/calm reset'],
      ['menu', '/calm'],
    ]);
  });

  it('shows the menu with every feeling as a button when called without words', async () => {
    const reply = await bot.ask('', { locale: 'en' });
    const buttons = actionsOf(reply);
    expect(buttons.map((a) => a.value)).toEqual(FEELING_IDS.map((id) => `en:${id}`));
    expect(buttons.map((a) => a.typed)).toEqual(FEELING_IDS.map((id) => `/calm ${id}`));
    expect(buttons.map((a) => a.label)).toEqual(FEELING_IDS.map((id) => library.feeling(id, 'en')!.label));
  });

  it('shows the menu with a "pick the closest" line when nothing fits, and the close ones first when unsure', async () => {
    const none = await bot.ask('printer paper', { locale: 'en' });
    expect(none.blocks[0]).toEqual({ type: 'text', text: 'Not sure which of these fits what you wrote. Pick the closest.' });
    expect(actionsOf(none)).toHaveLength(FEELING_IDS.length);
    const unsure = await bot.ask('so angry and so tired', { locale: 'en' });
    expect(actionsOf(unsure).slice(0, 2).map((a) => a.value).sort()).toEqual(['en:about-to-snap', 'en:drained']);
    expect(actionsOf(unsure)).toHaveLength(FEELING_IDS.length);
  });

  it('opens a feeling from its menu button and from its typed id', async () => {
    const menu = await bot.ask('', { locale: 'zh-CN' });
    const hurt = actionsOf(menu).find((a) => a.value === 'zh-CN:hurt')!;
    expect((await bot.press(hurt)).title).toBe(library.feeling('hurt', 'zh-CN')!.label);
    expect((await bot.ask('hurt', { locale: 'zh-CN' })).title).toBe(library.feeling('hurt', 'zh-CN')!.label);
  });
});
