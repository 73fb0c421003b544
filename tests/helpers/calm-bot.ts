import { cpSync } from 'node:fs';
import type { Locale } from '../../src/i18n/locale.js';
import type { Reply, ReplyAction } from '../../src/core/reply.js';
import type { Platform, Requester } from '../../src/core/request.js';
import type { Router } from '../../src/core/router.js';
import { botContext, type BotContext } from './bot-context.js';
import { SHIPPED_KNOWLEDGE, botRouter } from './router.js';
import { tempDir } from './temp-dir.js';
import { capabilitiesOn } from './platforms.js';

export const FEELING_IDS = [
  'about-to-snap',
  'insulted-or-blamed',
  'criticised-by-supervisor',
  'overwhelmed',
  'discouraged',
  'made-a-mistake',
  'hurt',
  'drained',
  'dreading-next-call',
] as const;

export interface AskOptions {
  locale?: Locale;
  userId?: string;
  name?: string;
  isLead?: boolean;
  platform?: Platform;
  explicit?: boolean;
}

export interface CalmBot extends BotContext {
  router: Router;
  ask(text: string, options?: AskOptions): Promise<Reply>;
  press(action: Pick<ReplyAction, 'id' | 'value'>, options?: AskOptions): Promise<Reply>;
}

function user(options: AskOptions): Requester {
  return {
    id: options.userId ?? 'U1',
    ...(options.name ? { name: options.name } : {}),
    locale: options.locale ?? 'zh-CN',
    timeZone: 'Asia/Shanghai',
    isLead: options.isLead ?? false,
  };
}

/** The real /calm command behind the router, on a moved clock, manual timers and a recording outbox. */
export async function calmBot(options: Parameters<typeof botContext>[0] = {}): Promise<CalmBot> {
  const bot = await botContext(options);
  const router = botRouter(bot.context);
  return {
    ...bot,
    router,
    ask: (text, o = {}) =>
      router.handle({ kind: 'command', platform: o.platform ?? 'slack', capabilities: capabilitiesOn(o.platform ?? 'slack'), user: user(o), command: 'calm', text, localeExplicit: o.explicit ?? false }),
    press: (action, o = {}) =>
      router.handle({ kind: 'action', platform: o.platform ?? 'slack', capabilities: capabilitiesOn(o.platform ?? 'slack'), user: user(o), command: 'calm', actionId: action.id, value: action.value, localeExplicit: false }),
  };
}

/** Every button of a reply. */
export function actionsOf(reply: Reply): ReplyAction[] {
  return reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
}

export function action(reply: Reply, id: string): ReplyAction {
  const found = actionsOf(reply).find((a) => a.id === id);
  if (!found) throw new Error(`no ${id} button in ${JSON.stringify(reply)}`);
  return found;
}

/** The self-talk line of a feeling reply. */
export function selfTalkOf(reply: Reply): string {
  const quote = reply.blocks.find((b) => b.type === 'quote');
  if (!quote || quote.type !== 'quote') throw new Error(`not a feeling reply: ${JSON.stringify(reply)}`);
  return quote.lines[0]!;
}

/** A copy of the shipped knowledge folder to break on purpose. */
export function copyKnowledge(): string {
  const dir = tempDir('frontline-calm-');
  cpSync(SHIPPED_KNOWLEDGE, dir, { recursive: true });
  return dir;
}
