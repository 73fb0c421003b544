import { inject } from 'vitest';

/**
 * The server the global setup started, or undefined, after saying loudly why the tests that
 * need it are skipped. In CI the global setup fails instead, so nothing is skipped there.
 */
export function testPostgresUrl(suite: string): string | undefined {
  const url = inject('postgresUrl');
  if (url) return url;
  process.stderr.write(`!!! SKIPPED ${suite}: no PostgreSQL server (${inject('postgresMissing')})\n`);
  return undefined;
}
