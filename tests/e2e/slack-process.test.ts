import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody } from '../helpers/fake-slack.js';
import { RunningProcess } from '../helpers/process.js';

const SECRET = 'process-signing-secret';
let slack: FakeSlack;
let bot: RunningProcess;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users = { UEN: { locale: 'en-GB', tz: 'Europe/London' } };
});
afterAll(async () => {
  bot?.kill();
  await slack?.stop();
});

async function slackPort(process: RunningProcess): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = process.stderr.split('\n').find((l) => l.includes('"msg":"slack connected"'));
    if (line) return JSON.parse(line).port as number;
    if (Date.now() > deadline || process.child.exitCode !== null) throw new Error(`bot did not connect:\n${process.stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the bot as a service with Slack credentials (HTTP mode)', () => {
  it('keeps serving with stdin closed, answers /script and a button press, and stops cleanly on SIGTERM', async () => {
    bot = new RunningProcess('node', ['dist/src/main.js'], {
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      CONSOLE: 'auto',
    });
    bot.child.stdin.end();
    const port = await slackPort(bot);
    const url = `http://127.0.0.1:${port}/slack/events`;

    await new Promise((r) => setTimeout(r, 200));
    expect(bot.child.exitCode).toBeNull();

    const command = slashCommandBody({ command: '/script', text: 'parcel late', userId: 'UEN', responseUrl: slack.responseUrl('p1') });
    expect((await postSigned(url, SECRET, command)).status).toBe(200);
    const reply = (await slack.waitForResponse('p1')) as { blocks: { type: string; elements?: { action_id: string; value: string }[] }[] };
    const button = reply.blocks.find((b) => b.type === 'actions')!.elements![0]!;

    const press = blockActionBody({ userId: 'UEN', actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl('p2') });
    expect((await postSigned(url, SECRET, press)).status).toBe(200);
    const opened = (await slack.waitForResponse('p2')) as { response_type: string };
    expect(opened.response_type).toBe('ephemeral');

    expect(bot.stderr).not.toContain('parcel late');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr).toContain('"msg":"stopped"');
  });
});
