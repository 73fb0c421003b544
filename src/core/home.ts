import { messagesFor } from '../i18n/index.js';
import type { Command } from './command.js';
import type { Locale } from '../i18n/locale.js';
import { privateReply, type Block, type Reply } from './reply.js';

/** A person's start page: what the bot is for and how to use each command it serves. */
export function homeReply(commands: readonly Command<any>[], locale: Locale): Reply {
  const m = messagesFor(locale);
  const blocks: Block[] = [{ type: 'text', text: m.home.intro }];
  for (const command of commands) {
    blocks.push({ type: 'divider' }, { type: 'text', label: m.home.command(command.name, command.summary(m)), text: command.help(m) });
  }
  return privateReply(m.home.title, blocks);
}
