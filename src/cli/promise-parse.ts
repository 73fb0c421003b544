import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { teamDayOf, type Config } from '../config.js';
import { isValidTimeZone } from '../core/dates.js';
import { Locale } from '../i18n/locale.js';
import { parseWhen, type TeamDay } from '../promises/parse-when.js';
import { isoWithOffset } from '../promises/when/zoned.js';

export const PROMISE_PARSE_USAGE =
  '  frontline promise parse --json [--batch] --now <ISO> --tz <zone> [--locale zh-CN|zh-TW|en] ["<when> <note>"]\n';

export interface ParsedLine {
  text: string;
  /** The due time with the zone's offset; null when the bot would refuse the line. */
  at: string | null;
  note: string | null;
}

/** What `/promise <text>` would record, read exactly as the bot reads it. */
export function parseLine(text: string, options: { now: Date; timeZone: string; teamDay: TeamDay }): ParsedLine {
  const result = parseWhen(text, options);
  return result.ok
    ? { text, at: isoWithOffset(result.dueAt, options.timeZone), note: result.note }
    : { text, at: null, note: null };
}

/** `frontline promise parse …`: one JSON object per input line, for checking and for support. */
export async function promiseParseCommand(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      batch: { type: 'boolean' },
      now: { type: 'string' },
      tz: { type: 'string' },
      locale: { type: 'string' },
    },
  });
  const fail = (message: string) => {
    process.stderr.write(`${message}\nUsage:\n${PROMISE_PARSE_USAGE}`);
    return 2;
  };
  if (!values.json) return fail('promise parse writes JSON; add --json');
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) return fail(`--now "${values.now}" is not an ISO 8601 time such as 2026-12-02T14:10:00+08:00`);
  const timeZone = values.tz ?? config.TEAM_TIMEZONE;
  if (!isValidTimeZone(timeZone)) return fail(`--tz "${timeZone}" is not an IANA time zone such as Asia/Shanghai`);
  // The locale changes only the language of the bot's answers, not how a time is read; it is checked so a typo is not ignored.
  if (values.locale !== undefined && !Locale.safeParse(values.locale).success) return fail(`--locale must be one of ${Locale.options.join(', ')}`);

  const options = { now, timeZone, teamDay: teamDayOf(config) };
  const write = (text: string) => process.stdout.write(`${JSON.stringify(parseLine(text, options))}\n`);
  if (values.batch) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim()) write(line.trim());
    }
    return 0;
  }
  if (!positionals.length) return fail('give the line to read, or --batch to read lines from stdin');
  write(positionals.join(' '));
  return 0;
}
