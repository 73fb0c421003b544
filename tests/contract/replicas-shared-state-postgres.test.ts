import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { FeishuAdapter } from '../../src/adapters/feishu/feishu-adapter.js';
import { CalmDesk } from '../../src/calm/desk.js';
import { ManualClock, systemClock } from '../../src/core/clock.js';
import { PgBotStore } from '../../src/db/pg-bot-store.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { deliverHttp, envelope, FakeFeishu, textMessage } from '../helpers/fake-feishu.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { loadBase, scriptRouter, SHIPPED_KNOWLEDGE } from '../helpers/router.js';
import { TIMINGS } from './store.contract.js';

/**
 * Two replicas on one PostgreSQL database share every piece of state the bot keeps besides
 * promises: /calm day counts, and the redelivery keys of Discord's gateway and Feishu's events.
 */
const server = testPostgresUrl('state shared by replicas on PostgreSQL');
const silent = pino({ level: 'silent' });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two stores (replicas A and B) on one fresh database. */
async function twoReplicas(clock: { now(): Date }): Promise<[PgBotStore, PgBotStore]> {
  const db = await createTestDatabase(server!);
  const open = () => PgBotStore.open({ url: db.url, timings: TIMINGS, now: () => clock.now(), poolSize: 2 });
  const [a, b] = await Promise.all([open(), open()]);
  cleanups.push(() => db.drop(), () => a.close(), () => b.close());
  return [a, b];
}

describe.runIf(server)('replicas on one PostgreSQL database', () => {
  it('/calm: a use counted on replica A is in the counts replica B shows (the board’s team weather)', async () => {
    const clock = new ManualClock('2026-12-01T02:00:00Z');
    const [storeA, storeB] = await twoReplicas(clock);
    const desk = (counts: PgBotStore) => CalmDesk.open({ knowledgeDir: SHIPPED_KNOWLEDGE, counts, clock, timeZone: 'Asia/Shanghai', statsEnabled: true, log: silent });
    const [a, b] = await Promise.all([desk(storeA), desk(storeB)]);
    cleanups.push(() => a.close(), () => b.close());
    await a.countUse();
    await a.countUse();
    await b.countUse();
    expect((await b.stats(2)).map((d) => d.count)).toEqual([0, 3]);
    expect(await a.stats(1)).toEqual([{ day: '2026-12-01', count: 3 }]);
  });

  it('Discord gateway: an interaction every session receives is answered by one replica only', async () => {
    const [storeA, storeB] = await twoReplicas(systemClock);
    const kb = await loadBase();
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const replica = async (deliveries: PgBotStore) => {
      const gateway = await new FakeDiscord().start();
      const adapter = new DiscordAdapter({
        settings: { token: 'fake.discord.token', apiUrl: gateway.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
        router: scriptRouter({ knowledge: () => kb, clock: systemClock, log }),
        log,
        deliveries,
      });
      cleanups.push(() => gateway.stop(), () => adapter.stop());
      await adapter.start();
      return gateway;
    };
    const [gatewayA, gatewayB] = await Promise.all([replica(storeA), replica(storeB)]);
    const interaction = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'en-US', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: 'parcel-delayed' }] } });
    gatewayA.sendInteraction(interaction);
    expect((await gatewayA.waitForCallback(interaction.id)).body.type).toBe(4);
    gatewayB.sendInteraction(interaction);
    await vi.waitFor(() => expect(lines.some((l) => l.includes('already handled') && l.includes(interaction.id))).toBe(true));
    expect(gatewayB.callbacks.filter((c) => c.interactionId === interaction.id)).toEqual([]);
    // Replica B is not deaf: a new interaction is answered there.
    const next = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'en-US', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: 'parcel-delayed' }] } });
    gatewayB.sendInteraction(next);
    expect((await gatewayB.waitForCallback(next.id)).body.type).toBe(4);
  });

  it('Feishu: an event redelivered to the other replica is answered once', async () => {
    const [storeA, storeB] = await twoReplicas(systemClock);
    const kb = await loadBase();
    const feishu = await new FakeFeishu().start();
    cleanups.push(() => feishu.stop());
    const ENCRYPT_KEY = 'fake-encrypt-key-0123';
    const TOKEN = 'fake-verification-token';
    const replica = async (deliveries: PgBotStore) => {
      const adapter = new FeishuAdapter({
        settings: { appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain, encryptKey: ENCRYPT_KEY, verificationToken: TOKEN, port: 0, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
        router: scriptRouter({ knowledge: () => kb, clock: systemClock, log: silent }),
        clock: systemClock,
        log: silent,
        deliveries,
      });
      const { port } = await adapter.start();
      cleanups.push(() => adapter.stop());
      return (event: Record<string, unknown>) => deliverHttp(`http://127.0.0.1:${port}/feishu/events`, envelope('im.message.receive_v1', event, { token: TOKEN }), { encryptKey: ENCRYPT_KEY });
    };
    const [sendToA, sendToB] = await Promise.all([replica(storeA), replica(storeB)]);
    // Every create call counts: Feishu's own uuid dedupe would hide a second answer in the stored messages.
    const answers = (messageId: string) => feishu.calls.filter((c) => c.method === 'POST' && c.path === '/open-apis/im/v1/messages' && String((c.body as { uuid?: string }).uuid).startsWith(messageId)).length;
    const event = textMessage({ openId: 'ou_agent001', chatId: 'oc_dm_agent001', chatType: 'p2p', text: '/script parcel-delayed', messageId: 'om_in_shared1' });
    expect((await sendToA(event)).status).toBe(200);
    await vi.waitFor(() => expect(answers('om_in_shared1')).toBeGreaterThan(0));
    const answered = answers('om_in_shared1');
    // Feishu redelivers it (a new event id, the same message) and the retry lands on replica B; then a new command follows there.
    expect((await sendToB(event)).status).toBe(200);
    await sendToB(textMessage({ openId: 'ou_agent001', chatId: 'oc_dm_agent001', chatType: 'p2p', text: '/script parcel-delayed', messageId: 'om_in_shared2' }));
    await vi.waitFor(() => expect(answers('om_in_shared2')).toBeGreaterThan(0));
    expect(answers('om_in_shared1')).toBe(answered);
  });
});
