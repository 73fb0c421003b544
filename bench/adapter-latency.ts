import pino from 'pino';
import { DiscordAdapter } from '../src/adapters/discord/discord-adapter.js';
import { SlackAdapter } from '../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../src/core/clock.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { FakeDiscord, interactionPayload } from '../tests/helpers/fake-discord.js';
import { FakeSlack, postSigned, slashCommandBody } from '../tests/helpers/fake-slack.js';
import { scriptRouter } from '../tests/helpers/router.js';

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
 * Discord (INTERACTION_CREATE until the interaction callback, which carries the answer).
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
  await discord.stop();
  results.push({ label: 'Discord: interaction → reply callback', times: discordTimes });
  return results;
}
