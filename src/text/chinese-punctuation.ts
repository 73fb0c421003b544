const HAN = '\\p{Script=Han}';
const CJK_CLOSE = '\u201d\u300d\u300f\uff09\u3002';

// ASCII punctuation typed next to Chinese (an English keyboard, a copied snippet) becomes the
// full-width form a Chinese reader expects; digits keep theirs (1,000 and 15:30 stay).
const RULES: [RegExp, string][] = [
  [new RegExp(`(?<=[${HAN}${CJK_CLOSE}]),|,(?=[${HAN}])`, 'gu'), '\uff0c'],
  [new RegExp(`(?<=[${HAN}${CJK_CLOSE}]):|:(?=[${HAN}])`, 'gu'), '\uff1a'],
  [new RegExp(`(?<=[${HAN}${CJK_CLOSE}]);|;(?=[${HAN}])`, 'gu'), '\uff1b'],
  [new RegExp(`(?<=[${HAN}${CJK_CLOSE}])\\?`, 'gu'), '\uff1f'],
  [new RegExp(`(?<=[${HAN}${CJK_CLOSE}])!`, 'gu'), '\uff01'],
];
const PARENS = new RegExp(`\\(([^()]*[${HAN}][^()]*)\\)`, 'gu');
const QUOTES = /"([^"\n]+)"/g;

/** Full-width punctuation in Chinese text, leaving English and numbers as they are. */
export function fullWidthPunctuation(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  let out = text.replace(PARENS, '\uff08$1\uff09').replace(QUOTES, '\u201c$1\u201d');
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
