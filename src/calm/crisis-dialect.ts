/**
 * Regional spoken forms read as standard Mandarin before any crisis rule or model feature sees the
 * text: Cantonese-flavoured writing (Guangdong, Hong Kong: 唔想, 冇, 係, 咗, 佢, 好攰, 活唔落去) and
 * south-western Mandarin (Sichuan: 莫得, 咋个, 啥子, 老子 as "I"). Only function words and a few
 * everyday verbs are mapped (first person, negation, "is", aspect, "tired", "continue"), so every
 * concept rule, with its hyperbole and negation checks, reads 唔想生存 / 莫得意思 as it reads 不想生存 /
 * 没有意思. Applied to lower-cased text before Traditional→Simplified conversion, so Hong Kong and
 * Mainland spellings meet (係 is only mapped where it is not part of 關係/联係, which become 关系).
 */
const DIALECT_WORDS: readonly (readonly [RegExp, string])[] = [
  // Set phrases first, before their parts are mapped one by one.
  [/唔该|唔該/gu, '谢谢'],
  [/唔好意思/gu, '不好意思'],
  [/唔使|唔駛|唔驶/gu, '不用'],
  [/唔好(?=[再去想做搞走理揾搵找])/gu, '不要'],
  [/挂住|掛住/gu, '想念'],
  [/瞓低|瞓落/gu, '躺下'],
  [/活起(?![来來])/gu, '活着'],
  [/係咪|系咪/gu, '是不是'],
  [/点解|點解/gu, '为什么'],
  [/咁样|咁樣/gu, '这样'],
  [/有咩/gu, '有什么'],
  [/(?<=[\p{Script=Han}])仲(?=[有係是要想会會可在喺])/gu, '还'],
  [/乜嘢|乜野|咩嘢|咩野/gu, '什么'],
  [/边个|邊個/gu, '谁'],
  [/咋个|咋個|咋子/gu, '怎么'],
  [/啥子/gu, '什么'],
  [/莫得/gu, '没'],
  [/返工/gu, '上班'],
  [/放工/gu, '下班'],
  [/今日/gu, '今天'],
  [/听日|聽日/gu, '明天'],
  [/琴日|尋日/gu, '昨天'],
  [/落去/gu, '下去'],
  // 顶唔顺: cannot stand it (them), not "cannot hold on".
  [/顶唔顺|頂唔順/gu, '受不了'],
  [/顶唔住|頂唔住/gu, '撑不住'],
  [/屋企/gu, '家'],
  [/转工|轉工/gu, '换工作'],
  [/返(?=家|屋企)/gu, '回'],
  [/(?<=[坐企待瞓睡])耐(?:啲|些|d)?/gu, '久一点'],
  [/嗰/gu, '那'],
  // 分晒: all of it, given away (晒 after a verb, not 晒太阳).
  [/(?<=[分送卖賣俾畀食])晒(?!太阳|太陽|衫|被)/gu, '光'],
  [/俾(?=[你我他她佢朋人大])/gu, '给'],
  // Taiwanese Hokkien written in characters (Taiwan staff mix it into Mandarin): 無愛活矣 (don't want to live any more),
  // 毋知活落去欲創啥 (don't know what living on is for), 死死去卡快活 (better off dead), 活咧無意思, 活袂落去.
  [/死死去(?:卡|較|较)?(?=快活|好|輕鬆|轻松)/gu, '死掉'],
  [/(?:卡|較|较)(?:快活|好過|好过)/gu, '比较好'],
  [/無愛|无爱|毋愛|毋爱/gu, '不想'],
  // 無想欲活 (don't want to live), 無意思 (no meaning), 真正無 (really not).
  [/[無无]想欲/gu, '不想'],
  [/(?<=[我你他伊阮嘛也都])[無无]想/gu, '不想'],
  [/[無无]意思/gu, '没意思'],
  [/真正(?=[無无毋不袂])/gu, '真的'],
  [/毋/gu, '不'],
  // 去佮阮翁作伙 (go be together with my husband), 逐工 (every day), 三冬 (three years).
  [/作伙|做伙|作夥|做夥/gu, '一起'],
  [/佮/gu, '跟'],
  [/阮(?:翁|尪)/gu, '我老公'],
  [/逐工/gu, '每天'],
  [/(?<=[一二两兩三四五六七八九十几幾])冬/gu, '年'],
  [/(?<=[活熬撐撑睏睡食吃])袂(?=[落下])/gu, '不'],
  [/袂(?=[堪當当])/gu, '受不'],
  [/(?<=[想我你伊去])欲(?![望求念])/gu, '要'],
  [/(?<=活)咧/gu, '着'],
  [/創啥|创啥|創三小|创三小/gu, '做什么'],
  // 無佇咧 / 無佇遮 (no longer here), 恁 (you, plural), 袂 before a verb (will not), 按呢 (like this), 若是 (if),
  // 熱甲欲死 (hot enough to die: 甲 is 得 between a feeling and its degree).
  [/[無无](?:佇|伫)(?:咧|遮|此|這|这)/gu, '不在了'],
  [/(?:佇|伫)/gu, '在'],
  [/(?<![\p{Script=Han}])恁(?=[嘛都攏拢就會会也袂毋不])|(?<=[给給對对和跟乎])恁/gu, '你们'],
  [/袂(?=爽)/gu, '不'],
  [/袂(?=[\p{Script=Han}])/gu, '不会'],
  [/(?<=[你我他们們阮])嘛(?=[袂不毋是會会要欲足真])/gu, '也'],
  [/按呢/gu, '这样'],
  // 今仔日 (today), 明仔載 (tomorrow), 歇睏 (rest), 足濟 (very many).
  [/今仔日/gu, '今天'],
  [/明仔[載载]/gu, '明天'],
  [/歇睏/gu, '休息'],
  [/足[濟济]/gu, '很多'],
  // 睏落去就莫閣精神 (sleep and never wake again): 睏 sleep, 莫/毋閣 no more, 精神 awake, 上好 best.
  [/睏/gu, '睡'],
  [/(?:莫|毋|袂)(?:閣|阁)(?=精神|醒)/gu, '不要再'],
  [/(?<=不要再|不再)精神/gu, '醒来'],
  [/上好(?=$|[，。！？,.!?\s啦])/gu, '最好'],
  [/(?<=[我你他伊阮恁])若是|若是(?=[我你他伊阮恁])/gu, '要是'],
  [/(?<![\p{Script=Han}])阮(?=[真就都也攏拢嘛袂毋不想欲要是的厝])/gu, '我'],
  [/(?<=[熱热冷累餓饿忙氣气煩烦睏困笑痛疼])甲(?=欲|要|快)/gu, '得'],
  [/(?<=[得甲到])欲(?=死)/gu, '要'],
  [/(?<=[\p{Script=Han}])矣(?=$|[，。！？,.!?\s啦])/gu, '了'],
  [/伊(?=[說说講讲叫要欲會会攏])/gu, '他'],
  // Wu (Shanghai) Mandarin: 勿想活了 (don't want to live), 覅 (don't), 阿拉 (I, we), 侬 (you), 困觉 (sleep), 死脱 (die off),
  // 老吃力 (worn out), 今朝 (today), 伐 (a question's end).
  [/覅/gu, '不要'],
  [/(?<![请請切务務毋])勿(?=[想要会會晓曉好来來去是再])/gu, '不'],
  [/阿拉/gu, '我'],
  [/侬|儂/gu, '你'],
  [/困觉|睏覺|困覺/gu, '睡觉'],
  [/困(?=过去|過去|着不|著不)/gu, '睡'],
  [/死脱|死脫/gu, '死掉'],
  [/(?:老|交关|交關|邪气|邪氣)吃力/gu, '很累'],
  [/今朝/gu, '今天'],
  [/(?<=[\p{Script=Han}])伐(?=$|[，。！？,.!?\s])/gu, '吗'],
  // Xiang, Gan and other southern Mandarin: 算哒 (then that's it), 不想活哩, 冇得意思, 嘛个 (what), 晓得 (know),
  // 屋里 (home, after a person), 寻我 (look for me), 讲 (say).
  [/(?<=[\p{Script=Han}])(?:哒|哩)(?=$|[，。！？,.!?\s])/gu, '了'],
  [/(?:冇|没|莫)得(?=意思|味|盼头|盼頭|希望|用|人|办法|辦法)/gu, '没有'],
  [/嘛个|嘛個/gu, '什么'],
  [/晓得|曉得/gu, '知道'],
  [/(?<=[我你他她佢])屋里|(?<=[我你他她佢])屋裡/gu, '家'],
  [/寻(?=[我你他她])|尋(?=[我你他她])/gu, '找'],
  [/(?<=[他她人户戶属屬])讲|(?<=[他她人户戶属屬])講|讲(?=要|晓得|知道)|講(?=要|曉得|知道)/gu, '说'],
  // Northeastern: 嘎哈 (what for), 贼 before a feeling (very), 寻思 (to think; its sound is 寻死's).
  [/(?<![想要去])(?:寻思|尋思)/gu, '想'],
  [/嘎哈|噶哈/gu, '干啥'],
  [/贼(?=[累烦困难想好冷热饿])|賊(?=[累煩困難想好冷熱餓])/gu, '很'],
  // Person.
  [/佢哋|佢地/gu, '他们'],
  [/我哋|我地(?=[都係是好唔冇])/gu, '我们'],
  [/你哋/gu, '你们'],
  [/佢/gu, '他'],
  [/老子(?=[真就都也又再今明唔不冇没莫想要])/gu, '我'],
  [/俺/gu, '我'],
  // Negation, being, aspect.
  [/唔/gu, '不'],
  [/冇/gu, '没'],
  [/(?<![關关联聯干幹])係(?![數数统統])/gu, '是'],
  [/咗/gu, '了'],
  // 喺天台度: "at the roof (there)", the place word 度 dropped with its 喺.
  [/喺([^，。！？,.!?\s]{1,6}?)(?:度|嗰度|呢度)(?=[，。！？,.!?\s]|$)/gu, '在$1'],
  [/喺/gu, '在'],
  [/嘅/gu, '的'],
  [/啲/gu, '些'],
  [/咁/gu, '这么'],
  [/嘢/gu, '东西'],
  [/(?<=[\p{Script=Han}])(?:咯|啰|囉|嘞|喇)/gu, '了'],
  // Everyday verbs and states.
  [/攰/gu, '累'],
  // 捱: to endure (捱落去, 捱唔住).
  [/捱/gu, '熬'],
  [/瞓/gu, '睡'],
  [/揾|搵/gu, '找'],
  [/睇/gu, '看'],
  [/嚟/gu, '来'],
  [/畀/gu, '给'],
];

/** The text with regional spoken forms read as standard Mandarin (see above); other text is unchanged. */
export function toStandardMandarin(text: string): string {
  return DIALECT_WORDS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

/**
 * Malaysian/Singaporean and Indian English (and dictated text's spoken punctuation) as the English rules expect it, applied after contractions
 * are spelled out: discourse particles (lah, leh, lor, meh, sia, yaar) carry tone, not meaning, and would
 * otherwise sit between the words a rule reads together; "tahan" (Malay: bear, endure) is "take it";
 * a clause-final "already" after enduring or living is "anymore" ("cannot tahan already"); "sien" is bored.
 */
export const REGIONAL_ENGLISH: readonly (readonly [RegExp, string])[] = [
  [/\b(?:lah|leh|lor|loh|meh|sia|liao|hor|wor|yaar|yar)\b|\bla\b(?=\s*(?:[.!?,~]|$))/g, ' '],
  [/\btahan\b/g, 'take it'],
  // "no more reason to live": "no more" as "have no".
  [/\bno more (?=(?:reason|point|purpose|hope|meaning|sense|strength|will|energy|motivation|desire)\b)/g, 'no '],
  [/\b(take it|take this|go on|continue|live|living|cope|do this|handle it|handle this|tolerate|bear it)\s+already\b/g, '$1 anymore'],
  [/\bsien\b/g, 'bored'],
  // Malay words in Malaysian English: "mati" (die), "bunuh diri" (suicide).
  [/\bbunuh diri\b/g, 'suicide'],
  [/\bmati\b/g, 'die'],
  // Indian English: "finish myself", "finish my life" is ending it; hanging "from the fan"; drinking phenyl or poison.
  [/\bfinish(?:ing|ed)? (?:off )?myself\b/g, 'kill myself'],
  [/\bfinish(?:ing|ed)? (?:off )?(?:my|this) (?:own )?life\b/g, 'end my life'],
  [/\bhang(?:ing)? (?:myself )?(?:from|on|to) (?:the |my )?(?:ceiling )?(?:fan|ceiling|hook)\b/g, 'hang myself'],
  [/\b(?:drink|drinking|drank|consume|consuming|consumed|take|taking|took|eat|eating|ate|swallow|swallowing) (?:the |some |that )?(?:poison|phenyl|phenol|pesticide|insecticide|rat poison|weed killer|bleach|toilet cleaner)\b/g, 'poison myself'],
  // Sleeping tablets and medicines as the rules name them.
  [/\bsleep(?:ing)? (?:tablets|tabs|meds|medicines?|medication)\b/g, 'sleeping pills'],
  [/\bmedicines\b/g, 'meds'],
  // "when I am no more", "after I am no more": gone, said of oneself (not "no more able to").
  [/\b(when|after|once|if) i am no more\b|\bi am no more(?= *(?:[.!?]|$))/g, '$1 i am gone'],
  // Tagalog in Filipino English: "ayoko na mabuhay" (I don't want to live anymore), "gusto ko na lang mawala / mamatay"
  // (I just want to disappear / die), "magpakamatay" (to kill oneself), "pagod na ako sa buhay" (tired of life).
  [/\bayoko na(?:ng)? (?:talaga )?(?:mabuhay|buhay)\b/g, 'i do not want to live anymore'],
  [/\b(?:gusto|gusto ko|gusto ko na|gusto ko na lang|gusto ko nang|sana) (?:na )?(?:lang )?(?:mamatay|mamatay na)\b/g, 'i want to die'],
  [/\b(?:gusto|gusto ko|gusto ko na|gusto ko na lang|gusto ko nang|sana) (?:na )?(?:lang )?mawala\b/g, 'i want to disappear'],
  [/\bmagpakamatay\b/g, 'kill myself'],
  [/\bpagod na (?:ako )?(?:sa buhay|mabuhay)\b/g, 'tired of life'],
  // Dictated text: spoken punctuation ends a sentence as typed punctuation does.
  [/\b(?:full stop|new line|new paragraph|question mark|exclamation (?:mark|point))\b|\bperiod\b(?= *$| (?:i|and|but|so|my|please|sorry)\b)/g, '.'],
  [/\bcomma\b/g, ' '],
];
