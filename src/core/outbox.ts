import type { Platform } from './request.js';
import type { Reply } from './reply.js';

export interface Recipient {
  platform: Platform;
  userId: string;
}

/** A channel (Slack channel id, Discord channel id) the bot posts in, e.g. the leads' channel. */
export interface ChannelTarget {
  platform: Platform;
  channel: string;
}

/** Where a sent message lives, so it can be edited later (a reminder marked done, a breathing phase). */
export interface SentMessage {
  platform: Platform;
  channel: string;
  id: string;
}

/**
 * Messages the bot sends on its own (reminders, escalations, notes to a lead), not as an
 * answer. Each adapter implements it; a failure throws, so the caller can keep the message
 * and retry later instead of dropping it.
 */
export interface Outbox {
  sendDirect(to: Recipient, reply: Reply): Promise<SentMessage>;
  postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage>;
  update(message: SentMessage, reply: Reply): Promise<void>;
  /**
   * Whether the platform has this person: true, false, or undefined when it cannot say right
   * now. Asked before handing work to someone, so a promise never moves to a user who does not exist.
   */
  knowsPerson?(to: Recipient): Promise<boolean | undefined>;
  /**
   * Sends `reply` (it has a deliveryKey) where an earlier attempt with the same key may have landed
   * (its sender stopped before confirming it): the platform's own record of the key decides, so it
   * shows once. Without it, the message is sent as usual.
   */
  resend?(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage>;
}

/** Sends to a person or a channel, whichever the target is. */
export function deliver(outbox: Outbox, to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
  return 'userId' in to ? outbox.sendDirect(to, reply) : outbox.postToChannel(to, reply);
}

/** One outbox for the whole bot, handing each message to the adapter of its platform. */
export class PlatformOutbox implements Outbox {
  readonly #byPlatform = new Map<Platform, Outbox>();

  register(platform: Platform, outbox: Outbox): void {
    this.#byPlatform.set(platform, outbox);
  }

  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    return this.#for(to.platform).sendDirect(to, reply);
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    return this.#for(to.platform).postToChannel(to, reply);
  }

  async update(message: SentMessage, reply: Reply): Promise<void> {
    return this.#for(message.platform).update(message, reply);
  }

  async knowsPerson(to: Recipient): Promise<boolean | undefined> {
    const outbox = this.#byPlatform.get(to.platform);
    return outbox?.knowsPerson ? outbox.knowsPerson(to) : undefined;
  }

  async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    const outbox = this.#for(to.platform);
    return outbox.resend ? outbox.resend(to, reply) : deliver(outbox, to, reply);
  }

  #for(platform: Platform): Outbox {
    const outbox = this.#byPlatform.get(platform);
    if (!outbox) throw new Error(`no ${platform} connection to deliver through`);
    return outbox;
  }
}
