/**
 * Which scripts' approvers were already told their review date is near, one entry per script
 * version, durably (a restart or a second replica does not tell them again). A DATA_DIR file or
 * PostgreSQL (review_reminders).
 */
export interface ReviewReminderStore {
  /** True for the one caller that gets to send for this version (first come, across replicas). */
  claim(scriptId: string, version: number, at: Date): Promise<boolean>;
  /** Gives the claim back when nothing could be sent, so the next check tries again. */
  release(scriptId: string, version: number): Promise<void>;
  close(): Promise<void>;
}
