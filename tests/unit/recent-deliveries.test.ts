import { describe, expect, it } from 'vitest';
import { RecentDeliveries } from '../../src/adapters/slack/recent-deliveries.js';
import { ManualClock } from '../../src/core/clock.js';

describe('recent Slack deliveries', () => {
  it('lets a key through once within the window and again after it', () => {
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    const seen = new RecentDeliveries(clock, 60_000);
    expect(seen.firstTime('command:t1')).toBe(true);
    expect(seen.firstTime('command:t1')).toBe(false);
    expect(seen.firstTime('command:t2')).toBe(true);
    clock.advance(61_000);
    expect(seen.firstTime('command:t1')).toBe(true);
  });
});
