import { randomUUID } from 'node:crypto';
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Timers } from '../../core/timers.js';
import type { SlackMessage } from './block-kit.js';
import type { UncertainPostsRecord } from '../../db/uncertain-posts.js';

/** The metadata event type our posts carry, with `{ delivery_id }` as payload. */
export const DELIVERY_EVENT = 'frontline_delivery';
/** How many 429 answers one post waits out (each for the Retry-After Slack gave) before giving up. */
const RATE_LIMIT_WAITS = 3;
/** How far back in a channel a retry looks for an earlier attempt. */
const HISTORY_LIMIT = 100;

export interface PostedMessage {
  channel: string;
  ts: string;
}

/**
 * Posts messages at most once. chat.postMessage is not idempotent: Slack can take a message and
 * still answer 500 or time out, and an automatic retry then posts it again. So posts go through a
 * client that never retries on its own; each message carries a delivery id in its metadata, and
 * a retry of a post that may have landed first looks for that id in the channel's recent history.
 * A 429 means Slack took nothing: it is waited out (Retry-After) and tried again here.
 */
export class IdempotentPoster {
  readonly #post: webApi.WebClient;
  readonly #read: webApi.WebClient;
  readonly #timers: Timers;
  readonly #log: Logger;
  readonly #uncertain: UncertainPostsRecord;

  constructor(options: { post: webApi.WebClient; read: webApi.WebClient; timers: Timers; log: Logger; uncertain: UncertainPostsRecord }) {
    this.#post = options.post;
    this.#read = options.read;
    this.#timers = options.timers;
    this.#log = options.log;
    this.#uncertain = options.uncertain;
  }

  /**
   * Posts every message in order and returns the first. With a `deliveryKey` (the same on every
   * attempt of one message), an attempt after one that may have landed skips what is already there:
   * one this process saw fail uncertainly, or any when `unsure` (an attempt by a process that died).
   */
  async post(channel: string, messages: readonly SlackMessage[], deliveryKey?: string, unsure = false): Promise<PostedMessage> {
    const id = deliveryKey ? `${deliveryKey}@${channel}` : randomUUID();
    const retrying = deliveryKey !== undefined && (unsure || (await this.#uncertain.isUncertainPost(id)));
    let first: PostedMessage | undefined;
    for (const [i, message] of messages.entries()) {
      const deliveryId = partId(id, i);
      let posted = retrying ? (await this.#copies(channel, deliveryId))?.[0] : undefined;
      if (posted) this.#log.info({ channel, deliveryId }, 'slack post of an earlier attempt found; not posted again');
      else {
        try {
          posted = await this.#postOnce(channel, message, deliveryId);
        } catch (error) {
          // Part of the reply out, or a failure after which the message may be in the channel.
          if (deliveryKey !== undefined && (i > 0 || mayHaveLanded(error))) await this.#uncertain.markUncertainPost(id);
          throw error;
        }
        // The earlier attempt may have landed after the look above (its sender was only slow): the first copy stays.
        if (retrying) posted = (await this.#keepFirst(channel, deliveryId)) ?? posted;
      }
      first ??= posted;
    }
    if (retrying) await this.#uncertain.clearUncertainPost(id);
    return first!;
  }

  async #postOnce(channel: string, message: SlackMessage, deliveryId: string): Promise<PostedMessage> {
    for (let waits = 0; ; waits++) {
      try {
        const sent = await this.#post.chat.postMessage({
          channel,
          ...message,
          unfurl_links: false,
          metadata: { event_type: DELIVERY_EVENT, event_payload: { delivery_id: deliveryId } },
        });
        if (!sent.channel || !sent.ts) throw new Error('slack chat.postMessage returned no channel or ts');
        return { channel: sent.channel, ts: sent.ts };
      } catch (error) {
        const retryAfterSec = rateLimitedFor(error);
        if (retryAfterSec === undefined || waits >= RATE_LIMIT_WAITS) throw error;
        this.#log.warn({ channel, retryAfterSec }, 'slack rate limit; waiting before posting');
        await new Promise<void>((resolve) => this.#timers.after(retryAfterSec * 1000, resolve));
      }
    }
  }

  /**
   * After a try that outlasted its sender's claim: another sender may have posted the same message
   * meanwhile. Of each part's copies the earliest stays and later ones are deleted, whoever posted them.
   */
  async keepFirstCopies(channel: string, parts: number, deliveryKey: string): Promise<void> {
    const id = `${deliveryKey}@${channel}`;
    for (let i = 0; i < parts; i++) await this.#keepFirst(channel, partId(id, i));
  }

  /** The earliest copy of this delivery id in the channel, the later ones deleted (undefined when it cannot be read). */
  async #keepFirst(channel: string, deliveryId: string): Promise<PostedMessage | undefined> {
    const copies = await this.#copies(channel, deliveryId);
    for (const later of copies?.slice(1) ?? []) {
      this.#log.info({ channel, deliveryId }, 'slack: a second copy of a message (two senders posted it) deleted; the first stays');
      await this.#post.chat.delete({ channel: later.channel, ts: later.ts }).catch((error: unknown) => {
        // Another sender deleting the same copy got there first.
        if ((error as { data?: { error?: string } }).data?.error !== 'message_not_found') throw error;
      });
    }
    return copies?.[0];
  }

  /**
   * The messages carrying this delivery id in the channel, earliest first (an earlier attempt that
   * landed). A lookup that fails for lack of access (scope, membership) does not block delivery:
   * one possible repeat is better than a reminder never sent. Any other failure throws: try again later.
   */
  async #copies(channel: string, deliveryId: string): Promise<PostedMessage[] | undefined> {
    try {
      const inChannel = channel.startsWith('U') || channel.startsWith('W') ? await this.#dmOf(channel) : channel;
      const { messages } = await this.#read.conversations.history({ channel: inChannel, limit: HISTORY_LIMIT, include_all_metadata: true });
      const found = (messages ?? []).filter((m) => m.ts && m.metadata?.event_type === DELIVERY_EVENT && (m.metadata.event_payload as Record<string, unknown> | undefined)?.delivery_id === deliveryId);
      return found.map((m) => ({ channel: inChannel, ts: m.ts! })).sort((a, b) => compareTs(a.ts, b.ts));
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code && NO_ACCESS.has(code)) {
        this.#log.warn({ channel, error: code }, 'cannot read the channel to check an earlier attempt; posting again');
        return undefined;
      }
      throw error;
    }
  }

  /** A person's DM channel with the app (posting to a user id posts there). */
  async #dmOf(userId: string): Promise<string> {
    const opened = await this.#read.conversations.open({ users: userId });
    if (!opened.channel?.id) throw new Error('slack conversations.open returned no channel');
    return opened.channel.id;
  }
}

/** The delivery id of a reply's i-th message (a long reply goes out as several). */
function partId(id: string, i: number): string {
  return i === 0 ? id : `${id}#${i + 1}`;
}

/** Slack's message timestamps ("seconds.micros") in the order Slack took the messages; too precise for a double. */
function compareTs(a: string, b: string): number {
  const [aSec = '', aMicro = ''] = a.split('.');
  const [bSec = '', bMicro = ''] = b.split('.');
  return Number(aSec) - Number(bSec) || aMicro.padEnd(6, '0').localeCompare(bMicro.padEnd(6, '0'));
}

const NO_ACCESS = new Set(['missing_scope', 'not_in_channel', 'channel_not_found', 'not_authed', 'no_permission']);
/** Slack API errors after which the message may still have been taken. */
const UNSURE_API_ERRORS = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);

/** HTTP 5xx, a timeout or a broken connection: Slack may have taken the message before failing. */
function mayHaveLanded(error: unknown): boolean {
  const e = error as { code?: string; statusCode?: number; data?: { error?: string } };
  if (e.code === webApi.ErrorCode.HTTPError) return (e.statusCode ?? 0) >= 500;
  if (e.code === webApi.ErrorCode.RequestError) return true;
  if (e.code === webApi.ErrorCode.PlatformError) return UNSURE_API_ERRORS.has(e.data?.error ?? '');
  return !(e.code === webApi.ErrorCode.RateLimitedError);
}

function rateLimitedFor(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: number };
  return e.code === webApi.ErrorCode.RateLimitedError ? (e.retryAfter ?? 1) : undefined;
}
