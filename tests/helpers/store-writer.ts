/**
 * Crash-test writer: `node dist/tests/helpers/store-writer.js <dir>`. Opens the store (which
 * checks the file), prints `ready <n>`, then creates promises from several loops at once and
 * prints `ack <id>` only after each update() has resolved. Another loop closes older promises,
 * dated back so they are archived at once. Runs until it is killed.
 */
import { randomInt } from 'node:crypto';
import { systemClock } from '../../src/core/clock.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { PromiseStore } from '../../src/promises/promise-store.js';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CREATORS = 4;
const KEEP_OPEN = 40;
const CLOSED_DAYS_AGO = 3;

const dir = process.argv[2];
if (!dir) throw new Error('usage: store-writer <dir>');
const store = await PromiseStore.open({ dir, clock: systemClock });
process.stdout.write(`ready ${store.data.promises.length}\n`);

function newId(): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 8; i++) id += ALPHABET[randomInt(ALPHABET.length)];
    if (!store.find(id)) return id;
  }
}

function newPromise(): PromiseRecord {
  const now = new Date();
  return {
    id: newId(),
    owner: { platform: 'slack', userId: `U${randomInt(20)}` },
    createdAt: now.toISOString(),
    dueAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    note: `${randomInt(1000, 9999)} 客户要求退款，下午回电`,
    status: 'open',
    reminders: {},
    history: [{ at: now.toISOString(), by: 'U1', event: 'created' }],
  };
}

async function create(): Promise<never> {
  for (;;) {
    const record = newPromise();
    await store.update((data) => void data.promises.push(record));
    process.stdout.write(`ack ${record.id}\n`);
  }
}

async function closeAndArchive(): Promise<never> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 10));
    const closedAt = new Date(Date.now() - CLOSED_DAYS_AGO * 86_400_000).toISOString();
    await store.update((data) => {
      const open = data.promises.filter((p) => p.status === 'open');
      for (const p of open.slice(0, -KEEP_OPEN)) {
        p.status = 'done';
        p.closedAt = closedAt;
        p.keptOnTime = true;
        p.history.push({ at: closedAt, by: p.owner.userId, event: 'done' });
      }
    });
    await store.archiveClosed();
  }
}

await Promise.all([...Array.from({ length: CREATORS }, create), closeAndArchive()]);
