import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock } from '../core/clock.js';
import type { LeadDirectory } from '../core/leads.js';
import type { Outbox } from '../core/outbox.js';
import type { AddressBooks } from '../core/platform.js';
import type { Timers } from '../core/timers.js';
import { ServiceServer } from '../http/service-server.js';
import type { PromiseDesk } from '../promises/desk.js';
import type { CalmCounts } from './charts-page.js';
import { knowledgePages, type KnowledgeDeps } from './knowledge-pages.js';
import type { BoardAuthStore } from './board-auth-store.js';
import { WebApp, type LeadCheck } from './web-app.js';

/** The lead rules as chat applies them: LEAD_IDS, the members the platform lists (a Slack user group), a platform role (Discord). */
export function leadCheckOf(leads: LeadDirectory): LeadCheck {
  return (person) => leads.isLead(person);
}

export interface RunningBoard {
  app: WebApp;
  /** Serves /board on the bot's HTTP port. */
  mountOn(server: ServiceServer): void;
  /**
   * Serves on WEB_PORT when set, else on `fallbackPort` when the bot has no HTTP port of its
   * own (console only); the port listened on, or undefined when mounted on the shared one.
   */
  listen(fallbackPort?: number): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** The leads' web page when PUBLIC_URL is set; undefined otherwise. */
export function startBoard(deps: { config: Config; desk: PromiseDesk; clock: Clock; timers: Timers; outbox: Outbox; leads: LeadDirectory; log: Logger; addresses?: AddressBooks; calmCounts?: CalmCounts; knowledge?: Omit<KnowledgeDeps, 'clock' | 'teamTimeZone' | 'approverIds' | 'reviewDays'>; authStore?: BoardAuthStore }): RunningBoard | undefined {
  const { config } = deps;
  if (!config.PUBLIC_URL || !deps.authStore) return undefined;
  const app = new WebApp({
    desk: deps.desk,
    clock: deps.clock,
    timers: deps.timers,
    outbox: deps.outbox,
    ...(deps.addresses ? { addresses: deps.addresses } : {}),
    log: deps.log,
    authStore: deps.authStore,
    isLead: leadCheckOf(deps.leads),
    teamTimeZone: config.TEAM_TIMEZONE,
    defaultLocale: config.DEFAULT_LOCALE,
    ...(deps.calmCounts ? { calmCounts: deps.calmCounts } : {}),
    ...(deps.knowledge
      ? { pages: knowledgePages({ ...deps.knowledge, clock: deps.clock, teamTimeZone: config.TEAM_TIMEZONE, approverIds: config.APPROVER_IDS, reviewDays: config.SCRIPT_REVIEW_DAYS }) }
      : {}),
    proxy: { publicUrl: new URL(config.PUBLIC_URL), trustProxy: config.TRUST_PROXY },
  });
  const handler = async (req: Parameters<WebApp['handle']>[0], res: Parameters<WebApp['handle']>[1]) => {
    if (!(await app.handle(req, res))) res.writeHead(404).end();
  };
  let own: ServiceServer | undefined;
  let mounted = false;
  return {
    app,
    mountOn(server) {
      if (config.WEB_PORT !== undefined) return;
      server.mountPrefix('/board', handler);
      mounted = true;
    },
    async listen(fallbackPort) {
      if (mounted) return undefined;
      const port = config.WEB_PORT ?? fallbackPort;
      if (port === undefined) return undefined;
      own = new ServiceServer({ port, ...(config.HOST ? { host: config.HOST } : {}), log: deps.log });
      own.mountPrefix('/board', handler);
      return (await own.start()).port;
    },
    async stop() {
      app.close();
      await own?.stop();
    },
  };
}
