import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { ReminderTimings } from '../promises/reminder-plan.js';
import type { BotStore } from './bot-store.js';
import { FileBotStore } from './file-bot-store.js';

export interface StoreSettings {
  /** PostgreSQL when set (any number of replicas); else the files in dataDir (one process). */
  databaseUrl?: string | undefined;
  dataDir: string;
  clock: Clock;
  timings: ReminderTimings;
  log: Logger;
}

/**
 * The bot's store: PostgreSQL when DATABASE_URL is set (the schema is brought up to date first,
 * under an advisory lock, so replicas starting together migrate once), else the DATA_DIR files.
 * The pg client is loaded only when it is used.
 */
export async function openBotStore(settings: StoreSettings): Promise<BotStore> {
  const { databaseUrl, dataDir, clock, timings, log } = settings;
  if (!databaseUrl) return FileBotStore.open({ dataDir, clock, timings, log });
  const { PgBotStore } = await import('./pg-bot-store.js');
  return PgBotStore.open({ url: databaseUrl, timings, now: () => clock.now() });
}
