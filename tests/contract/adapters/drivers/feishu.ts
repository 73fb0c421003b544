import pino from 'pino';
import { cardBytes, elementCount, FEISHU_LIMITS, type FeishuCard } from '../../../../src/adapters/feishu/cards.js';
import { FeishuAdapter } from '../../../../src/adapters/feishu/feishu-adapter.js';
import { feishuCapabilities } from '../../../../src/adapters/feishu/feishu-platform.js';
import { systemClock } from '../../../../src/core/clock.js';
import type { Form } from '../../../../src/core/reply.js';
import { cardAction, deliverHttp, envelope, FakeFeishu, textMessage } from '../../../helpers/fake-feishu.js';
import type { AdapterDriver, SeenReply } from '../driver.js';
import { settled } from '../settle.js';

const KEY = 'contract-encrypt-key';
const TOKEN = 'contract-verification-token';
const GROUP = 'oc_contractgroup';
const PERSON = 'ou_contract1';
const COLLEAGUE = 'ou_contract2';

/** Where a seen card lives, so its buttons can be pressed and its form submitted. */
interface Origin {
  card: FeishuCard;
  chatId: string;
  messageId: string;
}

/** Everything a person reads on a card, entities shown as characters. */
function readable(card: FeishuCard): string {
  const decode = (t: string) => t.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u2060/g, '');
  return [card.header?.title.content ?? '', ...card.elements.flatMap((e) => (e.tag === 'div' ? [decode(e.text.content)] : e.tag === 'note' ? e.elements.map((x) => x.content) : []))].join('\n');
}

/** Feishu refuses a card over its limits, so the driver refuses to read one. */
function withinLimits(card: FeishuCard): FeishuCard {
  if (elementCount(card) > FEISHU_LIMITS.elements || cardBytes(card) > FEISHU_LIMITS.cardBytes) throw new Error(`Feishu would refuse this card: ${elementCount(card)} elements, ${cardBytes(card)} bytes`);
  return card;
}

/** The form a card's form container asks for, read back from the card. */
function formOf(card: FeishuCard): Form | undefined {
  const container = card.elements.find((e) => e.tag === 'form');
  if (!container || container.tag !== 'form') return undefined;
  const submit = container.elements.find((e) => e.tag === 'button');
  if (!submit || submit.tag !== 'button') return undefined;
  const fields = container.elements.flatMap((e) => (e.tag === 'input' ? [{ id: e.name, label: e.label.content }] : e.tag === 'select_person' ? [{ id: e.name, label: e.placeholder.content, kind: 'person' as const }] : []));
  return { command: submit.value.c, id: submit.value.a, title: card.header?.title.content ?? '', submitLabel: submit.text.content, fields };
}

/**
 * Feishu in request-URL mode against the local Open API (tests/helpers/fake-feishu.ts): commands
 * typed in a group after @-mentioning the bot (answers are ephemeral cards), callbacks delivered
 * encrypted and signed, as Feishu does.
 */
export function feishuDriver(): AdapterDriver {
  const fake = new FakeFeishu();
  let adapter: FeishuAdapter | undefined;
  let url = '';
  let n = 0;
  const origins = new WeakMap<object, Origin>();
  const refused = () => fake.refused.length;

  const seen = (card: FeishuCard, origin: Omit<Origin, 'card'>, isPrivate: boolean, replaced = false): SeenReply => {
    withinLimits(card);
    const form = formOf(card);
    const reply: SeenReply = {
      private: isPrivate,
      text: readable(card),
      actions: card.elements.flatMap((e) => (e.tag === 'action' ? e.actions : [])).map((b) => ({ label: b.text.content })),
      ...(form ? { form } : {}),
      ...(replaced ? { replaced: true } : {}),
    };
    origins.set(reply, { card, ...origin });
    if (form) origins.set(form, { card, ...origin });
    return reply;
  };

  /** The ephemeral cards and direct cards for `user` after the marks, once the bot has gone quiet. */
  async function answersFor(user: string, marks: { ephemerals: number; messages: number }, early: SeenReply[] = []): Promise<SeenReply[]> {
    if (!early.length) await settled(() => fake.ephemerals.length + fake.messages.length, marks.ephemerals + marks.messages);
    if (refused()) throw new Error(`Feishu refused: ${fake.refused.join('; ')}`);
    return [
      ...early,
      ...fake.ephemerals.slice(marks.ephemerals).filter((e) => e.openId === user).map((e) => seen(e.card as unknown as FeishuCard, { chatId: e.chatId, messageId: e.messageId }, true)),
      ...fake.messages.slice(marks.messages).filter((m) => m.receiveId === user || m.chatId === fake.directChatOf(user)).map((m) => seen(m.card as unknown as FeishuCard, { chatId: m.chatId, messageId: m.messageId }, true)),
    ];
  }

  const marks = () => ({ ephemerals: fake.ephemerals.length, messages: fake.messages.length });

  async function callback(user: string, origin: Origin | undefined, value: unknown, formValue?: Record<string, unknown>): Promise<SeenReply[]> {
    if (!origin) throw new Error('that reply was not seen by this driver');
    const before = marks();
    const res = await deliverHttp(url, envelope('card.action.trigger', cardAction({ openId: user, chatId: origin.chatId, messageId: origin.messageId, value, ...(formValue ? { formValue } : {}) }), { token: TOKEN }), { encryptKey: KEY });
    const body = res.body as { card?: { type: string; data: FeishuCard } };
    // A card in the callback's answer replaces the pressed one; anything else arrives through the API.
    const replaced = body.card ? [seen(body.card.data, origin, true, true)] : [];
    return answersFor(user, before, replaced);
  }

  return {
    name: 'feishu',
    capabilities: feishuCapabilities,
    person: PERSON,
    colleague: { address: COLLEAGUE, mention: '@_user_2' },
    async start(router) {
      await fake.start();
      fake.groups = { [GROUP]: [PERSON, COLLEAGUE] };
      adapter = new FeishuAdapter({
        settings: { appId: fake.appId, appSecret: fake.appSecret, domain: fake.domain, encryptKey: KEY, verificationToken: TOKEN, port: 0, leadIds: new Set([PERSON]), defaultLocale: 'en', teamTimeZone: 'UTC' },
        router,
        clock: systemClock,
        log: pino({ level: 'silent' }),
      });
      url = `http://127.0.0.1:${(await adapter.start()).port}/feishu/events`;
      return adapter;
    },
    async stop() {
      await adapter?.stop();
      await fake.stop();
    },
    async command(user, name, text) {
      const before = marks();
      const mentions = [{ key: '@_user_1', openId: fake.botOpenId, name: 'Frontline' }];
      // Feishu puts a key in the text and says who it stands for beside it.
      if (text.includes('@_user_2')) mentions.push({ key: '@_user_2', openId: COLLEAGUE, name: 'Colleague' });
      const event = textMessage({ openId: user, chatId: GROUP, chatType: 'group', text: `@_user_1 /${name} ${text}`.trimEnd(), messageId: `om_contract_${++n}`, mentions });
      await deliverHttp(url, envelope('im.message.receive_v1', event, { token: TOKEN }), { encryptKey: KEY });
      return answersFor(user, before);
    },
    press(user, shown, index) {
      const origin = origins.get(shown);
      const button = origin?.card.elements.flatMap((e) => (e.tag === 'action' ? e.actions : []))[index];
      if (!button) throw new Error(`no button ${index} on that reply`);
      return callback(user, origin, button.value);
    },
    submit(user, form, answers) {
      const origin = origins.get(form);
      const container = origin?.card.elements.find((e) => e.tag === 'form');
      const submit = container?.tag === 'form' ? container.elements.find((e) => e.tag === 'button') : undefined;
      if (!submit || submit.tag !== 'button') throw new Error('that form was not seen by this driver');
      return callback(user, origin, submit.value, answers);
    },
    directMessages: async (user) => fake.messages.filter((m) => m.receiveIdType === 'open_id' && m.receiveId === user).map((m) => seen(m.card as unknown as FeishuCard, { chatId: m.chatId, messageId: m.messageId }, true)),
    refusals: () => [...fake.refused],
    edits: async () => fake.patches.map((p) => seen(p.card as unknown as FeishuCard, { chatId: '', messageId: p.messageId }, true, true)),
  };
}
