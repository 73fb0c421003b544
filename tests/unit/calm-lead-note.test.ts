import { afterEach, describe, expect, it } from 'vitest';
import { LEAD_NOTE_COOLDOWN_MS } from '../../src/calm/desk.js';
import { action, calmBot, FEELING_IDS, type CalmBot } from '../helpers/calm-bot.js';
import { textOf } from '../helpers/router.js';

const bots: CalmBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});

async function setUp(leadIds: string[] = ['ULEAD1', 'ULEAD2']): Promise<CalmBot> {
  const bot = await calmBot({ leadIds });
  bots.push(bot);
  return bot;
}

describe('/calm: "Ask my lead for a 5-minute reset"', () => {
  it('sends each lead on the platform a neutral note: who asks, nothing about why', async () => {
    const bot = await setUp();
    const typed = 'so angry, the customer at 13812345678 called me a liar';
    const feeling = await bot.ask(typed, { locale: 'en', userId: 'UAGENT', name: 'Mei' });
    expect(bot.outbox.sent).toEqual([]);

    const answer = await bot.press(action(feeling, 'reset'), { locale: 'en', userId: 'UAGENT', name: 'Mei' });
    expect(textOf(answer)).toContain('Sent to 2 leads. Only your name and the request went, nothing else.');
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([
      { platform: 'slack', userId: 'ULEAD1' },
      { platform: 'slack', userId: 'ULEAD2' },
    ]);
    const note = bot.outbox.sent[0]!.reply;
    const text = textOf(note);
    expect(note.title).toBe('A 5-minute reset request');
    expect(text).toContain('Mei (UAGENT) asks for a 5-minute reset when you can arrange it.');
    // Nothing about the feeling, the words typed, or what /calm showed.
    const library = bot.calm.library!;
    const forbidden = [
      typed,
      'angry',
      'liar',
      '13812345678',
      ...FEELING_IDS,
      ...FEELING_IDS.flatMap((id) => [library.feeling(id, 'en')!.label, library.feeling(id, 'zh-CN')!.label]),
      ...library.feeling('about-to-snap', 'en')!.prompts.flatMap((p) => [p.selfTalk, p.reframe]),
    ];
    for (const word of forbidden) expect(text).not.toContain(word);
    expect(JSON.stringify(note)).not.toMatch(/about-to-snap|calm:feeling/);
  });

  it('writes the note in the language the person used, typed as /calm reset too', async () => {
    const bot = await setUp(['ULEAD1']);
    const answer = await bot.ask('reset', { locale: 'zh-CN', userId: 'UZH', name: '小王' });
    expect(textOf(answer)).toContain('已发给你的组长');
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain('小王 (UZH) 希望在你方便安排时休息 5 分钟');
  });

  it('on the console the note goes to the console operator', async () => {
    const bot = await setUp([]);
    const answer = await bot.ask('reset', { locale: 'en', platform: 'console', userId: 'console' });
    expect(textOf(answer)).toContain('Sent to your lead.');
    expect(bot.outbox.sent[0]!.to).toEqual({ platform: 'console', userId: 'console' });
  });

  it('says who to ask when no lead is configured, and sends nothing', async () => {
    const bot = await setUp([]);
    const answer = await bot.ask('reset', { locale: 'en' });
    expect(answer.tone).toBe('warning');
    expect(textOf(answer)).toContain('Ask whoever runs the bot to set LEAD_IDS');
    expect(bot.outbox.sent).toEqual([]);
  });

  it('only DMs leads of the platform the person is on', async () => {
    const bot = await setUp(['ULEAD1', '700000000000000077']);
    await bot.ask('reset', { locale: 'en', platform: 'discord', userId: '700000000000000007' });
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([{ platform: 'discord', userId: '700000000000000077' }]);
  });

  it('tells the person when it did not go through, or only partly, without failing', async () => {
    const bot = await setUp();
    bot.outbox.failing = 2;
    const failed = await bot.ask('reset', { locale: 'en', userId: 'U9' });
    expect(failed.tone).toBe('error');
    expect(textOf(failed)).toContain("The note didn't go through yet.");
    // Nothing went out, so trying again is allowed at once.
    bot.outbox.failing = 1;
    const partly = await bot.ask('reset', { locale: 'en', userId: 'U9' });
    expect(textOf(partly)).toContain('Sent to 1 of 2 leads');
  });

  it('sends one note per person per few minutes, so a double press does not flood the lead', async () => {
    const bot = await setUp(['ULEAD1']);
    await bot.ask('reset', { locale: 'en', userId: 'U5' });
    const again = await bot.ask('reset', { locale: 'en', userId: 'U5' });
    expect(textOf(again)).toContain('already has your request');
    expect(bot.outbox.sent).toHaveLength(1);
    bot.clock.advance(LEAD_NOTE_COOLDOWN_MS);
    await bot.ask('reset', { locale: 'en', userId: 'U5' });
    expect(bot.outbox.sent).toHaveLength(2);
  });
});
