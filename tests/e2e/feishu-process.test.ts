import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverHttp, envelope, FakeFeishu, textMessage } from '../helpers/fake-feishu.js';
import { RunningProcess } from '../helpers/process.js';

const KEY = 'process-encrypt-key';
const TOKEN = 'process-verification-token';
let fake: FakeFeishu;
const running: RunningProcess[] = [];

beforeAll(async () => {
  fake = await new FakeFeishu().start();
  fake.users = { ou_agent: { name: 'Ana', time_zone: 'Asia/Shanghai' } };
});
afterAll(async () => {
  running.forEach((p) => p.kill());
  await fake?.stop();
});

async function connected(process: RunningProcess): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const line = process.stderr.split('\n').find((l) => l.includes('"msg":"feishu connected"'));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    if (Date.now() > deadline || process.child.exitCode !== null) throw new Error(`bot did not connect:\n${process.stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const env = (extra: Record<string, string>) => ({
  FEISHU_APP_ID: fake.appId,
  FEISHU_APP_SECRET: fake.appSecret,
  FEISHU_DOMAIN: fake.domain,
  SLACK_BOT_TOKEN: '',
  DISCORD_TOKEN: '',
  PORT: '0',
  LOG_LEVEL: 'info',
  DEFAULT_LOCALE: 'en',
  ...extra,
});

describe('the bot as a service with Feishu', () => {
  it('request URL mode: serves /feishu/events on PORT, answers a command, reports feishu in /readyz and never logs the text', async () => {
    const bot = new RunningProcess('node', ['dist/src/main.js'], env({ FEISHU_ENCRYPT_KEY: KEY, FEISHU_VERIFICATION_TOKEN: TOKEN }));
    running.push(bot);
    bot.child.stdin.end();
    const { mode, port } = await connected(bot);
    expect(mode).toBe('http');
    const event = envelope('im.message.receive_v1', textMessage({ openId: 'ou_agent', chatId: 'oc_dm_agent', chatType: 'p2p', text: '/script parcel late', messageId: 'om_process_1' }), { token: TOKEN });
    expect((await deliverHttp(`http://127.0.0.1:${String(port)}/feishu/events`, event, { encryptKey: KEY })).status).toBe(200);
    const deadline = Date.now() + 20_000;
    while (!fake.messages.some((m) => m.uuid === 'om_process_1-0') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(fake.messages.find((m) => m.uuid === 'om_process_1-0')?.chatId).toBe('oc_dm_agent');
    const ready = await fetch(`http://127.0.0.1:${String(port)}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { feishu: 'ok' } });
    expect(bot.stderr).not.toContain('parcel late');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('refused credentials stop start-up with one line naming the settings (exit 2)', async () => {
    const bot = new RunningProcess('node', ['dist/src/main.js'], env({ FEISHU_APP_SECRET: 'not-the-secret-of-this-app' }));
    running.push(bot);
    bot.child.stdin.end();
    expect(await bot.exited, bot.stderr).toBe(2);
    expect(bot.stderr).toContain('FEISHU_APP_ID / FEISHU_APP_SECRET');
    expect(bot.stderr).not.toContain('not-the-secret-of-this-app');
  });
});
