import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { systemClock } from '../src/core/clock.js';
import { systemTimers } from '../src/core/timers.js';
import { leadDirectory } from '../tests/helpers/platforms.js';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../src/core/outbox.js';
import type { Reply } from '../src/core/reply.js';
import { PromiseDesk } from '../src/promises/desk.js';
import { PendingDeliveries } from '../src/promises/pending-deliveries.js';
import { startPromiseJobs } from '../src/promises/promise-jobs.js';
import { ReminderScheduler } from '../src/promises/reminder-scheduler.js';

/** A platform that takes `delayMs` per message, like a chat API round trip; counts each delivery key it took. */
export class SlowOutbox implements Outbox {
  sent = 0;
  readonly keys = new Map<string, number>();
  constructor(private readonly delayMs: number) {}
  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (reply.deliveryKey) this.keys.set(reply.deliveryKey, (this.keys.get(reply.deliveryKey) ?? 0) + 1);
    return { platform: to.platform, channel: to.userId, id: String(++this.sent) };
  }
  async postToChannel(to: ChannelTarget): Promise<SentMessage> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return { platform: to.platform, channel: to.channel, id: String(++this.sent) };
  }
  async update(): Promise<void> {}
}

/**
 * 1,000 promises due in the same minute, on the real clock and the real node-cron tick: how late
 * each due reminder goes out after its time (ms), with a 20 ms platform round trip per message.
 */
export async function benchReminderLateness(count = 1000, platformDelayMs = 20): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontline-lateness-'));
  const log = pino({ level: 'silent' });
  const desk = await PromiseDesk.open({ dataDir: dir, clock: systemClock });
  try {
    const dueAt = new Date(Math.ceil((Date.now() + 6000) / 1000) * 1000);
    // Made together (grouped writes), so the set-up is done well before they fall due: one by one,
    // 1,000 durable writes of a growing file took longer than the 3 s lead and every reminder
    // counted as late before the scheduler had even started.
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        desk.create({
          owner: { platform: 'slack', userId: `U${i % 200}`, locale: 'en' },
          dueAt: new Date(dueAt.getTime() + (i % 60) * 10),
          note: `customer ${i} call back`,
          timeZone: 'UTC',
        }),
      ),
    );
    if (Date.now() > dueAt.getTime() - 500) throw new Error('reminder-lateness bench: set-up ran into the due time; results would be meaningless');
    const outbox = new SlowOutbox(platformDelayMs);
    const lateness: number[] = [];
    const scheduler = new ReminderScheduler({
      desk,
      outbox,
      leads: leadDirectory({ leadIds: [], leadsChannels: [] }),
      clock: systemClock,
      log,
      timings: { remindBeforeMs: 600_000, escalateAfterMs: 300_000 },
      leadLocale: 'en',
      teamTimeZone: 'UTC',
      timers: systemTimers,
      onSent: (ms, stage) => {
        if (stage === 'due') lateness.push(ms);
      },
    });
    scheduler.rebuild();
    const pending = new PendingDeliveries({ desk, outbox, clock: systemClock, log, digest: async () => ({ blocks: [], private: false }) });
    const jobs = startPromiseJobs({ scheduler, pending, postDigest: async () => {}, digestCron: '0 8 * * *', timeZone: 'UTC', log });
    while (lateness.length < count) await new Promise((resolve) => setTimeout(resolve, 100));
    jobs.stop();
    scheduler.stop();
    return lateness.sort((a, b) => a - b);
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
