import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs on stderr (stdout belongs to the console and the CLI). Tokens and
 * anything a person typed are redacted wherever they appear under these keys.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { service: 'frontline-bot' },
      redact: {
        paths: ['token', '*.token', 'text', '*.text', 'query', '*.query', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
