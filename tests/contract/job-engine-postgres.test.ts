import { describe, expect, it } from 'vitest';
import { jobDatabase, until } from '../helpers/job-engines.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';

const server = testPostgresUrl('the graphile-worker job engine across replicas');

describe.runIf(server)('job engine on PostgreSQL, two replicas on one database', () => {
  it('each promise\'s reminder job runs once, on one replica, not before its time', async () => {
    const db = await jobDatabase(server!);
    const replicas = await Promise.all([db.replica('a'), db.replica('b')]);
    const start = Date.now() + 1500;
    const due = new Map<string, number>();
    for (let i = 0; i < 120; i++) {
      const id = `P${i}`;
      const at = start + (i % 12) * 100;
      due.set(id, at);
      // Plans come from both replicas, as promises are made through either.
      await replicas[i % 2]!.engine.scheduleReminder(id, new Date(at));
    }
    await until(() => new Set(db.runs.map((r) => r.promiseId)).size === due.size, 20_000, 'every job to run');
    await db.drained(); // no job left that could run a second time
    expect(db.runs).toHaveLength(due.size);
    for (const run of db.runs) expect(run.at).toBeGreaterThanOrEqual(due.get(run.promiseId)! - 50);
    expect(new Set(db.runs.map((r) => r.replica))).toEqual(new Set(['a', 'b']));
  });

  it('a changed promise moves its job, and a closed one removes it', async () => {
    const db = await jobDatabase(server!);
    const [a, b] = await Promise.all([db.replica('a'), db.replica('b')]);
    const t0 = Date.now();
    await a.engine.scheduleReminder('MOVED', new Date(t0 + 800));
    await b.engine.scheduleReminder('MOVED', new Date(t0 + 2500));
    await a.engine.scheduleReminder('CLOSED', new Date(t0 + 800));
    await b.engine.scheduleReminder('CLOSED', undefined);
    await until(() => db.runs.length > 0, 10_000, 'the moved job');
    await db.drained(); // the closed promise's job is gone, not just late
    expect(db.runs.map((r) => r.promiseId)).toEqual(['MOVED']);
    expect(db.runs[0]!.at).toBeGreaterThanOrEqual(t0 + 2500 - 50);
  });

  it('a job taken by a replica that then hung (no more heartbeats) runs on another after the visibility timeout', async () => {
    const db = await jobDatabase(server!);
    const taken: number[] = [];
    let wakeUp = (): void => undefined;
    const hung = await db.replica('hung', {
      visibilityMs: 1000,
      handlers: {
        reminderDue: async () => {
          taken.push(Date.now());
          hung.timers.frozen = true; // to the others it is now dead
          await new Promise<void>((resolve) => (wakeUp = resolve));
        },
      },
    });
    await hung.engine.scheduleReminder('HELD', new Date(Date.now() + 100));
    await until(() => taken.length === 1, 10_000, 'the first replica to take the job');
    await db.replica('survivor', { visibilityMs: 1000 });
    await until(() => db.runs.length === 1, 10_000, 'the survivor to run the job');
    expect(db.runs[0]).toMatchObject({ replica: 'survivor', promiseId: 'HELD' });
    // Not before the hung replica's last beat has aged past the visibility timeout.
    expect(db.runs[0]!.at - taken[0]!).toBeGreaterThanOrEqual(1000 - 300);
    await db.drained();
    expect(taken).toHaveLength(1);
    wakeUp(); // the hung replica comes back: its late completion must not disturb anything
    await hung.engine.stop(); // waits for its job to finish
    expect(db.runs).toHaveLength(1);
    expect(taken).toHaveLength(1);
    await db.drained();
  });
});
