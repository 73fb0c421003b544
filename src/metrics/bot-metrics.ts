import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import type { Router } from '../core/router.js';

/** Messages waiting for a retry, by platform; asked at every scrape, so it follows however the outbox is kept. */
export type OutboxDepth = () => Record<string, number> | Promise<Record<string, number>>;

export interface BotMetricsOptions {
  outboxDepth?: OutboxDepth;
  /** Node's process metrics (CPU, memory, event-loop lag, handles); on by default. */
  processMetrics?: boolean;
}

/** Commands answer in well under a second; reminders are judged against a 1.5 s p99. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LATENESS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 5, 15, 60, 300];

/**
 * The bot's Prometheus metrics in a registry of its own (created once in main.ts and passed in,
 * so tests never share the library's global registry): command latency per platform and
 * command, reminder lateness, outbox depth and deliveries sent or failed per platform.
 */
export class BotMetrics {
  readonly registry = new Registry();
  readonly #commandSeconds: Histogram<'platform' | 'command' | 'kind'>;
  readonly #reminderLateness: Histogram<'stage'>;
  readonly #deliveries: Counter<'platform'>;
  readonly #deliveryFailures: Counter<'platform'>;

  constructor(options: BotMetricsOptions = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.#commandSeconds = new Histogram({
      name: 'frontline_command_duration_seconds',
      help: 'Time from a parsed command or button press to its reply, by platform and command.',
      labelNames: ['platform', 'command', 'kind'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#reminderLateness = new Histogram({
      name: 'frontline_reminder_lateness_seconds',
      help: 'How long after its time each reminder or escalation went out.',
      labelNames: ['stage'],
      buckets: LATENESS_BUCKETS,
      registers,
    });
    this.#deliveries = new Counter({ name: 'frontline_deliveries_total', help: 'Messages the bot sent on its own (reminders, notices, edits), by platform.', labelNames: ['platform'], registers });
    this.#deliveryFailures = new Counter({ name: 'frontline_delivery_failures_total', help: 'Messages the platform did not take (kept for a retry), by platform.', labelNames: ['platform'], registers });
    const depth = options.outboxDepth;
    new Gauge({
      name: 'frontline_outbox_depth',
      help: 'Messages waiting in the outbox for a retry, by platform.',
      labelNames: ['platform'],
      registers,
      async collect() {
        this.reset();
        if (!depth) return;
        for (const [platform, count] of Object.entries(await depth())) this.set({ platform }, count);
      },
    });
  }

  /** Text exposition for GET /metrics. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  reminderSent(stage: string, latenessMs: number): void {
    this.#reminderLateness.observe({ stage }, Math.max(0, latenessMs) / 1000);
  }

  /** The router, timing each request; an unknown command name is counted as "unknown" so labels stay few. */
  timedRouter(router: Router): Router {
    const known = new Set(router.commands.map((c) => c.name));
    const histogram = this.#commandSeconds;
    return {
      get commands() {
        return router.commands;
      },
      suggest: (command, text, locale) => router.suggest(command, text, locale),
      home: (user, platform) => router.home(user, platform),
      async handle(request) {
        const stop = histogram.startTimer({ platform: request.platform, command: known.has(request.command) ? request.command : 'unknown', kind: request.kind });
        try {
          return await router.handle(request);
        } finally {
          stop();
        }
      },
    };
  }

  /** A platform's outbox, counting what it sent and what it failed to send. */
  countedOutbox(platform: Platform, outbox: Outbox): Outbox {
    const counted = async <T>(send: () => Promise<T>): Promise<T> => {
      try {
        const result = await send();
        this.#deliveries.inc({ platform });
        return result;
      } catch (error) {
        this.#deliveryFailures.inc({ platform });
        throw error;
      }
    };
    return {
      sendDirect: (to: Recipient, reply: Reply) => counted(() => outbox.sendDirect(to, reply)),
      postToChannel: (to: ChannelTarget, reply: Reply) => counted(() => outbox.postToChannel(to, reply)),
      update: (message: SentMessage, reply: Reply) => counted(() => outbox.update(message, reply)),
      ...(outbox.knowsPerson ? { knowsPerson: (to: Recipient) => outbox.knowsPerson!(to) } : {}),
    };
  }
}
