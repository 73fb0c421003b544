import { Routes, type REST } from 'discord.js';
import { createHash } from 'node:crypto';
import { deliver, type ChannelTarget, type Outbox, type Recipient, type SentMessage } from '../../core/outbox.js';
import type { Reply } from '../../core/reply.js';
import { DISCORD, discordAddresses, discordCapabilities } from './discord-platform.js';
import { toDiscordMessages, type DiscordMessage } from './embeds.js';

/**
 * What the bot sends on its own (reminders, notices, edits) through Discord's REST API alone, so
 * it works the same with a gateway session and without one (HTTP interactions). Both Discord
 * adapters extend it.
 */
export class DiscordRestOutbox implements Outbox {
  /** The platform name the adapter registers under, and how it reads its people and places. */
  readonly platform = DISCORD;
  readonly addresses = discordAddresses;
  readonly capabilities = discordCapabilities;
  readonly #rest: REST;
  /** Direct-message channel per person; Discord answers the same channel every time it is opened. */
  readonly #dmChannels = new Map<string, string>();

  constructor(rest: REST) {
    this.#rest = rest;
  }

  /** Every message of the reply, in order, in the person's DM channel; the first is the one later updates edit. */
  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    return this.postToChannel({ platform: to.platform, channel: await this.#dmChannel(to.userId) }, reply);
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    let first: SentMessage | undefined;
    for (const [index, message] of toDiscordMessages(reply).entries()) {
      const sent = (await this.#rest.post(Routes.channelMessages(to.channel), { body: withNonce(message, reply, index) })) as { id: string; channel_id: string };
      first ??= { platform: DISCORD, channel: sent.channel_id, id: sent.id };
    }
    return first!;
  }

  /**
   * Discord dedupes by nonce (enforce_nonce) for a few minutes: a resend with the same delivery key
   * returns the message an earlier attempt posted. A sender that died is taken over after the claim
   * visibility (JOB_VISIBILITY_TIMEOUT, at most 10 min, default 10 s), well inside that while any
   * replica is alive.
   */
  async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    return deliver(this, to, reply);
  }

  /** GET /users/:id; Discord's "Unknown User" (10013) or a malformed id means no one. */
  async knowsPerson(to: Recipient): Promise<boolean | undefined> {
    try {
      const user = (await this.#rest.get(Routes.user(to.userId))) as { bot?: boolean };
      return !user.bot;
    } catch (error) {
      const code = (error as { code?: number | string }).code;
      return code === 10013 || code === 50035 ? false : undefined;
    }
  }

  /** The first message is edited in place; a longer answer continues in new messages after it. */
  async update(target: SentMessage, reply: Reply): Promise<void> {
    const [head, ...rest] = toDiscordMessages(reply);
    await this.#rest.patch(Routes.channelMessage(target.channel, target.id), { body: head });
    for (const more of rest) await this.#rest.post(Routes.channelMessages(target.channel), { body: more });
  }

  async #dmChannel(userId: string): Promise<string> {
    const known = this.#dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.#rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
    this.#dmChannels.set(userId, channel.id);
    return channel.id;
  }
}

/**
 * A message sent on the bot's own (reminder, notice) carries a nonce made from its delivery key, with
 * enforce_nonce: when Discord took a post but answered 500, the REST client's retry and our own later
 * retry return the message already posted instead of posting it again (Discord keeps nonces a few minutes).
 */
function withNonce(message: DiscordMessage, reply: Reply, index: number): DiscordMessage | (DiscordMessage & { nonce: string; enforce_nonce: true }) {
  if (!reply.deliveryKey) return message;
  const nonce = createHash('sha256').update(`${reply.deliveryKey}#${index}`).digest('base64url').slice(0, 25);
  return { ...message, nonce, enforce_nonce: true };
}
