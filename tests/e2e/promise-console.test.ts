import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_ONLY_ENV, RunningProcess } from '../helpers/process.js';
import { readFileSnapshot } from '../../src/db/file-snapshot.js';
import { JOURNAL_NAME } from '../../src/promises/journaled-store-file.js';

/** The promises as the bot holds them on disk: the snapshot with its journal replayed, as a backup tool reads them. */
const storedPromises = async (dir: string) => (await readFileSnapshot(dir)).live.promises;

/** Every file the bot wrote in its folder, as text, for privacy checks. */
const everythingStored = (dir: string): string =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

/** The compiled bot (built by the global setup) on the console, with its promises in a temp DATA_DIR. */
const dirs: string[] = [];
const running: RunningProcess[] = [];
afterEach(() => running.splice(0).forEach((p) => p.kill()));
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promise-console-'));
  dirs.push(dir);
  return dir;
}

function startBot(dir: string, env: Record<string, string> = {}): RunningProcess {
  const bot = new RunningProcess(process.execPath, ['dist/src/main.js'], {
    ...CONSOLE_ONLY_ENV,
    DATA_DIR: dir,
    PROMISE_REMIND_BEFORE: '10m',
    PROMISE_ESCALATE_AFTER: '5m',
    ...env,
  });
  running.push(bot);
  return bot;
}

/** Ends the console's input, which stops a bot with no chat platform; resolves with its exit code. */
async function stop(bot: RunningProcess): Promise<number | null> {
  bot.child.stdin.end();
  return bot.exited;
}

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const count = (text: string, part: string) => text.split(part).length - 1;
const hm = (iso: string) => iso.slice(11, 16);
const BANNER = 'frontline-bot console ·';

describe('/promise on the console of the running bot', () => {
  it('records a promise, lists it, and stores the note with the phone number masked', async () => {
    const dir = dataDir();
    const bot = startBot(dir);
    await bot.waitFor(BANNER);

    bot.type('/promise 1m 4411 call back 13812345678');
    await bot.waitFor(/== Promise ([2-9A-HJKMNP-Z]{5}) recorded ==/);
    const id = /== Promise ([2-9A-HJKMNP-Z]{5}) recorded ==/.exec(bot.stdout)![1]!;
    await bot.waitFor('I will remind you before then.');
    expect(bot.stdout).toMatch(/Reply by \d\d:\d\d (today|tomorrow, \w+ \d+ \w+) \(1 min\)\. I will remind you before then\./);
    expect(bot.stdout).toContain('> 4411 call back 138****5678');

    bot.type('/promise list');
    await bot.waitFor('== Your open promises ==');
    await bot.waitFor(new RegExp(`- ${id} · \\d\\d:\\d\\d (today|tomorrow, \\w+ \\d+ \\w+) \\(in 1 min\\) · 4411 call back 138\\*{4}5678`));
    expect(bot.stdout).not.toContain('13812345678');

    const stored = await storedPromises(dir);
    expect(stored).toHaveLength(1);
    const [record] = stored;
    expect(record).toMatchObject({ id, note: '4411 call back 138****5678', status: 'open', owner: { platform: 'console', userId: 'console', locale: 'en' } });
    // Due one minute after it was typed (createdAt is stamped a moment after the time was read).
    const span = Date.parse(record!.dueAt) - Date.parse(record!.createdAt);
    expect(span).toBeGreaterThan(59_000);
    expect(span).toBeLessThanOrEqual(60_000);
    expect(everythingStored(dir)).not.toContain('13812345678');

    expect(await stop(bot)).toBe(0);
  });

  it('after downtime sends an overdue reminder once, marked as late, and not again after a restart', async () => {
    const dir = dataDir();
    const now = Date.now();
    const dueAt = new Date(now - 20 * 60_000).toISOString();
    const record = {
      id: 'K7Q2M',
      owner: { platform: 'console', userId: 'console', locale: 'en' },
      createdAt: new Date(now - 60 * 60_000).toISOString(),
      dueAt,
      timeZone: 'UTC',
      note: '5178 replacement SIM',
      status: 'open',
      reminders: {},
      history: [{ at: new Date(now - 60 * 60_000).toISOString(), by: 'console', event: 'created' }],
    };
    const file = path.join(dir, 'promises.json');
    writeFileSync(file, JSON.stringify({ version: 1, promises: [record], people: {}, pending: [] }));
    // Leads hear of it only an hour after the due time, so the owner's reminder is the only message here.
    const env = { PROMISE_ESCALATE_AFTER: '1h' };

    const first = startBot(dir, env);
    await first.waitFor('Sent late');
    await first.waitFor('[1] Done  →  /promise done K7Q2M');
    // Heads-up and due were both missed: one message, the latest (due), saying when it should have gone out.
    expect(count(first.stdout, '== Promise K7Q2M is due now ==')).toBe(1);
    expect(first.stdout).not.toContain('is due in');
    expect(first.stdout).toContain(`(Sent late: the bot was offline when this was due (${hm(dueAt)} `);
    expect(count(first.stdout, 'Sent late')).toBe(1);
    expect(first.stdout).toContain('[→ console #1]');
    await waitUntil('the reminder to be marked sent in the store', async () => (await storedPromises(dir))[0]?.reminders.due !== undefined);
    const saved = { version: 1, promises: await storedPromises(dir), people: {}, pending: [] };
    expect(saved.promises[0]!.reminders.due).toMatchObject({ late: true, forDueAt: dueAt });
    expect(saved.promises[0]!.reminders['heads-up']).toMatchObject({ superseded: true, forDueAt: dueAt });
    expect(await stop(first)).toBe(0);

    // A second promise, overdue and never reminded, is the signal: its reminder goes out in the
    // first pass after the restart, the same pass that would repeat K7Q2M's if it were resent.
    const sentinel = { ...saved.promises[0]!, ...record, id: 'P3XW8', note: '6620 callback', reminders: {} };
    saved.promises.push(sentinel as never);
    writeFileSync(file, JSON.stringify(saved));
    rmSync(path.join(dir, JOURNAL_NAME), { force: true }); // the snapshot written here already holds everything

    const second = startBot(dir, env);
    await second.waitFor(BANNER);
    await second.waitFor('== Promise P3XW8 is due now ==');
    await waitUntil('the reminder to be marked sent in the store', async () => (await storedPromises(dir)).some((p) => p.id === 'P3XW8' && 'due' in p.reminders));
    second.type('/promise list');
    await second.waitFor(/- K7Q2M · .* \(OVERDUE by 2\d min\) · 5178 replacement SIM/);
    expect(count(second.stdout, 'Sent late')).toBe(1);
    expect(second.stdout).not.toContain('Promise K7Q2M is due now');
    expect(await stop(second)).toBe(0);
  }, 60_000);

  it('refuses to start on a damaged promises.json, naming the file, and leaves it byte for byte', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'promises.json');
    const damaged = Buffer.from('{"version":1,"promises":[{]');
    writeFileSync(file, damaged);
    const bot = startBot(dir);
    expect(await bot.exited).toBe(2);
    expect(bot.stderr).toContain(`The promise store ${file} is not valid JSON`);
    expect(bot.stderr).toContain('The bot did not start and left the file as it is.');
    expect(bot.stdout).not.toContain(BANNER);
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('lets only one bot use a DATA_DIR: a second one refuses with one line and the first keeps every promise', async () => {
    const dir = dataDir();
    const first = startBot(dir);
    await first.waitFor(BANNER);
    first.type('/promise 2h 5521 refund status');
    await first.waitFor(/== Promise [2-9A-HJKMNP-Z]{5} recorded ==/);

    const second = startBot(dir);
    expect(await second.exited).toBe(2);
    expect(second.stdout).not.toContain(BANNER);
    // One line for the person starting it (the rest of stderr is the structured log), and no stack trace.
    const lines = second.stderr.trim().split('\n').filter((line) => !line.startsWith('{'));
    expect(lines, second.stderr).toHaveLength(1);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(lines[0]).toContain(`DATA_DIR ${dir} is in use by process ${first.child.pid}`);

    first.type('/promise 3h 7730 replacement card');
    await waitUntil('the second promise', () => count(first.stdout, 'recorded ==') === 2);
    expect(await stop(first)).toBe(0);

    const third = startBot(dir);
    await third.waitFor(BANNER);
    third.type('/promise list');
    await third.waitFor('7730 replacement card');
    expect(third.stdout).toContain('5521 refund status');
    expect(await stop(third)).toBe(0);
  }, 60_000);
});
