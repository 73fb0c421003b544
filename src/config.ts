import { unknownSettingWarnings } from './config-warnings.js';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isValidTimeZone } from './core/dates.js';
import { cronPatternProblem } from './jobs/cron-pattern.js';
import { Locale } from './i18n/locale.js';
import { parseDayClock, parseWorkdays, type TeamDay } from './promises/when/team-day.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'use true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const hostTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const optionalSecret = (prefix: string, what: string) =>
  z.string().startsWith(prefix, { message: `should start with ${prefix} (${what})` }).optional();

const snowflake = z.string().regex(/^\d{15,22}$/, 'must be a Discord id (a long number; enable Developer Mode and use Copy ID)');

/** The characters of a platform id: Slack U012AB, Discord 1234…, Feishu ou_3a…, Teams 29:1a-… */
const ADDRESS = /^[A-Za-z0-9][\w:.@-]{0,127}$/;

const idList = z
  .string()
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  // Each platform's adapter reads its own ids out of the list (main.ts); here only their alphabet is checked.
  .pipe(z.array(z.string().regex(ADDRESS, 'use user ids separated by commas, e.g. U012ABC,U034DEF')));

const DURATION = /^(\d+)\s*(s|m|h)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** A short duration such as 10m, 90s or 1h, as milliseconds. */
const duration = z
  .string()
  .regex(DURATION, 'use a number and s, m or h, e.g. 10m')
  .transform((v) => {
    const [, n, unit] = DURATION.exec(v)!;
    return Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  });

const channelList = z
  .string()
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(ADDRESS, 'use channel ids separated by commas, e.g. C012ABC or a Discord numeric id')));

/**
 * Every environment variable the bot reads. `.env.example` documents each one with its
 * default; `loadConfig` is the only place that looks at the environment.
 */
export const ConfigSchema = z.object({
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  KNOWLEDGE_WATCH: flag.default(true),
  DEFAULT_LOCALE: Locale.default('zh-CN'),
  TEAM_TIMEZONE: z
    .string()
    .refine(isValidTimeZone, { message: 'is not an IANA time zone such as Asia/Shanghai or Europe/London' })
    .default(hostTimeZone),
  TEAM_DAY_START: z
    .string()
    .refine((v) => parseDayClock(v) !== undefined, { message: 'use a 24-hour time such as 09:00 or 08:30' })
    .transform((v) => parseDayClock(v)!)
    .default({ hour: 9, minute: 0 }),
  TEAM_DAY_END: z
    .string()
    .refine((v) => parseDayClock(v) !== undefined, { message: 'use a 24-hour time such as 18:00 or 17:30' })
    .transform((v) => parseDayClock(v)!)
    .default({ hour: 18, minute: 0 }),
  TEAM_WORKDAYS: z
    .string()
    .refine((v) => parseWorkdays(v) !== undefined, { message: 'use ISO weekdays 1 (Monday) to 7 (Sunday), e.g. 1-5, 1-6 or 1,2,3,4,5' })
    .transform((v) => [...parseWorkdays(v)!])
    .default([1, 2, 3, 4, 5]),
  CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LEAD_IDS: idList.default([]),
  LEADS_CHANNEL: channelList.default([]),

  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://frontline:secret@db.internal:5432/frontline')
    .optional(),
  JOB_VISIBILITY_TIMEOUT: duration.refine((ms) => ms >= 1000 && ms <= 10 * 60_000, { message: 'must be from 1s to 10m' }).default(10_000),
  REPLICA_NAME: z.string().regex(/^[\w.:@-]{1,100}$/, 'use letters, digits and . : @ - _ only, e.g. bot-1').optional(),
  PROMISE_REMIND_BEFORE: duration.refine((ms) => ms > 0 && ms <= 24 * 3_600_000, { message: 'must be more than 0 and at most 24h' }).default(10 * 60_000),
  PROMISE_ESCALATE_AFTER: duration.refine((ms) => ms > 0 && ms <= 24 * 3_600_000, { message: 'must be more than 0 and at most 24h' }).default(5 * 60_000),
  PROMISE_DIGEST_CRON: z
    .string()
    // What both the file store's scheduler and the PostgreSQL job engine read alike: a setting that
    // works on one store must not stop the bot on the other. Checked without loading node-cron.
    .superRefine((v, ctx) => {
      const problem = cronPatternProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('0 8,16 * * *'),

  CALM_SUPPORT_CONTACT: z.string().max(300).optional(),
  CALM_STATS: flag.default(true),

  SLACK_BOT_TOKEN: optionalSecret('xoxb-', 'the Bot User OAuth Token from OAuth & Permissions'),
  SLACK_APP_TOKEN: optionalSecret('xapp-', 'an app-level token with connections:write, for Socket Mode'),
  SLACK_SIGNING_SECRET: z.string().min(8, 'is too short; copy it from Basic Information → App Credentials').optional(),
  SLACK_API_URL: z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional(),
  SLACK_LEADS_USERGROUP: z.string().regex(/^S[A-Z0-9]+$/, 'must be a user group id such as S012ABCDEF').optional(),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().regex(/^[\w.:\-\[\]]+$/, 'must be an address to listen on, such as 127.0.0.1 or ::').optional(),

  DISCORD_TOKEN: z.string().min(20, 'is too short; copy the bot token from the Developer Portal → Bot').optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z.url({ message: 'must be a URL such as https://discord.com/api' }).optional(),
  DISCORD_LEADS_ROLE_ID: snowflake.optional(),
  DISCORD_PUBLIC_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex digits of the Public Key (Developer Portal → General Information)').optional(),

  PUBLIC_URL: z.url({ message: 'must be the address leads open, such as https://bot.example.com' }).optional(),
  WEB_PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).optional(),
  TRUST_PROXY: flag.default(false),
  APPROVER_IDS: idList.default([]),
  SCRIPT_REVIEW_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(730).default(180),

  FEISHU_APP_ID: z.string().regex(/^cli_[0-9a-fA-F]{16}$/, 'must be an app id such as cli_a1b2c3d4e5f60718 (developer console → Credentials & Basic Info)').optional(),
  FEISHU_APP_SECRET: z.string().min(16, 'is too short; copy the App Secret from Credentials & Basic Info').optional(),
  FEISHU_DOMAIN: z.union([z.enum(['feishu', 'lark']), z.url({ protocol: /^https?$/ })], { error: 'use feishu, lark or a base URL such as https://open.feishu.cn' }).default('feishu'),
  FEISHU_VERIFICATION_TOKEN: z.string().min(8, 'is too short; copy it from Events & Callbacks → Encryption Strategy').optional(),
  FEISHU_ENCRYPT_KEY: z.string().min(8, 'is too short; copy it from Events & Callbacks → Encryption Strategy').optional(),
  FEISHU_LEADS_CHAT_ID: z.string().regex(/^oc_[A-Za-z0-9]+$/, 'must be a group chat id such as oc_5ad11d72b830411d72b836c20').optional(),

  SHUTDOWN_TIMEOUT: duration
    .refine((ms) => ms >= 1000 && ms <= 120_000, { message: 'must be between 1s and 2m' })
    .default(10_000),
}).superRefine((c, ctx) => {
  if (c.TEAM_DAY_START.hour * 60 + c.TEAM_DAY_START.minute >= c.TEAM_DAY_END.hour * 60 + c.TEAM_DAY_END.minute) {
    ctx.addIssue({ code: 'custom', path: ['TEAM_DAY_START'], message: 'must be before TEAM_DAY_END' });
  }
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'is missing; Discord needs it with DISCORD_TOKEN (Developer Portal → General Information)' });
  }
  if (c.DISCORD_PUBLIC_KEY && !c.DISCORD_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_TOKEN'], message: 'is missing; with DISCORD_PUBLIC_KEY the bot still needs its token to send reminders' });
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is set, but Slack also needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)' });
  }
  if (Boolean(c.FEISHU_APP_ID) !== Boolean(c.FEISHU_APP_SECRET)) {
    const missing = c.FEISHU_APP_ID ? 'FEISHU_APP_SECRET' : 'FEISHU_APP_ID';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'is missing; Feishu needs both FEISHU_APP_ID and FEISHU_APP_SECRET (Credentials & Basic Info)' });
  }
  if (!c.FEISHU_APP_ID && (c.FEISHU_VERIFICATION_TOKEN || c.FEISHU_ENCRYPT_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['FEISHU_APP_ID'], message: 'is missing; the Feishu request URL settings need the app credentials as well' });
  }
  if (!c.SLACK_BOT_TOKEN && (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET)) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is missing; Slack needs the bot token as well' });
  }
});
export type Config = z.infer<typeof ConfigSchema>;

export const CONFIG_KEYS: readonly string[] = Object.keys(ConfigSchema.shape);

/** The working day that vague times (一早, first thing, 下班前, EOD, 明天, N个工作日内) are read against. */
export function teamDayOf(config: Config): TeamDay {
  return { dayStart: config.TEAM_DAY_START, dayEnd: config.TEAM_DAY_END, workdays: new Set(config.TEAM_WORKDAYS) };
}

export function discordEnabled(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN);
}

/** How Discord reaches the bot: a gateway session (one process), or signed HTTP interactions (any replica). */
export function discordMode(config: Config): 'gateway' | 'http' | undefined {
  if (!config.DISCORD_TOKEN) return undefined;
  return config.DISCORD_PUBLIC_KEY ? 'http' : 'gateway';
}

/** Whether Slack is configured, and how it connects. */
export function slackMode(config: Config): 'socket' | 'http' | undefined {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  return config.SLACK_APP_TOKEN ? 'socket' : 'http';
}

/** Whether Feishu/Lark is configured, and how events arrive: the long connection unless a request URL is set up. */
export function feishuMode(config: Config): 'long-connection' | 'http' | undefined {
  if (!config.FEISHU_APP_ID || !config.FEISHU_APP_SECRET) return undefined;
  return config.FEISHU_VERIFICATION_TOKEN || config.FEISHU_ENCRYPT_KEY ? 'http' : 'long-connection';
}

export type ConfigResult = { ok: true; config: Config; warnings: string[] } | { ok: false; message: string };

/** Parses the environment; an empty value counts as unset so `.env.example` can be copied as is. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const known = CONFIG_KEYS;
  const input = Object.fromEntries(
    known.map((key) => [key, env[key]?.trim() ? env[key]!.trim() : undefined]).filter(([, v]) => v !== undefined),
  );
  const parsed = ConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data, warnings: unknownSettingWarnings(env, known) };
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    const value = /TOKEN|SECRET|KEY|DATABASE_URL/.test(key) ? (input[key] ? '"…"' : '""') : JSON.stringify(input[key] ?? '');
    return `${key}=${value} ${issue.message.replace(/^Invalid option: expected one of/, 'must be one of')}`;
  });
  return { ok: false, message: `Configuration error: ${problems.join('; ')}. Fix it in the environment or .env (see .env.example).` };
}

/** Loads `.env` into the environment if there is one; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
