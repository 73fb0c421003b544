import { pinyin } from '../text/pinyin.js';
import { toSimplified } from '../text/chinese-script.js';
import { REGIONAL_ENGLISH, toStandardMandarin } from './crisis-dialect.js';
import { repairHomophones } from './crisis-homophones.js';
import { SPOKEN_ENGLISH } from './crisis-speech.en.js';

/**
 * The forms the crisis rules read a message in. Chinese rules read `han`: Simplified
 * (Traditional and Hong Kong writing converted first), lower case, no spaces, punctuation kept
 * as clause marks. English rules read `latin`: lower-case words separated by single spaces,
 * contractions spelled out and chat spellings (kms, wanna, im, u) turned into plain words,
 * with ` . ` between sentences, so a rule can ask for "i do not want to" whatever was typed.
 */
export interface CrisisText {
  han: string;
  latin: string;
}

/** Spellings people type, in the order they are applied (contractions before slang, slang before typos). */
const LATIN_REWRITES: readonly (readonly [RegExp, string])[] = [
  [/[’‘`´]/g, "'"],
  ...SPOKEN_ENGLISH,
  // Laughing emoji (💀 is "I'm dying laughing" in chat) read as the word people would type.
  [/[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F480}\u2620]/gu, ' lol '],
  // Negative contractions, with or without the apostrophe ("dont", "cant", "wont").
  [/\bcan'?t\b/g, 'cannot'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bain'?t\b/g, 'am not'],
  [/\b(do|does|did|is|are|was|were|should|would|could|have|has|had|need|must)n'?t\b/g, '$1 not'],
  [/\bcannot\b/g, 'can not'],
  ...REGIONAL_ENGLISH,
  // "im", "i'm", "ive", "i'd", "i'll" (not "ill": "I feel ill" is common).
  [/\bi'?m\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\bi'd\b/g, 'i would'],
  // "id" for "I'd" only before a verb or an adverb of wanting ("where id do it"), never a customer ID.
  [/\bid\b(?= (?:do|rather|be|go|kill|end|take|jump|never|just|probably|better|want|like|love|ever|miss|leave|hurt|done|been|have))/g, 'i would'],
  [/\b(would|could|should)a\b/g, '$1'],
  // Caribbean "mi" as the object: "nobody would miss mi".
  [/\b(miss|find|help|want|need|love|see|hate|leave|notice) mi\b/g, '$1 me'],
  [/\bi'll\b/g, 'i will'],
  // "ill" for "I'll" only before a verb ("I feel ill" stays).
  [/(?<!\b(?:am|feel|feeling|felt|was|were|be|been|being|so|very|bit|really|got|getting|fell|falling|quite|is|are|too|seriously|mentally|terminally|critically) )\bill\b(?= (?:punch|kill|hurt|beat|go|be|make|pull|put|wait|follow|do|find|wait|stab|end|just|never|take|jump|show|get|have|call|smash|break|teach|slap|kick|bring|murder|see|cut|shoot|sort|deal|stop|leave|disappear|miss|finish))/g, 'i will'],
  [/\b(he|she|they|we|you|it|that|there|who|what|where|how|here)'?s\b/g, '$1 is'],
  [/\b(he|she|they|we|you|it|that|there|who)'ll\b/g, '$1 will'],
  [/\b(he|she|they|we|you|it|that|there|who)'d\b/g, '$1 would'],
  [/\b(they|we|you)'re\b/g, '$1 are'],
  [/\b(they|we|you)'ve\b/g, '$1 have'],
  [/\b(he|she|they)s\b(?= (?:going|gonna|coming|waiting|outside|got|been))/g, '$1 is'],
  [/'s\b/g, ''],
  // Chat spellings.
  [/\bwanna\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\bgotta\b/g, 'got to'],
  [/\btryna\b/g, 'trying to'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\br\b/g, 'are'],
  [/\b2\b(?= (?:die|live|be|end|kill|jump|go|do|wake|take|hurt|exist|see|get|come|find))/g, 'to'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\/(?= )/g, 'with'],
  [/\b(?:every1|evry1|errbody|erryone)\b/g, 'everyone'],
  [/\b(?:sum1|some1)\b/g, 'someone'],
  [/\b(?:no1|noone1)\b/g, 'nobody'],
  [/\b(?:no ?one|noone|no body)\b/g, 'nobody'],
  [/\bevery ?one\b|\bevery ?body\b/g, 'everyone'],
  [/\bany ?more\b/g, 'anymore'],
  [/\bsome ?one\b|\bsome ?body\b/g, 'someone'],
  [/\bbc\b|\bcuz\b|\bcoz\b|\bcos\b/g, 'because'],
  [/\brn\b/g, 'right now'],
  [/\btmr\b|\btmrw\b|\btomorow\b/g, 'tomorrow'],
  [/\bppl\b/g, 'people'],
  // Jamaican and Caribbean English: "mi nuh waan live again" (I don't want to live anymore).
  [/\b(?:mi|me) (?:nuh|nah|no) (?:waan|wan|wah)\b/g, 'i do not want to'],
  [/\bwaan\b/g, 'want'],
  [/\bnuh\b/g, 'not'],
  // Words people use so as not to write the word itself.
  [/\b(be|here|around|live|living|exist|go on|do this|do it) no more\b/g, '$1 anymore'],
  [/\bdone[.!,…]+\s*with\b/g, 'done with'],
  [/\bkms\b/g, 'kill myself'],
  [/\bkys\b/g, 'kill yourself'],
  [/\bun-?aliv(?:e|ed|ing)(?! (?:him|her|them|you|that|this|the|your|a|an|some|my|these|those|all|every|\d)\b)(?: myself)?\b/g, 'kill myself'],
  [/\bun-?aliv(?:e|ed|ing)\b/g, 'kill'],
  [/\bsewer ?slide\b|\bsuicid\w*\b|\bsu1c1de\b|\bs\*\*cide\b/g, 'suicide'],
  [/\bself[- ]?harm\w*\b/g, 'selfharm'],
  [/\bo\.?d\b(?=\W*$| on| again| tonight| today)|\bod'?(?:ing|ed)\b/g, 'overdose'],
  [/\bcommit (?:die|toaster bath)\b/g, 'suicide'],
  // Typos of the words the rules hinge on.
  [/\bmy ?s[ea]l?[fd]\b|\bmysefl\b|\bmyslef\b|\bmyelf\b|\bmysself\b|\bmy selfe?\b/g, 'myself'],
  [/\bkil+\b/g, 'kill'],
  [/\bkil+ing\b/g, 'killing'],
  [/\bdi?ss?app?ear\b/g, 'disappear'],
  [/\banymor\b/g, 'anymore'],
  [/\bwnat\b|\bwnt\b|\bwan\b/g, 'want'],
  [/\bpils\b/g, 'pills'],
  [/\bdei\b|\bdie+\b/g, 'die'],
];

/**
 * Long words a rule hinges on; a typed word one letter away (dropped, added, changed or two
 * swapped: "suicdal", "threatend", "myslef") is read as the word. Short words are not
 * guessed at: "die" is one letter from "due".
 */
const KEY_WORDS: readonly string[] = [
  'suicide', 'suicidal', 'myself', 'overdose', 'overdosing', 'disappear', 'threatened', 'threatening', 'threaten',
  'anymore', 'burden', 'paracetamol', 'painkillers', 'sleeping', 'tablets', 'address', 'waiting', 'outside', 'followed', 'following', 'stalking', 'goodbye', 'everyone', 'nobody',
];

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

function spellingOf(word: string): string {
  if (word.length < 6 || KEY_WORDS.includes(word)) return word;
  return KEY_WORDS.find((key) => oneEditApart(word, key)) ?? word;
}

/** The writer says speech-to-text typed the message (crisis-homophones.ts then trusts sound more). */
const DICTATED = /语音|語音|口述|转文字|轉文字|语音输入|說的字|说的字|念的字|讲的字|講的字/u;

/** Reads a message for the crisis rules. */
export function readCrisisText(text: string): CrisisText {
  const base = text.normalize('NFKC').toLowerCase();
  // Zhuyin and digits typed for 死 in chat: "想ㄙ", "去4", "ㄙ了算了" (not "4点").
  const han = repairHomophones(toSimplified(toStandardMandarin(base))
    // Pinyin initials standing alone in Chinese chat: zs 算了 (自杀), xs 没人懂 (想死); not inside a word (xswl).
    .replace(/(?<![a-z])zs(?![a-z])(?=\s*(?:算了|的念头|的想法|了|吧|$|[\p{Script=Han}，。！,.!]))/gu, '自杀')
    .replace(/(?<=^|[我好真])xs(?![a-z])(?=\s*(?:$|[\p{Script=Han}，。！,.!]))(?!\s*码)/gu, '想死')
    .replace(/(?<=[想要去])tiao(?=下去|楼|河|江|海|桥)/gu, '跳')
    // Zhuyin for 不: ㄅㄨˋ想活了, ㄅ想活了.
    .replace(/ㄅㄨˋ?|ㄅ(?=[想要会會用])/gu, '不')
    .replace(/\s+/gu, '')
    // Pills, blades and rope typed as emoji read as the words.
    .replace(/\u{1F48A}/gu, '药')
    .replace(/\u{1F52A}|\u{1FA92}/gu, '刀')
    .replace(/\u{1FAA2}/gu, '绳子')
    .replace(/ㄙˇ?/gu, '死')
    // Pinyin initials for the words after a wish: 想zs (自杀), 想tl (跳楼).
    .replace(/(?<=[想要去该准备打算])zs(?![a-z])/gu, '自杀')
    .replace(/(?<=[想要去该准备打算])tl(?![a-z])/gu, '跳楼')
    .replace(/(?<=[想去要该])(?:4|si|sǐ|s1)(?=$|[了吧啦啊喔哦算，。！!？?ㄛㄚㄌㄅㄇ,.~])/gu, '死')
    // A bare s for 死 after 想, when the writer says they mean it: 我是真的想s.
    .replace(/(?<=(?:真的|真|好|就|我)想)s(?=$|[了吧啦啊喔哦算哈，。！!？?,.~])/gu, '死'), DICTATED.test(base));
  let latin = base.replace(/[a-z]+/g, spellingOf);
  for (const [pattern, replacement] of LATIN_REWRITES) latin = latin.replace(pattern, replacement);
  latin = latin
    .replace(/[.!?;:\n。！？；…]+/gu, ' . ')
    .replace(/[^a-z0-9.\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { han, latin: ` ${latin} ` };
}

/**
 * Chinese by sound: the toneless pinyin of the Chinese runs, then the Latin text, for Chinese
 * typed in pinyin ("bu xiang huo le") or with an input-method homophone slip ("不想或了").
 * Built from text whose hyperbole and negations are already removed.
 */
export function soundOf(han: string, latin: string): string {
  const sound = han.replace(/\p{Script=Han}+|[^\p{Script=Han}]+/gu, (run) =>
    /\p{Script=Han}/u.test(run) ? ` ${pinyin(run, { toneType: 'none', type: 'array', v: true }).join(' ')} ` : /[。！？!?；;\n]/u.test(run) ? ' . ' : ' , ',
  );
  return ` ${sound} ${latin} `.replace(/\s+/g, ' ');
}
