import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Outbox } from '../../src/core/outbox.js';
import { privateReply } from '../../src/core/reply.js';
import { createRouter } from '../../src/core/router.js';
import { BotMetrics } from '../../src/metrics/bot-metrics.js';
import { defineCommand } from '../../src/core/command.js';
import { z } from 'zod';

const user = { id: 'U1', locale: 'en' as const, timeZone: 'UTC', isLead: false };
const echo = defineCommand({
  name: 'echo',
  summary: () => 'Echo',
  help: () => 'Type /echo',
  argument: () => 'text',
  args: z.object({ text: z.string() }),
  toArgs: (text) => ({ text }),
  usage: () => privateReply(undefined, []),
  run: ({ text }) => privateReply('Echo', [{ type: 'text', text }]),
});

const line = (text: string, series: string) => text.split('\n').find((l) => l.startsWith(series + ' '));

describe('BotMetrics', () => {
  it('times commands per platform and command, folding unknown command names into one label', async () => {
    const metrics = new BotMetrics({ processMetrics: false });
    const router = metrics.timedRouter(createRouter([echo], { log: pino({ level: 'silent' }) }));
    await router.handle({ kind: 'command', platform: 'slack', user, command: 'echo', text: 'hi', localeExplicit: false });
    await router.handle({ kind: 'command', platform: 'slack', user, command: 'no-such-thing-typed-by-someone', text: '', localeExplicit: false });
    const { body } = await metrics.scrape();
    expect(line(body, 'frontline_command_duration_seconds_count{platform="slack",command="echo",kind="command"}')).toMatch(/ 1$/);
    expect(line(body, 'frontline_command_duration_seconds_count{platform="slack",command="unknown",kind="command"}')).toMatch(/ 1$/);
    expect(body).not.toContain('no-such-thing');
  });

  it('counts sends and failures per platform, and rethrows the failure for the caller to keep the message', async () => {
    const metrics = new BotMetrics({ processMetrics: false });
    let fail = false;
    const platform: Outbox = {
      sendDirect: async (to) => {
        if (fail) throw new Error('platform down');
        return { platform: to.platform, channel: 'D1', id: '1' };
      },
      postToChannel: async () => ({ platform: 'discord', channel: 'C1', id: '2' }),
      update: async () => undefined,
    };
    const counted = metrics.countedOutbox('discord', platform);
    await counted.sendDirect({ platform: 'discord', userId: '7' }, privateReply('x', []));
    fail = true;
    await expect(counted.sendDirect({ platform: 'discord', userId: '7' }, privateReply('x', []))).rejects.toThrow('platform down');
    const { body } = await metrics.scrape();
    expect(line(body, 'frontline_deliveries_total{platform="discord"}')).toBe('frontline_deliveries_total{platform="discord"} 1');
    expect(line(body, 'frontline_delivery_failures_total{platform="discord"}')).toBe('frontline_delivery_failures_total{platform="discord"} 1');
  });

  it('reads the outbox depth from the callback at each scrape, and records reminder lateness in seconds', async () => {
    let depth: Record<string, number> = { slack: 3 };
    const metrics = new BotMetrics({ processMetrics: false, outboxDepth: () => depth });
    metrics.reminderSent('heads-up', 1200);
    expect(line((await metrics.scrape()).body, 'frontline_outbox_depth{platform="slack"}')).toBe('frontline_outbox_depth{platform="slack"} 3');
    depth = { feishu: 1 };
    const { body } = await metrics.scrape();
    expect(body).not.toContain('frontline_outbox_depth{platform="slack"}');
    expect(line(body, 'frontline_outbox_depth{platform="feishu"}')).toMatch(/ 1$/);
    expect(line(body, 'frontline_reminder_lateness_seconds_bucket{le="1",stage="heads-up"}')).toMatch(/ 0$/);
    expect(line(body, 'frontline_reminder_lateness_seconds_bucket{le="1.5",stage="heads-up"}')).toMatch(/ 1$/);
  });

  it('keeps each instance in its own registry (two bots in one test process do not collide)', async () => {
    const a = new BotMetrics();
    const b = new BotMetrics();
    a.reminderSent('due', 10);
    expect((await b.scrape()).body).not.toMatch(/frontline_reminder_lateness_seconds_count\{stage="due"\} 1/);
    expect((await a.scrape()).body).toMatch(/frontline_reminder_lateness_seconds_count\{stage="due"\} 1/);
  });
});
