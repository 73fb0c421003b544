import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody } from '../helpers/fake-slack.js';
import { RunningProcess, slackPortOf } from '../helpers/process.js';

const SECRET = 'process-signing-secret';
let slack: FakeSlack;
let discord: FakeDiscord;
let bot: RunningProcess;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users = { UEN: { locale: 'en-GB', tz: 'Europe/London' } };
  discord = await new FakeDiscord().start();
});
afterAll(async () => {
  bot?.kill();
  await slack?.stop();
  await discord?.stop();
});

describe('the bot as a service with Slack (HTTP mode) and Discord credentials', () => {
  it('serves both with stdin closed, answers /script and a button press in each, and stops cleanly on SIGTERM', async () => {
    bot = new RunningProcess('node', ['dist/src/main.js'], {
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      CONSOLE: 'auto',
      DISCORD_TOKEN: 'fake.discord.process.token',
      DISCORD_APPLICATION_ID: '200000000000000002',
      DISCORD_API_URL: discord.apiUrl,
    });
    bot.child.stdin.end();
    const port = await slackPortOf(bot);
    const url = `http://127.0.0.1:${port}/slack/events`;

    const slashCommand = slashCommandBody({ command: '/script', text: 'parcel late', userId: 'UEN', responseUrl: slack.responseUrl('p1') });
    expect((await postSigned(url, SECRET, slashCommand)).status).toBe(200);
    const reply = (await slack.waitForResponse('p1')) as { blocks: { type: string; elements?: { action_id: string; value: string }[] }[] };
    // It answered, so it is up and serving (not exited after start-up).
    expect(bot.child.exitCode).toBeNull();
    const button = reply.blocks.find((b) => b.type === 'actions')!.elements![0]!;

    const press = blockActionBody({ userId: 'UEN', actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl('p2') });
    expect((await postSigned(url, SECRET, press)).status).toBe(200);
    const opened = (await slack.waitForResponse('p2')) as { response_type: string };
    expect(opened.response_type).toBe('ephemeral');

    await discord.waitForIdentify(30_000);
    const command = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'zh-CN', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: '限速' }] } });
    discord.sendInteraction(command);
    const answered = (await discord.waitForCallback(command.id)).body as unknown as { data: { flags: number; components: { components: { custom_id: string }[] }[] } };
    expect(answered.data.flags).toBe(64);
    const press2 = interactionPayload({ type: 3, userId: '700000000000000007', locale: 'zh-CN', data: { custom_id: answered.data.components[0]!.components[0]!.custom_id, component_type: 2 } });
    discord.sendInteraction(press2);
    expect((await discord.waitForCallback(press2.id)).body.type).toBe(4);

    // Health for the service manager, on the same port: up, and ready with every part checked.
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { knowledge: 'ok', store: 'ok', slack: 'ok', discord: 'ok' } });
    expect(ready.status).toBe(200);

    expect(bot.stderr).not.toContain('parcel late');
    expect(bot.stderr).not.toContain('限速');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr).toContain('"msg":"stopped"');
  });
});
