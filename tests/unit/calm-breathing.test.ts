import { afterEach, describe, expect, it } from 'vitest';
import { BREATHING_SECONDS, breathingSteps, MIN_EDIT_MS } from '../../src/calm/breathing-session.js';
import type { Clock } from '../../src/core/clock.js';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { action, actionsOf, calmBot, type CalmBot } from '../helpers/calm-bot.js';
import { textOf } from '../helpers/router.js';

/** Records every send and edit with the time it happened; `failUpdates` / `failSends` make them throw. */
class TimedOutbox implements Outbox {
  clock: Clock | undefined;
  readonly sent: { to: Recipient; reply: Reply; at: number }[] = [];
  readonly updates: { message: SentMessage; reply: Reply; at: number }[] = [];
  failUpdates = false;
  failSends = false;

  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    if (this.failSends) throw new Error('cannot open a DM (test)');
    this.sent.push({ to, reply, at: this.clock!.now().getTime() });
    return { platform: to.platform, channel: `D-${to.userId}`, id: String(this.sent.length) };
  }

  async postToChannel(to: ChannelTarget): Promise<SentMessage> {
    throw new Error(`no channel posts expected (${to.channel})`);
  }

  async update(message: SentMessage, reply: Reply): Promise<void> {
    if (this.failUpdates) throw new Error('message gone (test)');
    this.updates.push({ message, reply, at: this.clock!.now().getTime() });
  }

  /** The text of each edit to one message, in order. */
  phases(id = '1'): string[] {
    return this.updates.filter((u) => u.message.id === id).map((u) => u.reply.blocks.find((b) => b.type === 'text')!).map((b) => (b.type === 'text' ? b.text : ''));
  }
}

const bots: CalmBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});

async function setUp(): Promise<{ bot: CalmBot; outbox: TimedOutbox }> {
  const outbox = new TimedOutbox();
  const bot = await calmBot({ outbox });
  outbox.clock = bot.clock;
  bots.push(bot);
  return { bot, outbox };
}

describe('breathingSteps', () => {
  it('4-0-6: in and out alternate for six breaths, one minute', () => {
    const steps = breathingSteps({ inhale: 4, hold: 0, exhale: 6 });
    expect(steps).toHaveLength(12);
    expect(steps.slice(0, 2).map((s) => s.phases)).toEqual([[{ kind: 'in', seconds: 4 }], [{ kind: 'out', seconds: 6 }]]);
    expect(steps.reduce((sum, s) => sum + s.ms, 0)).toBe(60_000);
    expect(steps.at(-1)).toMatchObject({ breath: 6, breaths: 6 });
  });

  it('a hold shorter than the edit interval shares an edit with the out-breath', () => {
    const steps = breathingSteps({ inhale: 4, hold: 2, exhale: 6 });
    expect(steps[1]!.phases).toEqual([{ kind: 'hold', seconds: 2 }, { kind: 'out', seconds: 6 }]);
    expect(steps.reduce((sum, s) => sum + s.ms, 0)).toBe(60_000);
  });

  it('never asks for edits closer than MIN_EDIT_MS and lasts about a minute, for every allowed pattern', () => {
    for (let inhale = 2; inhale <= 8; inhale++) {
      for (let hold = 0; hold <= 7; hold++) {
        for (let exhale = 2; exhale <= 10; exhale++) {
          if (inhale + hold + exhale > 20) continue;
          const steps = breathingSteps({ inhale, hold, exhale });
          for (const step of steps) expect(step.ms).toBeGreaterThanOrEqual(MIN_EDIT_MS);
          const total = steps.reduce((sum, s) => sum + s.ms, 0);
          expect(Math.abs(total - BREATHING_SECONDS * 1000)).toBeLessThanOrEqual(10_000);
        }
      }
    }
  });
});

describe('/calm: the guided breathing minute', () => {
  it('arrives as a direct message that edits itself through the phases in order, then closes after a minute', async () => {
    const { bot, outbox } = await setUp();
    const feeling = await bot.ask('so angry', { locale: 'en', userId: 'U7' });
    const answer = await bot.press(action(feeling, 'breathe'), { locale: 'en', userId: 'U7' });
    expect(textOf(answer)).toContain('started in a direct message');

    expect(outbox.sent).toHaveLength(1);
    expect(outbox.sent[0]!.to).toEqual({ platform: 'slack', userId: 'U7' });
    const first = outbox.sent[0]!.reply;
    expect(first.title).toBe('Breathe with me · 1 minute');
    expect(textOf(first)).toMatch(/^Breathe in… \d s$/m);
    expect(actionsOf(first)).toEqual([expect.objectContaining({ id: 'stop', label: 'Stop', typed: '/calm stop' })]);

    await bot.timers.advance(59_000);
    const phases = outbox.phases();
    expect(phases.length).toBeGreaterThanOrEqual(9);
    // In, out, in, out … (a hold, when the practice has one, shares the out-breath's edit).
    phases.forEach((text, i) => expect(text).toMatch(i % 2 === 0 ? /(Hold|Breathe out slowly)/ : /^Breathe in/));
    expect(outbox.updates.every((u) => actionsOf(u.reply).length === 1)).toBe(true);

    await bot.timers.advance(2_000);
    const last = outbox.updates.at(-1)!;
    expect(textOf(last.reply)).toContain('That was a minute.');
    expect(actionsOf(last.reply)).toEqual([]);
    expect(last.at - outbox.sent[0]!.at).toBeGreaterThanOrEqual(50_000);
    expect(last.at - outbox.sent[0]!.at).toBeLessThanOrEqual(70_000);
    const count = outbox.updates.length;
    await bot.timers.advance(120_000);
    expect(outbox.updates).toHaveLength(count);
    expect(bot.timers.pending).toBe(0);
  });

  it('edits at most once every 4 seconds', async () => {
    const { bot, outbox } = await setUp();
    await bot.ask('breathe', { locale: 'en' });
    await bot.timers.advance(70_000);
    const times = [outbox.sent[0]!.at, ...outbox.updates.map((u) => u.at)];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MIN_EDIT_MS);
  });

  it('Stop ends it and turns the message into a short closing line', async () => {
    const { bot, outbox } = await setUp();
    await bot.ask('breathe', { locale: 'zh-CN', userId: 'U8' });
    await bot.timers.advance(12_000);
    const stopButton = actionsOf(outbox.sent[0]!.reply)[0]!;
    const answer = await bot.press(stopButton, { userId: 'U8', locale: 'zh-CN' });
    expect(textOf(answer).trim()).toBe('呼吸练习已停止。');
    const closing = outbox.updates.at(-1)!;
    expect(textOf(closing.reply)).toContain('已停止');
    expect(actionsOf(closing.reply)).toEqual([]);
    const count = outbox.updates.length;
    await bot.timers.advance(120_000);
    expect(outbox.updates).toHaveLength(count);
    expect(textOf(await bot.ask('stop', { userId: 'U8', locale: 'en' })).trim()).toBe('No breathing minute is running.');
  });

  it('runs at most one minute per person; others may have their own', async () => {
    const { bot, outbox } = await setUp();
    await bot.ask('breathe', { locale: 'en', userId: 'U1' });
    const again = await bot.ask('breathe', { locale: 'en', userId: 'U1' });
    expect(textOf(again)).toContain('already running');
    await bot.ask('breathe', { locale: 'en', userId: 'U2' });
    expect(outbox.sent.map((s) => s.to.userId)).toEqual(['U1', 'U2']);
    await bot.timers.advance(70_000);
    // Finished: a new one may start.
    await bot.ask('breathe', { locale: 'en', userId: 'U1' });
    expect(outbox.sent).toHaveLength(3);
  });

  it('two presses at once still start only one minute', async () => {
    const { bot, outbox } = await setUp();
    const answers = await Promise.all([bot.ask('breathe', { locale: 'en' }), bot.ask('breathe', { locale: 'en' })]);
    expect(answers.map(textOf).filter((t) => t.includes('already running'))).toHaveLength(1);
    expect(outbox.sent).toHaveLength(1);
  });

  it('a failed edit ends the minute quietly; a failed DM says it could not start', async () => {
    const { bot, outbox } = await setUp();
    await bot.ask('breathe', { locale: 'en', userId: 'U3' });
    outbox.failUpdates = true;
    await bot.timers.advance(5_000);
    expect(bot.calm.isBreathing({ platform: 'slack', userId: 'U3' })).toBe(false);
    expect(bot.timers.pending).toBe(0);

    outbox.failSends = true;
    const failed = await bot.ask('breathe', { locale: 'en', userId: 'U4' });
    expect(failed.tone).toBe('warning');
    expect(textOf(failed)).toContain("couldn't start the guided minute");
    expect(bot.calm.isBreathing({ platform: 'slack', userId: 'U4' })).toBe(false);
  });

  it('uses the breathing practice on the button, and the console is told the phases print there', async () => {
    const { bot, outbox } = await setUp();
    const answer = await bot.ask('breathe release-breath', { locale: 'en', platform: 'console', userId: 'console' });
    expect(textOf(answer).trim()).toBe('The breathing minute prints below, one phase at a time. Type /calm stop to end it.');
    await bot.timers.advance(4_000);
    // release-breath is 4-2-6: the hold shares the out-breath's edit.
    expect(outbox.phases()[0]).toBe('Hold… 2 s\nBreathe out slowly… 6 s');
  });
});
