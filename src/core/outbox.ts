import { degradeFor } from './degrade.js';
import { FULL_CHAT, type Capabilities } from './platform.js';
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
  /**
   * After a try that outlasted its claim: another sender may have taken the message over and
   * posted its own copy (it looked before this one landed). Keeps the earliest copy carrying
   * `reply.deliveryKey` and removes later ones, so the person sees one. Without it, nothing is done.
   */
  keepFirstCopy?(to: Recipient | ChannelTarget, reply: Reply): Promise<void>;
}

/** Sends to a person or a channel, whichever the target is. */
export function deliver(outbox: Outbox, to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
  return 'userId' in to ? outbox.sendDirect(to, reply) : outbox.postToChannel(to, reply);
}

/**
 * One outbox for the whole bot, handing each message to the adapter of its platform, made fit for
 * what that platform can show (degradeFor), as the router does for answers: a reminder's buttons
 * reach a text-only surface as what to type.
 */
export class PlatformOutbox implements Outbox {
  readonly #byPlatform = new Map<Platform, { outbox: Outbox; can: Capabilities }>();

  /** `capabilities`: what the platform's adapter declared (a full chat app when it did not say). */
  register(platform: Platform, outbox: Outbox, capabilities: Capabilities = FULL_CHAT): void {
    this.#byPlatform.set(platform, { outbox, can: capabilities });
  }

  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    const { outbox, can } = this.#for(to.platform);
    return outbox.sendDirect(to, degradeFor(can, reply));
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    const { outbox, can } = this.#for(to.platform);
    return outbox.postToChannel(to, degradeFor(can, reply));
  }

  async update(message: SentMessage, reply: Reply): Promise<void> {
    const { outbox, can } = this.#for(message.platform);
    return outbox.update(message, degradeFor(can, reply));
  }

  async knowsPerson(to: Recipient): Promise<boolean | undefined> {
    const outbox = this.#byPlatform.get(to.platform)?.outbox;
    return outbox?.knowsPerson ? outbox.knowsPerson(to) : undefined;
  }

  async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    const { outbox, can } = this.#for(to.platform);
    const fit = degradeFor(can, reply);
    return outbox.resend ? outbox.resend(to, fit) : deliver(outbox, to, fit);
  }

  async keepFirstCopy(to: Recipient | ChannelTarget, reply: Reply): Promise<void> {
    const { outbox, can } = this.#for(to.platform);
    await outbox.keepFirstCopy?.(to, degradeFor(can, reply));
  }

  #for(platform: Platform): { outbox: Outbox; can: Capabilities } {
    const registered = this.#byPlatform.get(platform);
    if (!registered) throw new Error(`no ${platform} connection to deliver through`);
    return registered;
  }
}
