import * as OpenCC from 'opencc-js';

// OpenCC's Taiwan preset with phrases turns 宽带 into 寬頻 and 信息 into 資訊, which is
// what a reader in Taiwan expects; the reverse direction normalises Taiwan or Hong Kong
// text so that one Simplified index serves both.
const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });
const traditionalToSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });
const hongKongToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function toTraditional(text: string): string {
  return hasHan(text) ? simplifiedToTraditional(text) : text;
}

export function toSimplified(text: string): string {
  return hasHan(text) ? hongKongToSimplified(traditionalToSimplified(text)) : text;
}

/** True when the text has Han characters that only exist in Traditional writing. */
export function looksTraditional(text: string): boolean {
  return hasHan(text) && toSimplified(text) !== text;
}

/**
 * Builds the conversion dictionaries now rather than on the first Traditional query, so the
 * first agent who types Traditional Chinese does not wait for them.
 */
export function warmUpChineseScript(): void {
  toSimplified('\u7e41\u9ad4');
  toTraditional('\u7b80\u4f53');
}
