import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { PromiseStore } from '../../src/promises/promise-store.js';
import { RunningProcess } from '../helpers/process.js';

const WRITER = 'dist/tests/helpers/store-writer.js';
const ROUNDS = 30;
const dir = mkdtempSync(path.join(tmpdir(), 'store-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('promise store under SIGKILL', () => {
  it(`keeps every acknowledged promise across ${ROUNDS} kills at random moments`, async () => {
    const acked = new Set<string>();
    let archivedAtEnd = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const writer = new RunningProcess(process.execPath, [WRITER, dir]);
      await writer.waitFor(/^ready \d+$/m); // open checked the file left by the previous kill
      // Killed after a different number of acknowledged writes each round (the writer keeps
      // writing, so the kill lands in the middle of one): progress, not wall time, decides, so a
      // slow machine cannot end a round before anything was acknowledged.
      const acksWanted = 1 + (round % 7) * 3;
      await vi.waitFor(() => expect((writer.stdout.match(/^ack /gm) ?? []).length).toBeGreaterThanOrEqual(acksWanted), { timeout: 15_000, interval: 5 });
      const closed = once(writer.child, 'close'); // after 'close', stdout has been read to the end
      writer.kill();
      await closed;
      const before = acked.size;
      for (const m of writer.stdout.matchAll(/^ack (\S+)\n/gm)) acked.add(m[1]!);
      expect(acked.size, `round ${round} acknowledged nothing\n${writer.stderr}`).toBeGreaterThan(before);

      expect(() => JSON.parse(readFileSync(path.join(dir, 'promises.json'), 'utf8'))).not.toThrow();
      const store = await PromiseStore.open({ dir, clock: systemClock });
      try {
        const archived = await store.closedBetween(new Date(0), new Date(Date.now() + 86_400_000));
        const archivedIds = new Set(archived.map((p) => p.id));
        const missing = [...acked].filter((id) => !store.find(id) && !archivedIds.has(id));
        expect(missing, `round ${round}: acknowledged but lost`).toEqual([]);
        expect(store.skippedArchiveLines, `round ${round}: malformed archive lines`).toBe(0);
        archivedAtEnd = archivedIds.size;
      } finally {
        await store.close();
      }
    }
    // Opening after a kill cleared the dead writers' temp files.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(archivedAtEnd).toBeGreaterThan(0);
  }, 180_000);
});
