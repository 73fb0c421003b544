/**
 * Whether a /calm message gives the learned crisis model enough of the writer's own words to
 * weigh. The model reads character and word statistics; on a bare feeling (我好累, "so tired") or
 * on platform markup alone (@everyone, *bold*) those statistics lean on fragments that crisis
 * messages share with ordinary ones, and it raised the full crisis reply where the feelings menu
 * was the answer. The rules still read every message; short crises they know (想死, kms) do not
 * need the model.
 */

/** Not the writer's own words: whoever is addressed (@name, an encoded <…> mention), and emphasis or code marks. */
const MARKUP = /<[^>\s]*>|@\S+|[*_~`>|]+/gu;

/** Chinese characters that only carry tone, degree or the speaker: what is left says what the person feels or means. */
const CHINESE_FILLERS = new Set('我你他她的了啊呀吧呢嘛喔哦噢呃嗯唉哎好很太超真是都也就还又再有点些么这那个'.split(''));

/** English words of the same kind. */
const ENGLISH_FILLERS = new Set(
  ("i im i'm me my am is are was be so very really just too quite bit a an the and but or " +
    'rn lol omg ugh like kinda sorta pretty totally literally feel feeling felt').split(' '),
);

/**
 * How much the writer said in their own words, without markup or fillers: each distinct Chinese
 * character counts one, each distinct English (or Bopomofo) word two, as a Chinese word is mostly
 * two characters (难过, 不想).
 */
export function ownWordsFor(text: string): number {
  const plain = text.replace(MARKUP, ' ').toLowerCase();
  const characters = new Set<string>();
  const words = new Set<string>();
  for (const [ch] of plain.matchAll(/\p{Script=Han}/gu)) if (!CHINESE_FILLERS.has(ch)) characters.add(ch);
  // Bopomofo counts too: ㄅ想活了 spells 不 with it.
  for (const [word] of plain.matchAll(/[\p{Script=Latin}\p{N}']{2,}|\p{Script=Bopomofo}+/gu)) if (!ENGLISH_FILLERS.has(word)) words.add(word);
  return characters.size + 2 * words.size;
}

/** The model is asked only about messages with more than one word of the writer's own (好难过 is one, 不想活 more). */
export const MIN_OWN_WORDS_FOR_MODEL = 3;

export function givesTheModelEnough(text: string): boolean {
  return ownWordsFor(text) >= MIN_OWN_WORDS_FOR_MODEL;
}
