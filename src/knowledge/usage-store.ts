import { z } from 'zod';

export const Counts = z.object({ opened: z.number().int().nonnegative().default(0), helped: z.number().int().nonnegative().default(0), notHelped: z.number().int().nonnegative().default(0) });
export type ScriptCounts = z.infer<typeof Counts>;
export const Gap = z.object({ day: z.iso.date(), query: z.string(), kind: z.enum(['no-hit', 'not-helped']), scriptId: z.string().optional() });
export type Gap = z.infer<typeof Gap>;

/**
 * Where the /script usage counts and the gap report live: per team day (YYYY-MM-DD) and script,
 * and masked queries with no names. A DATA_DIR file (one process) or PostgreSQL (replicas add
 * to the same counts); both pass tests/contract/usage-store.contract.ts.
 */
export interface UsageStore {
  add(day: string, scriptId: string, field: keyof ScriptCounts): Promise<void>;
  addGap(gap: Gap): Promise<void>;
  /** Totals per script over the days from `since` on. */
  totals(since: string): Promise<Map<string, ScriptCounts>>;
  /** Gaps from `since` on, oldest first. */
  gaps(since: string): Promise<Gap[]>;
  /** Forgets the days before `since`. */
  dropBefore(since: string): Promise<void>;
  close(): Promise<void>;
}
