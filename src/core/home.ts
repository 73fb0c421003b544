import { messagesFor } from '../i18n/index.js';
import type { Command } from './command.js';
import type { Locale } from '../i18n/locale.js';
import { privateReply, type Block, type Reply } from './reply.js';
import type { Platform, Requester } from './request.js';

/**
 * A part of a person's start page (Slack App Home, Feishu's greeting) beyond the commands' help,
 * e.g. their open promises. Registered at wiring (main.ts), so a command knows nothing of start pages.
 */
export type HomeSection = (user: Requester, platform: Platform) => Block[] | Promise<Block[]>;

/** A person's start page: what the bot is for and how to use each command it serves. */
export function homeReply(commands: readonly Command<any>[], locale: Locale): Reply {
  const m = messagesFor(locale);
  const blocks: Block[] = [{ type: 'text', text: m.home.intro }];
  for (const command of commands) {
    blocks.push({ type: 'divider' }, { type: 'text', label: m.home.command(command.name, command.summary(m)), text: command.help(m) });
  }
  return privateReply(m.home.title, blocks);
}
