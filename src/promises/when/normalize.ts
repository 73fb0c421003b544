/**
 * Folds what agents type into one form the grammar reads: full-width ASCII to ASCII, ASCII
 * letters to lower case, and the Traditional characters of time words to Simplified. Every
 * replacement is one UTF-16 unit for one, so positions in the result are positions in what was
 * typed and the note can be cut from the original text.
 */
const TRADITIONAL: Record<string, string> = {
  點: '点', 時: '时', 週: '周', 後: '后', 個: '个', 兩: '两', 鐘: '钟', 頭: '头', 禮: '礼', 內: '内',
  號: '号', 這: '这', 裡: '里', 間: '间', 淩: '凌', 過: '过', 約: '约', 盡: '尽', 儘: '尽', 馬: '马',
  為: '为', 倆: '俩', 準: '准', 會: '会', 兒: '儿', 於: '于', 與: '与', 錯: '错', 並: '并', 剛: '刚', 鍾: '钟',
  際: '际', 當: '当', 邊: '边', 隨: '随', 鬆: '松', 現: '现', 來: '来', 麼: '么', 飯: '饭',
  // Counter words that make N號 a thing (3號線, 5號樓, 2號櫃) rather than a date.
  樓: '楼', 線: '线', 櫃: '柜', 門: '门', 機: '机', 臺: '台', 廳: '厅', 廠: '厂', 棟: '栋', 單: '单',
  層: '层', 倉: '仓', 庫: '库', 車: '车', 碼: '码', 廂: '厢', 張: '张', 塊: '块', 區: '区',
};

export function normalize(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += lower(String.fromCharCode(code - 0xfee0));
    else if (code === 0x3000) out += ' ';
    else if (c === '～' || c === '〜') out += '~';
    else if (c === '—' || c === '–' || c === '－') out += '-';
    else if (c === '’' || c === '‘') out += "'";
    else if (c.length === 1) out += lower(TRADITIONAL[c] ?? c);
    else out += c;
  }
  return foldEnglishSlips(foldChineseSlips(out));
}

/**
 * Slips agents make at speed in Chinese time words (a homophone picked from the IME list, a
 * neighbouring key): each is folded only where the characters around it make it a time word, so
 * 伍先生, 小事, 中午 or 十分 elsewhere stay as typed. One character for one, like the rest.
 */
const NUMERAL = '(?:\\d|[零〇一二两三四五六七八九十])';
const ZH_SLIPS: [RegExp, (c: string) => string][] = [
  // 半消时, 一晓时: 小 of 小时, when a 时 (or one of its slips) follows.
  [new RegExp(`(?<=(?:半|${NUMERAL})\\s*个?\\s*)[消晓曉笑效校](?=\\s*[时是使失实實始])`, 'g'), () => '小'],
  // 半小使, 一小是内, 两个小失: 时 of 小时.
  [new RegExp(`(?<=(?:半|${NUMERAL})\\s*个?\\s*小\\s*)[是使失实實始]`, 'g'), () => '时'],
  // 30分种, 十五分中内: 钟 of 分钟, only at the end of the word.
  [new RegExp(`(?<=${NUMERAL}\\s*分)[种種中终終](?=\\s|$|[内后之以左前])`, 'g'), () => '钟'],
  // 下五4点, 上五十点: 午 of 上午/下午, only right before a clock time.
  [/(?<=[上下])[五伍舞武](?=\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[点时:])/g, () => '午'],
  // 三典, 4典半: 点 after a number.
  [new RegExp(`(?<=${NUMERAL}\\s*)典`, 'g'), () => '点'],
  // 3电, 四电半, 5电前: 点 after a number, only where 点 itself could end or go on (3电话, 2电池 stay).
  [new RegExp(`(?<=${NUMERAL})电(?=\\s|$|半|[一三]刻|钟|整|左右|之?前|以前|\\d{2}(?!\\d)|${NUMERAL}{1,3}分)`, 'g'), () => '点'],
  // 名天: 明天 picked from the IME list (名天 is no word).
  [/名(?=天)/g, () => '明'],
  // 礼拜伍, 星期叁, 下周陆: the formal numerals after a week word (not after a bare 周, a surname).
  [/(?<=星期|礼拜|[下这本个]周)[壹贰貳叁參肆伍陆陸]/g, (c) => FORMAL_NUMERALS[c]!],
];
const FORMAL_NUMERALS: Record<string, string> = { 壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六' };

function foldChineseSlips(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  for (const [re, to] of ZH_SLIPS) s = s.replace(re, to);
  return s;
}

/**
 * English time words typed at speed: a word of five letters or more that differs from one of these
 * by one letter, or by two neighbouring letters swapped, with the first letter right ("wihtin",
 * "firday", "minuets", "tomorrwo"), is read as that word; "teh" is "the". Only same-length slips, so
 * positions stay those of the typed text; a dropped or doubled letter is not folded (the common
 * ones of "tomorrow" are spelled out in the grammar).
 */
const EN_TIME_WORDS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend',
  'today', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'within', 'before',
  'minute', 'minutes', 'business', 'working',
];
/** Real words one slip from a time word: never folded. */
const EN_NOT_SLIPS = new Set(['sundry', 'sundae', 'toady', 'toddy', 'tokay', 'moaning', 'mooning', 'minuses', 'minuted', 'wording', 'worming', 'busyness']);
const EN_SHORT_SLIPS: Record<string, string> = { teh: 'the', hte: 'the' };

function foldEnglishSlips(s: string): string {
  return s.replace(/[a-z]+/g, (word) => EN_SHORT_SLIPS[word] ?? (word.length >= 5 && !EN_NOT_SLIPS.has(word) ? timeWordOf(word) : word));
}

function timeWordOf(word: string): string {
  const matches = EN_TIME_WORDS.filter((w) => w !== word && w.length === word.length && w[0] === word[0] && oneSlip(word, w));
  return matches.length === 1 && !EN_TIME_WORDS.includes(word) ? matches[0]! : word;
}

/** One letter different, or two neighbouring letters swapped (same length). */
function oneSlip(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

function lower(c: string): string {
  return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
}
