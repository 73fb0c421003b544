import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createScriptCommand } from '../../commands/script.js';
import { CLI, consoleCapabilities } from '../adapters/console/console-platform.js';
import { renderText } from '../adapters/console/render-text.js';
import { loadConfig, loadDotEnv, type Config } from '../config.js';
import { systemClock } from '../core/clock.js';
import { isoDateIn } from '../core/dates.js';
import { Locale } from '../i18n/locale.js';
import { createRouter } from '../core/router.js';
import { localeForText } from '../core/text-locale.js';
import { checkCalm, describeCalmFiles, loadCalmFiles } from '../calm/load-calm.js';
import { checkKnowledge } from '../knowledge/check.js';
import { formatDiagnostic, hasErrors } from '../knowledge/diagnostics.js';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../knowledge/load-files.js';
import { checkVersionBumpsInGit } from '../knowledge/version-bumps.js';
import { createLogger } from '../logging.js';
import { PROMISE_PARSE_USAGE, promiseParseCommand } from './promise-parse.js';
import { DB_USAGE, dbCommand } from './db.js';

const USAGE = `Usage:
  frontline script "<query>" [--locale zh-CN|zh-TW|en] [--json]
  frontline script --json --batch [--locale …]     one query per line on stdin, one JSON object per line out
  frontline knowledge check [--dir <folder>]        validate the knowledge files (exit 1 on errors)
${PROMISE_PARSE_USAGE}${DB_USAGE}`;

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 2;
  }
  const [group, sub] = argv;
  if (group === 'script') return scriptCommand(argv.slice(1), loaded.config);
  if (group === 'knowledge' && sub === 'check') return knowledgeCheck(argv.slice(2), loaded.config);
  if (group === 'promise' && sub === 'parse') return promiseParseCommand(argv.slice(2), loaded.config);
  if (group === 'db') return dbCommand(argv.slice(1), loaded.config);
  process.stderr.write(USAGE);
  return group === undefined || group === '--help' || group === 'help' ? 0 : 2;
}

async function knowledgeCheck(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' } } });
  const dir = values.dir ?? config.KNOWLEDGE_DIR;
  const { files, diagnostics } = await loadKnowledgeFiles(dir);
  const today = isoDateIn(systemClock.now(), config.TEAM_TIMEZONE);
  // The /calm content (knowledge/calm/) is checked the same way, when the folder has it.
  const calm = await loadCalmFiles(dir);
  const versions = await checkVersionBumpsInGit(dir, files.scripts);
  const all = [...diagnostics, ...checkKnowledge(files, today), ...versions.diagnostics, ...calm.diagnostics, ...checkCalm(calm.files, today)];
  for (const d of all) process.stdout.write(`${formatDiagnostic(d)}\n`);
  process.stdout.write(`${versions.info}\n`);
  if (calm.files.present) process.stdout.write(`${describeCalmFiles(calm.files)}\n`);
  const errors = all.filter((d) => d.severity === 'error').length;
  const ids = new Set(files.scripts.map((s) => s.value.id)).size;
  process.stdout.write(
    `knowledge check: ${files.scripts.length} script files (${ids} ids), ${files.phrasebooks.length} phrasebooks in ${dir}: ` +
      `${errors} error(s), ${all.length - errors} warning(s)\n`,
  );
  return hasErrors(all) ? 1 : 0;
}

async function scriptCommand(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { locale: { type: 'string' }, json: { type: 'boolean' }, batch: { type: 'boolean' } },
  });
  const locale = values.locale === undefined ? undefined : Locale.safeParse(values.locale);
  if (locale && !locale.success) {
    process.stderr.write(`--locale must be one of ${Locale.options.join(', ')}\n`);
    return 2;
  }
  const explicitLocale = locale?.data;
  const { files } = await loadKnowledgeFiles(config.KNOWLEDGE_DIR);
  const kb = KnowledgeBase.build(files);
  if (kb.size === 0) {
    process.stderr.write(`No approved scripts found in ${config.KNOWLEDGE_DIR}; check KNOWLEDGE_DIR and run: npx frontline knowledge check\n`);
    return 2;
  }

  const toJson = (query: string) => {
    const shown = explicitLocale ?? localeForText(query, config.DEFAULT_LOCALE);
    // An id opens its case, as `/script <id>` does in chat.
    const id = kb.idNamedBy(query);
    const hits = id ? [{ id, score: null, exact: true }] : kb.search(query, 3);
    const matches = hits.map((hit) => ({ ...hit, title: kb.get(hit.id, shown)?.title ?? hit.id }));
    return JSON.stringify({ query, matches });
  };

  if (values.batch) {
    if (!values.json) {
      process.stderr.write('--batch writes JSON lines; add --json\n');
      return 2;
    }
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim()) process.stdout.write(`${toJson(line.trim())}\n`);
    }
    return 0;
  }

  const query = positionals.join(' ');
  if (values.json) {
    process.stdout.write(`${toJson(query)}\n`);
    return 0;
  }
  // A one-shot search: only /script, which needs no running bot.
  const router = createRouter([createScriptCommand({ knowledge: () => kb, clock: systemClock })], { log: createLogger('warn') });
  const reply = await router.handle({
    kind: 'command',
    platform: CLI,
    capabilities: consoleCapabilities,
    user: { id: 'cli', locale: explicitLocale ?? config.DEFAULT_LOCALE, timeZone: config.TEAM_TIMEZONE, isLead: false },
    command: 'script',
    text: query,
    localeExplicit: explicitLocale !== undefined,
  });
  process.stdout.write(`${renderText(reply)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`frontline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
