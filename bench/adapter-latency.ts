import pino from 'pino';
import type { Router } from '../src/core/router.js';
import { DiscordAdapter } from '../src/adapters/discord/discord-adapter.js';
import { DISCORD_INTERACTIONS_PATH, DiscordHttpInteractions } from '../src/adapters/discord/http-interactions.js';
import { RecentDeliveries } from '../src/db/recent-deliveries.js';
import { ServiceServer } from '../src/http/service-server.js';
import { discordKeyPair, postInteraction } from '../tests/helpers/discord-http.js';
import { FeishuAdapter } from '../src/adapters/feishu/feishu-adapter.js';
import { SlackAdapter } from '../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../src/core/clock.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { FakeDiscord, interactionPayload } from '../tests/helpers/fake-discord.js';
import { FakeSlack, postSigned, slashCommandBody } from '../tests/helpers/fake-slack.js';
import { scriptRouter } from '../tests/helpers/router.js';
import { deliverHttp, envelope, FakeFeishu, textMessage } from '../tests/helpers/fake-feishu.js';

const SECRET = 'bench-signing-secret';

export interface LatencyResult {
  label: string;
  times: number[];
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setImmediate(r));
}

/**
 * Command-to-acknowledgement latency through each adapter over loopback, sequentially:
 * Slack HTTP (signed POST until Bolt's 200), Slack Socket Mode (envelope until the ack frame),
 * Discord (INTERACTION_CREATE until the interaction callback, which carries the answer), Discord
 * HTTP interactions (signed POST until the HTTP answer, which carries it),
 * Feishu request URL (encrypted, signed POST until its 200) and long connection (event frame
 * until the bot's ack frame), each also until the answer card reaches the fake Open API.
 */
export async function measureAdapterLatency(kb: KnowledgeBase, queries: readonly string[], rounds: number): Promise<LatencyResult[]> {
  const log = pino({ level: 'silent' });
  const router = scriptRouter({ knowledge: () => kb, clock: systemClock, log });
  const results: LatencyResult[] = [];
  const slack = await new FakeSlack().start();
  slack.users = { UB: { locale: 'zh-CN', tz: 'Asia/Shanghai' } };
  const base = { botToken: 'xoxb-bench', port: 0, apiUrl: slack.apiUrl, leadIds: new Set<string>(), defaultLocale: 'zh-CN' as const, teamTimeZone: 'Asia/Shanghai' };

  const http = new SlackAdapter({ settings: { ...base, signingSecret: SECRET }, router, clock: systemClock, log });
  const { port } = await http.start();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const httpTimes: number[] = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const body = slashCommandBody({ command: '/script', text: q, userId: 'UB', responseUrl: slack.responseUrl(`h${n++}`) });
      httpTimes.push((await postSigned(url, SECRET, body)).ms);
    }
  }
  await http.stop();
  results.push({ label: 'Slack HTTP: command → ack', times: httpTimes });

  const socket = new SlackAdapter({ settings: { ...base, appToken: 'xapp-bench' }, router, clock: systemClock, log });
  await socket.start();
  await slack.waitForConnection();
  const socketTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const id = `e${n++}`;
      const started = performance.now();
      slack.sendEnvelope(id, 'slash_commands', { user_id: 'UB', command: '/script', text: q, team_id: 'T1', channel_id: 'C1', response_url: slack.responseUrl(id), trigger_id: id, api_app_id: 'A1' });
      await until(() => slack.acks.has(id));
      socketTimes.push(performance.now() - started);
    }
  }
  await socket.stop();
  await slack.stop();
  results.push({ label: 'Slack Socket Mode: envelope → ack', times: socketTimes });

  const discord = await new FakeDiscord().start();
  const bot = new DiscordAdapter({ settings: { token: 'bench.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'zh-CN', teamTimeZone: 'Asia/Shanghai' }, router, log });
  await bot.start();
  const discordTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const interaction = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'zh-CN', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: q }] } });
      const started = performance.now();
      discord.sendInteraction(interaction);
      await until(() => discord.callbacks.some((c) => c.interactionId === interaction.id));
      discordTimes.push(performance.now() - started);
    }
  }
  await bot.stop();
  results.push({ label: 'Discord: interaction → reply callback', times: discordTimes });
  results.push(await measureDiscordHttp(router, discord, queries, rounds));
  await discord.stop();
  results.push(...(await measureFeishu(router, queries, rounds)));
  return results;
}

/** Discord HTTP interactions: a signed POST until its HTTP answer, which carries the reply (no gateway). */
async function measureDiscordHttp(router: Router, discord: FakeDiscord, queries: readonly string[], rounds: number): Promise<LatencyResult> {
  const log = pino({ level: 'silent' });
  const keys = discordKeyPair();
  const server = new ServiceServer({ port: 0, host: '127.0.0.1', log });
  const recent = new RecentDeliveries(systemClock);
  const bot = new DiscordHttpInteractions({
    settings: { publicKey: keys.publicKeyHex, token: 'bench.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'zh-CN', teamTimeZone: 'Asia/Shanghai' },
    router,
    clock: systemClock,
    log,
    server,
    deliveries: { firstDelivery: (key) => recent.firstTime(key) },
  });
  bot.start();
  const url = `http://127.0.0.1:${(await server.start()).port}${DISCORD_INTERACTIONS_PATH}`;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const interaction = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'zh-CN', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: q }] } });
      const started = performance.now();
      const { status } = await postInteraction(url, interaction, { privateKey: keys.privateKey, at: new Date() });
      if (status !== 200) throw new Error(`Discord HTTP interaction answered ${status}`);
      times.push(performance.now() - started);
    }
  }
  await bot.stop();
  await server.stop();
  return { label: 'Discord HTTP interactions: signed POST → reply', times };
}

async function measureFeishu(router: Router, queries: readonly string[], rounds: number): Promise<LatencyResult[]> {
  const log = pino({ level: 'silent' });
  const fake = await new FakeFeishu().start();
  fake.users = { ou_bench: { name: 'Bench', time_zone: 'Asia/Shanghai' } };
  const key = 'bench-encrypt-key';
  const base = { appId: fake.appId, appSecret: fake.appSecret, domain: fake.domain, port: 0, leadIds: new Set<string>(), defaultLocale: 'zh-CN' as const, teamTimeZone: 'Asia/Shanghai' };
  const answered = (id: string) => fake.messages.some((m) => m.uuid === `${id}-0`);
  const results: LatencyResult[] = [];
  let n = 0;

  const http = new FeishuAdapter({ settings: { ...base, encryptKey: key, verificationToken: 'bench-token' }, router, clock: systemClock, log });
  const url = `http://127.0.0.1:${(await http.start()).port}/feishu/events`;
  const ack: number[] = [];
  const answer: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const id = `om_bench_${n++}`;
      const event = envelope('im.message.receive_v1', textMessage({ openId: 'ou_bench', chatId: 'oc_bench', chatType: 'p2p', text: `/script ${q}`, messageId: id }), { token: 'bench-token' });
      const started = performance.now();
      ack.push((await deliverHttp(url, event, { encryptKey: key })).ms);
      await until(() => answered(id));
      answer.push(performance.now() - started);
    }
  }
  await http.stop();
  results.push({ label: 'Feishu request URL: command → ack', times: ack }, { label: 'Feishu request URL: command → answer card', times: answer });

  const ws = new FeishuAdapter({ settings: base, router, clock: systemClock, log });
  await ws.start();
  const wsAck: number[] = [];
  const wsAnswer: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const id = `om_bench_${n++}`;
      const started = performance.now();
      await fake.deliverOverConnection(envelope('im.message.receive_v1', textMessage({ openId: 'ou_bench', chatId: 'oc_bench', chatType: 'p2p', text: `/script ${q}`, messageId: id })));
      wsAck.push(performance.now() - started);
      await until(() => answered(id));
      wsAnswer.push(performance.now() - started);
    }
  }
  await ws.stop();
  await fake.stop();
  results.push({ label: 'Feishu long connection: command → ack', times: wsAck }, { label: 'Feishu long connection: command → answer card', times: wsAnswer });
  return results;
}
