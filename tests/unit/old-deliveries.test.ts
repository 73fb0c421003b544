import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { PgBotStore } from '../../src/db/pg-bot-store.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { plannedReminders } from '../../src/promises/reminder-plan.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A DATA_DIR written before reminders kept their delivery state on the stage (round 5: failed
 * stages in `reminderRetries`, a snoozed repeat's intent left behind by its snooze), snapshot and
 * journal, and the same records as PostgreSQL rows: they load in today's shape and are retried
 * when they were due to be.
 */
const FIXTURE = new URL('../fixtures/data-dir-round5-deliveries/', import.meta.url).pathname;
const TIMINGS = { remindBeforeMs: 10 * 60_000, escalateAfterMs: 5 * 60_000 };
const DUE = '2026-03-02T08:00:00.000Z';
const server = testPostgresUrl('old delivery records in PostgreSQL');

let desk: PromiseDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

/** What every store must read the fixture's records as. */
function expectUpgraded(find: (id: string) => PromiseRecord | undefined): void {
  // A failed stage waits on the stage itself, for its next try.
  expect(find('R2TRY')!.reminders.due).toEqual({ at: '2026-03-02T08:00:45.000Z', late: false, forDueAt: DUE, attempts: 2, nextAttemptAt: '2026-03-02T08:00:45.000Z' });
  expect(find('R2TRY')).not.toHaveProperty('reminderRetries');
  // In flight stays in flight, with its failures; a retry for an older due time is dropped.
  const flying = find('R3FXY')!;
  expect(flying.reminders.due).toEqual({ at: DUE, late: false, forDueAt: DUE, inFlight: true, until: '2026-03-02T08:00:10.000Z' });
  expect(flying.reminders.escalation).toMatchObject({ attempts: 1, nextAttemptAt: '2026-03-02T08:05:15.000Z' });
  expect(flying.reminders['heads-up']).toBeUndefined();
  // A snoozed repeat's intent for a snooze that is gone is dropped; the current snooze's retry is kept.
  expect(find('R4SNZ')!.snoozeIntent).toEqual({ at: '2026-03-02T09:00:15.000Z', late: false, forDueAt: '2026-03-02T12:00:00.000Z', snoozedUntil: '2026-03-02T09:00:00.000Z', attempts: 1, nextAttemptAt: '2026-03-02T09:00:15.000Z' });
  expect(find('R6GNE')).not.toHaveProperty('snoozeIntent');
}

describe('delivery records written before one delivery shape', () => {
  it('load from a DATA_DIR snapshot and journal, and are retried when they were due to be', async () => {
    const dataDir = tempDir('frontline-old-deliveries-');
    cpSync(FIXTURE, dataDir, { recursive: true });
    const clock = new ManualClock('2026-03-02T08:00:20Z');
    desk = await PromiseDesk.open({ dataDir, clock, timings: TIMINGS });
    const records = new Map((await desk.allOpen()).map((r) => [r.id, r]));
    expectUpgraded((id) => records.get(id));
    // The journal's record too.
    expect(records.get('R5JRN')!.reminders['heads-up']).toMatchObject({ attempts: 1, nextAttemptAt: '2026-03-02T07:50:15.000Z' });

    expect(plannedReminders(records.get('R2TRY')!, TIMINGS).find((p) => p.stage === 'due')).toMatchObject({ stage: 'due', at: Date.parse('2026-03-02T08:00:45.000Z'), meantAt: Date.parse(DUE) });
    expect(plannedReminders(records.get('R4SNZ')!, TIMINGS).find((p) => p.stage === 'snooze')).toEqual({ promiseId: 'R4SNZ', stage: 'snooze', forDueAt: '2026-03-02T12:00:00.000Z', at: Date.parse('2026-03-02T09:00:15.000Z'), meantAt: Date.parse('2026-03-02T09:00:00.000Z') });

    const [kept] = await desk.pendingDeliveries();
    expect(kept).toMatchObject({ kind: 'lead-note', attempts: 2, nextAttemptAt: '2026-03-02T07:00:45.000Z', firstTriedAt: '2026-03-02T07:00:00.000Z' });
  });

  it.skipIf(!server)('load from PostgreSQL rows written in the old shape', async () => {
    const db = await createTestDatabase(server!);
    const clock = new ManualClock('2026-03-02T08:00:20Z');
    const store = await PgBotStore.open({ url: db.url, timings: TIMINGS, now: () => clock.now(), poolSize: 2 });
    try {
      const old = JSON.parse(readFileSync(path.join(FIXTURE, 'promises.json'), 'utf8')) as { promises: (PromiseRecord & { reminderRetries?: unknown })[] };
      for (const body of old.promises) {
        await store.pool.query(
          `INSERT INTO promises (id, status, owner_platform, owner_user_id, due_at, request_key, next_reminder_at, body) VALUES ($1, 'open', $2, $3, $4, NULL, $4, $5)`,
          [body.id, body.owner.platform, body.owner.userId, body.dueAt, JSON.stringify(body)],
        );
      }
      const found = new Map<string, PromiseRecord>();
      for (const { id } of old.promises) found.set(id, (await store.getPromise(id))!.record);
      expectUpgraded((id) => found.get(id));
      // Written back in today's shape.
      const changed = await store.changePromise('R2TRY', 1, (p) => void (p.note = 'call back about the refund today'));
      expect(changed.ok).toBe(true);
      const { rows } = await store.pool.query<{ body: Record<string, unknown> }>('SELECT body FROM promises WHERE id = $1', ['R2TRY']);
      expect(rows[0]!.body).not.toHaveProperty('reminderRetries');
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
