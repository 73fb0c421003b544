import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { Locale } from '../i18n/locale.js';
import type { Outbox } from '../core/outbox.js';
import type { AddressBooks } from '../core/platform.js';
import type { Timers } from '../core/timers.js';
import type { PromiseDesk } from '../promises/desk.js';
import { PromiseId } from '../promises/model.js';
import { CLIENT_SCRIPT, STYLES } from './assets.js';
import { chartsPage, type CalmCounts } from './charts-page.js';
import { parseFilter } from './board-model.js';
import { boardBody, boardList, promisePage } from './board-page.js';
import { html } from './html.js';
import { cookies, isHttps, readForm, redirect, sameOrigin, send, sendHtml, type ProxySettings } from './http-kit.js';
import { plainPage, signedInPage } from './layout.js';
import { LiveUpdates } from './live-updates.js';
import { pageAction, type PageAction } from './promise-actions.js';
import { csrfMatches, SESSION_LIFETIME_MS, Sessions, type Session } from './sessions.js';
import { SignInLinks, type WebPerson } from './sign-in-links.js';
import type { BoardAuthStore } from './board-auth-store.js';
import { webStrings } from './web-strings.js';
import type { SignedInPage } from './signed-in.js';

export type { SignedInContext, SignedInPage } from './signed-in.js';

/** Asks the lead rules again (LEAD_IDS, the platform's lead group) for a signed-in person. */
export type LeadCheck = (person: { platform: WebPerson['platform']; userId: string }) => Promise<boolean>;

export interface WebAppOptions {
  desk: PromiseDesk;
  clock: Clock;
  timers: Timers;
  outbox: Outbox;
  log: Logger;
  isLead: LeadCheck;
  teamTimeZone: string;
  defaultLocale: Locale;
  /** The platforms' address books, to read a colleague typed for a handover. */
  addresses?: AddressBooks;
  proxy: ProxySettings;
  /** The anonymous daily /calm count for the team-weather chart; nothing else of /calm reaches the page. */
  calmCounts?: CalmCounts;
  /** Where sign-in links and sessions are kept (DATA_DIR file or PostgreSQL). */
  authStore: BoardAuthStore;
  /** Extra signed-in pages (knowledge), by path under /board; `POST /board/…` keys take forms. */
  pages?: Map<string, SignedInPage>;
}


const COOKIE_SECURE = '__Host-frontline-board';
const COOKIE_PLAIN = 'frontline-board';

/**
 * The leads' web page, under /board: one-time sign-in links from chat, a 12-hour session,
 * lead rules asked again on every request, CSRF tokens on every form, a strict CSP, and the
 * live promise board.
 */
export class WebApp {
  readonly links: SignInLinks;
  readonly sessions: Sessions;
  readonly live: LiveUpdates;
  readonly #o: WebAppOptions;
  readonly #pages: Map<string, SignedInPage>;

  constructor(options: WebAppOptions) {
    this.#o = options;
    this.#pages = new Map(options.pages ?? []);
    this.#pages.set('/board/charts', chartsPage({ desk: options.desk, clock: options.clock, teamTimeZone: options.teamTimeZone, ...(options.calmCounts ? { calmCounts: options.calmCounts } : {}) }));
    this.links = new SignInLinks({ clock: options.clock, publicUrl: options.proxy.publicUrl.href, store: options.authStore });
    this.sessions = new Sessions({ clock: options.clock, store: options.authStore });
    this.live = new LiveUpdates({ desk: options.desk, timers: options.timers });
  }

  close(): void {
    this.live.close();
  }

  /** Answers a request under /board; false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://board.invalid');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path !== '/board' && !path.startsWith('/board/')) return false;
    const get = req.method === 'GET' || req.method === 'HEAD';
    const post = req.method === 'POST';
    if (get && path === '/board/app.js') return this.#asset(res, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    if (get && path === '/board/app.css') return this.#asset(res, 'text/css; charset=utf-8', STYLES);
    if (get && path === '/board/sign-in') return await this.#signInPage(url, res);
    if (post && path === '/board/sign-in') return this.#signIn(req, res);

    const asPage = get && path !== '/board/list' && path !== '/board/events';
    const session = await this.#signedIn(req, res, asPage);
    if (!session) return true;
    const sessionId = this.#sessionId(req);
    const flash = (message: string) => this.sessions.leaveFlash(sessionId, session, message);
    if (asPage) await this.sessions.takeFlash(sessionId, session);
    if (get) {
      if (path === '/board') return this.#board(url, res, session);
      if (path === '/board/list') return this.#list(url, res, session);
      if (path === '/board/events') return this.#events(req, res);
      const one = /^\/board\/promises\/([^/]+)$/.exec(path);
      const record = one ? await this.#o.desk.find(one[1]!) : undefined;
      if (record) {
        const view = await this.#view(url, session);
        sendHtml(res, 200, signedInPage(session, 'board', record.id, promisePage(record, view)));
        return true;
      }
      const page = this.#pages.get(path);
      if (page) {
        await page({ req, res, url, session, flash });
        return true;
      }
    }
    if (post) {
      const form = await this.#checkedForm(req, res, session);
      if (!form) return true;
      if (path === '/board/sign-out') return await this.#signOut(req, res, session);
      if (path === '/board/language') {
        const locale = Locale.safeParse(form.get('locale'));
        if (locale.success) {
          session.person.locale = locale.data;
          await this.sessions.save(this.#sessionId(req), session);
        }
        redirect(res, '/board');
        return true;
      }
      const action = /^\/board\/promises\/([^/]+)\/(done|move|handoff)$/.exec(path);
      const id = action && PromiseId.safeParse(action[1]!.toUpperCase());
      if (action && id?.success) return this.#promiseAction(req, res, session, action[2] as PageAction, id.data, form, flash);
      const page = this.#pages.get(`POST ${path}`);
      if (page) {
        await page({ req, res, url, session, form, flash });
        return true;
      }
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found');
    return true;
  }

  #asset(res: ServerResponse, type: string, body: string): true {
    send(res, 200, type, body, { 'cache-control': 'private, max-age=300' });
    return true;
  }

  async #signInPage(url: URL, res: ServerResponse): Promise<true> {
    const token = url.searchParams.get('token') ?? '';
    const person = await this.links.peek(token);
    const locale = person?.locale ?? this.#o.defaultLocale;
    const s = webStrings(locale).signIn;
    // Opening the link only shows a button: link checkers in chat apps must not use the one use up.
    if (!person) sendHtml(res, 410, plainPage(locale, s.title, html`<p>${s.expired}</p>`));
    else
      sendHtml(
        res,
        200,
        plainPage(locale, s.title, html`<p>${s.explain}</p><form method="post" action="/board/sign-in"><input type="hidden" name="token" value="${token}"><button autofocus>${s.confirm}</button></form>`),
      );
    return true;
  }

  async #signIn(req: IncomingMessage, res: ServerResponse): Promise<true> {
    const locale = this.#o.defaultLocale;
    const s = webStrings(locale).signIn;
    const form = sameOrigin(req, this.#o.proxy) ? await readForm(req) : undefined;
    if (!form) {
      sendHtml(res, 403, plainPage(locale, s.title, html`<p>${s.badRequest}</p>`));
      return true;
    }
    const person = await this.links.redeem(form.get('token') ?? '');
    if (!person) {
      sendHtml(res, 410, plainPage(locale, s.title, html`<p>${s.expired}</p>`));
      return true;
    }
    if (!(await this.#o.isLead(person))) {
      sendHtml(res, 403, plainPage(person.locale, webStrings(person.locale).signIn.title, html`<p>${webStrings(person.locale).signIn.notLead}</p>`));
      return true;
    }
    const { id } = await this.sessions.start(person);
    this.#o.log.info({ platform: person.platform, userId: person.userId }, 'board: lead signed in');
    redirect(res, '/board', { 'set-cookie': this.#cookie(req, id, SESSION_LIFETIME_MS / 1000) });
    return true;
  }

  #cookie(req: IncomingMessage, value: string, maxAgeSeconds: number): string {
    const secure = isHttps(req, this.#o.proxy) || this.#o.proxy.publicUrl.protocol === 'https:';
    const name = secure ? COOKIE_SECURE : COOKIE_PLAIN;
    return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
  }

  #sessionId(req: IncomingMessage): string | undefined {
    const jar = cookies(req);
    return jar.get(COOKIE_SECURE) ?? jar.get(COOKIE_PLAIN);
  }

  /** The session, with the lead rules asked again; otherwise answers 401/403 itself. */
  async #signedIn(req: IncomingMessage, res: ServerResponse, asPage: boolean): Promise<Session | undefined> {
    const id = this.#sessionId(req);
    const session = await this.sessions.get(id);
    const locale = session?.person.locale ?? this.#o.defaultLocale;
    const s = webStrings(locale).signIn;
    if (!session) {
      if (asPage) sendHtml(res, 401, plainPage(locale, s.title, html`<p>${s.needed}</p>`));
      else send(res, 401, 'text/plain; charset=utf-8', s.needed);
      return undefined;
    }
    if (!(await this.#o.isLead(session.person))) {
      await this.sessions.end(id);
      if (asPage) sendHtml(res, 403, plainPage(locale, s.title, html`<p>${s.notLead}</p>`), { 'set-cookie': this.#cookie(req, '', 0) });
      else send(res, 403, 'text/plain; charset=utf-8', s.notLead);
      return undefined;
    }
    return session;
  }

  /** A POSTed form from our own page with the session's token; otherwise 403. */
  async #checkedForm(req: IncomingMessage, res: ServerResponse, session: Session): Promise<URLSearchParams | undefined> {
    const form = sameOrigin(req, this.#o.proxy) ? await readForm(req) : undefined;
    const header = req.headers['x-csrf-token'];
    const token = form?.get('_csrf') ?? (typeof header === 'string' ? header : undefined);
    if (form && csrfMatches(session, token)) return form;
    const s = webStrings(session.person.locale).signIn;
    if (wantsJson(req)) send(res, 403, 'application/json; charset=utf-8', JSON.stringify({ ok: false, message: s.badRequest }));
    else sendHtml(res, 403, plainPage(session.person.locale, s.title, html`<p>${s.badRequest}</p>`));
    return undefined;
  }

  async #signOut(req: IncomingMessage, res: ServerResponse, session: Session): Promise<true> {
    await this.sessions.end(this.#sessionId(req));
    const s = webStrings(session.person.locale).signIn;
    sendHtml(res, 200, plainPage(session.person.locale, s.title, html`<p role="status">${s.signedOut}</p>`), { 'set-cookie': this.#cookie(req, '', 0) });
    return true;
  }

  async #view(url: URL, session: Session) {
    return {
      open: await this.#o.desk.allOpen(),
      now: this.#o.clock.now(),
      filter: parseFilter(url.searchParams),
      locale: session.person.locale,
      csrf: session.csrf,
      teamTimeZone: this.#o.teamTimeZone,
    };
  }

  async #board(url: URL, res: ServerResponse, session: Session): Promise<true> {
    const s = webStrings(session.person.locale);
    sendHtml(res, 200, signedInPage(session, 'board', s.board.heading, boardBody(await this.#view(url, session))));
    return true;
  }

  async #list(url: URL, res: ServerResponse, session: Session): Promise<true> {
    sendHtml(res, 200, boardList(await this.#view(url, session)).value);
    return true;
  }

  #events(req: IncomingMessage, res: ServerResponse): true {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', 'x-content-type-options': 'nosniff' });
    const id = this.#sessionId(req);
    this.live.add(res, async () => {
      const session = await this.sessions.get(id);
      return Boolean(session && (await this.#o.isLead(session.person)));
    });
    return true;
  }

  async #promiseAction(req: IncomingMessage, res: ServerResponse, session: Session, what: PageAction, id: string, form: URLSearchParams, flash: (message: string) => Promise<void>): Promise<true> {
    const result = await pageAction(what, id, form, session.person, this.#o);
    if (wantsJson(req)) {
      send(res, result.ok ? 200 : 422, 'application/json; charset=utf-8', JSON.stringify(result));
      return true;
    }
    await flash(result.message);
    const back = form.get('back') ?? '';
    redirect(res, `/board${/^\?[\w=&%:.-]*$/.test(back) ? back : ''}`);
    return true;
  }
}

function wantsJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}
