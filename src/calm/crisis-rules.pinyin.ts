import { pinyin } from '../text/pinyin.js';
import type { CrisisRules } from './crisis-rule.js';
import { keyPhraseSounds } from './crisis-homophones.js';
import { once } from '../text/once.js';

/**
 * Chinese said by sound: typed in pinyin ("bu xiang huo le", "cheng bu xia qu le") or with a
 * homophone slip of the input method that crisis-homophones.ts did not repair ("不想或了"). Read
 * on the toneless pinyin of the Chinese text followed by the Latin text; only the plainest
 * phrases and the longer key phrases, as sounds are ambiguous (相似 and 想死 are both "xiang si").
 */

/** The people a Chinese sentence may be about instead of the writer, by sound (客户 → "ke hu"). */
const OTHERS_ZH = ['客户', '客人', '顾客', '来电人', '来电者', '用户', '对方', '他', '她', '那人', '那个人', '那位', '这位', '奥客', '大爷', '大妈', '阿姨', '老人', '家属', '朋友', '同事', '妈妈', '爸爸', '孩子', '男的', '女的', '乘客', '旅客', '病人', '患者', '骑手', '司机', '商家'];
// Sound patterns are built on first read, so pinyin-pro loads with the first message checked (idle memory).
const othersSound = once(() => {
  const othersBySound = OTHERS_ZH.map((w) => pinyin(w, { toneType: 'none', type: 'array' }).join(' ?'));
  return new RegExp(`\\b(?<!(?:gen|dui|he|gei|gao su|wen|bang|ti|pei) )(?:${[...new Set(othersBySound)].join('|')})\\b(?! men\\b)`, 'g');
});

/** After "si": a measure word or a place makes it 四 (four) or 四川, not 死 (我想四点下班, 想去四川). */
const NOT_A_NUMBER = '(?! (?:dian|ge|hao|yue|tian|shi|bai|qian|wan|kuai|yuan|ci|lou|ceng|sui|nian|zhou|wei|fen|miao|tiao|dan|chuan|ji|xiao ?shi)\\b)';

export const PINYIN_RULES: CrisisRules = {
  complaint: /tou ?su|qi ?su|lv ?shi|lu ?shi/,
  get someoneElse() {
    return othersSound();
  },
  writer: /\b(?<!(?:gen|dui|gao su|he|gei|rang|wen|ma|chong|jiao|bi|qiu|zhao) )wo\b(?! (?:ma|ba|men)\b)/g,
  // About twelve Chinese characters, as "ke hu shuo ta ..." takes three to four letters a character.
  window: 64,
  clauseEnd: / \. /,
  hyperbole: [/\bxiang ?si ?(?:ni|nin|ta|wo|da ?jia) ?le\b|\bxiang ?si ?de ?xin\b/g],
  sincere: /\bbu ?shi ?kai ?wan ?xiao\b|\bren ?zhen ?de\b/,
  negation: [/\bbu ?hui ?(?:zi ?sha|xiang ?bu ?kai)\b/g],
  self: [
    {
      id: 'pinyin',
      pattern: new RegExp(
        `\\b(?:bu ?(?:xiang|yao) ?(?:zai ?)?huo|huo ?bu ?xia ?qu|(?:wo|hao|zhen|zhi|jiu) ?xiang ?(?:qu ?)?si${NOT_A_NUMBER}|xiang ?qu ?si${NOT_A_NUMBER}|zi ?sha|tiao ?lou|qing ?sheng(?! (?:xi yu|shuo|de|di|dian|jiang|wen|jiao|han|chang|gao su|ti xing)\\b)|xun ?si|zi ?can|ge ?wan(?! ?shang)|yi ?si ?liao ?zhi|yi ?liao ?bai ?liao|jie ?shu ?sheng ?ming|si ?le ?suan ?le|huo ?zhe ?mei ?yi ?si})\\b`,
      ),
    },
  ],
  threat: [],
};

/**
 * Chinese typed in pinyin only (the Latin text, not the sound of Chinese characters, whose slips
 * crisis-homophones.ts already repaired): the key phrases by sound, "cheng bu xia qu le", "yi le bai le".
 */
/**
 * Pinyin initials typed as a word, the way young staff abbreviate in chat: wxs (我想死), (w)bxhl (我不想活了), wxzs (我想自杀),
 * xqs (想去死), ylbl (一了百了), yslz (一死了之). Two-letter ones (xs, zs) are left out: XS is a size, zs a dozen words.
 */
const INITIALS = /\b(?:(?:wxq?s|xqs)(?:l|le)?|w?bxh(?:l|le)?|w?bxzh(?:l|le)?|w?xzs|w?xqzs|ylbl|yslz)\b/;

export const TYPED_PINYIN_RULES: CrisisRules = Object.create(PINYIN_RULES, {
  self: {
    enumerable: true,
    get: once(() => [
      { id: 'pinyin-typed', pattern: new RegExp(`\\b(?:${keyPhraseSounds().join('|')})\\b`) },
      { id: 'pinyin-initials', pattern: INITIALS },
    ]),
  },
}) as CrisisRules;
