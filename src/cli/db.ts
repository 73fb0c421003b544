import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Config } from '../config.js';
import { systemClock } from '../core/clock.js';
import { exportToDataDir, importSnapshot, type TransferCounts } from '../db/file-transfer.js';
import { migrate } from '../db/migrate.js';
import { readFileSnapshot } from '../db/file-snapshot.js';

export const DB_USAGE = `  frontline db migrate                              create or update the PostgreSQL schema (DATABASE_URL)
  frontline db import --from <DATA_DIR>             copy a file store into PostgreSQL (idempotent; the files are left as they are)
  frontline db export --to <folder>                 write PostgreSQL back out as a DATA_DIR (promises.json, archive/, …)
`;

/** How long platform delivery keys are remembered; the same window as the stores'. */
const DELIVERY_KEY_TTL_MS = 10 * 60_000;

export async function dbCommand(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'migrate' && sub !== 'import' && sub !== 'export') {
    process.stderr.write(`Usage:\n${DB_USAGE}`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (sub === 'import' && !values.from) return usage('db import needs --from <DATA_DIR>, e.g. npx frontline db import --from ./data');
  if (sub === 'export' && !values.to) return usage('db export needs --to <folder>, e.g. npx frontline db export --to ./backup');
  if (!config.DATABASE_URL) return usage('DATABASE_URL is not set; set it to the PostgreSQL database, e.g. postgres://frontline:secret@db.internal:5432/frontline');

  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2 });
  pool.on('error', () => undefined);
  try {
    const schema = await migrate(pool);
    const applied = schema.applied.length ? `applied migration(s) ${schema.applied.join(', ')}` : 'already up to date';
    process.stdout.write(`schema: version ${schema.current} (${applied})\n`);
    if (sub === 'import') {
      const snapshot = await readFileSnapshot(values.from!);
      if (snapshot.locked) process.stderr.write(`note: ${values.from} is locked by a bot process (or one that crashed); stop the bot first for a complete copy\n`);
      const counts = await importSnapshot(pool, snapshot, {
        timings: { remindBeforeMs: config.PROMISE_REMIND_BEFORE, escalateAfterMs: config.PROMISE_ESCALATE_AFTER },
        now: systemClock.now(),
        deliveryKeyTtlMs: DELIVERY_KEY_TTL_MS,
      });
      process.stdout.write(`imported from ${values.from}:\n${describe(counts)}`);
      if (snapshot.skippedArchiveLines) process.stdout.write(`  ${snapshot.skippedArchiveLines} archive line(s) were not promise records and were skipped\n`);
    }
    if (sub === 'export') {
      const counts = await exportToDataDir(pool, values.to!, { now: systemClock.now(), deliveryKeyTtlMs: DELIVERY_KEY_TTL_MS });
      process.stdout.write(
        `exported to ${values.to}: ${counts.promises} promises in promises.json, ${counts.archived} archived in ${counts.archiveFiles} file(s), ` +
          `${counts.people} time zone(s), ${counts.pending} pending deliver(ies), ${counts.calmDays} /calm day(s), ${counts.deliveryKeys} delivery key(s), ${counts.uncertainPosts} uncertain Slack post(s)\n`,
      );
    }
    return 0;
  } finally {
    await pool.end();
  }
}

function usage(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

const LABELS: Record<keyof TransferCounts, string> = {
  promises: 'promises (live file)',
  archived: 'archived promises',
  people: 'time-zone settings',
  pending: 'pending deliveries',
  calmDays: '/calm days',
  deliveryKeys: 'platform delivery keys (unexpired)',
  uncertainPosts: 'Slack posts that may have landed (under two days old)',
};

function describe(counts: TransferCounts): string {
  return (Object.keys(LABELS) as (keyof TransferCounts)[])
    .map((kind) => `  ${LABELS[kind]}: ${counts[kind].added} added, ${counts[kind].present} already there\n`)
    .join('');
}
