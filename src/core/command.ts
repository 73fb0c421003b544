import type { Logger } from 'pino';
import type { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Clock } from './clock.js';
import type { Locale } from './locale.js';
import type { ActionRequest, CommandRequest } from './request.js';
import type { Reply } from './reply.js';
import type { Messages } from '../i18n/index.js';
import type { PromiseDesk } from '../promises/desk.js';
import type { CalmDesk } from '../calm/desk.js';
import type { Block } from './reply.js';
import type { Requester, Platform } from './request.js';
import type { LeadDirectory } from './leads.js';
import type { Outbox } from './outbox.js';
import type { Timers } from './timers.js';
import type { TeamDay } from '../promises/when/team-day.js';

/** The parts a running bot has and a one-shot tool (the `frontline script` CLI) does not. */
export interface Services {
  timers: Timers;
  /** Messages the bot sends on its own: reminders, notes to a lead, a breathing minute. */
  outbox: Outbox;
  leads: LeadDirectory;
  promises: PromiseDesk;
  calm: CalmDesk;
}

/** What every command may use; nothing in here knows which chat platform asked. */
export interface CommandContext extends Partial<Services> {
  knowledge(): KnowledgeBase;
  clock: Clock;
  log: Logger;
  /** TEAM_DAY_END and TEAM_WORKDAYS, for vague promise times; the defaults (18:00, Mon–Fri) when absent. */
  teamDay?: TeamDay;
  /** The team's zone: times are read in it when a person's own zone is unknown. */
  teamTimeZone?: string;
}

/** A service the command cannot work without; its absence is a wiring mistake, reported as one. */
export function need<K extends keyof Services>(context: CommandContext, key: K): Services[K] {
  const service = context[key];
  if (!service) throw new Error(`${key} is not available in this process`);
  return service as Services[K];
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
  /** A section for the person's start page (Slack App Home), e.g. their open promises. */
  home?(user: Requester, platform: Platform, context: CommandContext): Block[] | Promise<Block[]>;
}

export interface Suggestion {
  label: string;
  value: string;
}

export function defineCommand<Args>(command: Command<Args>): Command<Args> {
  return command;
}
