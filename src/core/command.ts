import type { z } from 'zod';
import type { Locale } from '../i18n/locale.js';
import type { ActionRequest, CommandRequest } from './request.js';
import type { Reply } from './reply.js';
import type { Messages } from '../i18n/index.js';

/** What a command is called and what it is for, in the reader's language; known without running anything. */
export interface CommandDescription {
  name: string;
  summary(messages: Messages): string;
  /** How to use it, with examples; shown on start pages such as Slack's App Home. */
  help(messages: Messages): string;
  /** One line on what to type after the command name (Discord's option description). */
  argument(messages: Messages): string;
  /** It offers choices while the person types (its command has `suggest`). */
  suggests?: boolean;
}

/**
 * A slash command as the router sees it. Each command is made by a factory over its own
 * dependencies (`createPromiseCommand({ desk, outbox, clock })`, wired in main.ts), so core
 * knows this interface and nothing of the features behind it.
 */
export interface Command<Args = unknown> extends CommandDescription {
  /** Zod schema of the arguments; `toArgs` turns the typed text into its input. */
  args: z.ZodType<Args>;
  toArgs(text: string): unknown;
  /** The reply for text that does not fit `args`: what to type instead. */
  usage(request: CommandRequest, issues: readonly z.core.$ZodIssue[]): Reply | Promise<Reply>;
  run(args: Args, request: CommandRequest): Reply | Promise<Reply>;
  onAction?(request: ActionRequest): Reply | Promise<Reply>;
  /** Choices while the person is still typing (Discord autocomplete); `value` is what gets sent. */
  suggest?(text: string, locale: Locale): Suggestion[];
}

export interface Suggestion {
  label: string;
  value: string;
}

export function defineCommand<Args>(command: Command<Args>): Command<Args> {
  return command;
}
