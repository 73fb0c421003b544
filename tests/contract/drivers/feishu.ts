import pino from 'pino';
import { vi } from 'vitest';
import { cardBytes, elementCount, FEISHU_LIMITS, type FeishuCard } from '../../../src/adapters/feishu/cards.js';
import { FeishuAdapter } from '../../../src/adapters/feishu/feishu-adapter.js';
import { feishuCapabilities } from '../../../src/adapters/feishu/feishu-platform.js';
import { systemClock } from '../../../src/core/clock.js';
import type { Router } from '../../../src/core/router.js';
import { cardAction, deliverHttp, envelope, FakeFeishu, textMessage } from '../../helpers/fake-feishu.js';
import type { AdapterDriver, SeenReply } from '../adapter-contract.js';

const KEY = 'contract-encrypt-key';
const TOKEN = 'contract-verification-token';
const GROUP = 'oc_contractgroup';

/** Where a seen card lives, so a driver can press its buttons. */
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

/**
 * Feishu in request-URL mode against the fake Open API: commands typed in a group after
 * @-mentioning the bot (answers are ephemeral cards), callbacks delivered encrypted and signed.
 */
export function feishuDriver(): AdapterDriver {
  let fake: FakeFeishu;
  let adapter: FeishuAdapter;
  let url: string;
  const origins = new WeakMap<SeenReply, Origin>();
  const sent: FeishuCard[] = [];
  let n = 0;

  const seen = (card: FeishuCard, origin: Omit<Origin, 'card'>, fields: Partial<SeenReply> = {}): SeenReply => {
    sent.push(card);
    const buttons = card.elements.flatMap((e) => (e.tag === 'action' ? e.actions : []));
    const form = card.elements.find((e) => e.tag === 'form');
    const reply: SeenReply = {
      private: true,
      text: readable(card),
      actions: buttons.map((b) => ({ label: b.text.content })),
      ...(form && form.tag === 'form' ? { form: { fields: form.elements.filter((e) => e.tag !== 'button').map((e) => e.name) } } : {}),
      ...fields,
    };
    origins.set(reply, { card, ...origin });
    return reply;
  };

  /** The ephemeral cards and messages sent to `user` after the marks, once the bot has gone quiet. */
  async function answersFor(user: string, marks: { ephemerals: number; messages: number }): Promise<SeenReply[]> {
    const collect = () => [
      ...fake.ephemerals.slice(marks.ephemerals).filter((e) => e.openId === user).map((e) => seen(e.card as unknown as FeishuCard, { chatId: e.chatId, messageId: e.messageId })),
      ...fake.messages.slice(marks.messages).filter((m) => m.receiveId === user || m.chatId === fake.directChatOf(user)).map((m) => seen(m.card as unknown as FeishuCard, { chatId: m.chatId, messageId: m.messageId })),
    ];
    let count = -1;
    // Until something arrived and nothing more came for a moment: a long answer is several cards.
    await vi.waitFor(
      async () => {
        const now = fake.ephemerals.length + fake.messages.length;
        const arrived = now > marks.ephemerals + marks.messages;
        const settled = now === count;
        count = now;
        if (!arrived || !settled) {
          await new Promise((r) => setTimeout(r, 150));
          throw new Error('no answer yet');
        }
      },
      { timeout: 10_000, interval: 0 },
    );
    return collect();
  }

  const marks = () => ({ ephemerals: fake.ephemerals.length, messages: fake.messages.length });

  async function callback(user: string, seenReply: SeenReply, value: unknown, formValue?: Record<string, unknown>): Promise<SeenReply[]> {
    const origin = origins.get(seenReply);
    if (!origin) throw new Error('that reply was not seen by this driver');
    const before = marks();
    const res = await deliverHttp(url, envelope('card.action.trigger', cardAction({ openId: user, chatId: origin.chatId, messageId: origin.messageId, value, ...(formValue ? { formValue } : {}) }), { token: TOKEN }), { encryptKey: KEY });
    const body = res.body as { card?: { type: string; data: FeishuCard } };
    if (body.card) return [seen(body.card.data, origin, { replaced: true })];
    return answersFor(user, before);
  }

  return {
    name: 'feishu',
    capabilities: feishuCapabilities,
    async start(router: Router) {
      fake = await new FakeFeishu().start();
      fake.groups = { [GROUP]: [1, 2, 3].map((i) => `ou_person${i}`) };
      adapter = new FeishuAdapter({
        settings: { appId: fake.appId, appSecret: fake.appSecret, domain: fake.domain, encryptKey: KEY, verificationToken: TOKEN, port: 0, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
        router,
        clock: systemClock,
        log: pino({ level: 'silent' }),
      });
      url = `http://127.0.0.1:${(await adapter.start()).port}/feishu/events`;
      return { outbox: adapter, platform: adapter.platform };
    },
    async stop() {
      await adapter?.stop();
      await fake?.stop();
    },
    person: (i) => `ou_person${i}`,
    async command(user, name, text, options = {}) {
      const mentions = [{ key: '@_user_1', openId: fake.botOpenId, name: 'Frontline' }];
      let typed = text;
      if (options.mention) {
        mentions.push({ key: '@_user_2', openId: options.mention, name: `Colleague ${options.mention.slice(-1)}` });
        typed = text.replace('{mention}', '@_user_2');
      }
      const before = marks();
      const event = textMessage({ openId: user, chatId: GROUP, chatType: 'group', text: `@_user_1 /${name} ${typed}`.trimEnd(), messageId: `om_contract_${++n}`, mentions });
      await deliverHttp(url, envelope('im.message.receive_v1', event, { token: TOKEN }), { encryptKey: KEY });
      return answersFor(user, before);
    },
    async press(user, seenReply, index) {
      const origin = origins.get(seenReply);
      const button = origin?.card.elements.flatMap((e) => (e.tag === 'action' ? e.actions : []))[index];
      if (!button) throw new Error(`no button ${index} on that reply`);
      return callback(user, seenReply, button.value);
    },
    async submit(user, seenReply, answers) {
      const form = origins.get(seenReply)?.card.elements.find((e) => e.tag === 'form');
      const submit = form && form.tag === 'form' ? form.elements.find((e) => e.tag === 'button') : undefined;
      if (!submit || submit.tag !== 'button') throw new Error('that reply has no form');
      return callback(user, seenReply, submit.value, answers);
    },
    directMessages(user) {
      return fake.messages.filter((m) => m.receiveIdType === 'open_id' && m.receiveId === user).map((m) => seen(m.card as unknown as FeishuCard, { chatId: m.chatId, messageId: m.messageId }));
    },
    edits() {
      return fake.patches.map((p) => seen(p.card as unknown as FeishuCard, { chatId: '', messageId: p.messageId }, { replaced: true }));
    },
    limitProblems() {
      return [
        ...sent.flatMap((card, i) => [
          ...(elementCount(card) > FEISHU_LIMITS.elements ? [`card ${i}: ${elementCount(card)} elements`] : []),
          ...(cardBytes(card) > FEISHU_LIMITS.cardBytes ? [`card ${i}: ${cardBytes(card)} bytes`] : []),
        ]),
        ...fake.refused.map((call) => `refused by the platform: ${call}`),
      ];
    },
  };
}
