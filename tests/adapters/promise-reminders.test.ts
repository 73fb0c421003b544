import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import type { Router } from '../../src/core/router.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { DM_CHANNEL, FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { blockActionBody, FakeSlack, postSigned, slashCommandBody, waitForCall, type RecordedCall } from '../helpers/fake-slack.js';
import { botRouter } from '../helpers/router.js';
import { testScheduler } from '../helpers/scheduler.js';

/**
 * Promises end to end at the protocol level: a real Bolt app (HTTP mode) receiving signed
 * requests from a local fake Slack, and a real discord.js client on a local fake gateway. The
 * ReminderScheduler is driven by hand (tick) on the bot's ManualClock.
 */

const SECRET = 'promise-signing-secret';
const MIN = 60_000;
const SLACK_OWNER = 'UAGENT';
const DISCORD_OWNER = '700000000000000007';
/** Log lines (debug and up) of every bot here: a skipped Slack redelivery leaves one. */
const logLines: string[] = [];
const log = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });

interface Bot {
  ctx: BotContext;
  slack: FakeSlack;
  discord?: FakeDiscord;
  scheduler: ReminderScheduler;
  router: Router;
  eventsUrl: string;
  close(): Promise<void>;
}

/** The bot as src/main.ts wires it, on a moved clock, with Slack (and Discord when asked) against the fakes. */
async function startBot(options: { discord?: boolean; leadIds?: string[]; leadsChannels?: string[] } = {}): Promise<Bot> {
  const outbox = new PlatformOutbox();
  const ctx = await botContext({ outbox, leadIds: options.leadIds ?? [], leadsChannels: options.leadsChannels ?? [] });
  const router = botRouter(ctx.context);
  const slack = await new FakeSlack().start();
  slack.users = { [SLACK_OWNER]: { locale: 'en-US', tz: 'UTC', real_name: 'Ana Agent' } };
  const slackAdapter = new SlackAdapter({
    settings: { botToken: 'xoxb-promise', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl, leadIds: new Set(options.leadIds ?? []), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router,
    clock: ctx.clock,
    log,
  });
  const { port } = await slackAdapter.start();
  outbox.register('slack', slackAdapter);
  let discord: FakeDiscord | undefined;
  let discordAdapter: DiscordAdapter | undefined;
  if (options.discord) {
    discord = await new FakeDiscord().start();
    discordAdapter = new DiscordAdapter({ settings: { token: 'promise.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' }, router, log });
    await discordAdapter.start();
    outbox.register('discord', discordAdapter);
  }
  const scheduler = testScheduler(ctx, outbox);
  return {
    ctx,
    slack,
    discord,
    scheduler,
    router,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    async close() {
      await slackAdapter.stop();
      await discordAdapter?.stop();
      await slack.stop();
      await discord?.stop();
      await ctx.close();
    },
  };
}

type SlackButton = { action_id: string; value: string; text: { text: string } };
type SlackBlocks = { type: string; text?: { text: string }; elements?: SlackButton[] }[];

const buttonsOf = (body: Record<string, unknown>): SlackButton[] => {
  const blocks = (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks) as SlackBlocks;
  return blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
};
const headerOf = (body: Record<string, unknown>): string | undefined => {
  const blocks = (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks) as SlackBlocks;
  return blocks.find((b) => b.type === 'header')?.text?.text;
};

/** The DMs / channel posts sent so far with chat.postMessage to `channel` (failed attempts left out unless asked). */
const postsTo = (slack: FakeSlack, channel: string, withFailed = false): RecordedCall[] =>
  slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel && (withFailed || !c.failed));

/** A Slack slash command as it is signed and posted; returns the body so it can be redelivered as is. */
async function slashPromise(bot: Bot, text: string, responseId: string, userId = SLACK_OWNER): Promise<string> {
  const body = slashCommandBody({ command: '/promise', text, userId, responseUrl: bot.slack.responseUrl(responseId) });
  expect((await postSigned(bot.eventsUrl, SECRET, body)).status).toBe(200);
  return body;
}

/** Creates a promise through Slack and returns its record. */
async function slackPromise(bot: Bot, text: string, responseId: string): Promise<PromiseRecord> {
  const before = new Set((await bot.ctx.promises.allOpen()).map((p) => p.id));
  await slashPromise(bot, text, responseId);
  await bot.slack.waitForResponse(responseId);
  const created = (await bot.ctx.promises.allOpen()).filter((p) => !before.has(p.id));
  expect(created).toHaveLength(1);
  return created[0]!;
}

/** A press on a button of a reminder in the app DM, as Slack sends it (block_actions in the DM channel). */
function reminderPressBody(fields: { userId: string; button: SlackButton; responseUrl: string }): { body: string; triggerId: string } {
  const triggerId = `trigger-${Math.random().toString(36).slice(2)}`;
  const { button } = fields;
  const body = blockActionBody({ userId: fields.userId, actionId: button.action_id, value: button.value, label: button.text.text, responseUrl: fields.responseUrl, dm: true, triggerId });
  return { body, triggerId };
}

async function press(bot: Bot, button: SlackButton, responseId: string): Promise<string> {
  const { body, triggerId } = reminderPressBody({ userId: SLACK_OWNER, button, responseUrl: bot.slack.responseUrl(responseId) });
  expect((await postSigned(bot.eventsUrl, SECRET, body)).status).toBe(200);
  return triggerId;
}

/** Ticks on the moved clock and returns the one new reminder DM to the owner with this header. */
async function tickForReminder(bot: Bot, title: string): Promise<RecordedCall> {
  const titled = () => postsTo(bot.slack, SLACK_OWNER).filter((c) => headerOf(c.body) === title);
  const before = titled().length;
  await bot.scheduler.tick();
  const after = titled();
  expect(after.length, `expected one new DM titled "${title}"; sent: ${JSON.stringify(postsTo(bot.slack, SLACK_OWNER).map((c) => headerOf(c.body)))}`).toBe(before + 1);
  return after.at(-1)!;
}

describe('Slack: /promise, reminders by DM and their buttons (HTTP mode, signed requests)', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot?.close());

  it('records a promise from a signed slash command, answers with the due time, and records nothing on a redelivery', async () => {
    expect(bot.ctx.clock.now().toISOString()).toBe('2026-12-01T02:00:00.000Z');
    const body = await slashPromise(bot, '30m 4411 refund check', 'create');
    const answer = (await bot.slack.waitForResponse('create')) as { response_type?: string; text?: string; blocks?: SlackBlocks };
    const open = (await bot.ctx.promises.allOpen());
    expect(open).toHaveLength(1);
    const record = open[0]!;
    expect(record).toMatchObject({
      owner: { platform: 'slack', userId: SLACK_OWNER, name: 'Ana Agent', locale: 'en' },
      dueAt: '2026-12-01T02:30:00.000Z',
      timeZone: 'UTC',
      note: '4411 refund check',
      status: 'open',
      requestKey: new URLSearchParams(body).get('trigger_id'),
    });
    // On disk too, not only in memory.
    expect(bot.ctx.fileStore.promiseStore.file).toMatch(/promises\.json$/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(bot.ctx.fileStore.promiseStore.file, 'utf8')).toContain(`"id":"${record.id}"`);

    expect(answer.response_type).toBe('ephemeral');
    expect(answer.blocks?.[0]?.text?.text).toBe(`Promise ${record.id} recorded`);
    expect(answer.text).toContain('Reply by 02:30 today (30 min). I will remind you before then.');

    // Slack redelivers the same command (same trigger_id) with its retry headers.
    const retry = await postSigned(bot.eventsUrl, SECRET, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    const trigger = new URLSearchParams(body).get('trigger_id')!;
    await vi.waitFor(() => expect(logLines.some((l) => l.includes('slack redelivery ignored') && l.includes(trigger))).toBe(true));
    expect(bot.ctx.fileStore.promiseStore.data.promises).toHaveLength(1);
    expect(bot.slack.responses.filter((r) => r.id === 'create')).toHaveLength(1);
  });

  it('records nothing new when the redelivery reaches a bot that has forgotten the first (restart): the store knows the trigger_id', async () => {
    const [record] = (await bot.ctx.promises.allOpen());
    const body = slashCommandBody({ command: '/promise', text: '30m 4411 refund check', userId: SLACK_OWNER, responseUrl: bot.slack.responseUrl('again') });
    const replayed = new URLSearchParams(body);
    replayed.set('trigger_id', record!.requestKey!);
    const restarted = new SlackAdapter({
      settings: { botToken: 'xoxb-promise', signingSecret: SECRET, port: 0, apiUrl: bot.slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
      router: bot.router,
      clock: bot.ctx.clock,
      log,
    });
    const { port } = await restarted.start();
    try {
      const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, replayed.toString(), { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' } });
      expect(res.status).toBe(200);
      const answer = (await bot.slack.waitForResponse('again')) as { text?: string; blocks?: SlackBlocks };
      expect(answer.blocks?.[0]?.text?.text).toBe(`Promise ${record!.id} recorded`);
      expect(answer.text).toContain('Already recorded (the same request arrived twice); nothing new was added.');
      expect(bot.ctx.fileStore.promiseStore.data.promises.map((p) => p.id)).toEqual([record!.id]);
    } finally {
      await restarted.stop();
    }
  });

  it('sends the heads-up as a DM 10 minutes before with four buttons; Done closes it on time and replaces the reminder', async () => {
    const record = (await bot.ctx.promises.allOpen())[0]!;
    bot.ctx.clock.set(Date.parse(record.dueAt) - 10 * MIN);
    await bot.scheduler.tick();
    const dms = postsTo(bot.slack, SLACK_OWNER);
    expect(dms).toHaveLength(1);
    const dm = dms[0]!;
    expect(headerOf(dm.body)).toBe(`Promise ${record.id} is due in 10 min`);
    const buttons = buttonsOf(dm.body);
    expect(buttons.map((b) => [b.action_id, b.value, b.text.text])).toEqual([
      ['promise:done:0', record.id, 'Done'],
      ['promise:renegotiate:1', record.id, 'Renegotiated'],
      ['promise:handoff:2', record.id, 'Hand off'],
      ['promise:snooze:3', record.id, 'Snooze 10 min'],
    ]);
    expect((await bot.ctx.promises.find(record.id))!.reminders['heads-up']).toMatchObject({ late: false, forDueAt: record.dueAt });

    // A second tick at the same moment sends nothing more.
    await bot.scheduler.tick();
    expect(postsTo(bot.slack, SLACK_OWNER)).toHaveLength(1);

    await press(bot, buttons[0]!, 'done');
    const answer = (await bot.slack.waitForResponse('done')) as { replace_original?: boolean; text?: string; blocks?: SlackBlocks };
    expect(answer.replace_original).toBe(true);
    expect(answer.text).toContain(`Promise ${record.id} closed, on time. Well kept.`);
    expect(answer.blocks?.some((b) => b.type === 'actions')).toBe(false);
    const closed = (await bot.ctx.promises.find(record.id))!;
    expect(closed).toMatchObject({ status: 'done', keptOnTime: true, closedAt: '2026-12-01T02:20:00.000Z' });
    expect(closed.history.map((h) => h.event)).toEqual(['created', 'done']);

    // Closed: no due reminder and no escalation later.
    bot.ctx.clock.set(Date.parse(record.dueAt) + 6 * MIN);
    await bot.scheduler.tick();
    expect(postsTo(bot.slack, SLACK_OWNER)).toHaveLength(1);
  });

  it('Snooze reminds again 10 minutes later without moving the due time', async () => {
    const record = await slackPromise(bot, '45m 5178 replacement SIM', 'create-snooze');
    const dueAt = record.dueAt;
    bot.ctx.clock.set(Date.parse(dueAt));
    const dm = await tickForReminder(bot, `Promise ${record.id} is due now`);
    const snooze = buttonsOf(dm.body).find((b) => b.action_id === 'promise:snooze:3')!;
    expect(snooze.value).toBe(record.id);

    await press(bot, snooze, 'snooze');
    const answer = (await bot.slack.waitForResponse('snooze')) as { replace_original?: boolean; text?: string };
    expect(answer.replace_original).toBe(true);
    const until = new Date(Date.parse(dueAt) + 10 * MIN);
    const hm = until.toISOString().slice(11, 16);
    expect(answer.text).toContain(`I will remind you about ${record.id} again at ${hm}.`);
    const snoozed = (await bot.ctx.promises.find(record.id))!;
    expect(snoozed.dueAt).toBe(dueAt);
    expect(snoozed.status).toBe('open');
    expect(snoozed.snoozedUntil).toBe(until.toISOString());
    expect(snoozed.history.at(-1)).toMatchObject({ event: 'snoozed', by: SLACK_OWNER, to: until.toISOString() });

    // Not before the snooze time...
    bot.ctx.clock.set(until.getTime() - 1000);
    await bot.scheduler.tick();
    expect(postsTo(bot.slack, SLACK_OWNER).filter((c) => headerOf(c.body) === `Reminder: promise ${record.id}`)).toHaveLength(0);
    // ...then once, at it.
    bot.ctx.clock.set(until);
    await tickForReminder(bot, `Reminder: promise ${record.id}`);
    expect((await bot.ctx.promises.find(record.id))!.snoozedUntil).toBeUndefined();
    await bot.scheduler.tick();
    expect(postsTo(bot.slack, SLACK_OWNER).filter((c) => headerOf(c.body) === `Reminder: promise ${record.id}`)).toHaveLength(1);
  });

  it('Renegotiated opens a modal; submitting it moves the due time and the history keeps both', async () => {
    const record = await slackPromise(bot, '30m 6620 billing dispute', 'create-reneg');
    const oldDue = record.dueAt;
    bot.ctx.clock.set(Date.parse(oldDue) - 10 * MIN);
    const dm = await tickForReminder(bot, `Promise ${record.id} is due in 10 min`);
    const renegotiate = buttonsOf(dm.body).find((b) => b.action_id === 'promise:renegotiate:1')!;

    const trigger = await press(bot, renegotiate, 'reneg');
    const open = await waitForCall(bot.slack, 'views.open', (b) => b.trigger_id === trigger);
    const view = (typeof open.body.view === 'string' ? JSON.parse(open.body.view) : open.body.view) as {
      type: string; callback_id: string; private_metadata: string; title: { text: string }; blocks: { block_id: string; label: { text: string } }[];
    };
    expect(view).toMatchObject({ type: 'modal', callback_id: `promise:renegotiate-${record.id.toLowerCase()}`, private_metadata: 'D1', title: { text: 'New time agreed' } });
    expect(view.blocks.map((b) => [b.block_id, b.label.text])).toEqual([['when', 'New time the customer agreed to']]);
    // The modal replaces the answer: nothing was posted to the response URL.
    expect(bot.slack.responses.some((r) => r.id === 'reneg')).toBe(false);

    const submission = {
      type: 'view_submission', team: { id: 'T1' }, user: { id: SLACK_OWNER, team_id: 'T1' }, api_app_id: 'A1', token: 'legacy', trigger_id: 'tv-reneg',
      view: { id: 'VRENEG1', team_id: 'T1', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, hash: 'h-reneg', blocks: [], title: { type: 'plain_text', text: 'New time agreed' },
        state: { values: { when: { when: { type: 'plain_text_input', value: '16:30' } } } } },
    };
    expect((await postSigned(bot.eventsUrl, SECRET, new URLSearchParams({ payload: JSON.stringify(submission) }).toString())).status).toBe(200);
    const posted = await waitForCall(bot.slack, 'chat.postEphemeral', (b) => b.user === SLACK_OWNER && String(b.text).includes(record.id));
    expect(posted.body.channel).toBe('D1');
    expect(String(posted.body.text)).toContain(`Promise ${record.id} moved from ${oldDue.slice(11, 16)} today to 16:30 today.`);

    const moved = (await bot.ctx.promises.find(record.id))!;
    expect(moved.dueAt).toBe('2026-12-01T16:30:00.000Z');
    expect(moved.status).toBe('open');
    expect(moved.history.map((h) => [h.event, h.from, h.to])).toEqual([
      ['created', undefined, undefined],
      ['renegotiated', oldDue, '2026-12-01T16:30:00.000Z'],
    ]);

    // Reminders start afresh for the new time: nothing at the old due time, a heads-up before the new one.
    bot.ctx.clock.set(Date.parse(oldDue) + 6 * MIN);
    await bot.scheduler.tick();
    expect(postsTo(bot.slack, SLACK_OWNER).filter((c) => String(headerOf(c.body)).includes(record.id))).toHaveLength(1);
    bot.ctx.clock.set('2026-12-01T16:20:00Z');
    await tickForReminder(bot, `Promise ${record.id} is due in 10 min`);
  });

  it('refuses to hand a promise to someone Slack does not have (users.info: user_not_found)', async () => {
    const record = await slackPromise(bot, '2h 6610 replacement SIM', 'h-create');
    bot.slack.missingUsers.add('UGONE');
    await slashPromise(bot, `handoff ${record.id} <@UGONE|gone>`, 'h-ghost');
    const answer = JSON.stringify(await bot.slack.waitForResponse('h-ghost'));
    expect(answer).toContain('nothing was handed over');
    expect((await bot.ctx.promises.find(record.id))!.owner.userId).toBe(SLACK_OWNER);
    expect(postsTo(bot.slack, 'UGONE', true)).toEqual([]);
  });
});

describe('Discord: /promise through the gateway, the reminder by DM, Done updates the message', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ discord: true });
  });
  afterAll(async () => bot?.close());

  it('records the promise, DMs the heads-up with buttons, and Done answers with UPDATE_MESSAGE (type 7)', async () => {
    const discord = bot.discord!;
    const command = interactionPayload({ type: 2, userId: DISCORD_OWNER, locale: 'en-US', data: { id: '802', name: 'promise', type: 1, options: [{ name: 'text', type: 3, value: '30m 4411 refund check' }] } });
    discord.sendInteraction(command);
    const created = (await discord.waitForCallback(command.id)).body as unknown as { type: number; data: { flags: number; embeds: { title: string; description: string }[] } };
    const [record, ...others] = (await bot.ctx.promises.allOpen());
    expect(others).toEqual([]);
    expect(record).toMatchObject({ owner: { platform: 'discord', userId: DISCORD_OWNER, locale: 'en' }, dueAt: '2026-12-01T02:30:00.000Z', note: '4411 refund check', requestKey: command.id });
    expect(created.type).toBe(4);
    expect(created.data.flags).toBe(64);
    expect(created.data.embeds[0]!.title).toBe(`Promise ${record!.id} recorded`);
    expect(created.data.embeds[0]!.description).toContain('Reply by 02:30 today (30 min).');

    // The same interaction delivered again (gateway resume) records nothing new.
    discord.sendInteraction(command);
    await vi.waitFor(() => expect(discord.callbacks.filter((c) => c.interactionId === command.id)).toHaveLength(2));
    expect(bot.ctx.fileStore.promiseStore.data.promises).toHaveLength(1);

    bot.ctx.clock.set('2026-12-01T02:20:00Z');
    await bot.scheduler.tick();
    expect(discord.requests.filter((r) => r.method === 'POST' && r.path === '/users/@me/channels').map((r) => r.body)).toEqual([{ recipient_id: DISCORD_OWNER }]);
    const dms = discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL}/messages`);
    expect(dms).toHaveLength(1);
    const dm = dms[0]!.body as { embeds: { title: string }[]; components: { type: number; components: { custom_id: string; label: string }[] }[]; allowed_mentions: unknown };
    expect(dm.embeds[0]!.title).toBe(`Promise ${record!.id} is due in 10 min`);
    expect(dm.allowed_mentions).toEqual({ parse: [] });
    expect(dm.components[0]!.components.map((c) => [c.custom_id, c.label])).toEqual([
      [`promise:done:${record!.id}`, 'Done'],
      [`promise:renegotiate:${record!.id}`, 'Renegotiated'],
      [`promise:handoff:${record!.id}`, 'Hand off'],
      [`promise:snooze:${record!.id}`, 'Snooze 10 min'],
    ]);
    expect((await bot.ctx.promises.find(record!.id))!.reminders['heads-up']?.forDueAt).toBe(record!.dueAt);

    // The button on the DM: no guild, no member, the user in the DM channel.
    const base = interactionPayload({ type: 3, userId: DISCORD_OWNER, locale: 'en-US', data: { custom_id: `promise:done:${record!.id}`, component_type: 2 } });
    const pressed: Record<string, unknown> = { ...base, user: (base.member as { user: unknown }).user };
    delete pressed.guild_id;
    delete pressed.guild_locale;
    delete pressed.member;
    Object.assign(pressed, {
      context: 1,
      channel_id: DM_CHANNEL,
      channel: { id: DM_CHANNEL, type: 1 },
      message: { ...(base.message as object), id: '300000000000000999', channel_id: DM_CHANNEL, flags: 0, type: 0 },
    });
    discord.sendInteraction(pressed);
    const update = (await discord.waitForCallback(base.id)).body as unknown as { type: number; data: { embeds: { description: string }[]; components: unknown[] } };
    expect(update.type).toBe(7);
    expect(update.data.embeds[0]!.description).toContain(`Promise ${record!.id} closed, on time. Well kept.`);
    expect(update.data.components).toEqual([]);
    expect((await bot.ctx.promises.find(record!.id))).toMatchObject({ status: 'done', keptOnTime: true, closedAt: '2026-12-01T02:20:00.000Z' });
  });
});

describe('escalation to leads when a promise is still open after the grace time', () => {
  async function lapse(bot: Bot): Promise<PromiseRecord> {
    const record = await slackPromise(bot, '30m 7731 parcel call back', 'create-lapse');
    const due = Date.parse(record.dueAt);
    for (const at of [due - 10 * MIN, due, due + 4 * MIN]) {
      bot.ctx.clock.set(at);
      await bot.scheduler.tick();
    }
    return record;
  }

  it('goes to each Slack lead in LEAD_IDS by DM, exactly once across repeated ticks', async () => {
    const bot = await startBot({ leadIds: ['ULEAD1', '700000000000000042'] });
    try {
      const record = await lapse(bot);
      expect(postsTo(bot.slack, 'ULEAD1')).toHaveLength(0);
      bot.ctx.clock.set(Date.parse(record.dueAt) + 5 * MIN);
      await bot.scheduler.tick();
      for (const more of [1, 10, 60]) {
        bot.ctx.clock.set(Date.parse(record.dueAt) + (5 + more) * MIN);
        await bot.scheduler.tick();
      }
      const sent = postsTo(bot.slack, 'ULEAD1');
      expect(sent).toHaveLength(1);
      expect(headerOf(sent[0]!.body)).toBe(`Promise ${record.id} has lapsed`);
      expect(String(sent[0]!.body.text)).toContain("Ana Agent's promise is still open 5 min after the promised time.");
      // Done, Renegotiated, Hand off for the lead; no Snooze.
      expect(buttonsOf(sent[0]!.body).map((b) => b.action_id)).toEqual(['promise:done:0', 'promise:renegotiate:1', 'promise:handoff:2']);
      // The Discord lead id is not messaged on Slack; nothing else was posted but the owner's two reminders.
      expect(bot.slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.body.channel)).toEqual([SLACK_OWNER, SLACK_OWNER, 'ULEAD1']);
      expect((await bot.ctx.promises.find(record.id))!.reminders.escalation).toMatchObject({ late: false, forDueAt: record.dueAt });
    } finally {
      await bot.close();
    }
  });

  it('goes to the leads channel instead when one is set (chat.postMessage to C0LEADS), exactly once', async () => {
    const bot = await startBot({ leadIds: ['ULEAD1'], leadsChannels: ['C0LEADS'] });
    try {
      const record = await lapse(bot);
      for (const after of [5, 6, 30]) {
        bot.ctx.clock.set(Date.parse(record.dueAt) + after * MIN);
        await bot.scheduler.tick();
      }
      const sent = postsTo(bot.slack, 'C0LEADS');
      expect(sent).toHaveLength(1);
      expect(headerOf(sent[0]!.body)).toBe(`Promise ${record.id} has lapsed`);
      expect(postsTo(bot.slack, 'ULEAD1')).toHaveLength(0);
    } finally {
      await bot.close();
    }
  });
});

describe('a reminder Slack refuses is retried on a later tick and delivered once', () => {
  it('retries after chat.postMessage answers ratelimited, then never sends it again', async () => {
    const bot = await startBot();
    try {
      const record = await slackPromise(bot, '30m 4411 refund check', 'create-fail');
      bot.slack.failNext('chat.postMessage', 'ratelimited');
      const headsUpAt = Date.parse(record.dueAt) - 10 * MIN;
      bot.ctx.clock.set(headsUpAt);
      await bot.scheduler.tick();
      const attempts = () => postsTo(bot.slack, SLACK_OWNER, true);
      expect(attempts().map((c) => c.failed)).toEqual(['ratelimited']);
      expect((await bot.ctx.promises.find(record.id))!.reminders['heads-up']).toMatchObject({ attempts: 1, nextAttemptAt: new Date(headsUpAt + 15_000).toISOString() });

      // Not retried at once...
      bot.ctx.clock.set(headsUpAt + 5_000);
      await bot.scheduler.tick();
      expect(attempts()).toHaveLength(1);
      // ...but on a later tick, once the retry delay has passed.
      bot.ctx.clock.set(headsUpAt + 15_000);
      await bot.scheduler.tick();
      expect(attempts().map((c) => c.failed)).toEqual(['ratelimited', undefined]);
      expect(headerOf(attempts()[1]!.body)).toBe(`Promise ${record.id} is due in 10 min`);
      expect((await bot.ctx.promises.find(record.id))!.reminders['heads-up']).toMatchObject({ late: false, forDueAt: record.dueAt });

      for (const later of [30_000, 60_000, 5 * MIN]) {
        bot.ctx.clock.set(headsUpAt + later);
        await bot.scheduler.tick();
      }
      expect(postsTo(bot.slack, SLACK_OWNER)).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });

  it('an HTTP 500 is not retried by the Slack client (the post may have landed); our retry looks first, then delivers once', async () => {
    const bot = await startBot();
    try {
      const record = await slackPromise(bot, '30m 4411 refund check', 'create-500');
      bot.slack.failNext('chat.postMessage', 'internal_error', 500);
      const headsUpAt = Date.parse(record.dueAt) - 10 * MIN;
      bot.ctx.clock.set(headsUpAt);
      await bot.scheduler.tick();
      expect(postsTo(bot.slack, SLACK_OWNER, true).map((c) => c.failed)).toEqual(['internal_error']);
      expect((await bot.ctx.promises.find(record.id))!.reminders['heads-up']).toMatchObject({ attempts: 1, nextAttemptAt: new Date(headsUpAt + 15_000).toISOString() });
      for (const later of [15_000, 60_000]) {
        bot.ctx.clock.set(headsUpAt + later);
        await bot.scheduler.tick();
      }
      // One look before the retry posts, one after (an earlier try that lands late leaves only the first copy).
      expect(bot.slack.calls.filter((c) => c.method === 'conversations.history')).toHaveLength(2);
      expect(bot.slack.calls.filter((c) => c.method === 'chat.delete')).toHaveLength(0);
      expect((await bot.ctx.promises.find(record.id))!.reminders['heads-up']).toMatchObject({ late: false, forDueAt: record.dueAt });
      expect(postsTo(bot.slack, SLACK_OWNER)).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });
});
