import pino from 'pino';
import { CalmDesk } from '../../src/calm/desk.js';
import { ManualClock } from '../../src/core/clock.js';
import type { BotServices } from '../../commands/index.js';
import { builtInAddressBooks, leadDirectory } from './platforms.js';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { ManualTimers } from '../../src/core/timers.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { FileBotStore } from '../../src/db/file-bot-store.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import { SHIPPED_KNOWLEDGE } from './router.js';
import { tempDir } from './temp-dir.js';

export interface Delivery {
  to: Recipient | ChannelTarget;
  reply: Reply;
  message: SentMessage;
}

/** An outbox that keeps what it was given; `failNext` makes the next deliveries throw, as a platform outage would. */
export class RecordingOutbox implements Outbox {
  readonly sent: Delivery[] = [];
  readonly updates: { message: SentMessage; reply: Reply }[] = [];
  failing = 0;
  /** People the platform says it does not have (knowsPerson answers false). */
  readonly unknownPeople = new Set<string>();

  async knowsPerson(to: Recipient): Promise<boolean> {
    return !this.unknownPeople.has(to.userId);
  }

  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    return this.#record(to, reply);
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    return this.#record(to, reply);
  }

  async update(message: SentMessage, reply: Reply): Promise<void> {
    this.updates.push({ message, reply });
  }

  #record(to: Recipient | ChannelTarget, reply: Reply): SentMessage {
    if (this.failing > 0) {
      this.failing--;
      throw new Error('platform unavailable (test)');
    }
    const message = { platform: to.platform, channel: 'userId' in to ? to.userId : to.channel, id: String(this.sent.length + 1) };
    this.sent.push({ to, reply, message });
    return message;
  }
}

export interface BotContext {
  context: BotServices;
  clock: ManualClock;
  timers: ManualTimers;
  outbox: RecordingOutbox;
  promises: PromiseDesk;
  /** The file store under the desk, for tests that look at (or damage) the files' contents. */
  fileStore: FileBotStore;
  calm: CalmDesk;
  dataDir: string;
  close(): Promise<void>;
}

/** Everything a running bot gives its commands, on a moved clock, a temp data folder and a recording outbox. */
export async function botContext(options: {
  knowledge?: () => KnowledgeBase;
  now?: string;
  dataDir?: string;
  leadIds?: string[];
  leadsChannels?: string[];
  outbox?: Outbox;
  statsEnabled?: boolean;
  supportContact?: string;
  /** Replaces the promise store's file writer (to play a full or read-only disk). */
  write?: (file: string, text: string) => Promise<void>;
  /** Replaces the promise store's journal appender, likewise. */
  append?: (file: string, text: string) => Promise<void>;
  /** JOB_VISIBILITY_TIMEOUT for the desk's first try of a kept message (the desk's default when absent). */
  visibilityMs?: number;
} = {}): Promise<BotContext> {
  const clock = new ManualClock(options.now ?? '2026-12-01T02:00:00Z');
  const timers = new ManualTimers(clock);
  const log = pino({ level: 'silent' });
  const dataDir = options.dataDir ?? tempDir('frontline-bot-');
  const recording = new RecordingOutbox();
  const fileStore = await FileBotStore.open({ dataDir, clock, timings: { remindBeforeMs: 10 * 60_000, escalateAfterMs: 5 * 60_000 }, log, ...(options.write ? { write: options.write } : {}), ...(options.append ? { append: options.append } : {}) });
  const promises = new PromiseDesk(fileStore, clock, options.visibilityMs !== undefined ? { visibilityMs: options.visibilityMs } : {});
  const calm = await CalmDesk.open({
    knowledgeDir: SHIPPED_KNOWLEDGE,
    counts: fileStore,
    clock,
    timeZone: 'Asia/Shanghai',
    statsEnabled: options.statsEnabled ?? true,
    ...(options.supportContact ? { supportContact: options.supportContact } : {}),
    log,
  });
  const context: BotServices = {
    knowledge: options.knowledge ?? (() => { throw new Error('no knowledge in this test'); }),
    clock,
    timers,
    log,
    outbox: options.outbox ?? recording,
    addresses: builtInAddressBooks(),
    leads: leadDirectory({ leadIds: options.leadIds ?? [], leadsChannels: options.leadsChannels ?? [] }),
    promises,
    calm,
  };
  return {
    context,
    clock,
    timers,
    outbox: recording,
    promises,
    fileStore,
    calm,
    dataDir,
    close: async () => {
      await promises.close();
      await calm.close();
    },
  };
}
