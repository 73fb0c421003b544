import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSlack, postSigned, slashCommandBody } from '../helpers/fake-slack.js';
import { RunningProcess } from '../helpers/process.js';

const QUIET_CONSOLE = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', CONSOLE: 'on', KNOWLEDGE_WATCH: 'false' };

/** The lines a person reads on stderr: everything but the structured log. */
const plainLines = (stderr: string) => stderr.trim().split('\n').filter((line) => line && !line.startsWith('{'));

const running: RunningProcess[] = [];
const fakes: FakeSlack[] = [];
afterEach(async () => {
  running.splice(0).forEach((p) => p.kill());
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

const SECRET = 'startup-signing-secret';
async function slackBot(configure: (slack: FakeSlack) => void): Promise<{ bot: RunningProcess; slack: FakeSlack }> {
  const slack = await new FakeSlack().start();
  fakes.push(slack);
  configure(slack);
  const bot = new RunningProcess(process.execPath, ['dist/src/main.js'], {
    ...QUIET_CONSOLE,
    CONSOLE: 'off',
    SLACK_BOT_TOKEN: 'xoxb-startup-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  running.push(bot);
  return { bot, slack };
}

describe('start-up faults end the process at once with one line', () => {
  it.each([
    ['a folder the kernel will not create (/proc)', `/proc/frontline-${process.pid}`, 'could not create the promise store folder'],
    ['a path through a file', '/etc/hostname/data', 'could not create the promise store folder'],
  ])('DATA_DIR under %s', async (_what, dataDir, expected) => {
    const bot = new RunningProcess(process.execPath, ['dist/src/main.js'], { ...QUIET_CONSOLE, DATA_DIR: dataDir });
    running.push(bot);
    expect(await bot.exited).toBe(2);
    const lines = plainLines(bot.stderr);
    expect(lines, bot.stderr).toHaveLength(1);
    expect(lines[0]).toContain(expected);
    expect(lines[0]).toContain(dataDir);
  });
});

describe('Slack at start-up', () => {
  it('stops with exit 2 and one line when Slack rejects the bot token', async () => {
    const { bot } = await slackBot((slack) => slack.failNext('auth.test', 'token_revoked'));
    expect(await bot.exited).toBe(2);
    const lines = plainLines(bot.stderr);
    expect(lines, bot.stderr).toEqual([expect.stringContaining('Slack rejected SLACK_BOT_TOKEN (token_revoked)')]);
    expect(bot.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps retrying while Slack cannot be reached, one line per attempt, then serves', async () => {
    // Three failures: the first attempt (with the Web client's own two quick retries) finds Slack down.
    const { bot, slack } = await slackBot((s) => {
      for (let i = 0; i < 3; i++) s.failNext('auth.test', 'internal_error', 503);
    });
    await vi.waitFor(() => expect(bot.stderr).toContain('Slack cannot be reached; retrying'), { timeout: 30_000 });
    await vi.waitFor(() => expect(bot.stderr).toContain('"msg":"slack connected"'), { timeout: 30_000 });
    expect(bot.child.exitCode).toBeNull();
    expect(bot.stderr).not.toMatch(/\n\s+at /);
    expect(plainLines(bot.stderr)).toEqual([]);

    const port = JSON.parse(bot.stderr.split('\n').find((l) => l.includes('health endpoints'))!).port as number;
    const body = slashCommandBody({ command: '/script', text: 'parcel late', userId: 'U1', responseUrl: slack.responseUrl('after-outage') });
    expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, body)).status).toBe(200);
    await slack.waitForResponse('after-outage');
  }, 60_000);
});
