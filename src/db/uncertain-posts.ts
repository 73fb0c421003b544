import type { Clock } from '../core/clock.js';
import type { BotStore } from './bot-store.js';
import { TimedKeysFile } from './timed-keys-file.js';

/** A post still unsure after this long is forgotten (its sender gave up long before). */
export const UNCERTAIN_POST_KEEP_MS = 2 * 24 * 3_600_000;

/** Where Slack's posts that may have landed are recorded: the bot's store, so any replica's retry looks first. */
export type UncertainPostsRecord = Pick<BotStore, 'isUncertainPost' | 'markUncertainPost' | 'clearUncertainPost'>;

/**
 * Delivery ids of posts that failed in a way that may have landed (a 500 after Slack took the
 * message, a timeout). Their next attempt looks in the channel first. The file store's record
 * (DATA_DIR/slack-uncertain-posts.json); without a file, this process's memory only.
 */
export class UncertainPosts implements UncertainPostsRecord {
  readonly #since = new Map<string, number>();
  readonly #clock: Clock;
  readonly #file: TimedKeysFile | undefined;

  constructor(clock: Clock, file?: string) {
    this.#clock = clock;
    this.#file = file ? new TimedKeysFile(file) : undefined;
    for (const [id, at] of this.#file?.read() ?? []) this.#since.set(id, at);
  }

  async isUncertainPost(id: string): Promise<boolean> {
    const at = this.#since.get(id);
    return at !== undefined && this.#clock.now().getTime() - at < UNCERTAIN_POST_KEEP_MS;
  }

  async markUncertainPost(id: string): Promise<void> {
    if (await this.isUncertainPost(id)) return;
    const now = this.#clock.now().getTime();
    for (const [old, at] of this.#since) if (now - at >= UNCERTAIN_POST_KEEP_MS) this.#since.delete(old);
    this.#since.set(id, now);
    await this.#file?.write(this.#since);
  }

  async clearUncertainPost(id: string): Promise<void> {
    if (this.#since.delete(id)) await this.#file?.write(this.#since);
  }
}
