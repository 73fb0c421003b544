import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordKeyPair, postInteraction } from '../helpers/discord-http.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { RunningProcess } from '../helpers/process.js';

let discord: FakeDiscord;
let bot: RunningProcess | undefined;
const keys = discordKeyPair();

beforeAll(async () => {
  discord = await new FakeDiscord().start();
});
afterAll(async () => {
  bot?.kill();
  await discord?.stop();
});

/** The service port, from the bot's start-up log line. */
async function servicePort(process: RunningProcess): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = process.stderr.split('\n').find((l) => l.includes('"msg":"health endpoints at'));
    if (line && process.stderr.includes('"msg":"frontline-bot started"')) return JSON.parse(line).port as number;
    if (Date.now() > deadline || process.child.exitCode !== null) throw new Error(`bot did not start:\n${process.stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a running bot with Discord over HTTP interactions, scraped by Prometheus', () => {
  it('answers a signed /script with no gateway session, then /metrics shows its latency, the outbox and process series', async () => {
    bot = new RunningProcess('node', ['dist/src/main.js'], {
      DISCORD_TOKEN: 'fake.discord.metrics.token',
      DISCORD_APPLICATION_ID: '200000000000000002',
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      CONSOLE: 'off',
    });
    bot.child.stdin.end();
    const base = `http://127.0.0.1:${await servicePort(bot)}`;

    const command = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'en-US', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: 'parcel late' }] } });
    const answer = await postInteraction(`${base}/discord/interactions`, command, { privateKey: keys.privateKey, at: new Date() });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(discord.identified).toEqual([]);

    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { knowledge: 'ok', store: 'ok', discord: 'ok' } });

    const scraped = await fetch(`${base}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    const text = await scraped.text();
    expect(text).toMatch(/^frontline_command_duration_seconds_count\{platform="discord",command="script",kind="command"\} 1$/m);
    expect(text).toContain('# TYPE frontline_reminder_lateness_seconds histogram');
    expect(text).toContain('# TYPE frontline_outbox_depth gauge');
    expect(text).toContain('# TYPE frontline_delivery_failures_total counter');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);
});
