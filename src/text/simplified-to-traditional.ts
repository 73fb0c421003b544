import { Trie } from 'opencc-js/core';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrasesRegional from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';

/**
 * OpenCC's Simplified → Traditional (Taiwan) conversion, s2twp and s2tw, with the same
 * dictionaries and the same steps as opencc-js, built for a lighter process.
 *
 * opencc-js loads its 49,000 Simplified phrases into one trie of Maps, twice (segmentation and
 * conversion): about 85 MB for a converter. Here the phrases stay in their compact string form,
 * indexed by offset under their first character, and each text gets a trie of only the phrases
 * whose first two characters occur in it. A phrase can only match where its first two characters
 * occur, so the result is the same as with the full dictionary (a test compares the two on every
 * knowledge line).
 */

type Dict = string;

function trieOf(...dicts: Dict[]): Trie {
  const trie = new Trie();
  // Earlier dictionaries win, as in opencc-js: load the last first and let later loads overwrite.
  for (const dict of [...dicts].reverse()) trie.loadDict(dict);
  return trie;
}

let normalizer: Trie | undefined;
let characters: Trie | undefined;
let taiwanPhrases: Trie | undefined;
let taiwanVariants: Trie | undefined;
/** Both phrase lists as one "source target|…" string: the regional list first, so the main list, loaded after it, wins. */
let phraseText: string | undefined;
/**
 * Where each phrase entry starts in phraseText, by the first two UTF-16 units of its source
 * (numbers, not strings: small and cheap). Keyed by two units, not one, so a text looks at only
 * the phrases that can match it: under one character (不, 一, 人) there are thousands, and
 * scanning them for every bigram made rendering all 5,000 cases of a large knowledge folder take
 * seconds per thousand files.
 */
let phraseStarts: Map<string, number[]> | undefined;

function phraseIndex(): { text: string; starts: Map<string, number[]> } {
  if (phraseText && phraseStarts) return { text: phraseText, starts: phraseStarts };
  const text = `${STPhrasesRegional}|${STPhrases}`;
  const starts = new Map<string, number[]>();
  for (let at = 0; at < text.length; at = text.indexOf('|', at) + 1 || text.length) {
    const firstTwo = text.slice(at, at + 2);
    const list = starts.get(firstTwo);
    if (list) list.push(at);
    else starts.set(firstTwo, [at]);
  }
  phraseText = text;
  phraseStarts = starts;
  return { text, starts };
}

/** A trie of just the phrases whose first two characters occur in the text. */
function phrasesFor(text: string): Trie {
  const index = phraseIndex();
  const trie = new Trie();
  const seen = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    const bigram = text.slice(i, i + 2);
    if (seen.has(bigram)) continue;
    seen.add(bigram);
    for (const at of index.starts.get(bigram) ?? []) {
      const space = index.text.indexOf(' ', at);
      const end = index.text.indexOf('|', space);
      trie.addWord(index.text.slice(at, space), index.text.slice(space + 1, end < 0 ? undefined : end));
    }
  }
  return trie;
}

function convertWith(text: string, taiwan: Trie): string {
  normalizer ??= trieOf(CJKCompatibility);
  characters ??= trieOf(STCharacters);
  const normalized = normalizer.convert(text);
  const phrases = phrasesFor(normalized);
  return phrases
    .segment(normalized)
    .map((segment) => {
      const phrase = phrases.matchPrefix(segment, 0);
      const traditional = phrase && phrase.end === segment.length ? phrase.value : characters!.convert(segment);
      return taiwan.convert(traditional);
    })
    .join('');
}

/** OpenCC s2twp: Taiwan characters and Taiwan phrasing (宽带 → 寬頻, 信息 → 資訊). */
export function s2twp(text: string): string {
  taiwanPhrases ??= trieOf(TWPhrases, TWVariantsPhrases, TWVariants);
  return convertWith(text, taiwanPhrases);
}

/** OpenCC s2tw: Taiwan characters only, no change of wording (for names such as law titles). */
export function s2tw(text: string): string {
  taiwanVariants ??= trieOf(TWVariantsPhrases, TWVariants);
  return convertWith(text, taiwanVariants);
}
