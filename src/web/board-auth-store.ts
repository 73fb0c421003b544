import { z } from 'zod';
import { Locale } from '../i18n/locale.js';
import type { Platform } from '../core/request.js';

/** Who a link or a session belongs to: a lead as their chat platform knows them. */
export interface WebPerson {
  platform: Platform;
  userId: string;
  name?: string;
  locale: Locale;
}

/** Who a link or a session is for, as stored (the platform name is checked by the lead rules on every use). */
export const StoredPerson = z.object({ platform: z.string().min(1), userId: z.string().min(1), name: z.string().optional(), locale: Locale });
export const StoredLink = z.object({ person: StoredPerson, expiresAt: z.number() });
export const StoredSession = z.object({ person: StoredPerson, csrf: z.string().min(1), expiresAt: z.number(), flash: z.string().optional() });
export type StoredLink = { person: WebPerson; expiresAt: number };
/** `flash`: the one-line note a form left for the next page, kept with the session so any replica shows it. */
export type StoredSession = { person: WebPerson; csrf: string; expiresAt: number; flash?: string };

/**
 * Where one-time sign-in links and board sessions live, by the hash of their token (never the
 * token itself), so a restart keeps everyone signed in and replicas share them. Times are
 * epoch milliseconds; an expired entry is never returned. Implemented over a DATA_DIR file
 * (one process) and PostgreSQL (any number of replicas); both pass tests/contract/board-auth-store.contract.ts.
 */
export interface BoardAuthStore {
  addLink(key: string, link: StoredLink, now: number): Promise<void>;
  peekLink(key: string, now: number): Promise<StoredLink | undefined>;
  /** Removes the link and returns it if it was live: of any number of concurrent calls, on any replica, one gets it. */
  takeLink(key: string, now: number): Promise<StoredLink | undefined>;
  putSession(key: string, session: StoredSession, now: number): Promise<void>;
  getSession(key: string, now: number): Promise<StoredSession | undefined>;
  endSession(key: string): Promise<void>;
  close(): Promise<void>;
}
