import { blankFillIns } from '../core/fill-ins.js';
import type { Locale } from '../i18n/locale.js';
import type { Diagnostic } from './diagnostics.js';
import type { SourceFile } from './load-files.js';
import type { ScriptFile } from './schema.js';

/**
 * A say-line is read out word for word on any day at any hour, so it must not carry a fixed
 * day, date, clock time, time-of-day greeting or a deadline nobody has checked ("within 24
 * hours"). Those belong in a fill-in the agent completes: `[reply time]`, `[答复时间]`.
 * Text inside fill-ins is not checked.
 */
const NUM = '[0-9０-９]{1,2}';
const HAN_NUM = '[零〇一二两三四五六七八九十]{1,3}';
const DAY_PART = '(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|今晚|明早|夜里)';

const ZH: readonly RegExp[] = [
  /今天|明天|后天|昨天|前天|今晚|明早|明晚|今早|当天|下班前|本周|这周|下周|上周/u,
  /(?:周|星期|礼拜)[一二三四五六日天末]/u,
  /(?:早上|早晨|上午|中午|下午|晚上)好|早安|晚安/u,
  new RegExp(`${NUM}\\s*[点點时時](?:钟|半|整|前|之前|以前|后|左右)?`, 'u'),
  new RegExp(`${DAY_PART}${HAN_NUM}[点點]`, 'u'),
  new RegExp(`${HAN_NUM}[点點](?:钟|半|整|前|之前|以前)`, 'u'),
  new RegExp(`${NUM}\\s*[:：]\\s*[0-5][0-9]`, 'u'),
  new RegExp(`(?:${NUM}|${HAN_NUM})\\s*月\\s*(?:${NUM}|${HAN_NUM})\\s*[日号號]`, 'u'),
  new RegExp(`(?<![0-9])(?:${NUM}|${HAN_NUM})\\s*[号號](?![码碼线線楼樓])`, 'u'),
  new RegExp(`(?:[0-9]+|${HAN_NUM}|半)\\s*个?\\s*(?:小时|钟头|分钟|工作日|天|日|周|星期|月)\\s*(?:之内|以内|内)`, 'u'),
];

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const COUNT = '(?:[0-9]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty-four|forty-eight|half an?)';

const EN: readonly RegExp[] = [
  /\b(?:today|tomorrow|tonight|yesterday|this (?:morning|afternoon|evening)|(?:next|last|this) week|end of (?:the )?day|close of business)\b/iu,
  new RegExp(`\\b${WEEKDAY}s?\\b`, 'iu'),
  /\bgood (?:morning|afternoon|evening)\b/iu,
  /\b[0-9]{1,2}(?:[:.][0-5][0-9])?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/iu,
  /\b[0-9]{1,2}:[0-5][0-9]\b|\bo'clock\b|\b(?:by|at|before|until) (?:noon|midday|midnight)\b/iu,
  new RegExp(`\\b${MONTH} [0-9]{1,2}(?:st|nd|rd|th)?\\b|\\b[0-9]{1,2}(?:st|nd|rd|th)\\b`, 'iu'),
  new RegExp(`\\bwithin (?:the (?:next )?)?(?:${COUNT} )?(?:(?:working|business) )?(?:hours?|days?|weeks?|minutes?|months?)\\b`, 'iu'),
];

/** The earliest fixed time expression in a say-line, outside its fill-ins; undefined when there is none. */
export function findFixedTime(line: string, locale: Locale): string | undefined {
  const text = blankFillIns(line);
  const found = (locale === 'en' ? EN : ZH)
    .map((pattern) => pattern.exec(text))
    .filter((match) => match !== null)
    .sort((a, b) => a.index - b.index)[0];
  return found?.[0].trim();
}

export function checkTimeWords(scripts: readonly SourceFile<ScriptFile>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of scripts) {
    source.value.say.forEach((line, index) => {
      const found = findFixedTime(line, source.value.locale);
      if (!found) return;
      const fill = source.value.locale === 'en' ? '[reply time]' : '[答复时间]';
      out.push({
        severity: 'error',
        file: source.file,
        line: source.lineOf(['say', index]),
        message: `say line has a fixed time "${found}"; it is read out on any day, so use a fill-in the agent completes, e.g. ${fill} (see knowledge/README.md)`,
      });
    });
  }
  return out;
}
