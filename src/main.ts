import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { createCommands, createHomeSections } from '../commands/index.js';
import { leadNoteFor } from '../commands/calm-replies.js';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
// Types only: a platform's adapter (and its SDK, ~27 MB resident) is imported when that platform is configured.
import type { DiscordAdapter } from './adapters/discord/discord-adapter.js';
import type { SlackAdapter } from './adapters/slack/slack-adapter.js';
import type { FeishuAdapter } from './adapters/feishu/feishu-adapter.js';
import type { DiscordHttpInteractions } from './adapters/discord/http-interactions.js';
import { discordEnabled, discordMode, feishuMode, loadConfig, loadDotEnv, slackMode, teamDayOf } from './config.js';
import { systemClock } from './core/clock.js';
import { PlatformOutbox, type Outbox } from './core/outbox.js';
import { createRouter } from './core/router.js';
import { messagesFor } from './i18n/index.js';
import { LiveKnowledge } from './knowledge/live-knowledge.js';
import { warmUpChineseScript } from './text/chinese-script.js';
import { createLogger } from './logging.js';
import { exitAfter, guardProcess } from './process-guards.js';
import { ServiceServer } from './http/service-server.js';
import { CredentialsRejected } from './core/credentials-rejected.js';
import { CalmDesk } from './calm/desk.js';
import { LeadDirectory, type LeadMembers } from './core/leads.js';
import { AddressBooks, type AddressBook, type Capabilities } from './core/platform.js';
import { CONSOLE, CONSOLE_OPERATOR } from './adapters/console/console-platform.js';
import { systemTimers } from './core/timers.js';
import type { Platform } from './core/request.js';
import { PromiseDesk } from './promises/desk.js';
import { digestFigures, digestReply } from './promises/digest.js';
import { PendingDeliveries } from './promises/pending-deliveries.js';
import { startPromiseJobs } from './promises/promise-jobs.js';
import { ReminderScheduler } from './promises/reminder-scheduler.js';
import { StoreError } from './promises/promise-store.js';
import type { BotStore } from './db/bot-store.js';
import type { PgBotStore } from './db/pg-bot-store.js';
import { openBotStore } from './db/open-store.js';
import { UsageLog } from './knowledge/usage-log.js';
import type { BotMetrics } from './metrics/bot-metrics.js';
import { metricsEndpoint } from './http/metrics-endpoint.js';
import { ReviewReminders, reviewNoticeDelivery } from './knowledge/review-reminders.js';
import { reviewNotice } from './web/review-notice.js';
// Types only: the job engine (graphile-worker and pg) loads with DATABASE_URL, the board's stores with PUBLIC_URL.
import type { GraphileJobEngine } from './jobs/graphile-job-engine.js';
import { planAllReminderJobs, startReminderJobs } from './jobs/reminder-jobs.js';

/** With job-driven reminders (PostgreSQL), how often the in-process pass still looks, for a job lost with its replica. */
const REMINDER_SWEEP_MS = 30_000;

/** Wiring: config → knowledge → router → adapters, and an orderly shutdown. */
async function main(): Promise<void> {
  loadDotEnv();
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    process.exit(2);
  }
  const config = loaded.config;
  const log = createLogger(config.LOG_LEVEL);
  for (const warning of loaded.warnings) log.warn(warning);
  guardProcess(log);
  const clock = systemClock;

  const knowledge = new LiveKnowledge({ dir: config.KNOWLEDGE_DIR, clock, timeZone: config.TEAM_TIMEZONE, log });
  const report = await knowledge.reload();
  if (report.scripts === 0) {
    process.stderr.write(`No approved scripts found in ${config.KNOWLEDGE_DIR}; check KNOWLEDGE_DIR and run: npx frontline knowledge check\n`);
    process.exit(2);
  }
  if (config.KNOWLEDGE_WATCH) knowledge.watch();
  warmUpChineseScript();

  // The store is checked before anything connects: a damaged file stops the bot and is left untouched;
  // with DATABASE_URL the schema is migrated first (advisory-locked, so replicas migrate once).
  const timings = { remindBeforeMs: config.PROMISE_REMIND_BEFORE, escalateAfterMs: config.PROMISE_ESCALATE_AFTER };
  let store: BotStore;
  try {
    store = await openBotStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, clock, timings, log });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  log.info({ store: store.kind }, store.kind === 'postgres' ? 'state kept in PostgreSQL (DATABASE_URL)' : 'state kept in DATA_DIR');
  const promises = new PromiseDesk(store, clock, { visibilityMs: config.JOB_VISIBILITY_TIMEOUT, log });
  // One id per process for the store's claims: replicas on PostgreSQL share the due work by it.
  const claimant = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // As a service (any chat platform configured) the bot answers /healthz, /readyz and /metrics on PORT.
  const asService = Boolean(slackMode(config) || discordEnabled(config) || feishuMode(config));
  // Prometheus metrics (GET /metrics), loaded only for a service: the console alone opens no port.
  // The outbox depth is read from the store at each scrape.
  const metrics: BotMetrics | undefined = asService
    ? new (await import('./metrics/bot-metrics.js')).BotMetrics({ outboxDepth: async () => countBy(await store.pendingDeliveries(), (p) => p.to.platform) })
    : undefined;
  // Reminders, /calm content: both watched like the scripts when KNOWLEDGE_WATCH is on.
  const calm = await CalmDesk.open({
    knowledgeDir: config.KNOWLEDGE_DIR,
    // Day counts in the store: on PostgreSQL every replica's uses add up in one place.
    counts: store,
    clock,
    timeZone: config.TEAM_TIMEZONE,
    ...(config.CALM_SUPPORT_CONTACT ? { supportContact: config.CALM_SUPPORT_CONTACT } : {}),
    statsEnabled: config.CALM_STATS,
    log,
  });
  if (config.KNOWLEDGE_WATCH) calm.watch();
  // Reminders and notes the bot sends on its own go out through this; adapters register as they connect.
  const outbox = new PlatformOutbox();
  // Each platform's adapter registers its address book as it is wired below, and reads its own
  // ids out of LEAD_IDS and LEADS_CHANNEL; core knows no id shapes.
  const addresses = new AddressBooks();
  const leads = new LeadDirectory({ leadIds: config.LEAD_IDS, leadsChannels: config.LEADS_CHANNEL, addresses });
  // The leads' web page (PUBLIC_URL set): its links are handed to /promise board, its routes mounted below.
  // Script opens, helped/didn't-help and masked searches with no hit, for the board's knowledge pages (kept 30 days, no names).
  // Sign-in links and sessions persist too (a restart keeps leads signed in); both go to PostgreSQL when DATABASE_URL is set.
  const boardStores = config.PUBLIC_URL
    ? await (await import('./web/board-stores.js')).openBoardStores({ dataDir: config.DATA_DIR, ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}), clock, timeZone: config.TEAM_TIMEZONE, log })
    : undefined;
  const usage = boardStores?.usage;
  // The board's web app (pages, YAML editing) loads only with PUBLIC_URL.
  const board = boardStores && (await import('./web/start-board.js')).startBoard({
    config,
    desk: promises,
    clock,
    timers: systemTimers,
    outbox,
    leads,
    log,
    addresses,
    ...(boardStores ? { authStore: boardStores.auth } : {}),
    calmCounts: async (days) => (calm.statsEnabled ? calm.stats(days) : undefined),
    knowledge: { dir: config.KNOWLEDGE_DIR, knowledge: () => knowledge.current, reload: () => knowledge.reload(), ...(usage ? { usage } : {}) },
  });
  const services = {
    knowledge: () => knowledge.current,
    clock,
    timers: systemTimers,
    log,
    outbox,
    leads,
    addresses,
    promises,
    calm,
    teamDay: teamDayOf(config),
    teamTimeZone: config.TEAM_TIMEZONE,
    ...(board ? { board: board.app.links } : {}),
    ...(usage ? { usage } : {}),
  };
  const untimed = createRouter(createCommands(services), { log, homeSections: createHomeSections(services) });
  const router = metrics ? metrics.timedRouter(untimed) : untimed;

  // The service port: health, readiness and metrics, and the platforms' HTTP endpoints (Slack, Feishu, Discord).
  const http = asService ? new ServiceServer({ port: config.PORT, ...(config.HOST ? { host: config.HOST } : {}), log }) : undefined;
  const slack: SlackAdapter | undefined = slackMode(config)
    ? new (await import('./adapters/slack/slack-adapter.js')).SlackAdapter({
        settings: {
          botToken: config.SLACK_BOT_TOKEN!,
          appToken: config.SLACK_APP_TOKEN,
          signingSecret: config.SLACK_SIGNING_SECRET,
          port: config.PORT,
          ...(config.HOST ? { host: config.HOST } : {}),
          apiUrl: config.SLACK_API_URL,
          leadIds: new Set(config.LEAD_IDS),
          leadsUsergroup: config.SLACK_LEADS_USERGROUP,
          defaultLocale: config.DEFAULT_LOCALE,
          teamTimeZone: config.TEAM_TIMEZONE,
        },
        router,
        clock,
        log,
        ...(http ? { server: http } : {}),
        timers: systemTimers,
        // DATA_DIR/slack-deliveries.json on the file store, the delivery_keys table on PostgreSQL.
        firstDelivery: (key) => store.firstDelivery(key),
        // DATA_DIR/slack-uncertain-posts.json on the file store, a table on PostgreSQL (any replica's retry looks first).
        uncertainPosts: store,
        onFatal: (message) => {
          process.stderr.write(`${message}\n`);
          shutdown('slack token rejected', 2);
        },
      })
    : undefined;

  const discordSettings = {
    token: config.DISCORD_TOKEN!,
    apiUrl: config.DISCORD_API_URL,
    leadIds: new Set(config.LEAD_IDS),
    leadsRoleId: config.DISCORD_LEADS_ROLE_ID,
    ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
    defaultLocale: config.DEFAULT_LOCALE,
    teamTimeZone: config.TEAM_TIMEZONE,
  };
  // With DISCORD_PUBLIC_KEY Discord POSTs interactions to this port (any replica answers); otherwise one gateway session.
  const discord: DiscordAdapter | DiscordHttpInteractions | undefined =
    discordMode(config) === 'gateway'
      ? new (await import('./adapters/discord/discord-adapter.js')).DiscordAdapter({ settings: discordSettings, router, log, deliveries: store })
      : discordMode(config) === 'http'
        ? new (await import('./adapters/discord/http-interactions.js')).DiscordHttpInteractions({
            settings: { ...discordSettings, publicKey: config.DISCORD_PUBLIC_KEY! },
            router,
            clock,
            log,
            server: http!,
            // Redelivery keys in the store: on PostgreSQL a retry that reaches another replica is handled once.
            deliveries: store,
          })
        : undefined;

  const feishu: FeishuAdapter | undefined = feishuMode(config)
    ? new (await import('./adapters/feishu/feishu-adapter.js')).FeishuAdapter({
        settings: {
          appId: config.FEISHU_APP_ID!,
          appSecret: config.FEISHU_APP_SECRET!,
          domain: config.FEISHU_DOMAIN,
          ...(config.FEISHU_VERIFICATION_TOKEN ? { verificationToken: config.FEISHU_VERIFICATION_TOKEN } : {}),
          ...(config.FEISHU_ENCRYPT_KEY ? { encryptKey: config.FEISHU_ENCRYPT_KEY } : {}),
          port: config.PORT,
          ...(config.HOST ? { host: config.HOST } : {}),
          leadIds: new Set(config.LEAD_IDS),
          ...(config.FEISHU_LEADS_CHAT_ID ? { leadsChatId: config.FEISHU_LEADS_CHAT_ID } : {}),
          defaultLocale: config.DEFAULT_LOCALE,
          teamTimeZone: config.TEAM_TIMEZONE,
        },
        router,
        clock,
        log,
        ...(http ? { server: http } : {}),
        timers: systemTimers,
        // Redelivery keys in the store: an event redelivered to another replica is handled once.
        deliveries: store,
      })
    : undefined;

  let consoleAdapter: ConsoleAdapter | undefined;
  let jobs: { stop(): void } | undefined;
  let reminderJobs: { stop(): Promise<void> } | undefined;
  let scheduler: ReminderScheduler | undefined;
  let reviews: ReviewReminders | undefined;
  let stopping = false;
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    knowledge.close();
    jobs?.stop();
    scheduler?.stop();
    reviews?.stop();
    consoleAdapter?.close();
    // The files first: they release DATA_DIR even if a platform never answers its goodbye.
    board?.app.close();
    // Running jobs still use the store, so they stop before it closes.
    const files = Promise.allSettled([reminderJobs?.stop()]).then(() => Promise.allSettled([promises.close(), calm.close(), boardStores?.close()]));
    exitAfter(() => Promise.allSettled([files, slack?.stop(), discord?.stop(), feishu?.stop(), http?.stop(), board?.stop()]), { code, deadlineMs: config.SHUTDOWN_TIMEOUT, log });
  };
  process.on('SIGINT', () => (stopping ? process.exit(130) : shutdown('SIGINT')));
  process.on('SIGTERM', () => (stopping ? process.exit(143) : shutdown('SIGTERM')));

  const platforms: Platform[] = [];
  let httpPort: number | undefined;
  if (http) {
    http.addReadinessCheck('knowledge', () => knowledge.current.size > 0 || 'no approved scripts loaded');
    http.addReadinessCheck('store', () => promises.storeReady());
    // Each configured platform under the name its adapter registers.
    for (const chat of [slack, discord, feishu]) if (chat) http.addReadinessCheck(chat.platform, () => chat.isConnected() || 'not connected');
    if (metrics) http.mount('/metrics', metricsEndpoint(() => metrics.scrape()));
    if (board) board.mountOn(http);
    httpPort = (await http.start()).port;
    log.info({ port: httpPort, host: config.HOST ?? 'all interfaces' }, 'health endpoints at /healthz, /readyz and /metrics');
  }
  /** Starts a platform; a refused token or secret ends the process with its one line (exit 2). */
  const startOrExit = async <T>(start: () => Promise<T>, what: string): Promise<T | undefined> => {
    try {
      return await start();
    } catch (error) {
      if (!(error instanceof CredentialsRejected)) throw error;
      process.stderr.write(`${error.message}\n`);
      shutdown(`${what} rejected`, 2);
      return undefined;
    }
  };
  /** A started platform takes part: its sends, its address book and, where it has them, its lead groups. */
  const serve = (adapter: Outbox & { platform: Platform; addresses: AddressBook; capabilities: Capabilities }, leadMembers?: LeadMembers) => {
    outbox.register(adapter.platform, metrics ? metrics.countedOutbox(adapter.platform, adapter) : adapter, adapter.capabilities);
    addresses.register(adapter.addresses);
    if (leadMembers) leads.addMembers(adapter.platform, leadMembers);
    platforms.push(adapter.platform);
  };
  if (slack) {
    const started = await startOrExit(() => slack.start(), 'slack token');
    if (!started) return;
    // While Slack cannot be reached the adapter retries on its own; messages for Slack wait in the outbox.
    serve(slack, () => slack.usergroupLeads());
    if (!started.waiting) log.info({ mode: slack.mode, port: slack.mode === 'http' ? httpPort : undefined }, 'slack connected');
  }
  if (discord) {
    const started = await discord.start();
    serve(discord);
    // Leads by DISCORD_LEADS_ROLE_ID: the board asks Discord about each person, as chat reads it off each command.
    if ('hasLeadRole' in discord) leads.addRole(discord.platform, (userId) => discord.hasLeadRole(userId));
    log.info({ mode: discordMode(config), ...started }, 'discord connected');
  }
  if (feishu) {
    if (!(await startOrExit(() => feishu.start().then(() => true), 'feishu credentials'))) return;
    serve(feishu, () => feishu.chatLeads());
    log.info({ mode: feishu.mode, port: feishu.mode === 'http' ? httpPort : undefined }, 'feishu connected');
  }

  // With no chat platform configured the console is the bot; closing it ends the process.
  // With one, the console is only a convenience on a terminal and never takes the process down.
  const wantConsole = config.CONSOLE === 'on' || (config.CONSOLE === 'auto' && (platforms.length === 0 || process.stdin.isTTY));
  consoleAdapter = wantConsole
    ? new ConsoleAdapter({
        router,
        input: process.stdin,
        output: process.stdout,
        locale: config.DEFAULT_LOCALE,
        timeZone: config.TEAM_TIMEZONE,
        isLead: config.LEAD_IDS.length === 0 || config.LEAD_IDS.includes(CONSOLE_OPERATOR),
        log,
        banner: (locale) => {
          const m = messagesFor(locale);
          return platforms.length ? [m.console.banner(report.scripts)] : [m.console.banner(report.scripts), m.console.platformsHint];
        },
        onClose: () => (platforms.length ? log.info('console closed; still serving chat platforms') : shutdown('console closed')),
      })
    : undefined;
  if (!consoleAdapter && platforms.length === 0) {
    process.stderr.write('Nothing to serve: CONSOLE=off and no chat platform is configured (see .env.example).\n');
    shutdown('nothing to serve', 2);
    return;
  }
  if (consoleAdapter) {
    outbox.register(consoleAdapter.platform, metrics ? metrics.countedOutbox(consoleAdapter.platform, consoleAdapter) : consoleAdapter, consoleAdapter.capabilities);
    addresses.register(consoleAdapter.addresses);
    // The console has one person, its operator, who gets the notes for leads.
    leads.addMembers(CONSOLE, async () => [CONSOLE_OPERATOR]);
    consoleAdapter.start();
  }
  // An id no served platform reads reaches nobody: a typo, or a platform not configured here.
  const strangers = [...addresses.unclaimed(config.LEAD_IDS, 'person'), ...addresses.unclaimed(config.LEADS_CHANNEL, 'place')];
  if (strangers.length) log.warn({ ids: strangers }, 'LEAD_IDS / LEADS_CHANNEL: no platform served here reads these ids');

  // On PostgreSQL the reminders and the digest are jobs (src/jobs): whichever replica is alive runs
  // each once. The file store keeps its in-process clock: a tick each second and exact wake-ups.
  const jobEngine: GraphileJobEngine | undefined = store.kind === 'postgres' && config.DATABASE_URL
    ? new (await import('./jobs/graphile-job-engine.js')).GraphileJobEngine({
        url: config.DATABASE_URL,
        replica: config.REPLICA_NAME ?? claimant,
        log,
        digest: { cron: config.PROMISE_DIGEST_CRON, timeZone: config.TEAM_TIMEZONE },
        visibilityMs: config.JOB_VISIBILITY_TIMEOUT,
      })
    : undefined;
  scheduler = new ReminderScheduler({
    desk: promises,
    outbox,
    leads,
    clock,
    log,
    timings,
    claimant,
    visibilityMs: config.JOB_VISIBILITY_TIMEOUT,
    leadLocale: config.DEFAULT_LOCALE,
    teamTimeZone: config.TEAM_TIMEZONE,
    ...(jobEngine ? {} : { timers: systemTimers }),
    onSent: (latenessMs, stage) => metrics?.reminderSent(stage, latenessMs),
  });
  if (!jobEngine) await scheduler.rebuild();
  const digest = async () => digestReply(await digestFigures(promises, clock.now(), config.TEAM_TIMEZONE), config.DEFAULT_LOCALE, { boardButton: Boolean(board) });
  if (board) {
    const at = await board.listen(http ? undefined : config.PORT);
    if (at) log.info({ port: at }, 'leads\' board on its own port');
    log.info({ url: `${config.PUBLIC_URL}`.replace(/\/+$/, '') + '/board' }, 'leads\' board ready; leads sign in with /promise board');
  }
  // In the approver's language when the board recorded it with their approval; kept with the notice, so a retry reads the same.
  const reviewNotices = reviewNoticeDelivery({
    write: (locale, script) => reviewNotice(locale, config.PUBLIC_URL!, script),
    defaultLocale: config.DEFAULT_LOCALE,
    knowledge: () => knowledge.current,
    keep: (to, script, message) => promises.notify({ kind: 'review', to, script }, message, outbox),
  });
  // Approvers hear, once per script version, when a script is 14 days from its review date; they re-approve on the board.
  reviews = boardStores
    ? new ReviewReminders({
        knowledge: () => knowledge.current,
        store: boardStores.reviews,
        // Kept before it is sent and retried like the bot's other unprompted messages.
        send: reviewNotices.send,
        approvers: async () => {
          const served = consoleAdapter ? [...platforms, CONSOLE] : platforms;
          if (!config.APPROVER_IDS.length) return (await Promise.all(served.map((p) => leads.leadsOn(p)))).flat();
          return served.flatMap((platform) => config.APPROVER_IDS.flatMap((id) => addresses.of(platform)?.person(id) ?? []).map((userId) => ({ platform, userId })));
        },
        // The lead who approved a script on the board hears about it, while they still approve scripts.
        isApprover: async (person) =>
          config.APPROVER_IDS.length ? config.APPROVER_IDS.some((id) => id === person.userId || addresses.of(person.platform)?.person(id) === person.userId) : leads.isLead(person),
        clock,
        timers: systemTimers,
        timeZone: config.TEAM_TIMEZONE,
        log,
      })
    : undefined;
  reviews?.start();
  const pending = new PendingDeliveries({ desk: promises, outbox, clock, log, digest, claimant, visibilityMs: config.JOB_VISIBILITY_TIMEOUT, render: { leadNote: leadNoteFor, review: reviewNotices.retry } });
  const served: Platform[] = consoleAdapter ? [...platforms, CONSOLE] : platforms;
  const postDigest = async () => {
    const message = await digest();
    for (const platform of served) {
      for (const to of await leads.targetsOn(platform)) {
        const target = 'userId' in to ? { platform, userId: to.userId } : { platform, channel: to.channel };
        await promises.notify({ kind: 'digest', to: target }, message, outbox);
      }
    }
  };
  jobs = startPromiseJobs({
    scheduler,
    pending,
    // With jobs, the digest is theirs, and the reminder pass here only a slow sweep for a job lost with its replica.
    digestCron: jobEngine ? undefined : config.PROMISE_DIGEST_CRON,
    ...(jobEngine ? { reminderSweepMs: REMINDER_SWEEP_MS } : {}),
    timeZone: config.TEAM_TIMEZONE,
    log,
    postDigest,
  });
  if (jobEngine) {
    const { planReminderJob } = await import('./jobs/graphile-job-engine.js');
    reminderJobs = await startReminderJobs({
      engine: jobEngine,
      desk: promises,
      scheduler,
      timings,
      clock,
      log,
      postDigest,
      retryMs: config.JOB_VISIBILITY_TIMEOUT,
      // Each promise write plans, moves or removes its job in the same transaction, and only there.
      planWithWrites: (jobTime) => (store as PgBotStore).planJobsWith((client, record) => planReminderJob(client, record.id, jobTime(record))),
    });
    // Promises made while no replica could plan their jobs get them now (planning is idempotent).
    void promises
      .allOpen()
      .then((open) => planAllReminderJobs(jobEngine, open, timings))
      .catch((error: unknown) => log.error({ err: error }, 'could not plan the reminder jobs of the open promises; the slow sweep still sends them'));
  }

  log.info({ console: Boolean(consoleAdapter), platforms }, 'frontline-bot started');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

main().catch((error) => {
  process.stderr.write(`frontline-bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
