import { TEXT_ONLY, type AddressBook, type Capabilities } from '../../core/platform.js';

/** The console's platform name, as stored with promises and registered at wiring time. */
export const CONSOLE = 'console';

/** The one-shot CLI (`frontline script …`): text in, text out. */
export const CLI = 'cli';

/** A terminal shows lines of text: buttons become what to type, forms their instructions. */
export const consoleCapabilities: Capabilities = TEXT_ONLY;

/** The one person at the console, its operator; also its lead. */
export const CONSOLE_OPERATOR = 'console';

/**
 * In settings only the operator is a console person. Any plain name typed there stands for a
 * colleague (handing over on a terminal only prints the notice).
 */
export const consoleAddresses: AddressBook = {
  platform: CONSOLE,
  person: (raw) => (raw === CONSOLE_OPERATOR ? raw : undefined),
  place: () => undefined,
  colleague: (typed) => /^@?([\p{L}\p{N}._-]{1,80})$/u.exec(typed)?.[1],
};
