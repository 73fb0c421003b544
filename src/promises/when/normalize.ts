/**
 * Folds what agents type into one form the grammar reads: full-width ASCII to ASCII, ASCII
 * letters to lower case, and the Traditional characters of time words to Simplified. Every
 * replacement is one UTF-16 unit for one, so positions in the result are positions in what was
 * typed and the note can be cut from the original text.
 */
const TRADITIONAL: Record<string, string> = {
  點: '点', 時: '时', 週: '周', 後: '后', 個: '个', 兩: '两', 鐘: '钟', 頭: '头', 禮: '礼', 內: '内',
  號: '号', 這: '这', 裡: '里', 間: '间', 淩: '凌', 過: '过', 約: '约', 盡: '尽', 儘: '尽', 馬: '马',
  為: '为', 準: '准', 會: '会', 兒: '儿', 於: '于', 與: '与', 錯: '错', 並: '并', 剛: '刚', 鍾: '钟',
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
  return out;
}

function lower(c: string): string {
  return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
}
