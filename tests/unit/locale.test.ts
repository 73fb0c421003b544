import { describe, expect, it } from 'vitest';
import { localeFromTag } from '../../src/i18n/locale.js';
import { localeForText } from '../../src/core/text-locale.js';
import { looksTraditional, toSimplified, toTraditional } from '../../src/text/chinese-script.js';

describe('locale tags from platforms and systems', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['en-US', 'en'],
    ['en_GB.UTF-8', 'en'],
    ['fr-FR', undefined],
    ['', undefined],
  ])('%s → %s', (tag, expected) => expect(localeFromTag(tag)).toBe(expected));
});

describe('reply locale from what was typed', () => {
  it('keeps the user locale for English text', () => expect(localeForText('refund', 'zh-CN')).toBe('zh-CN'));
  it('answers Chinese text in Chinese', () => expect(localeForText('退费', 'en')).toBe('zh-CN'));
  it('answers Traditional text in Traditional', () => expect(localeForText('寬帶移機', 'zh-CN')).toBe('zh-TW'));
  it('keeps Traditional for a zh-TW user typing Simplified', () => expect(localeForText('宽带', 'zh-TW')).toBe('zh-TW'));
  it('lets an explicit choice win', () => expect(localeForText('退费', 'en', true)).toBe('en'));
});

describe('Chinese script conversion (OpenCC)', () => {
  it('round-trips and uses Taiwan phrasing', () => {
    expect(toTraditional('宽带移机')).toBe('寬頻移機');
    expect(toSimplified('寬頻移機')).toBe('宽带移机');
    expect(looksTraditional('網路')).toBe(true);
    expect(looksTraditional('网络')).toBe(false);
  });
});
