import type pg from 'pg';

/**
 * graphile-worker frees the jobs of a worker that died only after four hours. So each job-worker
 * pool beats in job_worker_heartbeats every few seconds, and every live pool looks for pools
 * that stopped beating: their locked jobs are unlocked (forceUnlockWorkers) for anyone to run.
 * A job locked by a pool that never beat (it died before its first beat) counts as theirs once
 * it has been locked longer than the visibility timeout. Times are the database's, so the
 * replicas' clocks need not agree.
 */
export class ReplicaHeartbeats {
  readonly #pool: pg.Pool;
  readonly #visibilitySec: number;

  constructor(pool: pg.Pool, visibilityMs: number) {
    this.#pool = pool;
    this.#visibilitySec = visibilityMs / 1000;
  }

  async beat(workerId: string, replica: string): Promise<void> {
    await this.#pool.query(
      `INSERT INTO job_worker_heartbeats (worker_id, replica, beat_at) VALUES ($1, $2, now())
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`,
      [workerId, replica],
    );
  }

  async forget(workerId: string): Promise<void> {
    await this.#pool.query('DELETE FROM job_worker_heartbeats WHERE worker_id = $1', [workerId]);
  }

  /**
   * The worker ids whose jobs are to be unlocked: pools whose beat is older than the visibility
   * timeout (their rows are removed, so only one caller reports each), and lockers without a row.
   */
  async deadWorkers(): Promise<string[]> {
    const { rows } = await this.#pool.query<{ worker_id: string }>(
      `WITH stale AS (
         DELETE FROM job_worker_heartbeats WHERE beat_at < now() - make_interval(secs => $1) RETURNING worker_id
       )
       SELECT worker_id FROM stale
       UNION
       SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j
        WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM job_worker_heartbeats h WHERE h.worker_id = j.locked_by)`,
      [this.#visibilitySec],
    );
    return rows.map((r) => r.worker_id);
  }
}
