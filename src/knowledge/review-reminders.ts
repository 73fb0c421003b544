import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { isoDateIn } from '../core/dates.js';
import type { Recipient } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import type { Timers } from '../core/timers.js';
import type { Locale } from '../i18n/locale.js';
import { approverLocaleFor, chatApprover, type ChatApprover } from './approval-chat.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { ReviewReminderStore } from './review-reminder-store.js';

/** Approvers hear about a script this many days before its review date. */
export const REVIEW_NOTICE_DAYS = 14;
const DAY_MS = 86_400_000;

/** The script version a review notice is about. */
export interface ReviewedScript {
  id: string;
  title: string;
  version: number;
  reviewBy: string;
}

export interface ReviewReminderDeps {
  knowledge: () => KnowledgeBase;
  store: ReviewReminderStore;
  /**
   * Sends one approver the notice about one script, through the bot's durable outbox: kept before
   * it is sent and retried if the platform fails, in `locale` (the approver's, recorded with their
   * approval) when known, else the bot's default. Rejects only when it could not even be kept.
   */
  send: (to: Recipient, script: ReviewedScript, locale?: Locale) => Promise<unknown>;
  /** The people who approve scripts (APPROVER_IDS, else the leads), on every platform served. */
  approvers: () => Promise<Recipient[]>;
  /** Whether the person who approved a script still approves scripts; without it, they are taken to. */
  isApprover?: (person: Recipient) => Promise<boolean>;
  clock: Clock;
  timers: Timers;
  timeZone: string;
  log: Logger;
}

/**
 * Once a day (on the injected clock): every approved script whose review date is 14 days away or
 * less gets one DM, once per script version, to the lead who approved it when the approval
 * recorded their chat address (`approvedByChat`, written by the board), it still belongs to that
 * approval (not edited by hand since) and they still approve scripts, in their language; otherwise
 * (an approval typed into the YAML, or a stale address) to every approver — a re-approval (version + 1)
 * starts afresh. Sent through the durable outbox like the bot's other unprompted messages (a
 * failed send is retried from the store); a version whose notice could not even be kept is tried
 * again the next day.
 */
export class ReviewReminders {
  readonly #d: ReviewReminderDeps;
  #cancel: (() => void) | undefined;

  constructor(deps: ReviewReminderDeps) {
    this.#d = deps;
  }

  /** The first check right away, then one a day. */
  start(): void {
    const tick = () => {
      this.#cancel = this.#d.timers.after(DAY_MS, tick);
      void this.check().catch((error: unknown) => this.#d.log.warn({ err: { name: (error as Error).name } }, 'review reminders: check failed'));
    };
    this.#cancel = this.#d.timers.after(0, tick);
  }

  stop(): void {
    this.#cancel?.();
  }

  /** Sends what is due now; the number of scripts whose approvers were told. */
  async check(): Promise<number> {
    const now = this.#d.clock.now();
    const horizon = isoDateIn(new Date(now.getTime() + REVIEW_NOTICE_DAYS * DAY_MS), this.#d.timeZone);
    let told = 0;
    for (const { entries } of this.#d.knowledge().entriesByCategory()) {
      for (const entry of entries) {
        const script = entry.scripts['zh-CN'] ?? entry.scripts.en;
        if (!script || script.status !== 'approved' || script.reviewBy > horizon) continue;
        if (!(await this.#d.store.claim(entry.id, script.version, now))) continue;
        const about: ReviewedScript = { id: entry.id, title: script.title, version: script.version, reviewBy: script.reviewBy };
        let sent = 0;
        for (const { locale, ...to } of await this.#recipients(script)) {
          try {
            await this.#d.send(to, about, locale);
            sent++;
          } catch (error) {
            this.#d.log.warn({ err: { name: (error as Error).name }, script: entry.id }, 'review reminder could not be kept for delivery');
          }
        }
        if (sent) told++;
        else await this.#d.store.release(entry.id, script.version);
      }
    }
    return told;
  }

  async #recipients(script: Parameters<typeof chatApprover>[0]): Promise<ChatApprover[]> {
    const approver = chatApprover(script);
    if (approver && (await (this.#d.isApprover?.({ platform: approver.platform, userId: approver.userId }) ?? true))) return [approver];
    return this.#d.approvers();
  }
}

/** A review notice as the outbox keeps it: the script, and the language its first try was written in. */
export type KeptReviewNotice = ReviewedScript & { locale?: Locale };

export interface ReviewNoticeWiring {
  /** The notice's words in one language (web/review-notice.ts). */
  write: (locale: Locale, script: ReviewedScript) => Reply;
  /** The bot's language where the approver's is not known. */
  defaultLocale: Locale;
  knowledge: () => KnowledgeBase;
  /** Keeps the notice in the durable outbox and sends it (PromiseDesk.notify). */
  keep: (to: Recipient, notice: KeptReviewNotice, message: Reply) => Promise<unknown>;
}

/**
 * How review notices are sent and, after a failure, written again: the language chosen for the first
 * try (the approver's, or the default when every approver is told) is kept with the notice, so a
 * retry reads as the first try did. A notice kept before the language was stored falls back to the
 * approver recorded with the approval, while that record still holds.
 */
export function reviewNoticeDelivery(w: ReviewNoticeWiring): { send: ReviewReminderDeps['send']; retry: (kept: KeptReviewNotice) => Reply } {
  return {
    send: (to, script, locale) => {
      const language = locale ?? w.defaultLocale;
      return w.keep(to, { ...script, locale: language }, w.write(language, script));
    },
    retry: ({ locale, ...script }) => w.write(locale ?? approverLocaleFor(w.knowledge(), script) ?? w.defaultLocale, script),
  };
}
