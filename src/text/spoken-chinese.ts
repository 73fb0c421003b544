/**
 * Regional spoken Chinese read as the standard Mandarin the scripts are written in, for /script search.
 *
 * Agents paste what customers said and type the way they talk: Cantonese-flavoured live chat from
 * Guangdong and Hong Kong (佢话部手机冇信号, 点解扣咗我钱, 个客一直闹我), south-western Mandarin from
 * Sichuan and Chongqing (咋个回事, 流量莫得了, 搞啥子), the north-east (咋整, 那老些, 忽悠人), and Hong Kong wording typed in Traditional by
 * Taiwanese staff (佢係咪呃人, 好攰). None of those words is in a script, so without this the query
 * rests on its few standard words and often falls under the confidence floor.
 *
 * Rules run on the query as search sees it (lower case, Simplified: 係 is already 系, 點 is 点, and
 * OpenCC writes 嗰 as 𠮶 and 喎 as 㖞), in
 * order: set phrases before the characters they contain. Only widespread function words, pronouns
 * and everyday verbs are mapped, each with enough context that a Mandarin word using the same
 * character is left alone (系统, 关系 keep their 系; 电话, 话费 keep their 话; 一点, 快点 keep their 点).
 * Tone particles that carry no meaning are dropped, so they do not count as words the query is about.
 */
const SPOKEN_FORMS: readonly (readonly [RegExp, string])[] = [
  // Cantonese set phrases.
  [/唔该|唔該/gu, '谢谢'],
  [/唔好意思/gu, '不好意思'],
  [/唔使|唔驶|唔駛/gu, '不用'],
  [/唔得/gu, '不行'],
  [/唔识|唔識/gu, '不会'],
  [/系咪|系唔系/gu, '是不是'],
  [/点解/gu, '为什么'],
  [/点算|点办|点搞/gu, '怎么办'],
  [/点样/gu, '怎么样'],
  // 点 is "how" after the one who asks (我点讲, 应该点答); 这点, 重点, 三点回电 keep it.
  [/(?<=^|[^\p{Script=Han}]|[我你他她佢们哋该])点(?=[讲答回处应做跟同话])/gu, '怎么'],
  [/咁样/gu, '这样'],
  [/乜嘢|乜野|咩嘢|咩野|做乜/gu, '什么'],
  [/边个/gu, '谁'],
  [/边度|边到/gu, '哪里'],
  [/而家|依家|宜家/gu, '现在'],
  [/头先/gu, '刚才'],
  [/啱啱/gu, '刚刚'],
  [/好似/gu, '好像'],
  [/成日/gu, '经常'],
  [/好耐|咁耐/gu, '很久'],
  [/几耐/gu, '多久'],
  [/今日/gu, '今天'],
  [/听日/gu, '明天'],
  [/琴日|寻日/gu, '昨天'],
  [/迟啲|迟些|晏啲/gu, '晚点'],
  // Hong Kong telecom words: 上台 signs a contract, 月费 is the monthly rent, 冇格 no signal bars.
  [/(?<![舞讲講登])上台(?![阶])/gu, '签合约'],
  [/月费/gu, '月租'],
  [/转台/gu, '携号转网'],
  [/冇格|冇bar|得一格|得一两格/gu, '没信号'],
  // 增值 is topping up a prepaid card in Hong Kong; Mainland 增值业务/增值服务 keep it.
  [/增值(?!业务|服务|税)/gu, '充值'],
  [/碌卡/gu, '刷卡'],
  [/好鬼(?=[慢贵多烦难差])/gu, '很'],
  [/数据(?=用|超|不够|唔够)/gu, '流量'],
  [/整(?=返好|翻好|部手机|手机)/gu, '修'],
  [/屋企/gu, '家'],
  [/搬屋/gu, '搬家'],
  [/仲未/gu, '还没'],
  [/(?<=[用扣食搞花使])晒/gu, '完'],
  [/专登/gu, '故意'],
  [/着数|著数/gu, '好处'],
  [/讲粗口|爆粗/gu, '骂脏话'],
  [/跌(?=[了咗]?[落下])/gu, '掉'],
  [/整(?=[伤坏烂断])/gu, '弄'],
  // 覆 is "reply" (覆佢, 冇人覆); 覆盖 (coverage) and 回覆 keep it.
  [/(?<![回答反颠倾])覆(?![盖灭])/gu, '回复'],
  [/落嚟|落来/gu, '下来'],
  [/返工/gu, '上班'],
  [/放工/gu, '下班'],
  [/收线/gu, '挂电话'],
  [/冇得/gu, '没法'],
  [/冇咗/gu, '没了'],
  [/搞掂/gu, '搞定'],
  [/老细/gu, '老板'],
  [/好嬲|嬲/gu, '生气'],
  // 呃 is "cheat" before whom or what is cheated (呃人, 呃钱); as a hesitation it stands alone.
  [/呃(?=[人钱我你佢他她客])/gu, '骗'],
  [/(?:俾|畀)(?=人[骗呃闹骂])/gu, '被'],
  [/俾|畀/gu, '给'],
  // 闹 is "scold" in Cantonese when someone is its object (闹我, 闹人).
  [/闹(?=[我人你佢他她])/gu, '骂'],
  // 话 is "say" after the one who speaks; 电话, 话费, 说话 and 人话 (听不懂人话, 说人话) keep it.
  [/(?<=[他她佢我你们哋户人客])(?<![懂说讲]人)话(?![费题术筒务])/gu, '说'],
  [/(?<=[个啲些呢嗰𠮶班位])客(?![户人服诉气运车厅栈])/gu, '客户'],
  [/部机(?![器构场关])/gu, '部手机'],
  [/(?<=[\d一二三四五六七八九十百千万两几])蚊/gu, '块'],
  // Cantonese pronouns, demonstratives, being and aspect.
  [/佢哋|佢地/gu, '他们'],
  [/我哋/gu, '我们'],
  [/你哋/gu, '你们'],
  [/佢/gu, '他'],
  [/呢(?=[个位张次部单份间条些啲度])/gu, '这'],
  [/嗰|𠮶/gu, '那'],
  [/(?<=[我你他她佢们哋都就又仲唔真即咪梗只净])系(?![统列数])/gu, '是'],
  [/唔/gu, '不'],
  [/冇/gu, '没'],
  [/咗/gu, '了'],
  [/嘅/gu, '的'],
  [/啲/gu, '些'],
  [/嘢/gu, '东西'],
  [/喺/gu, '在'],
  [/咁/gu, '这么'],
  [/(?<=[\p{Script=Han}])仲(?=[有是要想会可在])/gu, '还'],
  [/攰/gu, '累'],
  [/瞓/gu, '睡'],
  [/揾|搵/gu, '找'],
  [/睇/gu, '看'],
  [/嚟/gu, '来'],
  [/攞/gu, '拿'],
  [/嘈/gu, '吵'],
  // South-western Mandarin (Sichuan, Chongqing) and northern 咋.
  [/咋个|咋子|啷个/gu, '怎么'],
  [/咋整|咋办|咋搞|咋弄/gu, '怎么办'],
  [/咋/gu, '怎么'],
  // Henan and Shandong: 俺 is I (俺们 we), 弄啥 is "what for", 中不中 "OK or not".
  [/俺们/gu, '我们'],
  [/俺/gu, '我'],
  [/弄啥(?:嘞|咧|哩)?/gu, '干什么'],
  [/中不中/gu, '行不行'],
  // Northern and north-eastern Mandarin.
  [/那老些|这老些/gu, '那么多'],
  [/老鼻子|老些/gu, '很多'],
  [/嘎哈|干哈/gu, '干什么'],
  [/咱们|咱/gu, '我们'],
  [/忽悠/gu, '骗'],
  [/整成|整得/gu, '弄得'],
  [/贼(?=[慢贵快多难烦卡])/gu, '很'],
  [/嚷嚷/gu, '吵'],
  [/莫得/gu, '没有'],
  [/莫(?=[要急慌怕管])/gu, '别'],
  [/搞啥子|做啥子|干啥子/gu, '干什么'],
  [/啥子|啥/gu, '什么'],
  [/晓得/gu, '知道'],
  [/恁个|恁么/gu, '这么'],
  [/扯拐/gu, '出问题'],
  [/扯把子|日白|假打/gu, '骗人'],
  [/好撇|太撇|撇得很/gu, '很差'],
  [/嘿(?=[多贵慢烦卡大])/gu, '很'],
  [/遭不住/gu, '受不了'],
  [/搞忘/gu, '忘'],
  [/遭(?=[扣骂罚停封骗])/gu, '被'],
  [/冒火|毛了/gu, '生气'],
  [/(?:噘|决)人/gu, '骂人'],
  [/打脑壳/gu, '头疼'],
  [/脑壳/gu, '头'],
  [/老汉儿|老汉/gu, '老人'],
  // Net slang and pinyin initials agents type around the situation (笑死我了, 你说得对, 无语):
  // they say how the agent feels about the call, not what it is about, and as Latin words they
  // would be typo-matched against English words. 无语子 and 绝绝子 are 无语 and 绝了 with a suffix.
  [/(?<![a-z])(?:xswl|nsdd|yyds|awsl|tql|dbq|bhys|srds|u1s1|xdm|jms|yygq|zqsg|nbcs|bdjw|zfgg)(?![a-z])/gu, ' '],
  [/无语子/gu, '无语'],
  [/绝绝子/gu, '绝了'],
  // A degree word before how something is (网速很慢, 信号太差, 话费好贵): the scripts name the problem (网速慢,
  // 信号差), and the adverb would leave 很慢 and 速很 as words no case has. Not before 卡: 上网好卡 would read 上网卡, a data card.
  [/(?:非常|特别|十分|超级|很|挺|蛮|超|太|好|真)(?=[慢贵差烂少多久高低乱难])/gu, ''],
  // Tone particles after a word: they add no meaning and would count as words the query is about.
  [/(?<=[\p{Script=Han}])(?:㗎|喎|㖞|啫|噃|啩|咧|嘞|噻|囉|啰)/gu, ''],
];

/** The text with regional spoken forms read as standard Mandarin; other text is returned unchanged. */
export function asStandardMandarin(normalized: string): string {
  return SPOKEN_FORMS.reduce((text, [pattern, standard]) => text.replace(pattern, standard), normalized);
}
