import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { blockActionBody, eventBody, FakeSlack, postSigned, slashCommandBody, waitForCall } from '../helpers/fake-slack.js';
import { loadBase, scriptRouter } from '../helpers/router.js';

const SECRET = 'test-signing-secret';
let slack: FakeSlack;
let adapter: SlackAdapter;
let eventsUrl: string;
let kb: KnowledgeBase;
/** The adapter's log lines (debug and up): a skipped redelivery leaves one. */
const logLines: string[] = [];

beforeAll(async () => {
  kb = await loadBase();
  slack = await new FakeSlack().start();
  slack.users = { UZH: { locale: 'zh-CN', tz: 'Asia/Shanghai' }, UEN: { locale: 'en-US', tz: 'Europe/London' }, UTW: { locale: 'zh-TW', tz: 'Asia/Taipei' } };
  const log = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  const router = scriptRouter({ knowledge: () => kb, clock: systemClock, log });
  adapter = new SlackAdapter({
    settings: {
      botToken: 'xoxb-test',
      signingSecret: SECRET,
      port: 0,
      apiUrl: slack.apiUrl,
      leadIds: new Set(),
      defaultLocale: 'zh-CN',
      teamTimeZone: 'Asia/Shanghai',
    },
    router,
    clock: systemClock,
    log,
  });
  const { port } = await adapter.start();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await slack?.stop();
});

type Posted = { response_type?: string; replace_original?: boolean; text?: string; blocks?: { type: string; text?: { text: string }; elements?: { action_id: string; value: string }[] }[] };

describe('Slack over HTTP: a real Bolt app receiving signed requests', () => {
  it.each(['payload=null', 'payload=%22text%22', 'payload=%7B%7D', 'payload=%5B%5D', 'payload=7', ''])(
    'answers a signed body %j without crashing, and keeps serving',
    async (body) => {
      const res = await postSigned(eventsUrl, SECRET, body);
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
      const next = slashCommandBody({ command: '/script', text: 'parcel late', userId: 'UEN', responseUrl: slack.responseUrl(`after-${body}`) });
      expect((await postSigned(eventsUrl, SECRET, next)).status).toBe(200);
      await slack.waitForResponse(`after-${body}`);
    },
  );

  it('answers a signed /script privately, in the user\'s Slack locale, with Block Kit and alternate buttons', async () => {
    const body = slashCommandBody({ command: '/script', text: '达量限速', userId: 'UEN', responseUrl: slack.responseUrl('r1') });
    const res = await postSigned(eventsUrl, SECRET, body);
    expect(res.status).toBe(200);
    const posted = (await slack.waitForResponse('r1')) as Posted;
    expect(posted.response_type).toBe('ephemeral');
    // Chinese text from an English-locale user: the customer speaks Chinese, so the script is Chinese.
    expect(posted.blocks?.[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: kb.get('unlimited-plan-throttling', 'zh-CN')!.title, emoji: true } });
    const actions = posted.blocks?.find((b) => b.type === 'actions');
    expect(actions?.elements?.[0]).toMatchObject({ action_id: 'script:open:0', value: 'zh-CN:throttled-below-promised-speed' });
    expect(slack.calls.some((c) => c.method === 'users.info' && c.body.user === 'UEN')).toBe(true);
  });

  it('uses the Slack locale for English text', async () => {
    const body = slashCommandBody({ command: '/script', text: 'parcel late', userId: 'UEN', responseUrl: slack.responseUrl('r2') });
    expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    const posted = (await slack.waitForResponse('r2')) as Posted;
    expect(posted.blocks?.[0]?.text?.text).toBe(kb.get('parcel-delayed', 'en')!.title);
  });

  it('opens an alternate when its button is pressed, as a new private message', async () => {
    const body = blockActionBody({ userId: 'UZH', actionId: 'script:open:0', value: 'zh-CN:throttled-below-promised-speed', responseUrl: slack.responseUrl('r3') });
    expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    const posted = (await slack.waitForResponse('r3')) as Posted;
    expect(posted).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(posted.blocks?.[0]?.text?.text).toBe(kb.get('throttled-below-promised-speed', 'zh-CN')!.title);
  });

  it('rejects a request with a bad signature and answers nothing', async () => {
    const body = slashCommandBody({ command: '/script', text: '限速', userId: 'UZH', responseUrl: slack.responseUrl('forged') });
    const res = await postSigned(eventsUrl, SECRET, body, { signature: 'v0=deadbeef' });
    // Rejected before any handler runs: the 401 itself says nothing was answered.
    expect(res.status).toBe(401);
    expect(slack.responses.some((r) => r.id === 'forged')).toBe(false);
  });

  it('rejects a correctly signed but stale request (replay)', async () => {
    const body = slashCommandBody({ command: '/script', text: '限速', userId: 'UZH', responseUrl: slack.responseUrl('stale') });
    const res = await postSigned(eventsUrl, SECRET, body, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(res.status).toBe(401);
  });

  it('never lets typed text ping the channel', async () => {
    const body = slashCommandBody({ command: '/script', text: '<!channel> @here zzqx', userId: 'UEN', responseUrl: slack.responseUrl('r4') });
    expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    const raw = JSON.stringify(await slack.waitForResponse('r4'));
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toMatch(/(?<!\\u2060)@here/);
    expect(raw).toContain('&lt;!channel&gt;');
  });

  it('publishes the App Home start page in the user\'s language when they open it', async () => {
    const body = eventBody({ type: 'app_home_opened', user: 'UTW', channel: 'D1', tab: 'home' });
    expect((await postSigned(eventsUrl, SECRET, body, { json: true })).status).toBe(200);
    const call = await waitForCall(slack, 'views.publish', (b) => b.user_id === 'UTW');
    const view = (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view) as { type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(view.type).toBe('home');
    expect(view.blocks[0]?.text?.text).toBe('Frontline 一線助手');
    expect(JSON.stringify(view.blocks)).toContain('/script');
  });

  it('answers a redelivered command (same trigger) only once', async () => {
    const body = slashCommandBody({ command: '/script', text: '限速', userId: 'UZH', responseUrl: slack.responseUrl('dup') });
    expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    await slack.waitForResponse('dup');
    expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    const trigger = new URLSearchParams(body).get('trigger_id')!;
    await vi.waitFor(() => expect(logLines.some((l) => l.includes('slack redelivery ignored') && l.includes(trigger))).toBe(true));
    expect(slack.responses.filter((r) => r.id === 'dup')).toHaveLength(1);
  });
});
