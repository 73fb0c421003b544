import pino from 'pino';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeishuAdapter } from '../../src/adapters/feishu/feishu-adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { defineCommand } from '../../src/core/command.js';
import { privateReply, type Reply } from '../../src/core/reply.js';
import { createRouter } from '../../src/core/router.js';
import { ManualTimers } from '../../src/core/timers.js';
import { cardAction, deliverHttp, envelope, FakeFeishu } from '../helpers/fake-feishu.js';

/**
 * Feishu wants a card callback answered within 3 seconds. An answer not ready within the
 * adapter's budget is acknowledged empty, then delivered when ready: as an edit of the card
 * (a reply that replaces the original, in a direct chat) or as a new card.
 */

const KEY = 'deadline-encrypt-key';
const AGENT = 'ou_agent001';
let release: (reply: Reply) => void = () => undefined;
const slow = defineCommand({
  name: 'slow',
  summary: () => 'slow',
  help: () => 'slow',
  argument: () => 'slow',
  args: z.object({}),
  toArgs: () => ({}),
  usage: () => privateReply(undefined, []),
  run: () => privateReply(undefined, [{ type: 'text', text: 'ok' }]),
  onAction: () => new Promise<Reply>((resolve) => (release = resolve)),
});

let fake: FakeFeishu;
let adapter: FeishuAdapter;
let timers: ManualTimers;
let url: string;

beforeAll(async () => {
  fake = await new FakeFeishu().start();
  const clock = new ManualClock('2026-12-01T02:00:00Z');
  timers = new ManualTimers(clock);
  const log = pino({ level: 'silent' });
  adapter = new FeishuAdapter({
    settings: { appId: fake.appId, appSecret: fake.appSecret, domain: fake.domain, encryptKey: KEY, port: 0, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: createRouter([slow], { log }),
    clock,
    log,
    timers,
  });
  url = `http://127.0.0.1:${(await adapter.start()).port}/feishu/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
});

describe('Feishu card callbacks past the 3-second window', () => {
  it('acknowledges in time, then edits the card in place once the slow answer is ready', async () => {
    const chat = fake.directChatOf(AGENT);
    const original = await adapter.sendDirect({ platform: 'feishu', userId: AGENT }, privateReply('Reminder', [{ type: 'actions', actions: [{ command: 'slow', id: 'go', value: '1', label: 'Go', typed: '/slow' }] }]));
    expect(original.channel).toBe(chat);
    const pressed = deliverHttp(url, envelope('card.action.trigger', cardAction({ openId: AGENT, chatId: chat, messageId: original.id, value: { c: 'slow', a: 'go', v: '1' } })), { encryptKey: KEY });
    let answered = false;
    void pressed.then(() => (answered = true));
    // Time moves only when told: a second at a time until the adapter gives up waiting and acknowledges.
    await vi.waitFor(async () => {
      await timers.advance(1_000);
      expect(answered).toBe(true);
    });
    const res = await pressed;
    expect(res).toMatchObject({ status: 200, body: {} });
    release({ ...privateReply('Done', [{ type: 'text', text: 'finished late' }]), replacesOriginal: true });
    await vi.waitFor(() => expect(fake.patches.find((p) => p.messageId === original.id && JSON.stringify(p.card).includes('finished late'))).toBeDefined());
  });
});
