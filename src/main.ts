import { commands } from '../commands/index.js';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { DiscordAdapter } from './adapters/discord/discord-adapter.js';
import { SlackAdapter } from './adapters/slack/slack-adapter.js';
import { discordEnabled, loadConfig, loadDotEnv, slackMode } from './config.js';
import { systemClock } from './core/clock.js';
import { PlatformOutbox } from './core/outbox.js';
import { createRouter } from './core/router.js';
import { messagesFor } from './i18n/index.js';
import { LiveKnowledge } from './knowledge/live-knowledge.js';
import { warmUpChineseScript } from './text/chinese-script.js';
import { createLogger } from './logging.js';

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

  const router = createRouter(commands, { knowledge: () => knowledge.current, clock, log });

  const slack = slackMode(config)
    ? new SlackAdapter({
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

  const discord = discordEnabled(config)
    ? new DiscordAdapter({
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
  let stopping = false;
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    knowledge.close();
    consoleAdapter?.close();
    void Promise.allSettled([slack?.stop(), discord?.stop()]).then(() => {
      log.info('stopped');
      log.flush();
      process.exitCode = code;
      // Platform clients may keep sockets in their pools; nothing is left to write.
      setImmediate(() => process.exit(code));
    });
  };

  // Reminders and notes the bot sends on its own go out through this (promises and /calm use it).
  const outbox = new PlatformOutbox();
  const platforms: string[] = [];
  if (slack) {
    const { port } = await slack.start();
    outbox.register('slack', slack);
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

  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  log.info({ console: Boolean(consoleAdapter), platforms }, 'frontline-bot started');
}

main().catch((error) => {
  process.stderr.write(`frontline-bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
