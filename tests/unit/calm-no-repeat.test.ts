import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMPT_MEMORY_MS, PromptPicker } from '../../src/calm/prompt-picker.js';
import { Pseudonyms } from '../../src/calm/pseudonyms.js';
import { ManualClock } from '../../src/core/clock.js';
import { action, calmBot, FEELING_IDS, selfTalkOf, type CalmBot } from '../helpers/calm-bot.js';

describe('PromptPicker', () => {
  it('never gives the same prompt number twice in a row, over many asks, for any count', () => {
    const picker = new PromptPicker({ clock: new ManualClock(0) });
    for (const count of [2, 3, 5, 8]) {
      let last = -1;
      const seen = new Set<number>();
      for (let i = 0; i < 500; i++) {
        const index = picker.pick(`person-${count}`, count);
        expect(index).not.toBe(last);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(count);
        seen.add(index);
        last = index;
      }
      // Every prompt gets its turn.
      expect(seen.size).toBe(count);
    }
  });

  it('even when the random source keeps saying the same thing', () => {
    const picker = new PromptPicker({ clock: new ManualClock(0), random: () => 0 });
    const picks = Array.from({ length: 6 }, () => picker.pick('p', 3));
    expect(picks).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('keeps people apart', () => {
    const picker = new PromptPicker({ clock: new ManualClock(0), random: () => 0 });
    expect(picker.pick('a', 3)).toBe(0);
    expect(picker.pick('b', 3)).toBe(0);
    expect(picker.pick('a', 3)).toBe(1);
  });

  it('forgets a person after a few hours, keeping nothing longer', () => {
    const clock = new ManualClock(0);
    const picker = new PromptPicker({ clock, random: () => 0 });
    picker.pick('a', 3);
    picker.pick('b', 3);
    expect(picker.remembered).toBe(2);
    clock.advance(PROMPT_MEMORY_MS - 1);
    expect(picker.remembered).toBe(2);
    clock.advance(1);
    expect(picker.remembered).toBe(0);
    // Forgotten: the next pick is free again.
    expect(picker.pick('a', 3)).toBe(0);
  });
});

describe('Pseudonyms', () => {
  it('are stable within a run, differ per person and platform, and differ between runs', () => {
    const run = new Pseudonyms();
    expect(run.of('slack', 'U1')).toBe(run.of('slack', 'U1'));
    expect(run.of('slack', 'U1')).not.toBe(run.of('slack', 'U2'));
    expect(run.of('slack', 'U1')).not.toBe(run.of('discord', 'U1'));
    expect(new Pseudonyms().of('slack', 'U1')).not.toBe(run.of('slack', 'U1'));
    expect(run.of('slack', 'U1')).not.toContain('U1');
  });
});

describe('/calm: the same person never gets the same prompt twice in a row', () => {
  let bot: CalmBot;
  beforeAll(async () => {
    bot = await calmBot();
  });
  afterAll(() => bot.close());

  it.each(FEELING_IDS)('"Another one" on %s, 60 times in a row', async (id) => {
    let reply = await bot.ask(id, { locale: 'en', userId: `U-${id}` });
    let last = selfTalkOf(reply);
    const seen = new Set([last]);
    for (let i = 0; i < 60; i++) {
      reply = await bot.press(action(reply, 'feeling'), { locale: 'en', userId: `U-${id}` });
      const now = selfTalkOf(reply);
      expect(now).not.toBe(last);
      seen.add(now);
      last = now;
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it('also across typed words and switching language', async () => {
    let last = '';
    let lastIndex = -1;
    for (let i = 0; i < 40; i++) {
      const locale = i % 2 ? 'en' : 'zh-CN';
      const reply = await bot.ask(i % 2 ? 'so angry' : '气死我了', { locale, userId: 'U-mixed' });
      const library = bot.calm.library!;
      const index = library.feeling('about-to-snap', locale)!.prompts.findIndex((p) => p.selfTalk === selfTalkOf(reply));
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).not.toBe(lastIndex);
      expect(selfTalkOf(reply)).not.toBe(last);
      last = selfTalkOf(reply);
      lastIndex = index;
    }
  });
});
