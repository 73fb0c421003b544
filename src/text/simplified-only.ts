import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';

let simplifiedOnly: Set<string> | undefined;

/**
 * Characters that exist only in Simplified writing, by a reverse check on OpenCC's dictionaries:
 * OpenCC converts them to something else, and no Traditional text OpenCC produces or reads
 * contains them (so 干 in 干擾 and 里 in 公里 are fine, 们 and 权 are not). For checks and tests.
 */
function simplifiedOnlySet(): Set<string> {
  if (simplifiedOnly) return simplifiedOnly;
  const traditional = new Set<string>();
  const addAll = (text: string) => {
    for (const ch of text) traditional.add(ch);
  };
  for (const dict of [STCharacters, STPhrases, TWPhrases, TWVariants, TWVariantsPhrases]) {
    for (const entry of dict.split('|')) addAll(entry.slice(entry.indexOf(' ') + 1));
  }
  for (const entry of TSCharacters.split('|')) addAll(entry.slice(0, entry.indexOf(' ')));
  const out = new Set<string>();
  for (const entry of STCharacters.split('|')) {
    const [from] = entry.split(' ');
    if (from && !traditional.has(from)) out.add(from);
  }
  return (simplifiedOnly = out);
}

/** The distinct Simplified-only characters in a text, in order of first appearance. */
export function simplifiedOnlyCharacters(text: string): string[] {
  const set = simplifiedOnlySet();
  return [...new Set([...text].filter((ch) => set.has(ch)))];
}
