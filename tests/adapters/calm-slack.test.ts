import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { FEELING_IDS } from '../helpers/calm-bot.js';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody, waitForCall, type RecordedCall } from '../helpers/fake-slack.js';
import { botRouter } from '../helpers/router.js';

const SECRET = 'calm-signing-secret';
let slack: FakeSlack;
let adapter: SlackAdapter;
let bot: BotContext;
let eventsUrl: string;
let seq = 0;

type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value: string; text: { text: string } }[] };
type Posted = { response_type?: string; replace_original?: boolean; text?: string; blocks?: Block[] };

const buttons = (posted: { blocks?: unknown }) =>
  ((typeof posted.blocks === 'string' ? JSON.parse(posted.blocks) : posted.blocks) as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

async function command(text: string, userId = 'UAGENT'): Promise<Posted> {
  const id = `c${++seq}`;
  expect((await postSigned(eventsUrl, SECRET, slashCommandBody({ command: '/calm', text, userId, responseUrl: slack.responseUrl(id) }))).status).toBe(200);
  return (await slack.waitForResponse(id)) as Posted;
}

async function press(button: { action_id: string; value: string }, userId = 'UAGENT'): Promise<Posted> {
  const id = `a${++seq}`;
  const body = blockActionBody({ userId, actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl(id) });
  expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
  return (await slack.waitForResponse(id)) as Posted;
}

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users = { UAGENT: { locale: 'en-US', tz: 'Asia/Shanghai', real_name: 'Mei Chen' }, ULEAD: { locale: 'en-US', tz: 'Asia/Shanghai' } };
  const outbox = new PlatformOutbox();
  bot = await botContext({ leadIds: ['ULEAD'], outbox });
  const log = pino({ level: 'silent' });
  adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-calm', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl, leadIds: new Set(['ULEAD']), defaultLocale: 'zh-CN', teamTimeZone: 'Asia/Shanghai' },
    router: botRouter(bot.context),
    clock: systemClock,
    log,
  });
  eventsUrl = `http://127.0.0.1:${(await adapter.start()).port}/slack/events`;
  outbox.register('slack', adapter);
});

afterAll(async () => {
  await adapter?.stop();
  await slack?.stop();
  await bot?.close();
});

describe('/calm on Slack (a real Bolt app against a local Slack)', () => {
  it('shows the menu privately, one button per feeling', async () => {
    const posted = await command('');
    expect(posted.response_type).toBe('ephemeral');
    const menu = buttons(posted);
    expect(menu.map((b) => b.value)).toEqual(FEELING_IDS.map((id) => `en:${id}`));
    expect(menu.every((b) => /^calm:feeling:\d+$/.test(b.action_id))).toBe(true);
  });

  it('answers a pressed feeling button with that feeling, privately, as a new message', async () => {
    const menu = buttons(await command(''));
    const posted = await press(menu.find((b) => b.value === 'en:hurt')!);
    expect(posted).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(posted.blocks?.[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: bot.calm.library!.feeling('hurt', 'en')!.label, emoji: true } });
    expect(buttons(posted).map((b) => b.action_id)).toEqual(['calm:feeling:0', 'calm:breathe:1', 'calm:reset:2', 'calm:menu:3']);
  });

  it('matches typed words: /calm 被客户骂了', async () => {
    const posted = await command('被客户骂了');
    expect(posted.blocks?.[0]?.text?.text).toBe(bot.calm.library!.feeling('insulted-or-blamed', 'zh-CN')!.label);
  });

  it('runs the breathing minute as a DM (chat.postMessage) edited in place (chat.update), and Stop ends it', async () => {
    const feeling = await command('so angry');
    const before = slack.calls.length;
    const answer = await press(buttons(feeling).find((b) => b.action_id.startsWith('calm:breathe'))!);
    expect(answer.text).toContain('started in a direct message');

    const dm = await waitForCall(slack, 'chat.postMessage', (b) => b.channel === 'UAGENT');
    expect(String(dm.body.text)).toMatch(/Breathe in… \d s/);
    const stop = buttons(dm.body).find((b) => b.action_id.startsWith('calm:stop'))!;
    expect(stop).toBeDefined();

    await bot.timers.advance(4_000);
    const firstEdit = await waitForUpdate(before, (b) => /Breathe out slowly|Hold/.test(String(b.text)));
    expect(firstEdit.body).toMatchObject({ channel: 'D1', ts: '1700000000.000100' });

    const stopped = await press(stop);
    expect(stopped.text).toContain('Stopped the breathing minute.');
    await waitForUpdate(before, (b) => String(b.text).includes('Stopped. Come back to /calm any time.'));
    const updates = slack.calls.slice(before).filter((c) => c.method === 'chat.update').length;
    // Stopped means nothing is scheduled any more; the two minutes would have run anything that was.
    expect(bot.timers.pending).toBe(0);
    await bot.timers.advance(120_000);
    expect(slack.calls.slice(before).filter((c) => c.method === 'chat.update')).toHaveLength(updates);
  });

  it('sends the lead a neutral DM when the reset button is pressed', async () => {
    const feeling = await command('so angry, they called me useless');
    const answer = await press(buttons(feeling).find((b) => b.action_id.startsWith('calm:reset'))!);
    expect(answer.text).toContain('Sent to your lead.');
    const note = await waitForCall(slack, 'chat.postMessage', (b) => b.channel === 'ULEAD');
    expect(String(note.body.text)).toContain('Mei Chen (UAGENT) asks for a 5-minute reset');
    expect(JSON.stringify(note.body)).not.toMatch(/angry|useless|about-to-snap/i);
  });

  it('shows /calm stats to a lead only', async () => {
    expect((await command('stats', 'UAGENT')).text).toContain('for team leads');
    expect((await command('stats', 'ULEAD')).text).toContain('/calm over the last 14 days');
  });
});

async function waitForUpdate(after: number, match: (body: Record<string, unknown>) => boolean): Promise<RecordedCall> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const call = slack.calls.slice(after).find((c) => c.method === 'chat.update' && match(c.body));
    if (call) return call;
    if (Date.now() > deadline) throw new Error(`no matching chat.update; calls: ${JSON.stringify(slack.calls.slice(after).map((c) => c.method))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
