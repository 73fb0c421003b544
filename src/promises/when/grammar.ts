import { Cursor } from './cursor.js';
import { readDuration } from './durations.js';
import { CN, NUM, num } from './numbers.js';

/**
 * The grammar of the time words at the start of `/promise <when> <note>`, in Chinese (Simplified
 * and Traditional, after `normalize`) and English. It reads only the leading phrase, one piece at a
 * time (a day, a part of the day, a clock time or range, a word such as 前/左右/by), and stops at the
 * first word that is not one of them: everything from there on is the note, so note words such as
 * "3号包裹", "明天的快递" or "tomorrow's delivery" are never read as time.
 *
 * What the words mean (which day, which hour) is decided in `resolve.ts`; this module only says what
 * was written.
 */

/** first-thing: the start of the team's working day (一早, 一上班, "first thing"), not a part of the clock. */
export type Part = 'small-hours' | 'first-thing' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

/** Phrases with no time a team can agree on; the agent gets a hint instead of a guess. */
export type VagueHint = 'evening' | 'night' | 'asap' | 'later' | 'this-week' | 'weekend' | 'next-week' | 'month-end' | 'past-day' | 'lunch';

export type DayRef =
  | { kind: 'offset'; days: number }
  /**
   * coming: the coming one (today included; English "this Monday" too: said of a reply, it looks ahead, as
   * rule 6 reads a weekday); this: this calendar week's (这周一), which may have passed; next: in the next
   * calendar week; after-next: the week after (下下周一); after-today: the coming one after today ("next Friday").
   */
  | { kind: 'weekday'; iso: number; week: 'coming' | 'this' | 'next' | 'after-next' | 'after-today' }
  | { kind: 'date'; month?: number; day: number; year?: number }
  | { kind: 'workdays'; count: number }
  /** 本周内, "before the weekend": the last working day of this calendar week (Mon–Sun). */
  | { kind: 'this-week' };

export interface ClockRef {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
  /** Written as a 24-hour time (15点, 03:00, 0点): no afternoon guess applies. */
  fixed: boolean;
  /** 差十分四点, 四点差十分: minutes short of the hour as written (the hour is read first: 差十分八点 = 07:50). */
  short?: number;
}

export type Reading =
  | { kind: 'duration'; ms: number; length: number }
  | { kind: 'vague'; hint: VagueHint; length: number }
  | {
      kind: 'moment';
      length: number;
      day?: DayRef;
      part?: Part;
      clock?: ClockRef;
      /** For a range ("3点到4点", "3-4pm"), its start; `clock` is its end, which is what counts. */
      rangeStart?: ClockRef;
      /** 下班前, EOD, end of day: the team's day end. */
      dayEnd?: boolean;
      /** "3pm UTC": the clock is in UTC, not the agent's zone. */
      utc?: boolean;
    };

// ---------------------------------------------------------------------------------------------
// The pieces of a moment. All regexes are sticky: they match at the cursor or not at all.

const WEEKDAY_WORDS = 'monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun';
const EN_END = "(?![a-z0-9'])";
const EN_PREFIX = new RegExp(`(?:no\\s+later\\s+than|not\\s+later\\s+than|latest\\s+by|by|before|b4|until|till|til|at|around|about|approx\\.?|approximately|roughly|sometime|on|~|@)${EN_END}|[~@]`, 'y');
const BARE_HOUR_AFTER = /^(?:by|before|b4|until|till|til|at|around|about|approx\.?|approximately|roughly|~|@|no\s+later\s+than|not\s+later\s+than|latest\s+by)$/;
const ZH_PREFIX = /(?:最晚|最迟|最好|不晚于|截止到|截止|截至|大概|大约|约莫|约|差不多|预计|争取|尽量|在|于)/y;

const ZH_DAY = /(大后天|后天|明天|明日|明儿|今天|今日|今儿|当天|当日)/y;
const ZH_DAY_OFFSETS: Record<string, number> = { 大后天: 3, 后天: 2, 明天: 1, 明日: 1, 明儿: 1, 今天: 0, 今日: 0, 今儿: 0, 当天: 0, 当日: 0 };
const ZH_DAY_WITH_PART = /(今早|今晨|明早|明晨|今晚|明晚|今夜|明夜|后天早上|后天晚上)/y;
const ZH_DAY_PARTS: Record<string, [number, Part]> = {
  今早: [0, 'morning'], 今晨: [0, 'morning'], 明早: [1, 'morning'], 明晨: [1, 'morning'],
  今晚: [0, 'evening'], 明晚: [1, 'evening'], 今夜: [0, 'evening'], 明夜: [1, 'evening'],
  后天早上: [2, 'morning'], 后天晚上: [2, 'evening'],
};
const ZH_WEEKDAY = /(?:(下下个?|下个?|这个?|本)\s*)?(?:周|星期|礼拜)([一二三四五六日天1-7])/y;
const ZH_WEEKDAY_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
/** Counter words after N号/N日 that make it a thing (3号线, 5号楼, 2号柜), not a date. */
const NOT_A_DATE = '(?![线楼柜门机窗台房床桌座位包箱仓库口站厅厂栋单元室层件个车码款型])';
const ZH_DATE = new RegExp(`(?:(\\d{4})\\s*年\\s*)?(${NUM})\\s*月\\s*(${NUM})\\s*(?:日|号)?${NOT_A_DATE}`, 'y');
const ZH_DAY_OF_MONTH = new RegExp(`(${NUM})\\s*(?:日|号)${NOT_A_DATE}`, 'y');
/** 12月2到3日, 5号到8号: a range of dates is its end (rule 4). */
const ZH_DATE_RANGE_END = new RegExp(`\\s*(?:到|至|-|~)\\s*(${NUM})\\s*(?:日|号)${NOT_A_DATE}`, 'y');
/** 3个工作日内; 2到3个工作日, 两三个工作日: a range is its end. */
const ZH_WORKDAYS = new RegExp(
  `(?:${NUM}\\s*(?:个\\s*)?(?:工作日|工作天)?\\s*(?:到|至|-|~|或)\\s*|[一两二三四五六七八九](?=[二三四五六七八九]\\s*个?\\s*(?:工作日|工作天)))?` +
    `(${NUM})\\s*个?\\s*(?:工作日|工作天)(?:之内|以内|内|后|之后)?`,
  'y',
);
const ZH_DAY_END = /(?:下班|收工|今天下班|下班时间)(?:之前|以前|前)?/y;
const ZH_PARTS: [RegExp, Part][] = [
  [/凌晨/y, 'small-hours'],
  [/(?:早上|早晨|清晨|上午|早(?=\s*(?:\d|[一二两三四五六七八九十])))/y, 'morning'],
  [/(?:中午|正午|午间)/y, 'noon'],
  [/(?:下午|午后)/y, 'afternoon'],
  [/(?:傍晚|晚上|晚间|夜里|夜晚|晚(?=\s*(?:\d|[一二两三四五六七八九十])))/y, 'evening'],
  [/(?:半夜|深夜|午夜)/y, 'night'],
];
/**
 * 上午那个客户, 下午的单子, 早上这位: a part of the day followed straight by 那/这/的 describes the
 * note's subject ("the customer from this morning"), not when to reply. 那边/这里 (whose side) and
 * 的时候/的话 still go with the time.
 */
const PART_DESCRIBES_NOTE = /^(?:的(?!时候|话)|[那这](?![边里儿会时])|哪)/;
const ZH_VAGUE: [RegExp, VagueHint][] = [
  // A day that has passed (昨天下午3点, 上周五): the agent meant another day, and only they know which.
  [/(?:昨天|昨日|昨儿|昨晚|昨夜|前天|前日|前儿|上上?个?(?:周|星期|礼拜))/y, 'past-day'],
  [/(?:这个?|本|下个?)?(?:周末|礼拜六日|星期六日)/y, 'weekend'],
  [/下个?月(?:初|底|中|末)/y, 'month-end'],
  [/(?:尽快|尽早|马上|立刻|立即|赶紧|越快越好|第一时间|随时)/y, 'asap'],
  [/(?:稍后|稍晚|一会儿?|待会儿?|等会儿?|等一下|晚点|晚些|迟点|迟些|过会儿?|回头)/y, 'later'],
  [/(?:月底|月末|月初|月中|年底|年前|节后)/y, 'month-end'],
  [/(?:本周|这周|这个?星期|本星期|这个?礼拜|本礼拜)(?![一二三四五六日天1-7])(?:之内|以内|内)?/y, 'this-week'],
  [/(?:下个?(?:周|星期|礼拜))(?![一二三四五六日天1-7])/y, 'next-week'],
];

/**
 * Within this week, before the weekend (rule 7b): by the day end of the week's last working day.
 * Only with 内/前 or by/before/within: a bare 本周 or "this week" says no day and gets a hint.
 */
const THIS_WEEK = new RegExp(
  '(?:本|这个?)\\s*(?:周|星期|礼拜)\\s*(?:之内|以内|内)(?![容部线存])|周末(?:之前|以前|前)(?![台面往去天边线])' +
    '|(?:(?:by|before|b4|ahead\\s+of)\\s+(?:the\\s+)?weekend|within\\s+(?:this|the)\\s+week' +
    '|(?:(?:by|before)\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?(?:work\\s*)?week|(?:by\\s+)?eow)(?![a-z])',
  'y',
);
/** Tagalog, as Filipino agents write it: bukas = tomorrow, read only with a clock time or part of the day after it. */
const TAGALOG_TOMORROW = /bukas(?![a-z])/y;

/** 一早, 一上班, "first thing": when the team's day starts. 明早一上班 says it after a morning word. */
const FIRST_THING = /(?:一大早|一早|一上班|上班第一时间|first\s+thing(?:\s+in\s+the\s+morning)?)(?![a-z])/y;
/**
 * Lunch: before it is by noon; at or after it has no time a team can agree on (午饭后 is 12:30 for
 * one agent and 14:00 for another), so it gets a hint. Read before the English prefixes, which
 * would otherwise take "before"/"at" and leave a bare "lunch".
 */
const ZH_LUNCH = /(?:吃完|吃过)(?:午饭|午餐|中饭|中餐)|(?:午饭|午餐|中饭|中餐|午休)(?:(之前|以前|前)|之后|以后|后|时间|的时候|时|(?=\s|$))/y;
const EN_LUNCH = /(?:(before|by)\s+|(?:after|at|over|during|around|by|after\s+my)\s+)?(?:lunch\s*(?:time|break|hour)?)(?![a-z])/y;
/** 一周内, 3天内, "within a week": by the team day end that many days on, as N个工作日内 is. */
const ZH_WITHIN_DAYS = new RegExp(`(${NUM})\\s*个?\\s*(天|日|周|星期|礼拜)\\s*(?:之内|以内|内)`, 'y');
/**
 * 2到3天, 两三天内: a range of days is its end, at the day end (rules 4 and 7b). Only with 天 (2到3日
 * may be dates), and not 2到3天后 (a duration) or 两三天 alone (a couple of days: no day said).
 */
const ZH_DAYS_RANGE = new RegExp(
  `(?:(${NUM})\\s*天?\\s*(?:到|至|-|~|或)\\s*(${NUM})\\s*个?\\s*天(?:\\s*(?:之内|以内|内))?` +
    `|([一两二三四五六七八九])([二三四五六七八九])\\s*个?\\s*天\\s*(?:之内|以内|内))(?!\\s*(?:之后|以后|后|多|半|左右))`,
  'y',
);
const EN_WITHIN_DAYS = /(?:within|in\s+the\s+next)\s+(?:(?:\d{1,2}|one|two|three|four|five)\s*(?:-|to|or)\s*)?(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)(?![a-z])/y;
/** "tomorrow am": the morning or the afternoon of a named day. */
const EN_DAY_AMPM = /(a\.?m\.?|p\.?m\.?)(?![a-z])/y;

/** 3点, 三点钟, 15时, 3点半, 3点一刻, 3点15, 3点15分, 十点零五. */
const ZH_CLOCK = new RegExp(`(${NUM})\\s*(?:点|时)`, 'y');
const ZH_HALF = /(?:半|30分)/y;
const ZH_QUARTER = /([一三])刻(?!钟)/y;
const ZH_MINUTES_WITH_UNIT = new RegExp(`\\s*(${NUM})\\s*分钟?`, 'y');
/** Minutes without 分 only when they cannot be a note number: two digits, or 十五 / 零五, not followed by a counter. */
const ZH_MINUTES_BARE = /(\d{2}|[一二三四五]?十[一二三四五六七八九]?|零[一二三四五六七八九])(?![\d号线楼柜层单件个块元位台栋室期路次张份套箱包车码款型门窗桌床])/y;
const ZH_RANGE_START = new RegExp(`(${NUM})\\s*(?:到|至|-|~|或)\\s*(?=(?:上午|下午|晚上)?\\s*${NUM}\\s*(?:点|时))`, 'y');
const ZH_PAIR = /([一二两三四五六七八九])(?=([二三四五六七八九十])\s*(?:点|时))/y;
/** 差一刻五点 (16:45), 差5分3点. */
const ZH_SHORT_OF = new RegExp(`差\\s*(一刻|\\d{1,2}\\s*分钟?|${CN}\\s*分钟?)\\s*(?=${NUM}\\s*(?:点|时))`, 'y');
/** 四点差十分 (15:50), 四点差一刻 (15:45): the minutes short of the hour said after it. */
const ZH_SHORT_OF_AFTER = new RegExp(`\\s*差\\s*(一刻|\\d{1,2}\\s*分钟?|${CN}\\s*分钟?)`, 'y');
/** 差 straight after a time and not a word of its own (差评, 差价…): short of the time by something not read. */
const ZH_SHORT_OF_UNREAD = /^差(?![评价额错旅异距])/;
const ZH_RANGE_SEP = /\s*(?:到|至|-|~|或)\s*/y;
/** Written straight after the time (no space), and not the start of a note word: 前台, 内容, 整理. */
const ZH_SUFFIX = /(?:的时候|钟(?!表)|整(?![理改个体])|左右|前后|上下|之前|以前|前(?![台面往去天边线])|之内|以内|内(?![容部线存])|为止|之间)/y;
const NOT_BY_DAY_END = /^(?:上班|开工|开门|以后|之后|\s*早[点些]|\s+(?:early|after|once|sometime|any\s*time|at\s+the\s+earliest)(?![a-z]))/;
/** 3点后, 4点多: some time after, which is no time to promise. */
const ZH_AFTER_THE_TIME = /^(?:多|以后|之后|后(?![台面门天边续]))/;

const HHMM = /(\d{1,2})\s*:\s*(\d{2})(?!\d)/y;
const AMPM = /\s*(a\.?\s?m\.?|p\.?\s?m\.?|a|p)(?![a-z])/y;
/** 0930: four digits only with a leading zero, so order numbers (2024, 1530) stay notes. */
const MILITARY = /(0\d)([0-5]\d)(?![\d:])/y;
/** 1530 hrs, 0900 hours: four digits said to be hours are a 24-hour time. */
const MILITARY_HRS = /([01]\d|2[0-3])([0-5]\d)\s*(?:hrs|hours|h)(?![a-z])/y;
/** 15h, 15h30: hours 13–23 cannot be a duration anyone promises, so they are a clock time. */
const H_CLOCK = /(1[3-9]|2[0-3])h([0-5]\d)?(?![\da-z])/y;
const ISH = /-?ish(?![a-z])/y;
/**
 * "tomorrow 3 parcels", "by Monday 2 returns": a number followed by a plural noun (or a counting
 * word) counts something and is not an hour. Words that merely end in s (is, was, this, plus) are
 * not plurals.
 */
const COUNTED = /^\s+(?:(?!(?:is|was|has|this|its|us|yes|plus|as|his|hers|ours|yours|theirs|thanks|pls|please)(?![a-z]))[a-z]{2,}s|box|parcel|package|item|order|pcs|piece|unit|bag|people|person|customer|case|ticket|day|week|month|hour|hr|minute|min|time|of|x|more|left|missing)(?![a-z'])/;
/** "tomorrow 2箱", "at 3 件": a number before a Chinese measure word counts things. */
const ZH_COUNTED = /^\s*(?:[个件箱台单份袋张位块元包盒瓶条笔次名人票桶套辆只双斤吨本封通项批组]|号(?![a-z]))/;
const BARE_HOUR_BEFORE = /^\s+(?:this\s+(?:morning|afternoon|evening)|tonight|in\s+the\s+(?:morning|afternoon|evening))(?![a-z])/;
const DOT_CLOCK = /(\d{1,2})\.(\d{2})(?=\s*[ap]\.?\s?m)/y;
const EN_HOUR = /(\d{1,2})(?![\d:])/y;
const EN_OCLOCK = /\s*o'?\s?clock(?![a-z])/y;
const EN_HALF_PAST = /(?:a\s+)?(half|quarter)\s+(past|after|to)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\d:a-z])/y;
/** British "half 3" = 15:30 (half past). */
const EN_HALF_HOUR = /half\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\d:a-z])/y;
const EN_HOUR_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const EN_NOON = /(?:12\s*)?(noon|midday|midnight)(?=-?ish(?![a-z])|(?![a-z]))/y;
const EN_RANGE_SEP = /\s*(?:-|~|to|until|till|and|or)\s*/y;
const EN_RANGE_SEP_TIGHT = /\s*(?:-|~|to|until|till|or)\s*/y;
const EN_SUFFIX = /(?:-?ish|\s*or\s+so|\s*at\s+the\s+latest|\s*latest|\s*sharp|\s*or\s+earlier|\s*at\s+the\s+earliest)(?![a-z])/y;
const EN_BETWEEN = /between(?![a-z])/y;
const EN_UTC = /\s*(utc|gmt)(?![a-z])/y;

const EN_WEEKDAY = new RegExp(`(?:(next|this|coming|this\\s+coming|on)\\s+)?(${WEEKDAY_WORDS})\\.?(?![a-z0-9'\\-/])`, 'y');
/** After EOD/COB: abbreviations too, except "sun", which is more often a word (Sun Life) than Sunday. */
const EN_WEEKDAY_AFTER_DAY_END = new RegExp(`(?:(next|this|on)\\s+)?(${WEEKDAY_WORDS.replace(/\|sun$/, '')})\\.?(?![a-z0-9'\\-/])`, 'y');
const EN_WEEKDAY_FULL = /(?:(next|this|on)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z0-9'\-/])/y;
const EN_DAY = /(the\s+day\s+after\s+tomorrow|day\s+after\s+tomorrow|today|tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|2moro|2morrow|tmw)(?![a-z0-9'\-])/y;
const EN_DAY_OFFSETS: Record<string, number> = { today: 0, tomorrow: 1, tmrw: 1, tmr: 1, tomorow: 1, tommorow: 1, tommorrow: 1, '2moro': 1, '2morrow': 1, tmw: 1 };
const EN_NEXT_WEEK_DAY = new RegExp(`next\\s+week(?:\\s+on)?\\s+(${WEEKDAY_WORDS})(?![a-z0-9'\\-/])`, 'y');
const EN_NEXT_WEEK_AFTER = /\s+next\s+week(?![a-z])/y;
const EN_TONIGHT = /(tonight|this\s+evening|tomorrow\s+night|tomorrow\s+evening|this\s+morning|this\s+afternoon)(?![a-z0-9'\-])/y;
const EN_PART = /(?:in\s+the\s+|this\s+)?(morning|afternoon|evening|night)(?![a-z0-9'\-])/y;
const EN_PARTS: Record<string, Part> = { morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'evening' };
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const EN_MONTH_DAY = new RegExp(`(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:a-z])`, 'y');
const EN_DAY_MONTH = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTHS})\\.?(?![a-z])`, 'y');
const EN_THE_NTH = /the\s+(\d{1,2})(?:st|nd|rd|th)(?![a-z])/y;
const SLASH_DATE = /(\d{1,2})\/(\d{1,2})(?![\d/])/y;
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/y;
const EN_DAY_END = /(?:the\s+)?(?:eod|e\.o\.d\.?|cob|c\.o\.b\.?|eob|end\s+of\s+(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day|end\s+of\s+business|close\s+of\s+business|end\s+of\s+today|close\s+of\s+play)(?![a-z])/y;
const EN_NEXT_WORKDAY = /(?:the\s+)?next\s+(?:business|working|work)\s+day(?![a-z])|下一?个?工作日/y;
const EN_WORKDAYS = /(?:(?:within|in)\s+)?(?:(?:\d{1,2}|one|two|three|four|five)\s*(?:-|to|or)\s*)?(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:business|working|work)\s+days?(?![a-z])/y;
const EN_VAGUE: [RegExp, VagueHint][] = [
  [new RegExp(`(?:yesterday|yday|yest|(?:the\\s+)?day\\s+before\\s+yesterday|last\\s+(?:night|week|weekend|${WEEKDAY_WORDS}))(?![a-z])`, 'y'), 'past-day'],
  [/(?:this\s+|next\s+|the\s+|over\s+the\s+)?weekend(?![a-z])/y, 'weekend'],
  [/(?:asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+(?:possible|i\s+can)|right\s+away|straight\s+away|immediately|now)(?![a-z])/y, 'asap'],
  [/(?:soon|shortly|later(?:\s+today)?|mamaya(?:ng)?|in\s+a\s+(?:bit|while|few\s+minutes|few\s+mins|moment|sec)|a\s+bit\s+later)(?![a-z])/y, 'later'],
  [/(?:next\s+week|early\s+next\s+week)(?![a-z])/y, 'next-week'],
  [/(?:this\s+week|end\s+of\s+(?:the\s+)?week|eow|by\s+the\s+weekend)(?![a-z])/y, 'this-week'],
  [/(?:end\s+of\s+(?:the\s+)?month|month\s+end|month-end|eom|(?:early\s+|late\s+|mid-?\s*)?next\s+month|(?:the\s+)?(?:start|beginning)\s+of\s+next\s+month)(?![a-z])/y, 'month-end'],
];
const MONTH_NUMBERS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY_NUMBERS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

// ---------------------------------------------------------------------------------------------

type Moment = Extract<Reading, { kind: 'moment' }>;

/** Reads the time words at the start of a normalized head; null when it does not start with any. */
export function readHead(head: string): Reading | null {
  const c = new Cursor(head);
  const within = readWithinDays(c);
  if (within) return within;
  const ms = readDuration(c);
  if (ms !== null) return { kind: 'duration', ms, length: c.pos };
  return readMoment(new Cursor(head));
}


function readMoment(c: Cursor): Reading | null {
  const r: Moment = { kind: 'moment', length: 0 };
  let bareHourAllowed = false;
  let meaningful = false;
  /** bukas: a day only when a time follows it. */
  let dayNeedsTime = false;
  const mark = () => {
    meaningful = true;
    r.length = c.pos;
  };

  for (let guard = 0; guard < 16; guard++) {
    c.space();
    const at = c.pos;

    if (!r.clock && !r.day && !r.dayEnd && !r.part && c.take(THIS_WEEK)) {
      r.day = { kind: 'this-week' };
      r.dayEnd = true;
      mark();
      continue;
    }
    if (!r.clock) {
      const lunch = c.take(ZH_LUNCH) ?? c.take(EN_LUNCH);
      if (lunch) {
        if (!lunch[1]) return { kind: 'vague', hint: 'lunch', length: c.pos };
        r.part = 'noon';
        mark();
        continue;
      }
      const prefix = c.take(EN_PREFIX) ?? c.take(ZH_PREFIX);
      if (prefix) {
        // "around 4", "by 5": a bare number after these is an hour.
        bareHourAllowed = BARE_HOUR_AFTER.test(prefix[0].trim());
        continue;
      }
    }
    const allowBare = bareHourAllowed;
    bareHourAllowed = false;

    if (!r.clock && !r.day && !r.dayEnd) {
      const dayStart = c.pos;
      if (c.take(TAGALOG_TOMORROW)) {
        r.day = { kind: 'offset', days: 1 };
        dayNeedsTime = true;
        mark();
        bareHourAllowed = true;
        continue;
      }
      if (readDay(c, r)) {
        // 今早那个客户: the morning describes the note; the day alone would be a guess.
        if (r.part && PART_DESCRIBES_NOTE.test(c.s.slice(c.pos))) return null;
        mark();
        // "tomorrow at 3", "2moro 4": in English a bare number after a day is its hour; after 5号,
        // 周五 or 明天 it is not ("5号 2箱", "周五 3件": a count in the note).
        if (!/[^\x00-\x7f]/.test(c.s.slice(dayStart, c.pos))) bareHourAllowed = true;
        continue;
      }
    }
    if (!r.clock && !r.part) {
      const part = readPart(c);
      if (part) {
        if (PART_DESCRIBES_NOTE.test(c.s.slice(c.pos))) {
          c.pos = at;
          break;
        }
        r.part = part;
        mark();
        continue;
      }
    }
    if (!r.clock && (!r.part || r.part === 'morning') && c.take(FIRST_THING)) {
      r.part = 'first-thing';
      mark();
      continue;
    }
    if (r.day && !r.clock && !r.part) {
      const ampm = c.take(EN_DAY_AMPM);
      if (ampm) {
        r.part = ampm[1]!.startsWith('a') ? 'morning' : 'afternoon';
        mark();
        continue;
      }
    }
    if (!r.clock && !r.dayEnd) {
      if (c.take(EN_DAY_END) || c.take(ZH_DAY_END)) {
        r.dayEnd = true;
        mark();
        continue;
      }
    }
    if (!r.clock) {
      if (readClockOrRange(c, r, allowBare)) {
        if (!readShortOfAfter(c, r)) return null;
        if (c.take(EN_UTC)) r.utc = true;
        mark();
        continue;
      }
    }
    if (!meaningful) {
      const vague = readVague(c);
      if (vague) return { kind: 'vague', hint: vague, length: c.pos };
    }
    if (r.dayEnd && !r.day && readEnglishDayAfterClock(c, r, true)) {
      // "EOD Friday", "COB tomorrow".
      mark();
      continue;
    }
    if (r.clock) {
      // English puts the day and part after the time too: "10am tomorrow", "3 in the afternoon".
      // Only whole words count ("3pm sun life" is a note; "tomorrow's delivery" too).
      if (!r.day && readEnglishDayAfterClock(c, r)) {
        mark();
        continue;
      }
      if (!r.part) {
        // "7pm tonight", "3 in the afternoon": the words are the time's, even where am/pm already said it.
        const part = c.take(EN_PART) ?? c.take(/(tonight)(?![a-z0-9'\-])/y);
        if (part) {
          if (!r.clock.meridiem) r.part = part[1] === 'tonight' ? 'evening' : EN_PARTS[part[1]!]!;
          if (part[1] === 'tonight' && !r.day) r.day = { kind: 'offset', days: 0 };
          mark();
          continue;
        }
      }
    }
    if (meaningful && ((c.pos === r.length && c.take(ZH_SUFFIX)) || c.take(EN_SUFFIX))) {
      mark();
      continue;
    }
    c.pos = at;
    break;
  }
  if (!meaningful) return null;
  if (dayNeedsTime && !r.clock && !r.part) return null;
  // 本周内3点, "before the weekend 3pm": which day the clock is on was not said.
  if (r.day?.kind === 'this-week' && (r.clock || r.part)) return null;
  if (r.clock && ZH_AFTER_THE_TIME.test(c.s.slice(r.length))) return null;
  // 明天一上班, "tomorrow first thing", "Friday after lunch": a start, not a deadline; the day's end would be wrong.
  if (!r.clock && !r.dayEnd && NOT_BY_DAY_END.test(c.s.slice(r.length))) return null;
  // 明天这个点, 下午这个时候: "at this time of day", which is not the day's end.
  if (!r.clock && /^\s*(?:[上下中早晚]午|早上|晚上)?(?:这个?(?:点|时候|时间|钟点)|同一?(?:个)?时间)/.test(c.s.slice(r.length))) return null;
  // 明天3电, 下午四五x: numbers run straight on from the time words, so the time was not read whole.
  // Better to ask than to record the day's end.
  if (!r.clock && /^[0-9零〇一二两三四五六七八九十]/.test(c.s.slice(r.length))) return null;
  return r;
}

function readWithinDays(c: Cursor): Reading | null {
  const start = c.pos;
  const range = c.take(ZH_DAYS_RANGE);
  if (range) {
    const from = num(range[1] ?? range[3]);
    const to = num(range[2] ?? range[4]);
    if (from !== null && to !== null && from >= 1 && to > from && (!range[3] || to === from + 1)) {
      return { kind: 'moment', day: { kind: 'offset', days: to }, dayEnd: true, length: c.pos };
    }
    c.pos = start;
  }
  const m = c.take(ZH_WITHIN_DAYS) ?? c.take(EN_WITHIN_DAYS);
  const n = num(m?.[1]);
  if (!m || n === null || n < 1) return null;
  const days = /^(?:天|日|day)/.test(m[2]!) ? n : 7 * n;
  return { kind: 'moment', day: { kind: 'offset', days }, dayEnd: true, length: c.pos };
}

function readVague(c: Cursor): VagueHint | null {
  for (const [re, hint] of [...ZH_VAGUE, ...EN_VAGUE]) {
    if (c.take(re)) return hint;
  }
  return null;
}

function readDay(c: Cursor, r: Moment): boolean {
  let m = c.take(ZH_DAY_WITH_PART);
  if (m) {
    const [days, part] = ZH_DAY_PARTS[m[1]!]!;
    r.day = { kind: 'offset', days };
    r.part = part;
    return true;
  }
  if ((m = c.take(ZH_DAY))) {
    r.day = { kind: 'offset', days: ZH_DAY_OFFSETS[m[1]!]! };
    return true;
  }
  if ((m = c.take(ZH_WEEKDAY))) {
    const which = m[1] ?? '';
    const week = which.startsWith('下下') ? 'after-next' : which.startsWith('下') ? 'next' : which ? 'this' : 'coming';
    r.day = { kind: 'weekday', iso: Number(m[2]) || ZH_WEEKDAY_NUMBERS[m[2]!]!, week };
    return true;
  }
  if ((m = c.take(ZH_WORKDAYS))) {
    const n = num(m[1]);
    if (n === null || n < 1) return false;
    r.day = { kind: 'workdays', count: n };
    r.dayEnd = true;
    return true;
  }
  if ((m = c.take(ISO_DATE) ?? c.take(ZH_DATE))) {
    const month = num(m[2]);
    const day = num(m[3]);
    if (month === null || day === null) return false;
    r.day = { kind: 'date', month, day: dateRangeEnd(c, day), ...(m[1] ? { year: Number(m[1]) } : {}) };
    return true;
  }
  if ((m = c.take(ZH_DAY_OF_MONTH))) {
    const day = num(m[1]);
    if (day === null) return false;
    r.day = { kind: 'date', day: dateRangeEnd(c, day) };
    return true;
  }
  if (c.take(EN_NEXT_WORKDAY)) {
    r.day = { kind: 'workdays', count: 1 };
    r.dayEnd = true;
    return true;
  }
  if ((m = c.take(EN_NEXT_WEEK_DAY))) {
    r.day = { kind: 'weekday', iso: WEEKDAY_NUMBERS[m[1]!.slice(0, 3)]!, week: 'next' };
    return true;
  }
  if ((m = c.take(EN_WORKDAYS))) {
    const n = num(m[1]);
    if (n === null || n < 1) return false;
    r.day = { kind: 'workdays', count: n };
    r.dayEnd = true;
    return true;
  }
  if ((m = c.take(EN_TONIGHT))) {
    const words = m[1]!.split(/\s+/);
    r.day = { kind: 'offset', days: words[0] === 'tomorrow' ? 1 : 0 };
    r.part = words[0] === 'tonight' ? 'evening' : EN_PARTS[words[1]!]!;
    return true;
  }
  if ((m = c.take(EN_DAY))) {
    r.day = { kind: 'offset', days: EN_DAY_OFFSETS[m[1]!] ?? 2 };
    return true;
  }
  if ((m = c.take(EN_WEEKDAY))) {
    const nextWeek = c.take(EN_NEXT_WEEK_AFTER);
    r.day = { kind: 'weekday', iso: WEEKDAY_NUMBERS[m[2]!.slice(0, 3)]!, week: nextWeek ? 'next' : m[1] === 'next' ? 'after-today' : 'coming' };
    return true;
  }
  if ((m = c.take(EN_MONTH_DAY))) {
    r.day = { kind: 'date', month: MONTH_NUMBERS.indexOf(m[1]!.slice(0, 3)) + 1, day: Number(m[2]) };
    return true;
  }
  if ((m = c.take(EN_DAY_MONTH))) {
    r.day = { kind: 'date', month: MONTH_NUMBERS.indexOf(m[2]!.slice(0, 3)) + 1, day: Number(m[1]) };
    return true;
  }
  if ((m = c.take(EN_THE_NTH))) {
    r.day = { kind: 'date', day: Number(m[1]) };
    return true;
  }
  if ((m = c.take(SLASH_DATE))) {
    r.day = { kind: 'date', month: Number(m[1]), day: Number(m[2]) };
    return true;
  }
  return false;
}

/** The end of 12月2到3日 / 5号到8号 after its start has been read; the start when no range follows. */
function dateRangeEnd(c: Cursor, start: number): number {
  const at = c.pos;
  const end = num(c.take(ZH_DATE_RANGE_END)?.[1]);
  if (end !== null && end > start) return end;
  c.pos = at;
  return start;
}

function readEnglishDayAfterClock(c: Cursor, r: Moment, abbreviated = false): boolean {
  let m = c.take(EN_DAY);
  if (m) {
    r.day = { kind: 'offset', days: EN_DAY_OFFSETS[m[1]!] ?? 2 };
    return true;
  }
  if ((m = c.take(abbreviated ? EN_WEEKDAY_AFTER_DAY_END : EN_WEEKDAY_FULL))) {
    r.day = { kind: 'weekday', iso: WEEKDAY_NUMBERS[m[2]!.slice(0, 3)]!, week: m[1] === 'next' ? 'after-today' : 'coming' };
    return true;
  }
  // "3pm on Dec 5", "10am on the 5th": after a time only with "on", so "3pm May Chen" stays a note.
  const start = c.pos;
  if (c.take(/on\s+/y)) {
    if ((m = c.take(EN_MONTH_DAY))) r.day = { kind: 'date', month: MONTH_NUMBERS.indexOf(m[1]!.slice(0, 3)) + 1, day: Number(m[2]) };
    else if ((m = c.take(EN_DAY_MONTH))) r.day = { kind: 'date', month: MONTH_NUMBERS.indexOf(m[2]!.slice(0, 3)) + 1, day: Number(m[1]) };
    else if ((m = c.take(EN_THE_NTH))) r.day = { kind: 'date', day: Number(m[1]) };
    else if ((m = c.take(SLASH_DATE))) r.day = { kind: 'date', month: Number(m[1]), day: Number(m[2]) };
    if (r.day) return true;
  }
  c.pos = start;
  return false;
}

function readPart(c: Cursor): Part | null {
  for (const [re, part] of ZH_PARTS) {
    if (c.take(re)) return part;
  }
  const en = c.take(EN_PART);
  return en ? EN_PARTS[en[1]!]! : null;
}

/** A clock time, or a range of them (its end is what counts; the start is kept for the hour guess). */
function readClockOrRange(c: Cursor, r: Moment, allowBare: boolean): boolean {
  const start = c.pos;
  // 两三点, 三四点: two neighbouring numbers before 点 are a range.
  const pair = c.take(ZH_PAIR);
  if (pair) {
    const a = num(pair[1]);
    const b = num(pair[2]);
    if (a !== null && b !== null && b === a + 1) {
      const end = readZhClock(c);
      if (end && end.hour === b) {
        r.rangeStart = { hour: a, minute: 0, fixed: false };
        r.clock = end;
        return true;
      }
    }
    c.pos = start;
  }
  // 3到4点, 下午3-4点: the start has no 点 of its own.
  const zhStart = c.take(ZH_RANGE_START);
  if (zhStart) {
    const a = num(zhStart[1]);
    const part = readPart(c);
    const end = readZhClock(c);
    if (a !== null && end && (!part || !r.part || part === r.part)) {
      if (part && !r.part) r.part = part;
      r.rangeStart = { hour: a, minute: 0, fixed: a > 12 };
      r.clock = end;
      return true;
    }
    c.pos = start;
  }
  const shortOf = c.take(ZH_SHORT_OF);
  if (shortOf) {
    const end = readZhClock(c);
    const minutes = shortOf[1] === '一刻' ? 15 : num(shortOf[1]!.replace(/\s*分钟?$/, ''));
    if (end && end.minute === 0 && minutes !== null && minutes > 0 && minutes < 60) {
      r.clock = { ...end, short: minutes };
      return true;
    }
    c.pos = start;
  }
  const between = c.take(EN_BETWEEN);
  if (between) c.space();
  let first = readZhClock(c) ?? readEnClock(c, allowBare || Boolean(between), true);
  // "3-4pm", "4 to 5pm": a bare start is a time only when a range with a real end follows.
  let bareStart = false;
  if (!first) {
    first = readEnClock(c, true, false);
    bareStart = first !== null;
  }
  if (!first) {
    c.pos = start;
    return false;
  }
  const afterFirst = c.pos;
  const sep = c.take(ZH_RANGE_SEP) ?? c.take(between ? EN_RANGE_SEP : EN_RANGE_SEP_TIGHT);
  if (sep) {
    const part = readPart(c);
    const beforeSecond = c.pos;
    const second = readZhClock(c) ?? readEnClock(c, !bareStart, false);
    const secondIsTime = second && (!bareStart || second.meridiem || /[点时]/.test(c.s.slice(beforeSecond, c.pos)));
    if (second && secondIsTime) {
      if (part) r.part ??= part;
      // "3-4pm": the start shares the end's am/pm.
      if (!first.meridiem && second.meridiem) first.meridiem = second.meridiem;
      if (!second.meridiem && first.meridiem) second.meridiem = first.meridiem;
      r.rangeStart = first;
      r.clock = second;
      return true;
    }
    c.pos = afterFirst;
  }
  if (between || bareStart) {
    c.pos = start;
    return false;
  }
  r.clock = first;
  return true;
}

/**
 * 四点差十分, 4点差一刻: minutes short of the clock just read, said after it. False when a 差 follows
 * the time and cannot be read (4点差10, 四点半差五分): the time was not read whole, so none is given.
 */
function readShortOfAfter(c: Cursor, r: Moment): boolean {
  const start = c.pos;
  const m = c.take(ZH_SHORT_OF_AFTER);
  if (!m) return !ZH_SHORT_OF_UNREAD.test(c.s.slice(start));
  const clock = r.clock!;
  const minutes = m[1] === '一刻' ? 15 : num(m[1]!.replace(/\s*分钟?$/, ''));
  if (r.rangeStart || clock.minute !== 0 || clock.short || minutes === null || minutes < 1 || minutes > 59) return false;
  r.clock = { ...clock, short: minutes };
  return true;
}

function readZhClock(c: Cursor): ClockRef | null {
  const start = c.pos;
  const hhmm = c.take(HHMM);
  if (hhmm) {
    const clock = clockOf(hhmm[1]!, Number(hhmm[2]));
    if (!clock) {
      c.pos = start;
      return null;
    }
    const ampm = c.take(AMPM);
    if (ampm) clock.meridiem = ampm[1]!.startsWith('a') ? 'am' : 'pm';
    return clock;
  }
  const m = c.take(ZH_CLOCK);
  if (!m) return null;
  const hour = num(m[1]);
  if (hour === null || hour > 24) {
    c.pos = start;
    return null;
  }
  c.take(/钟/y);
  let minute = 0;
  const afterHour = c.pos;
  const q = c.take(ZH_QUARTER);
  if (c.take(ZH_HALF)) minute = 30;
  else if (q) minute = q[1] === '一' ? 15 : 45;
  else {
    const withUnit = c.take(ZH_MINUTES_WITH_UNIT);
    const bare = withUnit ? null : c.take(ZH_MINUTES_BARE);
    const value = num((withUnit ?? bare)?.[1]);
    if (value !== null && value < 60) minute = value;
    else c.pos = afterHour;
  }
  return { hour, minute, fixed: hour === 0 || hour > 12 || /^0\d/.test(m[1]!) };
}

function clockOf(hourText: string, minute: number): ClockRef | null {
  const hour = Number(hourText);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  return { hour, minute, fixed: hour === 0 || hour > 12 || /^0\d/.test(hourText) };
}

/** 3pm, 3:30 pm, 3 o'clock, half past 3, noon, midnight; a bare "3" only after "at", "by", "around". */
function readEnClock(c: Cursor, allowBare: boolean, allowNoon: boolean): ClockRef | null {
  const start = c.pos;
  let m: RegExpExecArray | null;
  if (allowNoon && (m = c.take(EN_NOON))) {
    return m[1] === 'midnight' ? { hour: 24, minute: 0, fixed: true } : { hour: 12, minute: 0, fixed: true };
  }
  if ((m = c.take(EN_HALF_PAST))) {
    const hour = EN_HOUR_WORDS[m[3]!] ?? Number(m[3]);
    if (hour < 1 || hour > 12) {
      c.pos = start;
      return null;
    }
    const minutes = m[1] === 'half' ? 30 : 15;
    return m[2] === 'to' ? { hour: hour - 1 || 12, minute: 60 - minutes, fixed: false } : { hour, minute: minutes, fixed: false };
  }
  if ((m = c.take(EN_HALF_HOUR))) {
    const hour = EN_HOUR_WORDS[m[1]!] ?? Number(m[1]);
    if (hour >= 1 && hour <= 12 && !COUNTED.test(c.s.slice(c.pos))) return { hour, minute: 30, fixed: false };
    c.pos = start;
  }
  if ((m = c.take(DOT_CLOCK))) {
    const clock = clockOf(m[1]!, Number(m[2]));
    const ampm = c.take(AMPM);
    if (clock && ampm) return { ...clock, meridiem: ampm[1]!.startsWith('a') ? 'am' : 'pm' };
    c.pos = start;
    return null;
  }
  if ((m = c.take(H_CLOCK))) return clockOf(m[1]!, Number(m[2] ?? 0));
  if ((m = c.take(MILITARY_HRS))) {
    const clock = clockOf(m[1]!, Number(m[2]));
    return clock && { ...clock, fixed: true };
  }
  if (allowBare && (m = c.take(MILITARY))) return clockOf(m[1]!, Number(m[2]));
  if ((m = c.take(EN_HOUR))) {
    const clock = clockOf(m[1]!, 0);
    const ampm = c.take(AMPM);
    if (clock && ampm && clock.hour >= 1 && clock.hour <= 12) return { ...clock, meridiem: ampm[1]!.startsWith('a') ? 'am' : 'pm' };
    if (clock && c.take(EN_OCLOCK) && clock.hour <= 12) return clock;
    const ish = c.pos;
    if (clock && c.take(ISH)) {
      c.pos = ish;
      return clock;
    }
    if (clock && allowBare && clock.hour <= 24 && !/^[\d.:/]/.test(c.s.slice(c.pos, c.pos + 1)) && !COUNTED.test(c.s.slice(c.pos)) && !ZH_COUNTED.test(c.s.slice(c.pos))) return clock;
    // "3 this afternoon", "8 tonight": the words after it make a bare number an hour.
    if (clock && clock.hour <= 12 && BARE_HOUR_BEFORE.test(c.s.slice(c.pos))) return clock;
  }
  c.pos = start;
  return null;
}
