import { z } from 'zod';

/** Locales that people write by hand; Traditional Chinese is derived from zh-CN. */
export const AuthoredLocale = z.enum(['zh-CN', 'en']);
export type AuthoredLocale = z.infer<typeof AuthoredLocale>;

export const Locale = z.enum(['zh-CN', 'zh-TW', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * Maps a platform or system locale tag (Slack `zh-TW`, Discord `zh-CN`, POSIX `en_US.UTF-8`,
 * `zh-Hant-HK`) to a supported locale; undefined when the tag names none of them.
 */
export function localeFromTag(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.replace(/\..*$/, '').replace(/_/g, '-').toLowerCase();
  if (t === 'zh' || t.startsWith('zh-')) {
    return /(^|-)(hant|tw|hk|mo)(-|$)/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}
