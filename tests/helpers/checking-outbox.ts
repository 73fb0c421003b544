import { deliver, type ChannelTarget, type Outbox, type Recipient, type SentMessage } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import type { RecordingOutbox } from './bot-context.js';

/**
 * The recording outbox as a platform that can tell whether a message with a delivery key already
 * reached someone (Slack's history lookup, Discord's nonce, Feishu's uuid): Outbox.resend.
 */
export function checkingOutbox(recording: RecordingOutbox): Outbox {
  return {
    sendDirect: (to, reply) => recording.sendDirect(to, reply),
    postToChannel: (to, reply) => recording.postToChannel(to, reply),
    update: (message, reply) => recording.update(message, reply),
    async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
      const already = recording.sent.find((d) => d.reply.deliveryKey === reply.deliveryKey && JSON.stringify(d.to) === JSON.stringify(to));
      return already ? already.message : deliver(recording, to, reply);
    },
  };
}
