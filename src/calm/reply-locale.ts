import type { Locale } from '../i18n/locale.js';
import { hasHan, looksTraditional, toTraditional } from '../text/chinese-script.js';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]{2,}|\bi\b/giu;
/** One toneless pinyin syllable: "bu", "xiang", "huo". */
const PINYIN_SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|v|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ang|eng|ing|ong|ia|iao|ian|iang|iong|ua|uo|uai|uan|uang)$/;

/**
 * The locale /calm answers in: the language the person wrote in, so English words get English
 * and Chinese gets Chinese in the script it was written in (Traditional → zh-TW, Simplified →
 * zh-CN, characters common to both → the person's own Chinese locale). Text with no words
 * (an emoji, a number) and Chinese typed in pinyin by a Chinese-speaking person keep the
 * person's locale. Unlike /script, a locale set with /locale does not override what they wrote:
 * someone in distress is answered in their own words' language.
 */
export function replyLocaleFor(text: string, userLocale: Locale): Locale {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(LATIN_WORD) ?? [];
  if (!han && !words.length) return userLocale;
  if (han && han >= words.length * 2) return chineseLocale(text, userLocale);
  const chineseUser = userLocale !== 'en';
  if (!han && chineseUser && words.length >= 2 && words.every((w) => PINYIN_SYLLABLE.test(w.toLowerCase()))) return userLocale;
  return 'en';
}

function chineseLocale(text: string, userLocale: Locale): Locale {
  if (looksTraditional(text)) return 'zh-TW';
  const onlyCommonCharacters = hasHan(text) && toTraditional(text) === text;
  return userLocale === 'zh-TW' && onlyCommonCharacters ? 'zh-TW' : 'zh-CN';
}
