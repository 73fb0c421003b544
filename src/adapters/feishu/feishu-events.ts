import type { PersonRef } from '../../core/platform.js';
import { parseSlashLine } from '../../core/router.js';

/** `im.message.receive_v1` as the SDK's dispatcher hands it over (header and event merged). */
export interface MessageEvent {
  event_id?: string;
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: { key?: string; id?: { open_id?: string }; name?: string }[];
  };
}

/** `application.bot.menu_v6`: a press on the bot's menu, keyed by the event key set in the console. */
export interface MenuEvent {
  event_id?: string;
  event_key?: string;
  operator?: { operator_id?: { open_id?: string } };
}

/** `card.action.trigger`: a button press or form submission on one of our cards. */
export interface CardActionEvent {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { value?: unknown; tag?: string; name?: string; form_value?: Record<string, unknown> };
  context?: { open_message_id?: string; open_chat_id?: string };
}

export type ChatType = 'p2p' | 'group';

/** A typed message addressed to the bot, in our terms. */
export interface TypedMessage {
  messageId: string;
  chatId: string;
  chatType: ChatType;
  senderOpenId: string;
  /** The command line, e.g. `/promise handoff K7Q2M @Wang Fang`, without the bot's own mention. */
  text: string;
  command?: { command: string; text: string };
  /** The colleagues mentioned, each standing in the text as its `typed` form. */
  mentions: PersonRef[];
}

/**
 * A text message for the bot, or undefined for anything else: a message from an app, a
 * non-text message, or a group message that does not mention the bot. Feishu writes mentions as
 * `@_user_N` placeholders with a `mentions` array; the bot's own is removed and each colleague's
 * becomes `@name` (their open_id when Feishu gave no name) and is listed in `mentions` with the
 * open_id as its address, so no command ever sees the placeholder syntax.
 */
export function typedMessage(event: MessageEvent, botOpenId: string | undefined): TypedMessage | undefined {
  const message = event.message;
  const sender = event.sender?.sender_id?.open_id;
  if (!message?.message_id || !message.chat_id || !sender || event.sender?.sender_type !== 'user') return undefined;
  if (message.message_type !== 'text') return undefined;
  const chatType: ChatType = message.chat_type === 'p2p' ? 'p2p' : 'group';
  let text = textOf(message.content);
  if (text === undefined) return undefined;
  const mentions = message.mentions ?? [];
  const isBot = (m: (typeof mentions)[number]) => (botOpenId ? m.id?.open_id === botOpenId : false);
  const botMentioned = mentions.some(isBot) || (!botOpenId && mentions.length > 0 && text.trimStart().startsWith(mentions[0]!.key ?? '\0'));
  if (chatType === 'group' && !botMentioned) return undefined;
  const people: PersonRef[] = [];
  // Longest keys first, so @_user_1 never eats the start of @_user_10.
  for (const m of [...mentions].sort((a, b) => (b.key?.length ?? 0) - (a.key?.length ?? 0))) {
    if (!m.key || !text.includes(m.key)) continue;
    const own = isBot(m) || (!botOpenId && m === mentions[0]);
    const address = m.id?.open_id;
    const name = m.name?.replace(/\s+/g, ' ').trim() || undefined;
    const typed = own ? '' : `@${name ?? address ?? ''}`;
    if (!own && address) people.push({ address, typed, ...(name ? { name } : {}) });
    text = text.split(m.key).join(typed);
  }
  text = text.replace(/[ \t]+/g, ' ').trim();
  const command = parseSlashLine(text);
  return { messageId: message.message_id, chatId: message.chat_id, chatType, senderOpenId: sender, text, mentions: people, ...(command ? { command } : {}) };
}

function textOf(content: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(content ?? '') as { text?: unknown };
    return typeof parsed.text === 'string' ? parsed.text : undefined;
  } catch {
    return undefined;
  }
}

/** Bounded memory of delivery ids already handled, so a redelivered event changes nothing twice. */
export class RecentIds {
  readonly #seen = new Map<string, number>();

  constructor(
    readonly ttlMs: number,
    readonly now: () => number,
  ) {}

  /** True the first time an id is seen within the ttl. */
  firstTime(id: string | undefined): boolean {
    if (!id) return true;
    const now = this.now();
    for (const [key, at] of this.#seen) {
      if (now - at < this.ttlMs) break;
      this.#seen.delete(key);
    }
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, now);
    return true;
  }
}
