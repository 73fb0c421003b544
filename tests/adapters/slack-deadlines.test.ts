import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { FakeSlack, postSigned, slashCommandBody, waitForCall } from '../helpers/fake-slack.js';
import { loadBase, botRouter } from '../helpers/router.js';

/** Slack's trigger_id is valid for 3 seconds; forms have to open well inside it. */
const TRIGGER_WINDOW_MS = 3000;
const SECRET = 'deadline-secret';
let slack: FakeSlack;
let adapter: SlackAdapter;
let bot: BotContext;
let kb: KnowledgeBase;
let eventsUrl: string;

beforeAll(async () => {
  kb = await loadBase();
  slack = await new FakeSlack().start();
  slack.users = { USLOW: { locale: 'zh-TW', tz: 'Asia/Taipei' }, USLOW2: { locale: 'zh-TW', tz: 'Asia/Taipei' } };
  slack.delays = { 'users.info': 4000 };
  bot = await botContext({ knowledge: () => kb });
  const router = botRouter(bot.context);
  adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-deadline', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router,
    clock: bot.clock,
    log: pino({ level: 'silent' }),
  });
  eventsUrl = `http://127.0.0.1:${(await adapter.start()).port}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await slack?.stop();
  await bot?.close();
});

describe('Slack deadlines with a slow users.info (4 s)', () => {
  it('opens the /promise form inside the trigger window', async () => {
    const sent = Date.now();
    const body = slashCommandBody({ command: '/promise', text: '', userId: 'USLOW', responseUrl: slack.responseUrl('form') });
    expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    const open = await waitForCall(slack, 'views.open');
    expect(open.body.trigger_id).toBe(new URLSearchParams(body).get('trigger_id'));
    expect(Date.now() - sent).toBeLessThan(TRIGGER_WINDOW_MS - 1000);
  });

  it('answers /script and /calm without waiting for the profile, then uses it once it has arrived', async () => {
    const sent = Date.now();
    for (const [command, text, id] of [['/script', 'parcel late', 's1'], ['/calm', '', 'c1']] as const) {
      const body = slashCommandBody({ command, text, userId: 'USLOW2', responseUrl: slack.responseUrl(id) });
      expect((await postSigned(eventsUrl, SECRET, body)).status).toBe(200);
    }
    await slack.waitForResponse('s1');
    const first = JSON.stringify(await slack.waitForResponse('c1'));
    expect(Date.now() - sent).toBeLessThan(2500);
    // Answered with the team default (English) while the profile was still on its way.
    expect(first).not.toMatch(/[\u4e00-\u9fff]/);

    // The lookup went on in the background: once Slack has answered it, the next command is in
    // the person's own language, without waiting on Slack again.
    await vi.waitFor(() => expect(slack.calls.some((c) => c.method === 'users.info' && c.body.user === 'USLOW2')).toBe(true), { timeout: 10_000 });
    let attempt = 0;
    await vi.waitFor(
      async () => {
        const id = `c2-${++attempt}`;
        const later = slashCommandBody({ command: '/calm', text: '', userId: 'USLOW2', responseUrl: slack.responseUrl(id) });
        const started = Date.now();
        expect((await postSigned(eventsUrl, SECRET, later)).status).toBe(200);
        const answer = JSON.stringify(await slack.waitForResponse(id));
        expect(Date.now() - started).toBeLessThan(1500);
        expect(answer).toMatch(/[\u4e00-\u9fff]/);
      },
      { timeout: 10_000, interval: 100 },
    );
  }, 30_000);
});
