import type { Logger } from 'pino';
import type { Clock } from '../src/core/clock.js';
import type { Command, CommandDescription } from '../src/core/command.js';
import type { LeadDirectory } from '../src/core/leads.js';
import type { Outbox } from '../src/core/outbox.js';
import type { AddressBooks } from '../src/core/platform.js';
import type { Timers } from '../src/core/timers.js';
import type { CalmDesk } from '../src/calm/desk.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import type { PromiseDesk } from '../src/promises/desk.js';
import type { TeamDay } from '../src/promises/when/team-day.js';
import type { UsageLog } from '../src/knowledge/usage-log.js';
import type { BoardLinks } from '../src/web/board-link.js';
import { boardDescription, createBoardCommand } from './board.js';
import { calmDescription, createCalmCommand } from './calm.js';
import { leadNoteFor } from './calm-replies.js';
import type { HomeSection } from '../src/core/home.js';
import { createPromiseCommand, promiseDescription, promiseHomeSection } from './promise.js';
import { createScriptCommand, scriptDescription } from './script.js';

/** Every command the bot serves, as described to platforms that register names up front (Discord, the Slack manifest). */
export const commandDescriptions: readonly CommandDescription[] = [scriptDescription, promiseDescription, calmDescription, boardDescription];

/** What a running bot gives its commands; each command takes only its own part. */
export interface BotServices {
  knowledge: () => KnowledgeBase;
  clock: Clock;
  log: Logger;
  timers: Timers;
  /** Messages the bot sends on its own: reminders, notes to a lead, a breathing minute. */
  outbox: Outbox;
  leads: LeadDirectory;
  /** The platforms' address books, registered by the adapters. */
  addresses: AddressBooks;
  promises: PromiseDesk;
  calm: CalmDesk;
  teamDay?: TeamDay;
  teamTimeZone?: string;
  /** The leads' web page (PUBLIC_URL set): one-time sign-in links for /promise board. */
  board?: BoardLinks;
  /** Script opens, helped/didn't-help and searches with no hit, for the board (anonymous, masked). */
  usage?: UsageLog;
}

/** The sections of a person's start page (Slack App Home) beyond the commands' help, for createRouter. */
export function createHomeSections(services: BotServices): HomeSection[] {
  const { clock, board } = services;
  return [promiseHomeSection({ desk: services.promises, clock, ...(board ? { board } : {}) })];
}

/** The bot's commands, listed explicitly (no folder scanning at run time) and wired to their dependencies. */
export function createCommands(services: BotServices): Command<any>[] {
  const { knowledge, clock, log, timers, outbox, leads, addresses, teamDay, teamTimeZone, board, usage } = services;
  return [
    createScriptCommand({ knowledge, clock, ...(usage ? { usage } : {}) }),
    createPromiseCommand({ desk: services.promises, outbox, addresses, clock, ...(teamDay ? { teamDay } : {}), ...(teamTimeZone ? { teamTimeZone } : {}), ...(board ? { board } : {}) }),
    createCalmCommand({
      desk: services.calm,
      outbox,
      // Kept with the bot's other unprompted messages (the promise store's pending deliveries) and retried by the same pass.
      sendLeadNote: (lead, note) => services.promises.notify({ kind: 'lead-note', to: lead, leadNote: note }, leadNoteFor(note), outbox),
      timers,
      leads,
      log,
    }),
    createBoardCommand({ clock, ...(teamTimeZone ? { teamTimeZone } : {}), ...(board ? { board } : {}) }),
  ];
}
