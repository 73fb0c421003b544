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
 * indexed by their first two characters, and each text gets a trie of only the phrases that can
 * occur in it. A phrase can only match where its first two characters occur, so the result is
 * the same as with the full dictionary (tests compare the two on every knowledge file).
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
/** Phrase entries ("source target") by the first two UTF-16 units of the source; the regional list first, then the main list, so the main list wins. */
let phrasesByBigram: Map<string, string[]> | undefined;

function phraseIndex(): Map<string, string[]> {
  if (phrasesByBigram) return phrasesByBigram;
  const index = new Map<string, string[]>();
  for (const dict of [STPhrasesRegional, STPhrases]) {
    for (const entry of dict.split('|')) {
      const key = entry.slice(0, 2);
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  return (phrasesByBigram = index);
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
    for (const entry of index.get(bigram) ?? []) {
      const space = entry.indexOf(' ');
      trie.addWord(entry.slice(0, space), entry.slice(space + 1));
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
