import { commands } from '../commands/index.js';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
// Types only: a platform's adapter (and its SDK, ~27 MB resident) is imported when that platform is configured.
import type { DiscordAdapter } from './adapters/discord/discord-adapter.js';
import type { SlackAdapter } from './adapters/slack/slack-adapter.js';
import { discordEnabled, loadConfig, loadDotEnv, slackMode } from './config.js';
import { systemClock } from './core/clock.js';
import { PlatformOutbox } from './core/outbox.js';
import { createRouter } from './core/router.js';
import { messagesFor } from './i18n/index.js';
import { LiveKnowledge } from './knowledge/live-knowledge.js';
import { warmUpChineseScript } from './text/chinese-script.js';
import { createLogger } from './logging.js';
import { CalmDesk } from './calm/desk.js';
import { LeadDirectory } from './core/leads.js';
import { systemTimers } from './core/timers.js';
import type { Platform } from './core/request.js';
import { PromiseDesk } from './promises/desk.js';
import { digestFigures, digestReply } from './promises/digest.js';
import { PendingDeliveries } from './promises/pending-deliveries.js';
import { startPromiseJobs } from './promises/promise-jobs.js';
import { ReminderScheduler } from './promises/reminder-scheduler.js';
import { StoreError } from './store/promise-store.js';

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
  const clock = systemClock;

  const knowledge = new LiveKnowledge({ dir: config.KNOWLEDGE_DIR, clock, timeZone: config.TEAM_TIMEZONE, log });
  const report = await knowledge.reload();
  if (report.scripts === 0) {
    process.stderr.write(`No approved scripts found in ${config.KNOWLEDGE_DIR}; check KNOWLEDGE_DIR and run: npx frontline knowledge check\n`);
    process.exit(2);
  }
  if (config.KNOWLEDGE_WATCH) knowledge.watch();
  warmUpChineseScript();

  // The promise store is checked before anything connects: a damaged file stops the bot and is left untouched.
  let promises: PromiseDesk;
  try {
    promises = await PromiseDesk.open({ dataDir: config.DATA_DIR, clock });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // Reminders, /calm content: both watched like the scripts when KNOWLEDGE_WATCH is on.
  const calm = await CalmDesk.open({
    knowledgeDir: config.KNOWLEDGE_DIR,
    dataDir: config.DATA_DIR,
    clock,
    timeZone: config.TEAM_TIMEZONE,
    ...(config.CALM_SUPPORT_CONTACT ? { supportContact: config.CALM_SUPPORT_CONTACT } : {}),
    statsEnabled: config.CALM_STATS,
    log,
  });
  if (config.KNOWLEDGE_WATCH) calm.watch();
  // Reminders and notes the bot sends on its own go out through this; adapters register as they connect.
  const outbox = new PlatformOutbox();
  const leads = new LeadDirectory({ leadIds: config.LEAD_IDS, leadsChannels: config.LEADS_CHANNEL });
  const router = createRouter(commands, {
    knowledge: () => knowledge.current,
    clock,
    timers: systemTimers,
    log,
    outbox,
    leads,
    promises,
    calm,
  });

  const slack: SlackAdapter | undefined = slackMode(config)
    ? new (await import('./adapters/slack/slack-adapter.js')).SlackAdapter({
        settings: {
          botToken: config.SLACK_BOT_TOKEN!,
          appToken: config.SLACK_APP_TOKEN,
          signingSecret: config.SLACK_SIGNING_SECRET,
          port: config.PORT,
          apiUrl: config.SLACK_API_URL,
          leadIds: new Set(config.LEAD_IDS),
          leadsUsergroup: config.SLACK_LEADS_USERGROUP,
          defaultLocale: config.DEFAULT_LOCALE,
          teamTimeZone: config.TEAM_TIMEZONE,
        },
        router,
        clock,
        log,
      })
    : undefined;

  const discord: DiscordAdapter | undefined = discordEnabled(config)
    ? new (await import('./adapters/discord/discord-adapter.js')).DiscordAdapter({
        settings: {
          token: config.DISCORD_TOKEN!,
          apiUrl: config.DISCORD_API_URL,
          leadIds: new Set(config.LEAD_IDS),
          leadsRoleId: config.DISCORD_LEADS_ROLE_ID,
          defaultLocale: config.DEFAULT_LOCALE,
          teamTimeZone: config.TEAM_TIMEZONE,
        },
        router,
        log,
      })
    : undefined;

  let consoleAdapter: ConsoleAdapter | undefined;
  let jobs: { stop(): void } | undefined;
  let scheduler: ReminderScheduler | undefined;
  let stopping = false;
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    knowledge.close();
    jobs?.stop();
    scheduler?.stop();
    consoleAdapter?.close();
    void Promise.allSettled([slack?.stop(), discord?.stop(), promises.close(), calm.close()]).then(() => {
      log.info('stopped');
      log.flush();
      process.exitCode = code;
      // Platform clients may keep sockets in their pools; nothing is left to write.
      setImmediate(() => process.exit(code));
    });
  };

  const platforms: Platform[] = [];
  if (slack) {
    const { port } = await slack.start();
    outbox.register('slack', slack);
    leads.addMembers('slack', () => slack.usergroupLeads());
    platforms.push('slack');
    log.info({ mode: slack.mode, port }, 'slack connected');
  }
  if (discord) {
    const { user } = await discord.start();
    outbox.register('discord', discord);
    platforms.push('discord');
    log.info({ user }, 'discord connected');
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
        isLead: config.LEAD_IDS.length === 0 || config.LEAD_IDS.includes('console'),
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
    outbox.register('console', consoleAdapter);
    consoleAdapter.start();
  }

  scheduler = new ReminderScheduler({
    desk: promises,
    outbox,
    leads,
    clock,
    log,
    timings: { remindBeforeMs: config.PROMISE_REMIND_BEFORE, escalateAfterMs: config.PROMISE_ESCALATE_AFTER },
    leadLocale: config.DEFAULT_LOCALE,
    teamTimeZone: config.TEAM_TIMEZONE,
    timers: systemTimers,
  });
  scheduler.rebuild();
  const digest = async () => digestReply(await digestFigures(promises, clock.now(), config.TEAM_TIMEZONE), config.DEFAULT_LOCALE);
  const pending = new PendingDeliveries({ desk: promises, outbox, clock, log, digest });
  const served: Platform[] = consoleAdapter ? [...platforms, 'console'] : platforms;
  jobs = startPromiseJobs({
    scheduler,
    pending,
    digestCron: config.PROMISE_DIGEST_CRON,
    timeZone: config.TEAM_TIMEZONE,
    log,
    postDigest: async () => {
      const message = await digest();
      for (const platform of served) {
        for (const to of await leads.targetsOn(platform)) {
          const target = 'userId' in to ? { platform, userId: to.userId } : { platform, channel: to.channel };
          await promises.notify({ kind: 'digest', to: target }, message, outbox);
        }
      }
    },
  });

  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  log.info({ console: Boolean(consoleAdapter), platforms }, 'frontline-bot started');
}

main().catch((error) => {
  process.stderr.write(`frontline-bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
