import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody } from '../helpers/fake-slack.js';
import { botRouter } from '../helpers/router.js';

const SECRET = 'paging-signing-secret';
let slack: FakeSlack;
let adapter: SlackAdapter;
let bot: BotContext;
let eventsUrl: string;
let seq = 0;

type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value: string; text: { text: string } }[] };
type Posted = { replace_original?: boolean; text: string; blocks: Block[] };

async function command(text: string): Promise<Posted> {
  const id = `c${++seq}`;
  expect((await postSigned(eventsUrl, SECRET, slashCommandBody({ command: '/promise', text, userId: 'ULEAD', responseUrl: slack.responseUrl(id) }))).status).toBe(200);
  return (await slack.waitForResponse(id)) as unknown as Posted;
}

async function press(button: { action_id: string; value: string }): Promise<Posted> {
  const id = `a${++seq}`;
  expect((await postSigned(eventsUrl, SECRET, blockActionBody({ userId: 'ULEAD', actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl(id) }))).status).toBe(200);
  return (await slack.waitForResponse(id)) as unknown as Posted;
}

function withinSlackLimits(posted: Posted): void {
  expect(posted.blocks.length).toBeLessThanOrEqual(50);
  expect(posted.text.length).toBeLessThanOrEqual(3000);
  for (const b of posted.blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(b.type === 'header' ? 150 : 3000);
}

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users = { ULEAD: { locale: 'en-US', tz: 'Asia/Shanghai' } };
  bot = await botContext({ leadIds: ['ULEAD'] });
  const now = bot.clock.now().getTime();
  for (let i = 0; i < 200; i++) {
    const note = `promise ${i} ${'call the customer back about the refund and confirm the bank details '.repeat(8)}`.slice(0, 500);
    await bot.promises.create({ owner: { platform: 'slack', userId: `U${i % 60}`, name: `Agent ${i % 60}` }, dueAt: new Date(now + (i + 1) * 60_000), note, timeZone: 'Asia/Shanghai' });
  }
  adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-paging', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl, leadIds: new Set(['ULEAD']), defaultLocale: 'en', teamTimeZone: 'Asia/Shanghai' },
    router: botRouter(bot.context),
    clock: systemClock,
    log: pino({ level: 'silent' }),
  });
  eventsUrl = `http://127.0.0.1:${(await adapter.start()).port}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await slack?.stop();
  await bot?.close();
});

describe('/promise team with 200 promises across 60 owners, on Slack (a real Bolt app against a local Slack)', () => {
  it('answers with page 1 within every Slack limit, and Next replaces it with page 2', async () => {
    const first = await command('team');
    withinSlackLimits(first);
    expect(JSON.stringify(first.blocks)).toContain('Showing 1–20 of 200');
    expect(first.text).toContain('Open promises, team');
    const next = first.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.text.text === 'Next')!;
    expect(next.value).toBe('2');
    const second = await press(next);
    expect(second.replace_original).toBe(true);
    withinSlackLimits(second);
    expect(JSON.stringify(second.blocks)).toContain('Showing 21–40 of 200');
  });
});
