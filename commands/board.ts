import { z } from 'zod';
import type { Clock } from '../src/core/clock.js';
import { defineCommand, type CommandDescription } from '../src/core/command.js';
import { messagesFor } from '../src/i18n/index.js';
import { boardLinkReply, type BoardLinks } from '../src/web/board-link.js';

export const boardDescription: CommandDescription = {
  name: 'board',
  summary: (m) => m.board.summary,
  help: (m) => m.board.help,
  argument: (m) => m.board.argument,
  localName: (m) => m.board.localName,
};

export interface BoardDeps {
  clock: Clock;
  teamTimeZone?: string;
  /** The sign-in links; absent when PUBLIC_URL is not set (the reply then says so). */
  board?: BoardLinks;
}

/** `/board`: the same private one-time link as `/promise board`, for leads; whatever follows the name is ignored. */
export function createBoardCommand(deps: BoardDeps) {
  return defineCommand({
    ...boardDescription,
    args: z.object({}),
    toArgs: () => ({}),
    // Any text parses (it is ignored), so this is never shown; it says what the command does.
    usage: (request) => ({ blocks: [{ type: 'text', text: messagesFor(request.user.locale).board.help }], private: true }),
    run: (_args, request) => boardLinkReply(request, deps.board, deps.clock, deps.teamTimeZone),
    onAction: (request) => boardLinkReply(request, deps.board, deps.clock, deps.teamTimeZone),
  });
}
