import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { CONSOLE_ONLY_ENV, RunningProcess } from '../helpers/process.js';

/** The compiled bot on the console with DATABASE_URL set: its state lives in PostgreSQL, not in DATA_DIR. */
const server = testPostgresUrl('the bot on PostgreSQL (e2e)');
const dirs: string[] = [];
const running: RunningProcess[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(() => running.splice(0).forEach((p) => p.kill()));
afterAll(async () => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  for (const drop of drops) await drop();
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promise-pg-'));
  dirs.push(dir);
  return dir;
}

function startBot(databaseUrl: string): RunningProcess {
  const bot = new RunningProcess(process.execPath, ['dist/src/main.js'], {
    ...CONSOLE_ONLY_ENV,
    // A fresh folder each start: whatever the second start lists came from PostgreSQL.
    DATA_DIR: dataDir(),
    DATABASE_URL: databaseUrl,
  });
  running.push(bot);
  return bot;
}

const BANNER = 'frontline-bot console ·';
const RECORDED = /== Promise ([2-9A-HJKMNP-Z]{5}) recorded ==/;

describe.skipIf(!server)('the running bot with DATABASE_URL', () => {
  it('keeps a promise in PostgreSQL across a SIGKILL and a start on an empty DATA_DIR', async () => {
    const db = await createTestDatabase(server!);
    drops.push(db.drop);
    const first = startBot(db.url);
    await first.waitFor(BANNER, 30_000);
    first.type('/promise 2h 4411 call back about the refund');
    await first.waitFor(RECORDED, 30_000);
    const id = RECORDED.exec(first.stdout)![1]!;
    first.kill();
    await first.exited;
    expect(first.stdout + first.stderr).not.toContain('DATABASE_URL is set, but');
    expect(existsSync(path.join(dirs[0]!, 'promises.json'))).toBe(false);

    const second = startBot(db.url);
    await second.waitFor(BANNER, 30_000);
    second.type('/promise list');
    await second.waitFor('== Your open promises ==', 30_000);
    await second.waitFor(new RegExp(`- ${id} · .*4411 call back about the refund`), 30_000);
  }, 120_000);
});
