import { commands } from '../commands/index.js';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { loadConfig, loadDotEnv } from './config.js';
import { systemClock } from './core/clock.js';
import { createRouter } from './core/router.js';
import { messagesFor } from './i18n/index.js';
import { LiveKnowledge } from './knowledge/live-knowledge.js';
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

  const router = createRouter(commands, { knowledge: () => knowledge.current, clock, log });

  let stopping = false;
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    knowledge.close();
    consoleAdapter?.close();
    log.flush();
    process.exitCode = code;
  };

  // With no chat platform configured the console is the bot; closing it ends the process.
  const platforms: string[] = [];
  const wantConsole = config.CONSOLE === 'on' || (config.CONSOLE === 'auto' && (platforms.length === 0 || process.stdin.isTTY));
  const consoleAdapter = wantConsole
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
  consoleAdapter?.start();

  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  log.info({ console: Boolean(consoleAdapter), platforms }, 'frontline-bot started');
}

main().catch((error) => {
  process.stderr.write(`frontline-bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
