const DELAYS_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

/** How long to wait before delivery attempt `attempt + 1` after `attempt` failures: 15 s doubling to 10 min. */
export function retryDelayMs(attempt: number): number {
  return DELAYS_MS[Math.min(Math.max(attempt, 1), DELAYS_MS.length) - 1]!;
}
