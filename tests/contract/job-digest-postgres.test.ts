import { expect, it } from 'vitest';
import { jobDatabase, until } from '../helpers/job-engines.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';

const server = testPostgresUrl('the digest schedule across replicas');

// A file of its own: it waits for the next minute, and other files run meanwhile.
it.runIf(server)('the digest fires once per tick of its schedule with two replicas running it', { timeout: 210_000 }, async () => {
  const db = await jobDatabase(server!);
  const digests: { replica: string; tick: Date; at: number }[] = [];
  const digest = { cron: '* * * * *', timeZone: 'Asia/Shanghai' };
  const replica = (name: string) => db.replica(name, { digest, handlers: { digest: async (tick) => void digests.push({ replica: name, tick, at: Date.now() }) } });
  await Promise.all([replica('a'), replica('b')]);
  const nextMinute = Math.ceil(Date.now() / 60_000) * 60_000;
  // The next tick's digest proves both replicas' schedules have passed the first tick: a second
  // copy of it would have been queued by then.
  await until(() => digests.some((d) => d.tick.getTime() === nextMinute + 60_000), nextMinute - Date.now() + 90_000, 'two ticks of the digest');
  await db.drained();
  const first = digests.filter((d) => d.tick.getTime() === nextMinute);
  expect(first).toHaveLength(1);
  expect(first[0]!.at).toBeGreaterThanOrEqual(nextMinute);
  expect(digests.filter((d) => d.tick.getTime() === nextMinute + 60_000)).toHaveLength(1);
});
