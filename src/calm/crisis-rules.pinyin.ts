import type { CrisisRules } from './crisis-rule.js';

/**
 * Chinese said by sound: typed in pinyin ("bu xiang huo le") or with a homophone slip of the
 * input method ("不想或了"). Read on the toneless pinyin of the Chinese text followed by the
 * Latin text; only the plainest phrases, as sounds are ambiguous (相似 and 想死 are both "xiang si").
 */
export const PINYIN_RULES: CrisisRules = {
  complaint: /tou ?su|qi ?su|lv ?shi|lu ?shi/,
  someoneElse: /\b(?:ta|ke ?hu|kehu)\b/g,
  writer: /\bwo\b/g,
  window: 12,
  clauseEnd: / \. /,
  hyperbole: [/\bxiang ?si ?(?:ni|nin|ta|wo|da ?jia) ?le\b|\bxiang ?si ?de ?xin\b/g],
  sincere: /\bbu ?shi ?kai ?wan ?xiao\b|\bren ?zhen ?de\b/,
  negation: [/\bbu ?hui ?(?:zi ?sha|xiang ?bu ?kai)\b/g],
  self: [
    {
      id: 'pinyin',
      pattern:
        /\b(?:bu ?(?:xiang|yao) ?(?:zai ?)?huo|huo ?bu ?xia ?qu|(?:wo|hao|zhen|zhi|jiu) ?xiang ?(?:qu ?)?si|xiang ?qu ?si|zi ?sha|tiao ?lou|qing ?sheng|xun ?si|zi ?can|ge ?wan|yi ?si ?liao ?zhi|yi ?liao ?bai ?liao|jie ?shu ?sheng ?ming|si ?le ?suan ?le|huo ?zhe ?mei ?yi ?si)\b/,
    },
  ],
  threat: [],
};
