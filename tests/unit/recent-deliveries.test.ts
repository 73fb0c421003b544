import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecentDeliveries } from '../../src/db/recent-deliveries.js';
import { ManualClock } from '../../src/core/clock.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const fileIn = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deliveries-'));
  dirs.push(dir);
  return path.join(dir, 'slack-deliveries.json');
};

describe('recent Slack deliveries', () => {
  it('lets a key through once within the window and again after it', async () => {
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    const seen = new RecentDeliveries(clock, { ttlMs: 60_000 });
    expect(await seen.firstTime('command:t1')).toBe(true);
    expect(await seen.firstTime('command:t1')).toBe(false);
    expect(await seen.firstTime('command:t2')).toBe(true);
    clock.advance(61_000);
    expect(await seen.firstTime('command:t1')).toBe(true);
  });

  it('still knows a delivery after a restart within the window, and forgets it after', async () => {
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    const file = fileIn();
    expect(await new RecentDeliveries(clock, { ttlMs: 300_000, file }).firstTime('action:reset-trigger')).toBe(true);
    clock.advance(120_000);
    const restarted = new RecentDeliveries(clock, { ttlMs: 300_000, file });
    expect(await restarted.firstTime('action:reset-trigger')).toBe(false);
    clock.advance(200_000);
    expect(await new RecentDeliveries(clock, { ttlMs: 300_000, file }).firstTime('action:reset-trigger')).toBe(true);
  });

  it('treats a damaged file as an empty memory instead of stopping', async () => {
    const file = fileIn();
    writeFileSync(file, '{not json');
    expect(await new RecentDeliveries(new ManualClock('2026-11-22T09:00:00Z'), { file }).firstTime('command:t1')).toBe(true);
  });
});
