import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isValidTimeZone } from './core/dates.js';
import { Locale } from './core/locale.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'use true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const hostTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

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
  CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment; an empty value counts as unset so `.env.example` can be copied as is. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const known = Object.keys(ConfigSchema.shape);
  const input = Object.fromEntries(
    known.map((key) => [key, env[key]?.trim() ? env[key]!.trim() : undefined]).filter(([, v]) => v !== undefined),
  );
  const parsed = ConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    return `${key}=${JSON.stringify(input[key] ?? '')} ${issue.message.replace(/^Invalid option: expected one of/, 'must be one of')}`;
  });
  return { ok: false, message: `Configuration error: ${problems.join('; ')}. Fix it in the environment or .env (see .env.example).` };
}

/** Loads `.env` into the environment if there is one; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
