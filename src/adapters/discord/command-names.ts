import type { Messages } from '../../i18n/index.js';

/**
 * Discord's own registration data: the name each command goes by in clients using another
 * language (Discord localises command names; no other platform does). A command missing here is
 * registered under its own name in every language.
 */
export const discordLocalNames: Readonly<Record<string, (m: Messages) => string>> = {
  script: (m) => m.script.localName,
  promise: (m) => m.promise.localName,
  calm: (m) => m.calm.localName,
  board: (m) => m.board.localName,
};
