import { hasHan, looksTraditional } from '../text/chinese-script.js';
import type { Locale } from '../i18n/locale.js';

/**
 * The locale to answer in, given what the person typed. Chinese text means the customer
 * speaks Chinese, so it gets a Chinese answer even for an English-speaking agent, and
 * Traditional writing gets Traditional; other text keeps the person's own locale.
 * A locale the person chose explicitly always wins.
 */
export function localeForText(text: string, userLocale: Locale, explicit = false): Locale {
  if (explicit || !hasHan(text)) return userLocale;
  if (userLocale === 'zh-TW' || looksTraditional(text)) return 'zh-TW';
  return 'zh-CN';
}
