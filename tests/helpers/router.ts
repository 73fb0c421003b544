import pino from 'pino';
import type { Logger } from 'pino';
import { createCommands, createHomeSections, type BotServices } from '../../commands/index.js';
import { createScriptCommand, type ScriptDeps } from '../../commands/script.js';
import type { Clock } from '../../src/core/clock.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { Reply } from '../../src/core/reply.js';
import { createRouter, type Router } from '../../src/core/router.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';

export const SHIPPED_KNOWLEDGE = new URL('../../knowledge', import.meta.url).pathname;

export async function loadBase(dir = SHIPPED_KNOWLEDGE): Promise<KnowledgeBase> {
  return KnowledgeBase.build((await loadKnowledgeFiles(dir)).files);
}

/** The router of a running bot: every command, wired as main.ts wires them. */
export function botRouter(services: BotServices): Router {
  return createRouter(createCommands(services), { log: services.log, homeSections: createHomeSections(services) });
}

/** A router with /script alone, which needs no running bot (like `frontline script`). */
export function scriptRouter(deps: ScriptDeps & { clock: Clock; log: Logger }): Router {
  return createRouter([createScriptCommand(deps)], deps);
}

export interface TestBot {
  router: Router;
  clock: ManualClock;
  /** Runs `/<command> <text>` as a user with this locale. */
  ask(command: string, text: string, locale?: Locale, explicit?: boolean): Promise<Reply>;
  press(command: string, actionId: string, value: string, locale?: Locale): Promise<Reply>;
}

export function testBot(kb: KnowledgeBase, now = '2026-11-22T09:00:00Z'): TestBot {
  const clock = new ManualClock(now);
  const router = scriptRouter({ knowledge: () => kb, clock, log: pino({ level: 'silent' }) });
  const user = (locale: Locale) => ({ id: 'U1', locale, timeZone: 'Asia/Shanghai', isLead: false });
  return {
    router,
    clock,
    ask: (command, text, locale = 'zh-CN', explicit = false) =>
      router.handle({ kind: 'command', platform: 'console', user: user(locale), command, text, localeExplicit: explicit }),
    press: (command, actionId, value, locale = 'zh-CN') =>
      router.handle({ kind: 'action', platform: 'console', user: user(locale), command, actionId, value, localeExplicit: false }),
  };
}

/** All visible text of a reply, for assertions about what a person reads. */
export function textOf(reply: Reply): string {
  const parts: string[] = [reply.title ?? ''];
  for (const b of reply.blocks) {
    if (b.type === 'text') parts.push(b.label ?? '', b.text);
    if (b.type === 'quote') parts.push(b.label ?? '', ...b.lines);
    if (b.type === 'list') parts.push(b.label ?? '', ...b.items);
    if (b.type === 'context') parts.push(b.text);
    if (b.type === 'actions') parts.push(...b.actions.map((a) => a.label));
  }
  return parts.join('\n');
}
