import pino, { type Logger } from 'pino';
import type { Outbox } from '../../src/core/outbox.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import type { BotContext } from './bot-context.js';

const MIN = 60_000;

/** The reminder scheduler as the adapter tests use it: heads-up 10 min before, escalation 5 min after, English leads, UTC team. */
export function testScheduler(ctx: BotContext, outbox: Outbox, log: Logger = pino({ level: 'silent' })): ReminderScheduler {
  const scheduler = new ReminderScheduler({
    desk: ctx.promises,
    outbox,
    leads: ctx.context.leads!,
    clock: ctx.clock,
    log,
    timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN },
    leadLocale: 'en',
    teamTimeZone: 'UTC',
  });
  scheduler.rebuild();
  return scheduler;
}
