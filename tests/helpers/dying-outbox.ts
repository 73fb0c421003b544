import type { Outbox, SentMessage } from '../../src/core/outbox.js';

/**
 * A replica's connection to the platform when the replica dies at the send: before the message
 * goes out, or right after (then it never hears back, so it never confirms). Either way the send
 * never returns. `onDeath` is told when it has died.
 */
export function dyingOutbox(real: Outbox, diesAfterSending: boolean, onDeath?: () => void): Outbox {
  const die = async (send: () => Promise<SentMessage>): Promise<SentMessage> => {
    if (diesAfterSending) await send();
    onDeath?.();
    return new Promise<SentMessage>(() => undefined);
  };
  return {
    sendDirect: (to, reply) => die(() => real.sendDirect(to, reply)),
    postToChannel: (to, reply) => die(() => real.postToChannel(to, reply)),
    update: () => new Promise<void>(() => undefined),
  };
}
