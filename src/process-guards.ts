import type { Logger } from 'pino';

/** Socket errors a flaky network raises outside any request; the clients reconnect by themselves. */
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

export interface ProcessLike {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
}

/**
 * The last line of defence for a service: a promise nobody awaited is logged with its error and
 * the bot keeps serving (every such path is a bug, but one agent's failed request must not end
 * everyone's shift). A thrown exception is logged too; after a network error the bot keeps
 * going, after anything else it exits so the service manager starts it clean, since its state
 * may be half-changed.
 */
export function guardProcess(log: Logger, target: ProcessLike = process, exit: (code: number) => void = (code) => process.exit(code)): void {
  target.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'a background task failed (unhandled rejection); still serving');
  });
  target.on('uncaughtException', (error, origin) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && NETWORK_CODES.has(code)) {
      log.error({ err: error, origin }, 'network error outside a request; still serving');
      return;
    }
    log.fatal({ err: error, origin }, 'unexpected error; stopping so the service manager can restart the bot');
    log.flush();
    exit(1);
  });
}

/**
 * Runs `stop` once and exits with `code` when it settles, or after `deadlineMs` whichever comes
 * first, so a platform that went silent cannot hold a SIGTERM for ever. A second signal exits at once.
 */
export function exitAfter(stop: () => Promise<unknown>, options: { code: number; deadlineMs: number; log: Logger; exit?: (code: number) => void }): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const deadline = setTimeout(() => {
    options.log.warn({ deadlineMs: options.deadlineMs }, 'shutdown took too long; exiting without waiting for the platforms');
    options.log.flush();
    exit(options.code);
  }, options.deadlineMs);
  deadline.unref();
  void stop().then(() => {
    clearTimeout(deadline);
    options.log.info('stopped');
    options.log.flush();
    process.exitCode = options.code;
    // Platform clients may keep sockets in their pools; nothing is left to write.
    setImmediate(() => exit(options.code));
  });
}
