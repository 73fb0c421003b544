import pino from 'pino';
import { createCommands } from '../../commands/index.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { Reply } from '../../src/core/reply.js';
import type { Platform } from '../../src/core/request.js';
import { createRouter, type Router } from '../../src/core/router.js';
import { ServiceServer } from '../../src/http/service-server.js';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { LiveKnowledge } from '../../src/knowledge/live-knowledge.js';
import { UsageLog } from '../../src/knowledge/usage-log.js';
import { knowledgePages } from '../../src/web/knowledge-pages.js';
import { FileBoardAuthStore } from '../../src/web/file-board-auth-store.js';
import type { BoardAuthStore } from '../../src/web/board-auth-store.js';
import { WebApp, type LeadCheck } from '../../src/web/web-app.js';
import { caseScript } from '../helpers/knowledge-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { textOf } from '../helpers/router.js';

export interface BoardHarness extends BotContext {
  app: WebApp;
  router: Router;
  base: string;
  /** User ids the lead rules count as leads right now; change it to play a lead being removed. */
  leads: Set<string>;
  /** A copy of the shipped knowledge plus the draft `refund-to-old-card`, served live. */
  knowledge: LiveKnowledge;
  knowledgeDir: string;
  usage: UsageLog;
  /** `/script <text>` in chat. */
  script(userId: string, text: string, locale?: Locale): Promise<Reply>;
  /** `/promise <text>` typed in chat by that person (a lead when in `leads`). */
  chat(userId: string, text: string, locale?: Locale): Promise<Reply>;
  /** The one-time link a lead gets from `/promise board`. */
  linkFor(userId: string, locale?: Locale): Promise<string>;
  /** Signs in through the link (GET page, then the POST it asks for); the session cookie. */
  signIn(userId: string, locale?: Locale): Promise<string>;
  /** The CSRF token of a signed-in page. */
  csrfOf(cookie: string): Promise<string>;
  stop(): Promise<void>;
}

export const DRAFT_ID = 'refund-to-old-card';

/** The shipped knowledge in a temp folder, with one draft script pair (both locales). */
export function knowledgeCopy(): string {
  const dir = tempDir('frontline-board-kb-');
  cpSync(SHIPPED_KNOWLEDGE, dir, { recursive: true });
  const draft = (locale: 'zh-CN' | 'en') =>
    caseScript(DRAFT_ID, locale, {
      status: 'draft',
      title: locale === 'en' ? 'Refund went to a closed bank card' : '退款退到了已注销的银行卡',
      aliases: locale === 'en' ? ['refund to cancelled card', 'refund closed card'] : ['退款到注销卡', '退款卡已注销'],
      utterances: locale === 'en' ? ['my refund went to a card I already closed'] : ['退款退到我已经注销的卡上了'],
      approvedBy: undefined,
      approvedOn: undefined,
      reviewBy: '2026-06-01',
    });
  for (const locale of ['zh-CN', 'en'] as const) writeFileSync(path.join(dir, 'scripts', `${DRAFT_ID}.${locale}.yaml`), `# Draft written by the quality team.\n${stringify(draft(locale))}`);
  return dir;
}

export async function boardHarness(options: { now?: string; publicUrl?: (port: number) => string; trustProxy?: boolean; platform?: Platform; realTimers?: boolean; approverIds?: string[]; isLead?: LeadCheck; authStore?: BoardAuthStore } = {}): Promise<BoardHarness> {
  const bot = await botContext({ ...(options.now ? { now: options.now } : {}) });
  const log = pino({ level: 'silent' });
  const knowledgeDir = knowledgeCopy();
  const knowledge = new LiveKnowledge({ dir: knowledgeDir, clock: bot.clock, timeZone: 'Asia/Shanghai', log });
  await knowledge.reload();
  const usage = await UsageLog.open({ dataDir: bot.dataDir, clock: bot.clock, timeZone: 'Asia/Shanghai', log });
  const authStore = options.authStore ?? (await FileBoardAuthStore.open({ dataDir: bot.dataDir, log }));
  const server = new ServiceServer({ port: 0, host: '127.0.0.1', log });
  const { port } = await server.start();
  const base = `http://127.0.0.1:${port}`;
  const leads = new Set<string>(['ULEAD']);
  const platform = options.platform ?? 'slack';
  const app = new WebApp({
    desk: bot.promises,
    clock: bot.clock,
    timers: options.realTimers ? (await import('../../src/core/timers.js')).systemTimers : bot.timers,
    outbox: bot.outbox,
    addresses: bot.context.addresses,
    log,
    authStore,
    isLead: options.isLead ?? (async (p) => leads.has(p.userId)),
    teamTimeZone: 'Asia/Shanghai',
    defaultLocale: 'en',
    calmCounts: async (days) => (bot.calm.statsEnabled ? bot.calm.stats(days) : undefined),
    pages: knowledgePages({ dir: knowledgeDir, knowledge: () => knowledge.current, reload: () => knowledge.reload(), usage, clock: bot.clock, teamTimeZone: 'Asia/Shanghai', approverIds: options.approverIds ?? [], reviewDays: 180 }),
    proxy: { publicUrl: new URL(options.publicUrl ? options.publicUrl(port) : base), trustProxy: options.trustProxy ?? false },
  });
  server.mountPrefix('/board', async (req, res) => {
    if (!(await app.handle(req, res))) res.writeHead(404).end();
  });
  const router = createRouter(createCommands({ ...bot.context, knowledge: () => knowledge.current, usage, teamTimeZone: 'Asia/Shanghai', board: app.links }), { log });
  const script = (userId: string, text: string, locale: Locale = 'en') =>
    router.handle({ kind: 'command', platform, user: { id: userId, locale, timeZone: 'Asia/Shanghai', isLead: leads.has(userId) }, command: 'script', text, localeExplicit: false });
  const chat = (userId: string, text: string, locale: Locale = 'en') =>
    router.handle({ kind: 'command', platform, user: { id: userId, name: `Name ${userId}`, locale, timeZone: 'Asia/Shanghai', isLead: leads.has(userId) }, command: 'promise', text, localeExplicit: false });
  const linkFor = async (userId: string, locale: Locale = 'en') => {
    const reply = await chat(userId, 'board', locale);
    const url = /https?:\/\/\S+\/board\/sign-in\?token=[\w-]+/.exec(textOf(reply))?.[0];
    if (!url) throw new Error(`no link in: ${textOf(reply)}`);
    return url.replace(/^https?:\/\/[^/]+(\/[^?]*)?\/board/, `${base}/board`);
  };
  const signIn = async (userId: string, locale: Locale = 'en') => {
    const link = await linkFor(userId, locale);
    const token = new URL(link).searchParams.get('token')!;
    const res = await fetch(`${base}/board/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token }) });
    const cookie = res.headers.get('set-cookie');
    if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
    return cookie.split(';')[0]!;
  };
  const csrfOf = async (cookie: string) => {
    const page = await (await fetch(`${base}/board`, { headers: { cookie } })).text();
    return /data-csrf="([^"]+)"/.exec(page)![1]!;
  };
  return {
    ...bot,
    app,
    router,
    base,
    leads,
    knowledge,
    knowledgeDir,
    usage,
    script,
    chat,
    linkFor,
    signIn,
    csrfOf,
    stop: async () => {
      app.close();
      await server.stop();
      await authStore.close();
      await bot.close();
    },
  };
}
