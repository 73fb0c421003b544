import type { Logger } from 'pino';
import type { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Clock } from './clock.js';
import type { Locale } from './locale.js';
import type { ActionRequest, CommandRequest } from './request.js';
import type { Reply } from './reply.js';
import type { Messages } from '../i18n/index.js';

/** What every command may use; nothing in here knows which chat platform asked. */
export interface CommandContext {
  knowledge(): KnowledgeBase;
  clock: Clock;
  log: Logger;
}

export interface Command<Args = unknown> {
  name: string;
  summary(messages: Messages): string;
  /** How to use it, with examples; shown on start pages such as Slack's App Home. */
  help(messages: Messages): string;
  /** One line on what to type after the command name (Discord's option description). */
  argument(messages: Messages): string;
  /** The command's name for clients in that language, where the platform localises names (Discord). */
  localName(messages: Messages): string;
  /** Zod schema of the arguments; `toArgs` turns the typed text into its input. */
  args: z.ZodType<Args>;
  toArgs(text: string): unknown;
  /** The reply for text that does not fit `args`: what to type instead. */
  usage(request: CommandRequest, issues: readonly z.core.$ZodIssue[]): Reply;
  run(args: Args, request: CommandRequest, context: CommandContext): Reply | Promise<Reply>;
  onAction?(request: ActionRequest, context: CommandContext): Reply | Promise<Reply>;
  /** Choices while the person is still typing (Discord autocomplete); `value` is what gets sent. */
  suggest?(text: string, locale: Locale, context: CommandContext): Suggestion[];
}

export interface Suggestion {
  label: string;
  value: string;
}

export function defineCommand<Args>(command: Command<Args>): Command<Args> {
  return command;
}
