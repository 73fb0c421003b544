import { expect, it } from 'vitest';
import { jobDatabase, sleep, until } from '../helpers/job-engines.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';

const server = testPostgresUrl('the digest schedule across replicas');

// A file of its own: it waits for the next minute, and other files run meanwhile.
it.runIf(server)('the digest fires once per tick of its schedule with two replicas running it', { timeout: 150_000 }, async () => {
  const db = await jobDatabase(server!);
  const digests: { replica: string; tick: Date; at: number }[] = [];
  const digest = { cron: '* * * * *', timeZone: 'Asia/Shanghai' };
  const replica = (name: string) => db.replica(name, { digest, handlers: { digest: async (tick) => void digests.push({ replica: name, tick, at: Date.now() }) } });
  await Promise.all([replica('a'), replica('b')]);
  const nextMinute = Math.ceil(Date.now() / 60_000) * 60_000;
  await until(() => digests.length > 0, nextMinute - Date.now() + 30_000, 'the digest');
  await sleep(3000); // a second copy would show up now
  expect(digests).toHaveLength(1);
  expect(digests[0]!.tick.getTime()).toBe(nextMinute);
  expect(digests[0]!.at).toBeGreaterThanOrEqual(nextMinute);
});
