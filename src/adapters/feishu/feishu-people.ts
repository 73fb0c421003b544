import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import { isValidTimeZone } from '../../core/dates.js';
import type { Locale } from '../../i18n/locale.js';
import type { Requester } from '../../core/request.js';
import { systemTimers, type Timers } from '../../core/timers.js';

/** The two directory calls this needs (contact/v3 user, im/v1 chat members), so tests and the SDK client fit alike. */
export interface FeishuDirectoryApi {
  user(openId: string): Promise<{ name?: string; timeZone?: string; resigned?: boolean } | undefined>;
  chatMembers(chatId: string): Promise<string[]>;
}

export interface FeishuPeopleOptions {
  api: FeishuDirectoryApi;
  clock: Clock;
  log: Logger;
  defaultLocale: Locale;
  defaultTimeZone: string;
  leadIds: ReadonlySet<string>;
  leadsChatId?: string;
  ttlMs?: number;
  /** Longest a command waits on the directory; past it, the cached profile or the team defaults answer. */
  lookupBudgetMs?: number;
  timers?: Timers;
}

interface Cached<T> {
  value: T;
  until: number;
}

type Profile = Pick<Requester, 'locale' | 'timeZone' | 'unknownTimeZone' | 'name'>;

/**
 * Who is asking, in our terms. The time zone comes from the person's Feishu profile
 * (contact/v3, when the app has a contact scope), else the team's; Feishu's open API has no
 * per-person language, so the locale is the team default (and /script still answers Chinese
 * text in Chinese). Leads are LEAD_IDS open_ids plus the members of FEISHU_LEADS_CHAT_ID.
 * Answers are cached for an hour; a slow or refusing directory never holds an answer back.
 */
export class FeishuPeople {
  readonly #options: FeishuPeopleOptions;
  readonly #profiles = new Map<string, Cached<Profile>>();
  #leads: Cached<readonly string[]> | undefined;

  constructor(options: FeishuPeopleOptions) {
    this.#options = options;
  }

  async requester(openId: string): Promise<Requester> {
    const { lookupBudgetMs = 800, timers = systemTimers, log } = this.#options;
    const lookup = Promise.all([this.#profile(openId), this.isLead(openId)]).then(([profile, isLead]): Requester => ({ id: openId, ...profile, isLead }));
    let cancel: (() => void) | undefined;
    const budget = new Promise<undefined>((resolve) => (cancel = timers.after(lookupBudgetMs, () => resolve(undefined))));
    const found = await Promise.race([lookup, budget]);
    cancel?.();
    if (found) return found;
    log.info({ component: 'feishu', budgetMs: lookupBudgetMs }, 'feishu directory slow; answering with the cached or default profile');
    const { defaultLocale, defaultTimeZone, leadIds } = this.#options;
    const profile = this.#profiles.get(openId)?.value ?? { locale: defaultLocale, timeZone: defaultTimeZone };
    return { id: openId, ...profile, isLead: leadIds.has(openId) || Boolean(this.#leads?.value.includes(openId)) };
  }

  async #profile(openId: string): Promise<Profile> {
    const { api, clock, log, defaultLocale, defaultTimeZone, ttlMs = 3_600_000 } = this.#options;
    const now = clock.now().getTime();
    const cached = this.#profiles.get(openId);
    if (cached && cached.until > now) return cached.value;
    try {
      const user = await api.user(openId);
      const zone = user?.timeZone || undefined;
      const known = !zone || isValidTimeZone(zone);
      if (!known) log.warn({ component: 'feishu', zone }, 'feishu profile time zone unknown here; using the team zone');
      const value: Profile = {
        locale: defaultLocale,
        timeZone: known ? (zone ?? defaultTimeZone) : defaultTimeZone,
        ...(known ? {} : { unknownTimeZone: zone }),
        ...(user?.name ? { name: user.name } : {}),
      };
      this.#profiles.set(openId, { value, until: now + ttlMs });
      return value;
    } catch (error) {
      // Most often the app lacks a contact scope: the team defaults are the documented fallback.
      log.info({ component: 'feishu', err: errorSummary(error) }, 'feishu profile lookup failed; using team defaults');
      const value = cached?.value ?? { locale: defaultLocale, timeZone: defaultTimeZone };
      this.#profiles.set(openId, { value, until: now + ttlMs });
      return value;
    }
  }

  async isLead(openId: string): Promise<boolean> {
    if (this.#options.leadIds.has(openId)) return true;
    return (await this.chatLeads()).includes(openId);
  }

  /** Members of FEISHU_LEADS_CHAT_ID (cached like profiles); none when unset or Feishu cannot say. */
  async chatLeads(): Promise<readonly string[]> {
    const { api, clock, log, leadsChatId, ttlMs = 3_600_000 } = this.#options;
    if (!leadsChatId) return [];
    const now = clock.now().getTime();
    if (!this.#leads || this.#leads.until <= now) {
      try {
        this.#leads = { value: await api.chatMembers(leadsChatId), until: now + ttlMs };
      } catch (error) {
        log.warn({ component: 'feishu', err: errorSummary(error) }, 'feishu leads chat members unavailable; leads from LEAD_IDS only');
        return this.#leads?.value ?? [];
      }
    }
    return this.#leads.value;
  }
}

export function errorSummary(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
