import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import type { Reply } from '../../src/core/reply.js';
import type { Platform } from '../../src/core/request.js';
import type { Router } from '../../src/core/router.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { textOf, botRouter } from '../helpers/router.js';
import { typedOn } from '../helpers/platforms.js';
import { JOURNAL_NAME } from '../../src/promises/journaled-store-file.js';

let bot: BotContext;
let router: Router;

interface As {
  id?: string;
  name?: string;
  lead?: boolean;
  locale?: Locale;
  platform?: Platform;
  deliveryId?: string;
}

const ask = (text: string, as: As = {}): Promise<Reply> =>
  router.handle({
    kind: 'command',
    platform: as.platform ?? 'slack',
    user: { id: as.id ?? 'U1', ...(as.name ? { name: as.name } : {}), locale: as.locale ?? 'en', timeZone: 'Asia/Shanghai', isLead: as.lead ?? false },
    command: 'promise',
    ...typedOn(as.platform ?? 'slack', text),
    localeExplicit: false,
    ...(as.deliveryId ? { deliveryId: as.deliveryId } : {}),
  });

const press = (actionId: string, value: string, as: As = {}): Promise<Reply> =>
  router.handle({
    kind: 'action',
    platform: as.platform ?? 'slack',
    user: { id: as.id ?? 'U1', locale: as.locale ?? 'en', timeZone: 'Asia/Shanghai', isLead: as.lead ?? false },
    command: 'promise',
    actionId,
    value,
    localeExplicit: false,
  });

const idOf = (reply: Reply): string => /Promise ([2-9A-Z]{5}) recorded/.exec(reply.title ?? '')![1]!;

beforeEach(async () => {
  // 10:00 in Shanghai.
  bot = await botContext({ now: '2026-12-01T02:00:00Z' });
  router = botRouter(bot.context);
});

afterEach(async () => {
  await bot.close();
});

describe('/promise: recording', () => {
  it('records a relative promise, echoes the due time in the person\'s zone, and keeps it on disk', async () => {
    const reply = await ask('30m 4411 refund check');
    expect(reply.tone).toBe('success');
    expect(textOf(reply)).toContain('Reply by 10:30 today (30 min)');
    expect(textOf(reply)).toContain('4411 refund check');
    const id = idOf(reply);
    const onDisk = JSON.parse(readFileSync(path.join(bot.dataDir, 'promises.json'), 'utf8'));
    expect(onDisk.promises.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(onDisk.promises[0].dueAt).toBe('2026-12-01T02:30:00.000Z');
  });

  it('reads Chinese times and answers in Chinese', async () => {
    const reply = await ask('明天上午10点 回电 7731', { locale: 'zh-CN' });
    expect(reply.title).toMatch(/^承诺 [2-9A-Z]{5} 已记下$/);
    expect(textOf(reply)).toContain('明天 12月2日周三 10:00');
    expect((await bot.promises.allOpen())[0]!.dueAt).toBe('2026-12-02T02:00:00.000Z');
  });

  it('ends the list hint with Chinese punctuation for a Chinese reader', async () => {
    await ask('30分钟后 1111 退款', { locale: 'zh-CN' });
    const text = textOf(await ask('list', { locale: 'zh-CN' }));
    expect(text).toContain('<新时间>。');
    expect(text).not.toContain('<新时间>.');
  });

  it('masks phone and ID-card numbers before storing the note', async () => {
    await ask('1h 4411 call back on 13812345678, id 110101199003074512');
    const stored = ['promises.json', JOURNAL_NAME].map((f) => path.join(bot.dataDir, f)).filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(stored).toContain('138****5678');
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toContain('199003074512');
  });

  it.each([
    ['0912345678', '0912***678'],
    ['0912-345-678', '0912-***-678'],
    ['0912 345 678', '0912 *** 678'],
  ])('masks a Taiwan mobile a zh-TW agent pastes (%s) in the reply and on disk', async (typed, masked) => {
    const reply = await ask(`30分鐘後 李先生 ${typed} 退費`, { locale: 'zh-TW' });
    expect(textOf(reply)).toContain(`李先生 ${masked} 退費`);
    const stored = ['promises.json', JOURNAL_NAME].map((f) => path.join(bot.dataDir, f)).filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(stored).toContain(masked);
    expect(stored).not.toContain(typed);
  });

  it('shows how to use it (with the margin advice and a form) when typed alone', async () => {
    const reply = await ask('');
    expect(textOf(reply)).toContain('with a margin');
    expect(reply.form?.fields.map((f) => f.id)).toEqual(['when', 'note']);
  });

  it('records nothing for text it cannot read, and says what to type', async () => {
    for (const text of ['refund check soon', '30m', '09:00 4411 call back', 'in 40 days 4411']) {
      const reply = await ask(text);
      expect(reply.tone, text).toBe('warning');
      expect(textOf(reply).length).toBeGreaterThan(20);
    }
    expect(textOf(await ask('09:00 4411 call back'))).toContain('already passed');
    expect((await bot.promises.allOpen())).toEqual([]);
  });

  it('records a redelivered request (same delivery id) only once', async () => {
    const first = await ask('30m 4411 refund', { deliveryId: 'trigger-1' });
    const again = await ask('30m 4411 refund', { deliveryId: 'trigger-1' });
    expect(idOf(again)).toBe(idOf(first));
    expect(textOf(again)).toContain('Already recorded');
    expect((await bot.promises.allOpen())).toHaveLength(1);
  });

  it('records from the Slack form', async () => {
    const reply = await press('create', JSON.stringify({ when: '45m', note: '5178 SIM swap' }));
    expect(reply.tone).toBe('success');
    expect((await bot.promises.allOpen())[0]!.note).toBe('5178 SIM swap');
  });
});

describe('/promise: list, done, renegotiate, cancel', () => {
  it('lists my open promises soonest first and marks overdue ones', async () => {
    await ask('2h 2222 second');
    await ask('30m 1111 first');
    await ask('1h 3333 not mine', { id: 'U2' });
    bot.clock.advance(40 * 60_000);
    const list = textOf(await ask('list'));
    expect(list.indexOf('1111 first')).toBeLessThan(list.indexOf('2222 second'));
    expect(list).toContain('OVERDUE by 10 min');
    expect(list).not.toContain('not mine');
  });

  it('closes on time or late, and keeps that for the stats', async () => {
    const a = idOf(await ask('30m 1111 a'));
    const b = idOf(await ask('30m 2222 b'));
    expect(textOf(await ask(`done ${a.toLowerCase()}`))).toContain('on time');
    bot.clock.advance(45 * 60_000);
    expect(textOf(await ask(`done ${b}`))).toContain('15 min after');
    expect((await bot.promises.find(a))).toMatchObject({ status: 'done', keptOnTime: true });
    expect((await bot.promises.find(b))).toMatchObject({ status: 'done', keptOnTime: false });
    expect(textOf(await ask(`done ${a}`))).toContain('already closed');
  });

  it('renegotiates: the due time moves and the history keeps both', async () => {
    const id = idOf(await ask('30m 1111 a'));
    const reply = await ask(`renegotiate ${id} 16:00 customer at work`);
    expect(textOf(reply)).toContain('moved from 10:30 today to 16:00 today');
    const record = (await bot.promises.find(id))!;
    expect(record.dueAt).toBe('2026-12-01T08:00:00.000Z');
    expect(record.history.at(-1)).toMatchObject({ event: 'renegotiated', from: '2026-12-01T02:30:00.000Z', to: '2026-12-01T08:00:00.000Z' });
  });

  it('a new time it cannot take is answered with what to retype to move this promise, not with how to record a new one', async () => {
    const id = idOf(await ask('30m 1111 a'));
    const text = textOf(await ask(`renegotiate ${id} yesterday 3pm`));
    expect(text).toContain(`/promise renegotiate ${id} tomorrow 15:00`);
    expect(text).not.toContain('/promise 30m');
    expect(textOf(await ask(`改時間 ${id} 週末`, { locale: 'zh-TW' }))).toContain(`/promise renegotiate ${id} 週六 10:00`);
  });

  it('asks for the id when snooze is typed without one (it had answered with how to record a promise)', async () => {
    expect(textOf(await ask('snooze'))).toContain('/promise snooze K7Q2M');
    expect(textOf(await ask('稍後提醒', { locale: 'zh-TW' }))).toContain('/promise snooze K7Q2M');
  });

  it('answers 下个月初 / "early next month" with a hint that names the start of a month, not only its end', async () => {
    expect(textOf(await ask('early next month call back'))).toContain('start of a month');
    expect(textOf(await ask('下個月初 回電', { locale: 'zh-TW' }))).toContain('月初');
  });

  it('cancels only with a reason', async () => {
    const id = idOf(await ask('30m 1111 a'));
    expect(textOf(await ask(`cancel ${id}`))).toContain('Type the id and why');
    await ask(`cancel ${id} customer solved it`);
    expect((await bot.promises.find(id))).toMatchObject({ status: 'cancelled' });
    expect((await bot.promises.find(id))!.history.at(-1)!.reason).toBe('customer solved it');
  });

  it('answers a customer ref typed where the id belongs with the person\'s open promises, the example written with the one meant', async () => {
    const parcel = idOf(await ask('2h 5520 parcel trace'));
    const refund = idOf(await ask('30m 4411 refund check'));
    const answer = textOf(await ask('done 4411'));
    expect(answer).toContain(`/promise done ${refund}`);
    expect(answer).toContain(`${refund} · `);
    expect(answer).toContain(`${parcel} · `);
    expect(textOf(await ask('handoff 5520 @bob'))).toContain(`/promise handoff ${parcel} @`);
    // An id that is no promise of theirs is answered with the same list; somebody else's promises are not in it.
    await ask('1h 7788 other agent', { id: 'U2' });
    const unknown = textOf(await ask('done ABCDE'));
    expect(unknown).toContain('There is no open promise ABCDE');
    expect(unknown).toContain(`${refund} · `);
    expect(unknown).not.toContain('7788');
    expect((await bot.promises.find(refund))!.status).toBe('open');
  });

  it('keeps the plain example when the person has no open promise', async () => {
    const answer = textOf(await ask('done 4411'));
    expect(answer).toContain('/promise done K7Q2M');
    expect(answer).not.toContain('Your open promises');
  });

  it('lets agents change only their own promises; leads may change anyone\'s', async () => {
    const id = idOf(await ask('30m 1111 a'));
    expect(textOf(await ask(`done ${id}`, { id: 'U2' }))).toContain('belongs to a colleague');
    expect((await bot.promises.find(id))!.status).toBe('open');
    expect(textOf(await ask(`done ${id}`, { id: 'ULEAD', lead: true }))).toContain('closed');
  });

  it('asks whose promise it is before anything else, on every way in: a colleague gets no form, no time check and no colleague lookup', async () => {
    const id = idOf(await ask('30m 1111 a'));
    const colleague = { id: 'U2' };
    // The Renegotiate / Hand over buttons on a reminder someone forwarded: a refusal, not the form.
    for (const button of ['renegotiate', 'handoff']) {
      const reply = await press(button, id, colleague);
      expect(reply.form, button).toBeUndefined();
      expect(textOf(reply), button).toContain('belongs to a colleague');
    }
    // A time that does not read, or a colleague the platform lacks, would be the wrong thing to fix first.
    expect(textOf(await ask(`renegotiate ${id} whenever`, colleague))).toContain('belongs to a colleague');
    bot.outbox.unknownPeople.add('U404');
    expect(textOf(await ask(`handoff ${id} <@U404|nobody>`, colleague))).toContain('belongs to a colleague');
    expect(textOf(await press(`renegotiate-${id.toLowerCase()}`, JSON.stringify({ when: '17:00' }), colleague))).toContain('belongs to a colleague');
    expect(await bot.promises.find(id)).toMatchObject({ status: 'open' });
    // The owner and a lead still get the form.
    expect((await press('renegotiate', id)).form?.id).toBe(`renegotiate-${id.toLowerCase()}`);
    expect((await press('handoff', id, { id: 'ULEAD', lead: true })).form).toBeDefined();
  });
});

describe('/promise: handoff', () => {
  it('hands all my promises to a colleague (Slack mention), who is told with the notes', async () => {
    await ask('30m 1111 refund', { name: 'amy' });
    await ask('1h 2222 parcel', { name: 'amy' });
    const reply = await ask('handoff all <@U9|ben>', { name: 'amy' });
    expect(textOf(reply)).toContain('to ben');
    expect((await bot.promises.openOf({ platform: 'slack', userId: 'U9' }))).toHaveLength(2);
    expect(bot.outbox.sent.map((d) => d.to)).toEqual([
      { platform: 'slack', userId: 'U9' },
      { platform: 'slack', userId: 'U9' },
    ]);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain('amy handed this promise to you');
    expect(textOf(bot.outbox.sent[0]!.reply)).toMatch(/1111 refund|2222 parcel/);
  });

  it('gives the typed forms of the card buttons in the reader\'s language (no <new time> on a Chinese card)', async () => {
    await ask('30分钟后 1111 退款', { name: 'amy', locale: 'zh-CN' });
    await ask('handoff all <@U9|ben>', { name: 'amy', locale: 'zh-CN' });
    const card = bot.outbox.sent[0]!.reply;
    expect(card.title).toMatch(/已交给你/);
    const typed = card.blocks.flatMap((b) => (b.type === 'actions' ? b.actions.map((a) => a.typed ?? '') : []));
    expect(typed.find((t) => t.includes('renegotiate'))).toMatch(/<新时间>$/);
    expect(typed.find((t) => t.includes('handoff'))).toMatch(/@同事$/);
  });

  it('understands the sub-commands a zh-TW agent types in Traditional (轉交, 改時間, 稍後提醒)', async () => {
    const tw = { name: 'amy', locale: 'zh-TW' as const };
    const first = /承諾 ([2-9A-Z]{5}) 已記下/.exec((await ask('30分鐘後 1111 退費', tw)).title ?? '')![1]!;
    const second = /承諾 ([2-9A-Z]{5}) 已記下/.exec((await ask('1小時後 2222 包裹', tw)).title ?? '')![1]!;
    expect(textOf(await ask(`改時間 ${first} 2小時後`, tw))).toContain(`承諾 ${first} 已從`);
    expect((await ask(`稍後提醒 ${first}`, tw)).tone).not.toBe('warning');
    await ask(`轉交 ${second} <@U9|ben>`, tw);
    expect((await bot.promises.find(second))!.owner.userId).toBe('U9');
  });

  it('refuses a bare name in chat (it would be a DM to nobody) and asks for a mention', async () => {
    const id = idOf(await ask('30m 1111 refund'));
    expect(textOf(await ask(`handoff ${id} ben`))).toContain('@colleague');
    expect((await bot.promises.find(id))!.owner.userId).toBe('U1');
  });

  it('hands over from the Slack form, where the colleague comes from a people picker', async () => {
    const id = idOf(await ask('30m 1111 refund'));
    const form = await press('handoff', id);
    expect(form.form?.fields).toEqual([expect.objectContaining({ id: 'to', kind: 'person' })]);
    await press(`handoff-${id.toLowerCase()}`, JSON.stringify({ to: 'U9' }));
    expect((await bot.promises.find(id))!.owner.userId).toBe('U9');
  });

  it('keeps a handoff notice that could not be delivered and retries it', async () => {
    const id = idOf(await ask('30m 1111 refund'));
    bot.outbox.failing = 1;
    await ask(`handoff ${id} <@U9>`);
    expect((await bot.promises.pendingDeliveries())).toHaveLength(1);
    expect(bot.outbox.sent).toHaveLength(0);
  });
});

describe('/promise: leads only', () => {
  it('refuses team and stats to agents, on the server side', async () => {
    expect(textOf(await ask('team'))).toContain('Only team leads');
    expect(textOf(await ask('stats'))).toContain('Only team leads');
  });

  it('shows the team grouped by owner, owners with overdue promises first', async () => {
    await ask('2h 1111 a', { id: 'U1', name: 'amy' });
    await ask('10m 2222 b', { id: 'U2', name: 'ben' });
    bot.clock.advance(15 * 60_000);
    const team = textOf(await ask('team', { lead: true }));
    expect(team.indexOf('ben: 1 open, 1 overdue')).toBeGreaterThan(-1);
    expect(team.indexOf('ben')).toBeLessThan(team.indexOf('amy'));
  });

  it('counts kept on time vs late over the last 7 days, per agent and team', async () => {
    const a = idOf(await ask('10m 1111 a', { id: 'U1', name: 'amy' }));
    await ask('10m 2222 b', { id: 'U2', name: 'ben' });
    await ask(`done ${a}`, { id: 'U1' });
    bot.clock.advance(20 * 60_000);
    const stats = textOf(await ask('stats', { lead: true }));
    expect(stats).toContain('Team: 1 on time, 1 late (50% on time)');
    expect(stats).toContain('amy: 1 on time, 0 late');
    expect(stats).toContain('ben: 0 on time, 1 late');
  });
});

describe('/promise tz', () => {
  it('sets my zone; later times are read in it', async () => {
    expect(textOf(await ask('tz Mars/Base'))).toContain('not a time zone');
    expect(textOf(await ask('tz Europe/London'))).toContain('Europe/London');
    await ask('15:30 4411 call back');
    expect((await bot.promises.allOpen())[0]!.dueAt).toBe('2026-12-01T15:30:00.000Z');
  });
});

describe('/promise: times read the way the agent meant them (now Tue 1 Dec 2026, 10:00 Shanghai)', () => {
  it('shows weekday and date for any day but today, so a surprise is visible at once', async () => {
    expect(textOf(await ask('tomorrow at 3 4411 call back'))).toContain('Reply by 15:00 tomorrow, Wed 2 Dec');
    expect(textOf(await ask('Friday call back'))).toContain('Reply by Fri 4 Dec 18:00');
    expect(textOf(await ask('Friday at 2 call back'))).toContain('Reply by Fri 4 Dec 14:00');
    expect(textOf(await ask('周五3点 回电', { locale: 'zh-CN' }))).toContain('12月4日周五 15:00');
  });

  it('a bare day is the team day end; TEAM_DAY_END changes it', async () => {
    expect(textOf(await ask('下班前 回电 4411', { locale: 'zh-CN' }))).toContain('今天 18:00');
    router = botRouter({ ...bot.context, teamDay: { dayStart: { hour: 9, minute: 0 }, dayEnd: { hour: 17, minute: 30 }, workdays: new Set([1, 2, 3, 4, 5, 6]) } });
    expect(textOf(await ask('EOD 4411 call back'))).toContain('17:30 today');
    // Tuesday + 5 working days Mon–Sat is Sunday excluded: Wed, Thu, Fri, Sat, Mon.
    expect(textOf(await ask('5个工作日内 回电', { locale: 'zh-CN' }))).toContain('12月7日周一 17:30');
  });

  it('refuses a vague time with a targeted hint and records nothing', async () => {
    const evening = await ask('今晚 回电 4411', { locale: 'zh-CN' });
    expect(evening.tone).toBe('warning');
    expect(textOf(evening)).toContain('今晚？请写上几点，试试 /promise 20:00');
    expect(textOf(await ask('ASAP call back 4411'))).toContain('/promise 30m');
    expect((await bot.promises.allOpen())).toEqual([]);
  });

  it('a passed time suggests the same wall time tomorrow', async () => {
    const reply = await ask('9点 回电', { locale: 'zh-CN' });
    expect(textOf(reply)).toContain('是不是想说 明天 12月2日周三 09:00');
    expect((await bot.promises.allOpen())).toEqual([]);
  });

  it('keeps the note whole when a number follows a Chinese clock time', async () => {
    const reply = await ask('下午3点 3号包裹 7731', { locale: 'zh-CN' });
    expect(textOf(reply)).toContain('今天 15:00');
    expect((await bot.promises.allOpen())[0]!.note).toBe('3号包裹 7731');
  });
});
