import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { FileUsageStore } from '../knowledge/file-usage-store.js';
import { UsageLog } from '../knowledge/usage-log.js';
import { FileReviewReminderStore } from '../knowledge/file-review-reminder-store.js';
import type { ReviewReminderStore } from '../knowledge/review-reminder-store.js';
import type { BoardAuthStore } from './board-auth-store.js';
import { FileBoardAuthStore } from './file-board-auth-store.js';

export interface BoardStores {
  auth: BoardAuthStore;
  usage: UsageLog;
  /** Which scripts' approvers were told of a near review date. */
  reviews: ReviewReminderStore;
  close(): Promise<void>;
}

/** The board's sign-ins and the /script usage log: in PostgreSQL when DATABASE_URL is set (shared by replicas), else in DATA_DIR. */
export async function openBoardStores(options: { dataDir: string; databaseUrl?: string; clock: Clock; timeZone: string; log: Logger }): Promise<BoardStores> {
  const { databaseUrl, dataDir, log } = options;
  // The PostgreSQL stores (and the pg client) load only when DATABASE_URL is set.
  const auth = databaseUrl ? await (await import('../db/pg-board-auth-store.js')).PgBoardAuthStore.open(databaseUrl) : await FileBoardAuthStore.open({ dataDir, log });
  const usageStore = databaseUrl ? await (await import('../db/pg-usage-store.js')).PgUsageStore.open(databaseUrl) : await FileUsageStore.open({ dataDir, log });
  const usage = new UsageLog({ store: usageStore, clock: options.clock, timeZone: options.timeZone, log });
  const reviews = databaseUrl ? await (await import('../db/pg-review-reminder-store.js')).PgReviewReminderStore.open(databaseUrl) : await FileReviewReminderStore.open({ dataDir, log });
  return { auth, usage, reviews, close: async () => void (await Promise.allSettled([auth.close(), usage.close(), reviews.close()])) };
}
