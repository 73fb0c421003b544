import { commandDescriptions } from '../../commands/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breathingView, crisisReply, leadNoteReply, menuReply, statsReply as calmStatsReply, stoppedReply, withSafetyCheck } from '../../commands/calm-replies.js';
import { actionForm, refusalReply, whenProblem } from '../../commands/promise-replies.js';
import pino from 'pino';
import { renderText } from '../../src/adapters/console/render-text.js';
import { consoleCapabilities } from '../../src/adapters/console/console-platform.js';
import { degradeFor } from '../../src/core/degrade.js';
import { UsageLog } from '../../src/knowledge/usage-log.js';
import { toDiscordMessages, toDiscordModal } from '../../src/adapters/discord/embeds.js';
import { toSlackMessages, toSlackModal } from '../../src/adapters/slack/block-kit.js';
import type { Router } from '../../src/core/router.js';
import type { Locale } from '../../src/i18n/locale.js';
import { toFeishuCards, toFeishuFormCard } from '../../src/adapters/feishu/cards.js';
import type { Reply } from '../../src/core/reply.js';
import type { Platform, Requester } from '../../src/core/request.js';
import { messagesFor } from '../../src/i18n/index.js';
import type { Refusal } from '../../src/promises/desk.js';
import { digestReply } from '../../src/promises/digest.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { escalationNotice, handoffNotice, ownerReminder } from '../../src/promises/promise-card.js';
import { toTraditional } from '../../src/text/chinese-script.js';
import { simplifiedOnlyCharacters } from '../../src/text/simplified-only.js';
import { mistranslationsIn } from '../../src/text/taiwan-glossary.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { loadBase, botRouter } from '../helpers/router.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

/**
 * Every reply of every command, in every locale, through every renderer: the console text,
 * Slack Block Kit, Discord embeds and Feishu cards. Replies come from the real router with real requests
 * (each sub-command, refusal, error, form and button) and from the reply builders the jobs use
 * (reminders, escalation, digest, breathing, notes to a lead). A renderer that throws, an empty
 * answer, the internal-error apology, `undefined` or `[object Object]`, and for zh-TW any
 * Simplified-only character or known mistranslation fail the test.
 */

const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];
const REFUSALS: readonly Refusal[] = ['not-found', 'not-yours', 'closed', 'same-owner', 'other-platform', 'unchanged'];
const APOLOGY = [messagesFor('en').common.internalError, messagesFor('zh-CN').common.internalError, messagesFor('zh-TW').common.internalError];

interface Case {
  name: string;
  locale: Locale;
  reply: Reply;
}

/** What a person of this locale types: zh-TW people type Traditional. */
function typed(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : locale === 'zh-TW' ? toTraditional(zh) : zh;
}

class Session {
  readonly cases: Case[] = [];
  readonly router: Router;

  constructor(
    readonly bot: BotContext,
    readonly locale: Locale,
  ) {
    this.router = botRouter(bot.context);
  }

  user(overrides: Partial<Requester> = {}): Requester {
    return { id: 'U1', name: 'Lin', locale: this.locale, timeZone: 'Asia/Shanghai', isLead: false, ...overrides };
  }

  async ask(command: string, text: string, options: { user?: Partial<Requester>; platform?: Platform; deliveryId?: string } = {}): Promise<Reply> {
    const reply = await this.router.handle({
      kind: 'command',
      platform: options.platform ?? 'slack',
      user: this.user(options.user),
      command,
      text,
      localeExplicit: false,
      ...(options.deliveryId ? { deliveryId: options.deliveryId } : {}),
    });
    return this.keep(`/${command} ${text}`.trim(), reply);
  }

  async press(command: string, actionId: string, value: string, user: Partial<Requester> = {}): Promise<Reply> {
    const reply = await this.router.handle({ kind: 'action', platform: 'slack', user: this.user(user), command, actionId, value, localeExplicit: false });
    return this.keep(`[${command}:${actionId} ${value.slice(0, 40)}]`, reply);
  }

  keep(name: string, reply: Reply): Reply {
    this.cases.push({ name, locale: this.locale, reply });
    return reply;
  }
}

function promiseIdOf(reply: Reply): string {
  const id = /[2-9A-HJKMNP-Z]{5}/.exec(reply.title ?? '')?.[0];
  if (!id) throw new Error(`no promise id in ${JSON.stringify(reply)}`);
  return id;
}

async function scriptReplies(s: Session, kb: KnowledgeBase): Promise<void> {
  const l = s.locale;
  await s.ask('script', '');
  await s.ask('script', 'check');
  await s.ask('script', typed(l, 'check 让您久等了，你必须重启路由器', 'check sorry for the wait, you must restart the router'));
  await s.ask('script', typed(l, 'check 感谢您的耐心等待，我来帮您查一下。', 'check Thank you for waiting, let me look into it.'));
  await s.ask('script', typed(l, '限速', 'throttled'));
  await s.ask('script', typed(l, '客户说我没用那么多流量', 'customer says they never used that much data'));
  await s.ask('script', 'xyzzy qwerty plugh');
  await s.ask('script', 'x'.repeat(5000));
  for (const group of kb.entriesByCategory()) {
    for (const entry of group.entries) {
      await s.ask('script', entry.id);
      await s.press('script', 'open', `${l}:${entry.id}`);
    }
  }
  await s.press('script', 'open', `${l}:no-such-case`);
  const value = JSON.stringify({ id: kb.entriesByCategory()[0]!.entries[0]!.id, q: 'x' });
  await s.press('script', 'helped', value);
  await s.press('script', 'not-helped', value);
}

async function promiseReplies(s: Session): Promise<void> {
  const l = s.locale;
  const { bot } = s;
  await s.ask('promise', '');
  await s.ask('promise', 'list');
  await s.ask('promise', 'team');
  await s.ask('promise', 'team', { user: { isLead: true } });
  await s.ask('promise', 'stats', { user: { isLead: true } });
  const first = promiseIdOf(await s.ask('promise', typed(l, '30m 4411 退款核查', '30m 4411 refund check'), { deliveryId: `d-${l}` }));
  await s.ask('promise', typed(l, '30m 4411 退款核查', '30m 4411 refund check'), { deliveryId: `d-${l}` });
  const second = promiseIdOf(await s.ask('promise', typed(l, '2h 6620 账单争议', '2h 6620 bill dispute')));
  const third = promiseIdOf(await s.ask('promise', typed(l, '45m 5178 补换卡', '45m 5178 SIM swap')));
  await s.ask('promise', typed(l, '回电 4411', 'call back 4411'));
  await s.ask('promise', '30m');
  await s.ask('promise', '00:01 4411');
  await s.ask('promise', 'list');
  await s.ask('promise', 'team', { user: { isLead: true } });
  for (const sub of ['done', 'renegotiate', 'handoff', 'cancel', 'snooze']) await s.ask('promise', sub);
  await s.ask('promise', `done ${'ZZZZZ'}`);
  await s.ask('promise', `done ${first}`, { user: { id: 'U9', name: 'Wang' } });
  await s.ask('promise', `snooze ${first}`);
  await s.ask('promise', `renegotiate ${first} 16:30`);
  await s.ask('promise', `renegotiate ${first} ${typed(l, '回电', 'call')}`);
  await s.ask('promise', `handoff ${first} Wang`);
  await s.ask('promise', `handoff ${first} <@U1>`);
  await s.ask('promise', `handoff ${second} <@U2|Chen>`);
  await s.ask('promise', `handoff all <@U2|Chen>`, { user: { id: 'U7' } });
  await s.ask('promise', `cancel ${third} ${typed(l, '客户已自行解决', 'solved by the customer')}`);
  await s.ask('promise', `done ${third}`);
  await s.ask('promise', 'tz');
  await s.ask('promise', 'tz Asia/Taipei');
  await s.ask('promise', 'tz Mars/Base');
  await s.press('promise', 'renegotiate', first);
  await s.press('promise', 'handoff', first);
  await s.press('promise', 'create', JSON.stringify({ when: '20m', note: typed(l, '7731 回电', '7731 call back') }));
  await s.press('promise', `renegotiate-${first.toLowerCase()}`, JSON.stringify({ when: '17:00' }));
  await s.press('promise', `handoff-${first.toLowerCase()}`, JSON.stringify({ to: 'U3' }));
  bot.clock.advance(3 * 3_600_000);
  await s.ask('promise', 'list', { user: { id: 'U3' } });
  await s.ask('promise', `done ${first}`, { user: { id: 'U3' } });
  await s.press('promise', 'done', second, { id: 'U2' });
  await s.ask('promise', 'stats', { user: { isLead: true } });
  await s.ask('board', '');
  await s.ask('board', '', { user: { isLead: true } });
  s.keep('home', await s.router.home(s.user(), 'slack'));
  s.keep('home (lead)', await s.router.home(s.user({ isLead: true }), 'slack'));

  // Replies built outside a request: reminders, escalation, handoff notice, digest, refusals, forms.
  const m = messagesFor(l);
  const now = bot.clock.now();
  const record: PromiseRecord = {
    ...(await bot.promises.find(first))!,
    owner: { platform: 'slack', userId: 'U1', name: 'Lin', locale: l },
    dueAt: new Date(now.getTime() + 20 * 60_000).toISOString(),
    status: 'open',
  };
  const late = { ...record, dueAt: new Date(now.getTime() - 40 * 60_000).toISOString() };
  for (const kind of ['heads-up', 'due', 'snooze'] as const) {
    s.keep(`reminder ${kind}`, ownerReminder(record, kind, now));
    s.keep(`reminder ${kind} late`, ownerReminder(record, kind, now, new Date(now.getTime() - 5 * 60_000)));
  }
  s.keep('escalation', escalationNotice(late, now, l, 'Asia/Shanghai'));
  s.keep('escalation late', escalationNotice(late, now, l, 'Asia/Shanghai', new Date(now.getTime() - 60_000)));
  s.keep('handoff notice', handoffNotice(record, 'Lin', now));
  s.keep('digest', digestReply({ open: 4, dueThisShift: 2, overdue: 1, yesterday: { kept: 5, late: 1 } }, l));
  s.keep('digest quiet day', digestReply({ open: 0, dueThisShift: 0, overdue: 0, yesterday: { kept: 0, late: 0 } }, l));
  for (const reason of REFUSALS) s.keep(`refusal ${reason}`, refusalReply(reason, 'K7Q2M', m));
  const suggestion = new Date(now.getTime() + 3_600_000);
  for (const problem of [
    { ok: false as const, reason: 'empty' as const },
    { ok: false as const, reason: 'no-time' as const },
    { ok: false as const, reason: 'no-note' as const },
    { ok: false as const, reason: 'past' as const, suggestion },
    { ok: false as const, reason: 'past' as const },
    { ok: false as const, reason: 'too-far' as const },
  ]) {
    s.keep(`when problem ${problem.reason}`, whenProblem(problem as Parameters<typeof whenProblem>[0], '4411', m, 'Asia/Shanghai', l, now));
  }
  s.keep('renegotiate form', actionForm('renegotiate', 'K7Q2M', m));
  s.keep('handoff form', actionForm('handoff', 'K7Q2M', m));
}

async function calmReplies(s: Session): Promise<void> {
  const l = s.locale;
  await s.ask('calm', '');
  await s.ask('calm', 'menu');
  const library = s.bot.calm.library!;
  for (const feeling of library.feelings(l)) {
    await s.ask('calm', feeling.id);
    await s.press('calm', 'feeling', `${l}:${feeling.id}`);
  }
  await s.ask('calm', typed(l, '被客户骂了', 'the customer shouted at me'));
  await s.ask('calm', typed(l, '嗯', 'hmm'));
  await s.ask('calm', typed(l, '我不想活了', 'I want to die'));
  await s.ask('calm', 'x'.repeat(5000));
  await s.ask('calm', 'stats');
  await s.ask('calm', 'stats', { user: { isLead: true } });
  await s.ask('calm', 'stop');
  await s.ask('calm', 'breathe', { platform: 'console' });
  await s.ask('calm', 'breathe');
  await s.ask('calm', 'breathe');
  await s.ask('calm', 'stop');
  await s.press('calm', 'breathe', `${l}:`);
  await s.press('calm', 'stop', `${l}:`);
  await s.press('calm', 'menu', `${l}:`);
  await s.ask('calm', 'reset', { platform: 'discord', user: { id: '123456789012345678' } });
  await s.ask('calm', 'reset');
  await s.ask('calm', 'reset');
  await s.press('calm', 'reset', `${l}:`, { id: 'U5' });
  await s.bot.timers.advance(120_000);
  for (const d of s.bot.outbox.sent) s.keep(`sent to ${'userId' in d.to ? d.to.userId : d.to.channel}`, d.reply);
  for (const u of s.bot.outbox.updates) s.keep('updated message', u.reply);

  const view = breathingView(l);
  s.keep('breathing step', view.step({ phases: [{ kind: 'in', seconds: 4 }, { kind: 'hold', seconds: 2 }, { kind: 'out', seconds: 6 }] as never, ms: 12_000, breath: 2, breaths: 5 }));
  s.keep('breathing done', view.done());
  s.keep('breathing stopped', stoppedReply(l));
  s.keep('crisis with contact', crisisReply('self', library.crisisMessage(l), '400-000-0000', l));
  s.keep('crisis without contact', crisisReply('self', library.crisisMessage(l), undefined, l));
  s.keep('crisis without file', crisisReply('self', undefined, undefined, l));
  s.keep('threat with contact', crisisReply('threat', library.threatMessage(l), '400-000-0000', l));
  s.keep('threat without file', crisisReply('threat', undefined, undefined, l));
  s.keep('caller at risk', crisisReply('other', undefined, undefined, l));
  s.keep('safety question with contact', withSafetyCheck(menuReply(library, l), '400-000-0000', l));
  s.keep('safety question without contact', withSafetyCheck(menuReply(library, l), undefined, l));
  s.keep('lead note', leadNoteReply({ id: 'U1', name: 'Lin' }, l));
  s.keep('calm stats', calmStatsReply([{ day: '2026-11-30', count: 3 }, { day: '2026-12-01', count: 0 }], l));
}

interface Rendering {
  renderer: string;
  text: string;
}

function renderings(reply: Reply): Rendering[] {
  const out: Rendering[] = [
    // The console renders what the router made fit for a terminal (buttons as what to type).
    { renderer: 'console', text: renderText(degradeFor(consoleCapabilities, reply)) },
    { renderer: 'slack', text: JSON.stringify(toSlackMessages(reply)) },
    { renderer: 'discord', text: JSON.stringify(toDiscordMessages(reply)) },
    { renderer: 'feishu', text: JSON.stringify(toFeishuCards(reply)) },
  ];
  if (reply.form) {
    out.push({ renderer: 'slack modal', text: JSON.stringify(toSlackModal(reply.form)) });
    out.push({ renderer: 'discord modal', text: JSON.stringify(toDiscordModal(reply.form)) });
    out.push({ renderer: 'feishu form card', text: JSON.stringify(toFeishuFormCard(reply.form)) });
  }
  return out;
}

/** Everything wrong with one rendering, as readable lines. */
function problemsOf(c: Case, r: Rendering): string[] {
  const where = `${c.locale} ${c.name} (${r.renderer})`;
  const problems: string[] = [];
  const visible = r.renderer === 'console' ? r.text : r.text.replace(/"(type|style|action_id|custom_id|callback_id|block_id|value|url)":"[^"]*"/g, '');
  if (!visible.replace(/[\s=()-]/g, '').length) problems.push(`${where}: empty`);
  for (const apology of APOLOGY) if (r.text.includes(apology.slice(0, 12))) problems.push(`${where}: the internal-error apology`);
  if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(r.text)) problems.push(`${where}: ${/\[object Object\]|\bundefined\b|\bNaN\b/.exec(r.text)![0]}`);
  if (/\uE000|\uE001/.test(r.text)) problems.push(`${where}: an argument marker was left in`);
  if (c.locale === 'zh-TW') {
    const simplified = simplifiedOnlyCharacters(r.text);
    if (simplified.length) problems.push(`${where}: Simplified characters ${simplified.join('')}`);
    for (const m of mistranslationsIn(r.text)) problems.push(`${where}: "${m.text}" (say ${m.instead})`);
  }
  return problems;
}

describe('every reply of every command, in every locale, through every renderer', () => {
  const cases: Case[] = [];
  const contexts: BotContext[] = [];

  beforeAll(async () => {
    const kb = await loadBase();
    for (const locale of LOCALES) {
      const bot = await botContext({ knowledge: () => kb, leadIds: ['ULEAD', 'U7'], statsEnabled: true });
      contexts.push(bot);
      // Usage recorded, as with the board on: script answers carry the "this helped" buttons.
      const usage = await UsageLog.open({ dataDir: bot.dataDir, clock: bot.clock, timeZone: 'UTC', log: pino({ level: 'silent' }) });
      const session = new Session({ ...bot, context: { ...bot.context, usage } }, locale);
      await scriptReplies(session, kb);
      await promiseReplies(session);
      await calmReplies(session);
      cases.push(...session.cases);
    }
  }, 120_000);

  afterAll(async () => {
    for (const bot of contexts) await bot.close();
  });

  it('covers every command and locale with many replies', () => {
    for (const locale of LOCALES) {
      const names = cases.filter((c) => c.locale === locale).map((c) => c.name);
      expect(names.length).toBeGreaterThan(200);
      for (const command of commandDescriptions) expect(names.some((n) => n.startsWith(`/${command.name}`))).toBe(true);
    }
  });

  it('covers the /script feedback buttons and their thanks in every locale', () => {
    for (const locale of LOCALES) {
      const words = messagesFor(locale).script.feedback;
      const labels = cases.filter((c) => c.locale === locale).flatMap((c) => c.reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions.map((a) => a.label) : [])));
      expect(labels).toEqual(expect.arrayContaining([words.helped, words.notHelped]));
      expect(cases.some((c) => c.locale === locale && c.reply.blocks.some((b) => b.type === 'context' && b.text === words.thanks))).toBe(true);
    }
  });

  it('renders each one without a throw, an empty answer, leftovers or the apology', () => {
    const problems: string[] = [];
    for (const c of cases) {
      let rendered: Rendering[];
      try {
        rendered = renderings(c.reply);
      } catch (error) {
        problems.push(`${c.locale} ${c.name}: a renderer threw ${(error as Error).message}`);
        continue;
      }
      for (const r of rendered) problems.push(...problemsOf(c, r));
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('every message of the zh-TW catalog', () => {
  it('has no Simplified characters and no known mistranslation', () => {
    const problems: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (typeof value === 'function') {
        const args = Array.from({ length: Math.max(value.length, 3) }, (_, i) => (i === 0 ? 'K7Q2M' : i));
        return visit((value as (...a: unknown[]) => unknown)(...args), `${path}()`);
      }
      if (typeof value === 'string') {
        const simplified = simplifiedOnlyCharacters(value);
        if (simplified.length) problems.push(`${path}: Simplified characters ${simplified.join('')} in ${value}`);
        for (const m of mistranslationsIn(value)) problems.push(`${path}: "${m.text}" (say ${m.instead}) in ${value}`);
        return;
      }
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    };
    visit(messagesFor('zh-TW'), 'zh-TW');
    expect(problems).toEqual([]);
  });
});
