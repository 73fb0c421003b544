import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeishuAdapter } from '../../src/adapters/feishu/feishu-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { cardAction, envelope, FakeFeishu, textMessage } from '../helpers/fake-feishu.js';
import { botRouter, loadBase } from '../helpers/router.js';

/**
 * The default mode: only FEISHU_APP_ID / FEISHU_APP_SECRET, no public URL. The SDK's WSClient
 * asks the fake for its endpoint, opens the WebSocket and receives events as protobuf data
 * frames (the fake encodes pbbp2.Frame by hand); the bot's answer to a card callback travels
 * back in the response frame, base64 JSON as the SDK writes it.
 */

const AGENT = 'ou_agent001';
const log = pino({ level: 'silent' });
let fake: FakeFeishu;
let ctx: BotContext;
let adapter: FeishuAdapter;

beforeAll(async () => {
  fake = await new FakeFeishu().start();
  fake.users = { [AGENT]: { name: 'Ana', time_zone: 'Asia/Shanghai' } };
  const outbox = new PlatformOutbox();
  const kb = await loadBase();
  ctx = await botContext({ outbox, knowledge: () => kb });
  adapter = new FeishuAdapter({
    settings: { appId: fake.appId, appSecret: fake.appSecret, domain: fake.domain, port: 0, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(ctx.context),
    clock: ctx.clock,
    log,
  });
  await adapter.start();
  outbox.register('feishu', adapter);
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  await ctx?.close();
});

describe('Feishu long connection (WSClient, protobuf frames)', () => {
  it('connects with the app credentials alone and reports ready', () => {
    expect(adapter.mode).toBe('long-connection');
    expect(fake.connected).toBe(true);
    expect(adapter.isConnected()).toBe(true);
  });

  it('answers a command that arrives as a frame, and a card press with the new card in the response frame', async () => {
    const chat = fake.directChatOf(AGENT);
    const ack = await fake.deliverOverConnection(envelope('im.message.receive_v1', textMessage({ openId: AGENT, chatId: chat, chatType: 'p2p', text: '/promise 45m callback 5520', messageId: 'om_ws_1' })));
    expect(ack.code).toBe(200);
    const answer = await vi.waitFor(() => fake.messages.find((m) => m.uuid?.startsWith('om_ws_1')) ?? Promise.reject(new Error('no answer yet')));
    const record = (await ctx.promises.allOpen()).find((p) => p.note.includes('5520'))!;
    expect(record.owner).toMatchObject({ platform: 'feishu', userId: AGENT });
    expect(record.timeZone).toBe('Asia/Shanghai');
    // Done, as the reminder card's button carries it.
    const done = { c: 'promise', a: 'done', v: record.id };
    const pressed = await fake.deliverOverConnection(envelope('card.action.trigger', cardAction({ openId: AGENT, chatId: chat, messageId: answer.messageId, value: done })));
    expect(pressed.code).toBe(200);
    expect(pressed.data).toMatchObject({ card: { type: 'raw' } });
    expect((await ctx.promises.allOpen()).some((p) => p.id === record.id)).toBe(false);
  });
});
