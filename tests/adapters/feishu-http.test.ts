import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeishuAdapter } from '../../src/adapters/feishu/feishu-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { cardAction, deliverHttp, envelope, FakeFeishu, menuPress, textMessage, type StoredMessage } from '../helpers/fake-feishu.js';
import { botRouter, loadBase } from '../helpers/router.js';
import { testScheduler } from '../helpers/scheduler.js';

/**
 * Feishu in HTTP callback mode at the protocol level: the real SDK (Client, EventDispatcher)
 * against a local fake Open API, events delivered to /feishu/events encrypted with the encrypt
 * key and signed over the raw body, exactly as Feishu does; card callbacks answered in their
 * response.
 */

const ENCRYPT_KEY = 'fake-encrypt-key-0123';
const TOKEN = 'fake-verification-token';
const AGENT = 'ou_agent001';
const COLLEAGUE = 'ou_colleague02';
const LEAD = 'ou_lead0003';
const GROUP = 'oc_group0001';
const LEADS_CHAT = 'oc_leads0001';
const CHAT_LEAD = 'ou_chatlead04';
const MIN = 60_000;
const log = pino({ level: 'silent' });

let fake: FakeFeishu;
let ctx: BotContext;
let adapter: FeishuAdapter;
let scheduler: ReminderScheduler;
let url: string;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  fake = await new FakeFeishu().start();
  fake.users = { [AGENT]: { name: 'Ana', time_zone: 'Asia/Shanghai' }, [COLLEAGUE]: { name: 'Bo', time_zone: 'Europe/London' }, [LEAD]: { name: 'Lee' } };
  fake.groups = { [GROUP]: [AGENT, COLLEAGUE, LEAD], [LEADS_CHAT]: [CHAT_LEAD] };
  const outbox = new PlatformOutbox();
  const kb = await loadBase();
  ctx = await botContext({ outbox, knowledge: () => kb, leadIds: [LEAD] });
  const router = botRouter(ctx.context);
  adapter = new FeishuAdapter({
    settings: { appId: fake.appId, appSecret: fake.appSecret, domain: fake.domain, encryptKey: ENCRYPT_KEY, verificationToken: TOKEN, port: 0, leadIds: new Set([LEAD]), leadsChatId: LEADS_CHAT, defaultLocale: 'en', teamTimeZone: 'UTC' },
    router,
    clock: ctx.clock,
    log,
  });
  const { port } = await adapter.start();
  outbox.register('feishu', adapter);
  url = `http://127.0.0.1:${port}/feishu/events`;
  scheduler = testScheduler(ctx, outbox);
});

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await adapter?.stop();
  await fake?.stop();
  await ctx?.close();
});

const send = (eventType: string, event: Record<string, unknown>, eventId?: string) => deliverHttp(url, envelope(eventType, event, { token: TOKEN, ...(eventId ? { eventId } : {}) }), { encryptKey: ENCRYPT_KEY });

type Card = { header?: { title: { content: string } }; elements: { tag: string; text?: { content: string }; actions?: { value: { c: string; a: string; v: string }; text: { content: string } }[]; elements?: { tag: string; name?: string }[] }[] };
const cardOf = (m: { card: Record<string, unknown> }) => m.card as unknown as Card;
const textIn = (card: Card) => JSON.stringify(card);
const buttons = (card: Card) => card.elements.flatMap((e) => e.actions ?? []);

async function nextMessage(where: (m: StoredMessage) => boolean): Promise<StoredMessage> {
  return vi.waitFor(() => {
    const found = fake.messages.find(where);
    if (!found) throw new Error(`no message yet; sent: ${JSON.stringify(fake.messages.map((m) => m.chatId))}`);
    return found;
  });
}

describe('Feishu request URL: verification before anything else', () => {
  it('answers the url_verification challenge (encrypted, as Feishu sends it when an encrypt key is set)', async () => {
    const res = await deliverHttp(url, { challenge: 'c-4711', token: TOKEN, type: 'url_verification' }, { encryptKey: ENCRYPT_KEY, unsigned: true });
    expect(res).toMatchObject({ status: 200, body: { challenge: 'c-4711' } });
    const wrongToken = await deliverHttp(url, { challenge: 'c-4712', token: 'not-the-token', type: 'url_verification' }, { encryptKey: ENCRYPT_KEY, unsigned: true });
    expect(wrongToken.status).toBe(401);
  });

  it('refuses a forged signature (401) and an undecryptable or malformed body (400) without harming the process', async () => {
    const payload = envelope('im.message.receive_v1', textMessage({ openId: AGENT, chatId: 'oc_dm_agent001', chatType: 'p2p', text: '/script parcel-delayed' }), { token: TOKEN });
    const forged = await deliverHttp(url, payload, { encryptKey: ENCRYPT_KEY, signWith: 'someone-elses-key' });
    expect(forged.status).toBe(401);
    const unsignedEvent = await deliverHttp(url, payload, { encryptKey: ENCRYPT_KEY, unsigned: true });
    expect(unsignedEvent.status).toBe(401);
    const garbage = await deliverHttp(url, {}, { encryptKey: ENCRYPT_KEY, rawBody: JSON.stringify({ encrypt: 'bm90IGNpcGhlcnRleHQgYXQgYWxsLCBqdXN0IHRleHQ=' }) });
    expect(garbage.status).toBe(400);
    const wrongKey = await deliverHttp(url, {}, { encryptKey: ENCRYPT_KEY, rawBody: JSON.stringify({ encrypt: (await import('../helpers/fake-feishu.js')).encryptBody('another-key', JSON.stringify(payload)) }) });
    expect(wrongKey.status).toBe(400);
    const notJson = await deliverHttp(url, {}, { encryptKey: ENCRYPT_KEY, rawBody: '{"encrypt": ' });
    expect(notJson.status).toBe(400);
    const plain = await deliverHttp(url, payload, { signWith: ENCRYPT_KEY });
    expect(plain.status).toBe(400);
    // Nothing was answered, nothing rejected unhandled, and the next genuine event is served.
    expect(fake.messages).toHaveLength(0);
    const genuine = await deliverHttp(url, payload, { encryptKey: ENCRYPT_KEY });
    expect(genuine.status).toBe(200);
    await nextMessage((m) => m.chatId === 'oc_dm_agent001');
    expect(rejections).toEqual([]);
  });
});

describe('Feishu commands, answers and buttons', () => {
  it('answers /script in a direct chat with a normal card, and a redelivery of the same message changes nothing', async () => {
    const event = textMessage({ openId: AGENT, chatId: 'oc_dm_agent001', chatType: 'p2p', text: '/script parcel-delayed', messageId: 'om_in_script1' });
    const creates = (prefix: string) => fake.calls.filter((c) => c.method === 'POST' && c.path === '/open-apis/im/v1/messages' && String((c.body as { uuid?: string }).uuid).startsWith(prefix)).length;
    expect((await send('im.message.receive_v1', event)).status).toBe(200);
    const answer = await nextMessage((m) => m.uuid?.startsWith('om_in_script1') === true);
    expect(answer).toMatchObject({ receiveIdType: 'chat_id', receiveId: 'oc_dm_agent001' });
    expect(cardOf(answer).header?.title.content).toMatch(/^Parcel is late/);
    expect(textIn(cardOf(answer))).toContain('▎');
    const sent = creates('om_in_script1');
    // Feishu redelivers the event (a new event id, the same message); then a new command follows.
    expect((await send('im.message.receive_v1', event)).status).toBe(200);
    await send('im.message.receive_v1', textMessage({ openId: AGENT, chatId: 'oc_dm_agent001', chatType: 'p2p', text: '/script parcel-delayed', messageId: 'om_in_script2' }));
    await nextMessage((m) => m.uuid?.startsWith('om_in_script2') === true);
    expect(creates('om_in_script1')).toBe(sent);
  });

  it('in a group, answers only when the bot is mentioned, with an ephemeral card only the person sees', async () => {
    const unaddressed = textMessage({ openId: AGENT, chatId: GROUP, chatType: 'group', text: '/script parcel-delayed' });
    const addressed = textMessage({ openId: AGENT, chatId: GROUP, chatType: 'group', text: '@_user_1 /script parcel-delayed', mentions: [{ key: '@_user_1', openId: fake.botOpenId, name: 'Frontline' }] });
    await send('im.message.receive_v1', unaddressed);
    await send('im.message.receive_v1', addressed);
    const ephemeral = await vi.waitFor(() => fake.ephemerals.find((e) => e.chatId === GROUP) ?? Promise.reject(new Error('no ephemeral card')));
    expect(ephemeral.openId).toBe(AGENT);
    expect((ephemeral.card as unknown as Card).header?.title.content).toMatch(/^Parcel is late/);
    expect(fake.ephemerals).toHaveLength(1);
    expect(fake.messages.filter((m) => m.chatId === GROUP)).toHaveLength(0);
  });

  it('runs a bot-menu command bare and answers in the person’s chat with the bot', async () => {
    await send('application.bot.menu_v6', menuPress(AGENT, 'calm'));
    const answer = await nextMessage((m) => m.receiveIdType === 'open_id' && m.receiveId === AGENT && buttons(cardOf(m)).some((b) => b.value.c === 'calm'));
    expect(answer.chatId).toBe(fake.directChatOf(AGENT));
  });

  it('shows /promise as a form card in the group and records the promise from its submission, answering in place', async () => {
    const bare = textMessage({ openId: AGENT, chatId: GROUP, chatType: 'group', text: '@_user_1 /promise', mentions: [{ key: '@_user_1', openId: fake.botOpenId, name: 'Frontline' }] });
    const count = fake.ephemerals.length;
    await send('im.message.receive_v1', bare);
    const formCard = await vi.waitFor(() => fake.ephemerals.slice(count).find((e) => JSON.stringify(e.card).includes('"form"')) ?? Promise.reject(new Error('no form card')));
    const form = (formCard.card as unknown as Card).elements.find((e) => e.tag === 'form')!;
    expect(form.elements!.map((e) => e.name)).toEqual(['when', 'note', 'submit']);
    const submit = form.elements!.find((e) => e.tag === 'button') as unknown as { value: unknown };

    const res = await send('card.action.trigger', cardAction({ openId: AGENT, chatId: GROUP, messageId: formCard.messageId, value: submit.value, formValue: { when: '30m', note: 'call back about parcel 7731' } }));
    expect(res.status).toBe(200);
    const answer = res.body as { card?: { type: string; data: Card } };
    expect(answer.card?.type).toBe('raw');
    const record = (await ctx.promises.allOpen()).find((p) => p.note.includes('parcel 7731'))!;
    expect(record).toMatchObject({ owner: { platform: 'feishu', userId: AGENT } });
    expect(textIn(answer.card!.data)).toContain(record.id);
  });

  it('resolves @-mentions before the command sees them: a hand-off goes to the mentioned colleague by DM', async () => {
    const record = (await ctx.promises.allOpen()).find((p) => p.note.includes('parcel 7731'))!;
    const text = `@_user_1 /promise handoff ${record.id} @_user_2`;
    const event = textMessage({ openId: AGENT, chatId: GROUP, chatType: 'group', text, mentions: [{ key: '@_user_1', openId: fake.botOpenId, name: 'Frontline' }, { key: '@_user_2', openId: COLLEAGUE, name: 'Bo' }] });
    await send('im.message.receive_v1', event);
    const notice = await nextMessage((m) => m.receiveIdType === 'open_id' && m.receiveId === COLLEAGUE);
    expect(textIn(cardOf(notice))).toContain(record.id);
    await vi.waitFor(async () => expect((await ctx.promises.allOpen()).find((p) => p.id === record.id)?.owner.userId).toBe(COLLEAGUE));
  });

  it('sends a reminder as a DM with working buttons; Done replaces the reminder card in place', async () => {
    await send('im.message.receive_v1', textMessage({ openId: AGENT, chatId: fake.directChatOf(AGENT), chatType: 'p2p', text: '/promise 30m refund check 4411', messageId: 'om_in_promise' }));
    await nextMessage((m) => m.uuid?.startsWith('om_in_promise') === true);
    const record = (await ctx.promises.allOpen()).find((p) => p.note.includes('4411'))!;
    expect(record.owner).toMatchObject({ platform: 'feishu', userId: AGENT });
    ctx.clock.advance(21 * MIN);
    const sentBefore = fake.messages.length;
    await scheduler.tick();
    const reminder = await nextMessage((m) => fake.messages.indexOf(m) >= sentBefore && m.receiveId === AGENT && textIn(cardOf(m)).includes(record.id));
    const done = buttons(cardOf(reminder)).find((b) => b.value.a === 'done')!;
    expect(done.value).toMatchObject({ c: 'promise', v: record.id });

    const res = await send('card.action.trigger', cardAction({ openId: AGENT, chatId: reminder.chatId, messageId: reminder.messageId, value: done.value }));
    const answer = res.body as { card?: { type: string; data: Card } };
    expect(answer.card?.type).toBe('raw');
    expect(buttons(answer.card!.data)).toHaveLength(0);
    expect((await ctx.promises.allOpen()).some((p) => p.id === record.id)).toBe(false);
  });

  it('/calm: the breathing minute is one DM card updated in place; a reset request reaches the lead by DM, naming no feeling', async () => {
    const chat = fake.directChatOf(AGENT);
    await send('im.message.receive_v1', textMessage({ openId: AGENT, chatId: chat, chatType: 'p2p', text: '/calm breathe', messageId: 'om_in_breathe' }));
    await nextMessage((m) => m.uuid?.startsWith('om_in_breathe') === true);
    const breathing = await nextMessage((m) => m.receiveIdType === 'open_id' && m.receiveId === AGENT && !m.uuid && buttons(cardOf(m)).some((b) => b.value.a === 'stop'));
    const patchesOf = () => fake.patches.filter((p) => p.messageId === breathing.messageId);
    await ctx.timers.advance(4_000);
    await vi.waitFor(() => expect(patchesOf().length).toBeGreaterThan(0));
    const stop = buttons(cardOf(breathing)).find((b) => b.value.a === 'stop')!;
    await send('card.action.trigger', cardAction({ openId: AGENT, chatId: chat, messageId: breathing.messageId, value: stop.value }));
    await vi.waitFor(() => expect(textIn(patchesOf().at(-1)!.card as unknown as Card)).toContain('Stopped'));
    expect(buttons(patchesOf().at(-1)!.card as unknown as Card)).toHaveLength(0);

    await send('im.message.receive_v1', textMessage({ openId: AGENT, chatId: chat, chatType: 'p2p', text: '/calm reset', messageId: 'om_in_reset' }));
    const note = await nextMessage((m) => m.receiveIdType === 'open_id' && m.receiveId === LEAD);
    expect(textIn(cardOf(note))).toContain('Ana (ou&#95;agent001) asks for a 5-minute reset');
    expect(textIn(cardOf(note))).not.toMatch(/breathe|angry|sad/i);
  });

  it('leads come from LEAD_IDS or the leads chat; without the contact scope the team zone is used; a refused ephemeral card goes to the DM', async () => {
    const mention = [{ key: '@_user_1', openId: fake.botOpenId, name: 'Frontline' }];
    // The bot is not in this group: Feishu refuses the ephemeral card, the answer goes to the person's own chat with the bot.
    await send('im.message.receive_v1', textMessage({ openId: CHAT_LEAD, chatId: 'oc_unknown', chatType: 'group', text: '@_user_1 /promise team', mentions: mention, messageId: 'om_in_team' }));
    const team = await nextMessage((m) => m.uuid?.startsWith('om_in_team') === true);
    expect(team).toMatchObject({ receiveIdType: 'open_id', receiveId: CHAT_LEAD });
    expect(textIn(cardOf(team))).not.toContain('Only team leads can see that');
    await send('im.message.receive_v1', textMessage({ openId: COLLEAGUE, chatId: fake.directChatOf(COLLEAGUE), chatType: 'p2p', text: '/promise team', messageId: 'om_in_notlead' }));
    expect(textIn(cardOf(await nextMessage((m) => m.uuid?.startsWith('om_in_notlead') === true)))).toContain('Only team leads can see that');

    fake.contactScope = false;
    const newcomer = 'ou_newcomer05';
    await send('im.message.receive_v1', textMessage({ openId: newcomer, chatId: fake.directChatOf(newcomer), chatType: 'p2p', text: '/promise 30m check parcel 9090', messageId: 'om_in_noscope' }));
    await nextMessage((m) => m.uuid?.startsWith('om_in_noscope') === true);
    expect((await ctx.promises.allOpen()).find((p) => p.note.includes('9090'))?.timeZone).toBe('UTC');
    fake.contactScope = true;
  });
});
