import { pinyin } from '../text/pinyin.js';

/**
 * Pinyin input methods offer the right sound with the wrong characters: 撑不下区 for 撑不下去,
 * 一了白了, 洁束这一切, 安眠要, 自沙, 跳搂, 不想或了. Wherever a run of the message sounds like one
 * of these key phrases (any reading of each character, tones ignored) and already shares at least
 * half of its characters with it, the run is read as the phrase, so every Chinese rule (with its
 * hyperbole, negation and "who is it about" checks) applies to the slip as to the real word.
 * Sharing half the characters keeps unrelated words apart (相似 sounds like 想死 but shares none);
 * short phrases that collide with common words (轻生/轻声, 寻死/寻思, 上吊/上调, 后事/后世, 想死/想四川) are left out.
 */
const KEY_PHRASES: readonly string[] = [
  '不想活', '活不下去', '不想再活', '活着没意思', '活着没意义', '活着好累', '活不动', '死了算了', '一死了之', '一了百了',
  '自杀', '割腕', '跳楼', '跳河', '跳江', '跳桥', '烧炭', '安眠药', '农药', '遗书',
  '结束生命', '结束自己', '结束这一切', '结束一切', '了结自己',
  '撑不下去', '熬不下去', '坚持不下去', '想不开', '做傻事', '不想醒来', '想消失', '永远消失', '解脱', '累赘', '拖累',
  '离开这个世界', '没人在乎', '应该消失', '不想存在', '轻生的念头', '轻生念头', '寻死的念头', '自杀的念头',
];

/** What follows a digit-like slip when it is really a number or a time: 我想四点走, 想四个. */
const NUMBER_AFTER = /^[点个号月天十百千万块元次楼层岁年周位分秒条单]/u;

/** A measure word after a number or 那/这 counts things (那条河, 一条江), it is not a slip for a verb (跳河). */
const COUNTED = /[条個个只根片张張座]/u;
const COUNTING = /[那这這哪一两兩几幾每三四五六七八九十\d]/u;

/** Key phrases with everyday uses the Chinese rules tell apart (想消失一会儿), not matched by sound alone. */
const ORDINARY_TOO: readonly string[] = ['想消失', '没人在乎'];

const readings = new Map<string, readonly string[]>();
function soundsOf(char: string): readonly string[] {
  let found = readings.get(char);
  if (!found) {
    found = /\p{Script=Han}/u.test(char) ? pinyin(char, { toneType: 'none', multiple: true, type: 'array', v: true }) : [];
    readings.set(char, found);
  }
  return found;
}

/** Fuzzy pinyin (模糊音), an input-method setting many southern speakers use: zh/z, ch/c, sh/s and -ng/-n are one key. */
const fuzzy = (syllable: string) => syllable.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n');

/** Same reading; for longer phrases, same reading under fuzzy pinyin too (轻身的念头 for 轻生的念头). */
const sameSound = (a: string, b: string, loose: boolean) =>
  a === b || soundsOf(a).some((s) => soundsOf(b).some((t) => s === t || (loose && fuzzy(s) === fuzzy(t))));

/** Key phrases by the fuzzy sound of their first character, longest first, so each position checks only a few. */
let byFirstSound: Map<string, string[][]> | undefined;
function phrasesStartingLike(char: string): readonly string[][] {
  if (!byFirstSound) {
    byFirstSound = new Map();
    for (const phrase of [...KEY_PHRASES].sort((a, b) => b.length - a.length)) {
      const chars = [...phrase];
      for (const sound of new Set(soundsOf(chars[0]!).map(fuzzy))) {
        const list = byFirstSound.get(sound) ?? [];
        list.push(chars);
        byFirstSound.set(sound, list);
      }
    }
  }
  const found = new Set<string[]>();
  for (const sound of soundsOf(char)) for (const phrase of byFirstSound.get(fuzzy(sound)) ?? []) found.add(phrase);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * The Simplified text with input-method slips of the key phrases spelled as the phrases. Dictated text (`dictated`:
 * the writer says speech-to-text typed it) picks characters by sound alone, so there a phrase of three or more
 * characters needs only one of them right: 安民要 for 安眠药.
 */
export function repairHomophones(han: string, dictated = false): string {
  if (!/\p{Script=Han}/u.test(han)) return han;
  const chars = [...han];
  for (let i = 0; i < chars.length; i++) {
    for (const phrase of phrasesStartingLike(chars[i]!)) {
      const n = phrase.length;
      if (i + n > chars.length || !sameSound(chars[i]!, phrase[0]!, n >= 4)) continue;
      if (chars[i] !== phrase[0] && COUNTED.test(chars[i]!) && COUNTING.test(chars[i - 1] ?? '')) continue;
      let same = 0;
      let sounds = true;
      for (let k = 0; k < n && sounds; k++) {
        if (chars[i + k] === phrase[k]) same++;
        else sounds = sameSound(chars[i + k]!, phrase[k]!, n >= 4);
      }
      if (!sounds || same === n || same * 2 < n && !(dictated && n >= 3 && same >= 1)) continue;
      if (NUMBER_AFTER.test(chars[i + n] ?? '')) continue;
      chars.splice(i, n, ...phrase);
      i += n - 1;
      break;
    }
  }
  return chars.join('');
}

/** Toneless pinyin patterns (every reading of every character) of the longer key phrases, for Chinese typed in pinyin. */
export function keyPhraseSounds(minLength = 3): string[] {
  return KEY_PHRASES.filter((p) => [...p].length >= minLength && !ORDINARY_TOO.includes(p)).map((p) =>
    [...p].map((c) => { const s = soundsOf(c); return s.length > 1 ? `(?:${s.join('|')})` : s[0]; }).join(' ?'),
  );
}
