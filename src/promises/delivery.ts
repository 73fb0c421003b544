import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true });

/**
 * Where the delivery of one message the bot sends on its own stands: a reminder stage (or the
 * snoozed repeat) on its promise, or a kept message (hand-off notice, lead note, digest, review
 * notice). One shape and one policy (durable-send.ts) for all of them:
 * - in flight (`inFlight`, `until`, `intentId`): written before the message goes out; still there
 *   after `until` (the sender's claim), the sender is taken to have died, and whoever sends it next
 *   asks the platform (Outbox.resend) whether it landed. What a sender writes after its try
 *   (confirm, or one more failure) applies only while its own `intentId` is still the stored one:
 *   a slow sender whose claim ran out leaves the state of whoever took the message over alone;
 * - waiting (`nextAttemptAt`): a try failed `attempts` times; the next one is retryDelayMs later;
 * - given up a day after `firstTriedAt`.
 * Once delivered, the state is gone (a kept message is removed; a reminder keeps only when it went out).
 */
export const Delivery = z.strictObject({
  /** Failed tries so far (absent: none). */
  attempts: z.number().int().min(0).optional(),
  /** When it was first tried: retries stop GIVE_UP_AFTER_MS after this. */
  firstTriedAt: isoInstant.optional(),
  /** While waiting after a failed try: when it may be tried again. */
  nextAttemptAt: isoInstant.optional(),
  lastError: z.string().optional(),
  /** Its sender recorded the intent to send it and has not confirmed it yet. */
  inFlight: z.boolean().optional(),
  /** For one in flight: when its sender's claim runs out (JOB_VISIBILITY_TIMEOUT after the intent). */
  until: isoInstant.optional(),
  /**
   * For one in flight: which try wrote it (a fresh id per intent), so a sender saves its result
   * only over its own intent. Absent in records written before it was stored; those are taken over as before.
   */
  intentId: z.string().min(1).optional(),
});
export type Delivery = z.infer<typeof Delivery>;

/** The delivery-state fields, e.g. to strip them from a reminder once it has gone out. */
export const DELIVERY_FIELDS = Object.keys(Delivery.shape) as (keyof Delivery)[];

/** The delivery state alone, out of a record that carries it beside other fields. */
export function deliveryOf(carrier: Delivery | undefined): Delivery {
  const state: Delivery = {};
  if (!carrier) return state;
  for (const field of DELIVERY_FIELDS) if (carrier[field] !== undefined) Object.assign(state, { [field]: carrier[field] });
  return state;
}

/** `carrier` without its delivery state: what stays once it was delivered. */
export function withoutDelivery<T extends Delivery>(carrier: T): Omit<T, keyof Delivery> {
  const rest = { ...carrier };
  for (const field of DELIVERY_FIELDS) delete rest[field];
  return rest;
}
