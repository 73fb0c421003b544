import { z } from 'zod';
import { Locale } from '../i18n/locale.js';
import type { ChannelTarget, Recipient } from '../core/outbox.js';
import { Platform } from '../core/platform.js';
import { Delivery } from './delivery.js';
import { upgradeDeliveries } from './delivery-upgrade.js';

const isoInstant = z.iso.datetime({ offset: true });

/** Short ids agents can read aloud and type: letters and digits without look-alikes (0/O, 1/I/L). */
export const PromiseId = z.string().regex(/^[2-9A-HJKMNP-Z]{4,8}$/, 'is not a promise id (e.g. K7Q2M)');

export const Person = z.strictObject({
  platform: Platform,
  userId: z.string().min(1),
  name: z.string().optional(),
  /** Language for messages the bot sends them on its own (reminders). */
  locale: Locale.optional(),
});
export type Person = z.infer<typeof Person>;

export const PromiseStatus = z.enum(['open', 'done', 'cancelled']);
export type PromiseStatus = z.infer<typeof PromiseStatus>;

export const ReminderStage = z.enum(['heads-up', 'due', 'escalation']);
export type ReminderStage = z.infer<typeof ReminderStage>;

export const HistoryEntry = z.strictObject({
  at: isoInstant,
  by: z.string().min(1),
  event: z.enum(['created', 'renegotiated', 'handed-off', 'snoozed', 'done', 'cancelled']),
  /** Due time before and after a renegotiation; owner ids before and after a handoff. */
  from: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/**
 * A reminder stage on its way or delivered: when its intent was written (or it went out), and
 * whether after its time (bot was down). While it is being delivered it carries the one delivery
 * state (delivery.ts: in flight with `until`, or waiting after failed tries); once delivered only
 * the sent facts stay.
 */
export const SentReminder = Delivery.extend({
  at: isoInstant,
  late: z.boolean().default(false),
  /** The due time it was about; a renegotiated promise gets fresh reminders. */
  forDueAt: isoInstant,
  /** Not sent because a later stage was already due (the bot was down): no stale heads-up after the due time. */
  superseded: z.boolean().optional(),
  /** Never delivered: given up after a day of failed tries (GIVE_UP_AFTER_MS), and logged. */
  undelivered: z.boolean().optional(),
});
export type SentReminder = z.infer<typeof SentReminder>;

/** One promise of a reply time made to a customer. Notes are masked before they are stored. */
const PromiseRecordShape = z.strictObject({
  id: PromiseId,
  owner: Person,
  createdAt: isoInstant,
  dueAt: isoInstant,
  /** The owner's zone when it was made, used to show times back to them. */
  timeZone: z.string().min(1),
  note: z.string().min(1).max(500),
  status: PromiseStatus,
  closedAt: isoInstant.optional(),
  /** Only for done: closed at or before the due time that was current then. */
  keptOnTime: z.boolean().optional(),
  reminders: z.partialRecord(ReminderStage, SentReminder).default({}),
  /** The owner asked to be reminded again at this time (the due time itself does not move). */
  snoozedUntil: isoInstant.optional(),
  /**
   * The snoozed repeat's delivery, kept like a stage's while it is being delivered; it applies only
   * while `snoozedUntil` is still the one it was for, and is gone with that snooze.
   */
  snoozeIntent: SentReminder.extend({ snoozedUntil: isoInstant }).optional(),
  /** Platform delivery id of the request that created it, so a redelivered command records nothing new. */
  requestKey: z.string().optional(),
  history: z.array(HistoryEntry).min(1),
});
/** Stored records of any age load: older delivery bookkeeping is read into today's shape first (upgradeDeliveries). */
export const PromiseRecord = z.preprocess(upgradeDeliveries, PromiseRecordShape);
export type PromiseRecord = z.infer<typeof PromiseRecordShape>;

/** Per-person settings (only the time zone, for now), keyed by `platform:userId`. */
export const PersonSettings = z.strictObject({ timeZone: z.string().min(1) });
export type PersonSettings = z.infer<typeof PersonSettings>;

/**
 * A message the bot sends on its own (other than a promise's reminders): written down before its
 * first try and removed once delivered, so a failure or a crash leaves it here to be retried.
 */
export const PendingDelivery = z.strictObject({
  id: z.string().min(1),
  /** What to rebuild the message from; the text itself is rendered at send time in the recipient's language. */
  kind: z.enum(['handoff', 'handoff-undelivered', 'digest', 'lead-note', 'review']),
  promiseId: PromiseId.optional(),
  /** Who handed it over (handoff notices). */
  from: z.string().optional(),
  /** (handoff-undelivered) The colleague a handoff notice never reached, as the person or channel id. */
  notTold: z.string().optional(),
  /** Who to tell if it can never be delivered (the person who handed over). */
  sender: z.strictObject({ platform: Platform, userId: z.string(), locale: Locale.optional() }).optional(),
  /** A /calm note to a lead: who asks, for what, in their language. Never anything they typed or chose in /calm. */
  leadNote: z
    .strictObject({
      asker: z.strictObject({ id: z.string().min(1), name: z.string().max(200).optional() }),
      request: z.enum(['reset', 'checkIn']),
      locale: Locale,
    })
    .optional(),
  /** An approver's review notice: the script version it is about. */
  script: z
    .strictObject({
      id: z.string().min(1),
      title: z.string(),
      version: z.number().int(),
      reviewBy: z.string(),
      /** The language its first try was written in, so a retry is written the same (absent in notices kept before it was stored). */
      locale: Locale.optional(),
    })
    .optional(),
  to: z.strictObject({ platform: Platform, userId: z.string().optional(), channel: z.string().optional() }),
  ...Delivery.shape,
  /** Failed tries so far. */
  attempts: z.number().int().min(0),
  /** When it is next claimable: after a failed try, the retry time; in flight, the intent's `until`. */
  nextAttemptAt: isoInstant,
});
export type PendingDelivery = z.infer<typeof PendingDelivery>;

/** A message to keep and send (PromiseDesk.notify): what it is about and where it goes; the delivery state is the desk's. */
export type KeptMessage = Omit<PendingDelivery, 'id' | keyof Delivery>;

/** The live store file: open promises, recently closed ones, settings and undelivered messages. */
export const StoreData = z.strictObject({
  version: z.literal(1),
  promises: z.array(PromiseRecord),
  people: z.record(z.string(), PersonSettings).default({}),
  pending: z.array(PendingDelivery).default([]),
  /** Version of the masking rules the stored text has been through (see stored-text.ts); absent before version 2. */
  maskedWith: z.number().int().optional(),
});
export type StoreData = z.infer<typeof StoreData>;

export const emptyStore = (): StoreData => ({ version: 1, promises: [], people: {}, pending: [] });

export const personKey = (p: { platform: string; userId: string }): string => `${p.platform}:${p.userId}`;

/**
 * Where a kept message goes: the person when it names one, else the channel. Built here only, so
 * the first try and every retry address the same place.
 */
export function deliveryTarget(to: PendingDelivery['to']): Recipient | ChannelTarget {
  if (to.userId) return { platform: to.platform, userId: to.userId };
  if (to.channel) return { platform: to.platform, channel: to.channel };
  throw new Error('a kept message names neither a person nor a channel');
}

/** Who a kept message is for, as the person or channel id (for messages about it). */
export function describeDeliveryTarget(to: PendingDelivery['to']): string {
  const target = deliveryTarget(to);
  return 'userId' in target ? target.userId : target.channel;
}
