import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import { isValidTimeZone } from '../../core/dates.js';
import { localeFromTag, type Locale } from '../../i18n/locale.js';
import type { Requester } from '../../core/request.js';
import { systemTimers, type Timers } from '../../core/timers.js';

/** The two Web API calls this needs, so tests and the real WebClient fit alike. */
export interface SlackDirectoryApi {
  users: { info(args: { user: string; include_locale: boolean }): Promise<{ user?: { locale?: string; tz?: string; real_name?: string; name?: string } }> };
  usergroups: { users: { list(args: { usergroup: string }): Promise<{ users?: string[] }> } };
}

export interface SlackPeopleOptions {
  api: SlackDirectoryApi;
  clock: Clock;
  log: Logger;
  defaultLocale: Locale;
  defaultTimeZone: string;
  leadIds: ReadonlySet<string>;
  leadsUsergroup?: string;
  ttlMs?: number;
  /**
   * Longest a person waits on Slack's directory before the answer goes out with what is known
   * (cached profile, else team defaults): forms must open within Slack's 3-second trigger window.
   */
  lookupBudgetMs?: number;
  timers?: Timers;
}

interface Cached<T> {
  value: T;
  until: number;
}

/**
 * Who is asking, in our terms: locale and time zone from `users.info`, lead from LEAD_IDS or
 * the leads user group. Answers are cached (an hour by default) so a command never waits on
 * more than one lookup; when Slack cannot answer, the team defaults are used.
 */
export class SlackPeople {
  readonly #options: SlackPeopleOptions;
  readonly #users = new Map<string, Cached<Pick<Requester, 'locale' | 'timeZone' | 'unknownTimeZone' | 'name'>>>();
  #leads: Cached<ReadonlySet<string>> | undefined;

  constructor(options: SlackPeopleOptions) {
    this.#options = options;
  }

  /**
   * Who is asking, within the lookup budget. A slow directory does not delay the answer: past
   * the budget the cached (even stale) profile or the team defaults are used, and the lookup
   * goes on in the background so the next command has it.
   */
  async requester(userId: string): Promise<Requester> {
    const { lookupBudgetMs = 800, timers = systemTimers, log } = this.#options;
    const lookup = Promise.all([this.#profile(userId), this.#isLead(userId)]).then(([profile, isLead]): Requester => ({ id: userId, ...profile, isLead }));
    let cancel: (() => void) | undefined;
    const budget = new Promise<undefined>((resolve) => (cancel = timers.after(lookupBudgetMs, () => resolve(undefined))));
    const found = await Promise.race([lookup, budget]);
    cancel?.();
    if (found) return found;
    log.info({ user: userId, budgetMs: lookupBudgetMs }, 'slack directory slow; answering with the cached or default profile');
    return this.#known(userId);
  }

  /** What is known without asking Slack: the last profile (even expired) or the team defaults. */
  #known(userId: string): Requester {
    const { defaultLocale, defaultTimeZone, leadIds } = this.#options;
    const profile = this.#users.get(userId)?.value ?? { locale: defaultLocale, timeZone: defaultTimeZone };
    const isLead = leadIds.has(userId) || Boolean(this.#leads?.value.has(userId));
    return { id: userId, ...profile, isLead };
  }

  async #profile(userId: string): Promise<Pick<Requester, 'locale' | 'timeZone' | 'unknownTimeZone' | 'name'>> {
    const { api, clock, log, defaultLocale, defaultTimeZone, ttlMs = 3_600_000 } = this.#options;
    const now = clock.now().getTime();
    const cached = this.#users.get(userId);
    if (cached && cached.until > now) return cached.value;
    try {
      const { user } = await api.users.info({ user: userId, include_locale: true });
      const known = !user?.tz || isValidTimeZone(user.tz);
      if (!known) log.warn({ user: userId, zone: user?.tz }, 'slack profile time zone unknown here; using the team zone');
      const value = {
        locale: localeFromTag(user?.locale) ?? defaultLocale,
        timeZone: known ? (user?.tz ?? defaultTimeZone) : defaultTimeZone,
        ...(known ? {} : { unknownTimeZone: user!.tz! }),
        name: user?.real_name ?? user?.name,
      };
      this.#users.set(userId, { value, until: now + ttlMs });
      return value;
    } catch (error) {
      log.warn({ err: error, user: userId }, 'slack users.info failed; using team defaults');
      return cached?.value ?? { locale: defaultLocale, timeZone: defaultTimeZone };
    }
  }

  async #isLead(userId: string): Promise<boolean> {
    if (this.#options.leadIds.has(userId)) return true;
    return (await this.usergroupLeads()).includes(userId);
  }

  /** Members of the leads user group (cached like profiles); none when unset or Slack cannot say. */
  async usergroupLeads(): Promise<readonly string[]> {
    const { api, clock, log, leadsUsergroup, ttlMs = 3_600_000 } = this.#options;
    if (!leadsUsergroup) return [];
    const now = clock.now().getTime();
    if (!this.#leads || this.#leads.until <= now) {
      try {
        const { users = [] } = await api.usergroups.users.list({ usergroup: leadsUsergroup });
        this.#leads = { value: new Set(users), until: now + ttlMs };
      } catch (error) {
        log.warn({ err: error }, 'slack usergroups.users.list failed; leads from LEAD_IDS only');
        return [];
      }
    }
    return [...this.#leads.value];
  }
}
