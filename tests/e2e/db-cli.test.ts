import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { PromiseRecord, StoreData } from '../../src/promises/model.js';
import { PromiseStore } from '../../src/promises/promise-store.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { REPO_ROOT } from '../helpers/process.js';
import { MIGRATIONS } from '../../src/db/migrations.js';

const run = promisify(execFile);
const server = testPostgresUrl('frontline db import/export');
const FIXTURE = new URL('../fixtures/data-dir/', import.meta.url).pathname;

/** Every file under dir with its contents and modification time, to show nothing was written. */
function treeOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else out[path.relative(dir, file)] = `${statSync(file).mtimeMs} ${readFileSync(file, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

function archivedRecords(dir: string): PromiseRecord[] {
  const byId = new Map<string, unknown>();
  for (const name of readdirSync(path.join(dir, 'archive')).sort()) {
    for (const line of readFileSync(path.join(dir, 'archive', name), 'utf8').split('\n')) {
      try {
        const value = JSON.parse(line) as { id: string };
        byId.set(value.id, value);
      } catch {
        // torn lines are not records
      }
    }
  }
  return [...byId.values()].map((v) => PromiseRecord.parse(v)).sort((a, b) => a.id.localeCompare(b.id));
}

const liveOf = (dir: string) => {
  const data = StoreData.parse(JSON.parse(readFileSync(path.join(dir, 'promises.json'), 'utf8')));
  return { ...data, promises: [...data.promises].sort((a, b) => a.id.localeCompare(b.id)) };
};

describe.skipIf(!server)('frontline db import / export', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let work: string;
  beforeAll(async () => {
    db = await createTestDatabase(server!);
    work = mkdtempSync(path.join(tmpdir(), 'frontline-dbcli-'));
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    run(process.execPath, ['bin/frontline.js', 'db', ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: db.url } });

  it('imports a DATA_DIR (twice: the second adds nothing), leaves it untouched, and exports the same shapes back', async () => {
    const dataDir = path.join(work, 'data');
    cpSync(FIXTURE, dataDir, { recursive: true });
    // Redelivery keys only mean something for ten minutes: one fresh, one long expired.
    const seen = Date.now() - 60_000;
    writeFileSync(path.join(dataDir, 'slack-deliveries.json'), JSON.stringify([['Ev0OLD', seen - 3_600_000], ['1337.42.trigger', seen]]));
    // Slack posts that may have landed are kept two days: one from an hour ago, one from last week.
    const marked = Date.now() - 3_600_000;
    writeFileSync(path.join(dataDir, 'slack-uncertain-posts.json'), JSON.stringify([['reminder:OLD23:due@D1', marked - 7 * 86_400_000], ['reminder:AB234:heads-up@D1', marked]]));
    const before = treeOf(dataDir);

    const migrated = await cli('migrate');
    const versions = MIGRATIONS.map((m) => m.version);
    expect(migrated.stdout).toContain(`schema: version ${Math.max(...versions)} (applied migration(s) ${versions.join(', ')})`);

    const first = await cli('import', '--from', dataDir);
    expect(first.stdout).toContain('promises (live file): 3 added, 0 already there');
    expect(first.stdout).toContain('archived promises: 2 added, 0 already there');
    expect(first.stdout).toContain('time-zone settings: 2 added');
    expect(first.stdout).toContain('pending deliveries: 1 added');
    expect(first.stdout).toContain('/calm days: 2 added');
    expect(first.stdout).toContain('platform delivery keys (unexpired): 1 added');
    expect(first.stdout).toContain('Slack posts that may have landed (under two days old): 1 added');
    expect(first.stdout).toContain('1 archive line(s) were not promise records');
    const second = await cli('import', '--from', dataDir);
    expect(second.stdout).toContain('promises (live file): 0 added, 3 already there');
    expect(second.stdout).toContain('archived promises: 0 added, 2 already there');
    expect(second.stdout).toContain('/calm days: 0 added, 2 already there');
    expect(second.stdout).toContain('Slack posts that may have landed (under two days old): 0 added, 1 already there');
    expect(treeOf(dataDir)).toEqual(before);

    const out = path.join(work, 'export');
    const exported = await cli('export', '--to', out);
    expect(exported.stdout).toContain('3 promises in promises.json, 2 archived in 1 file(s)');
    expect(liveOf(out)).toEqual(liveOf(dataDir));
    expect(readdirSync(path.join(out, 'archive'))).toEqual(['promises-2026-01.jsonl']); // closed 01:30+02:00 on 1 Feb is January in UTC
    expect(archivedRecords(out)).toEqual(archivedRecords(dataDir));
    expect(JSON.parse(readFileSync(path.join(out, 'calm-stats.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(path.join(dataDir, 'calm-stats.json'), 'utf8')));
    expect(JSON.parse(readFileSync(path.join(out, 'slack-deliveries.json'), 'utf8'))).toEqual([['1337.42.trigger', seen]]);
    expect(JSON.parse(readFileSync(path.join(out, 'slack-uncertain-posts.json'), 'utf8'))).toEqual([['reminder:AB234:heads-up@D1', marked]]);

    // The export is a working file store: the bot's own store opens it and finds the archive.
    const store = await PromiseStore.open({ dir: out, clock: new ManualClock('2026-03-02T04:00:00Z') });
    try {
      const closed = await store.closedBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-03-02T00:00:00Z'));
      expect(closed.map((p) => p.id)).toEqual(['A2B3C', 'D4E5F', 'W4XY5']);
    } finally {
      await store.close();
    }

    await expect(cli('export', '--to', out)).rejects.toMatchObject({ stderr: expect.stringContaining('already holds promises.json') });
  }, 60_000);

  it('says what to type when something is missing', async () => {
    await expect(cli('import')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--from <DATA_DIR>') });
    await expect(
      run(process.execPath, ['bin/frontline.js', 'db', 'migrate'], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '' } }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('DATABASE_URL is not set') });
  });
});
