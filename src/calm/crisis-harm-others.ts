import { MEANT_IT_ZH } from './crisis-concepts.zh.js';
import type { CrisisRule } from './crisis-rule.js';

/**
 * The writer means to hurt someone: a caller, a colleague, a lead ("I'm going to go there and hurt him",
 * "下班我就去堵他，揍他一顿"). Said in earnest this is a crisis of the writer, who needs a person now, so
 * these rules answer `self` (the crisis reply and its "tell my lead" button), never the threat-to-you
 * answer, which is about someone else coming for the writer. A laugh or "算了" in the same message makes
 * it the everyday "I could kill him"; "I'm going to kill my manager, not joking" stays.
 * The writer is the one who acts: 我 as an object (他说要找人把我打残) is a threat to the writer, read elsewhere.
 * Read on the spelled-out English form and the Simplified Chinese form (crisis-text.ts).
 */

/** Laughed off, unless the writer also says they mean it. */
const LAUGHED_OFF_EN =
  /^(?![\s\S]*\b(?:not (?:even |really )?(?:joking|kidding)|i mean it|i am serious|for real)\b)[\s\S]*\b(?:lol|lmao|haha|hahaha|rofl|jk|xd|kidding|joking)\b/;
/** A person the writer could hurt. */
const TARGET_EN =
  '(?:him|her|them|you|someone|somebody|everyone|everybody|(?:that|the|this|my|our|his|her) (?:[a-z]+ )?(?:customer|caller|client|guy|man|woman|lady|bloke|fellow|person|supervisor|manager|boss|tl|team lead|team leader|lead|colleague|coworker|co worker|qa|agent|neighbour|neighbor|husband|wife|partner|ex|rider|driver|merchant|courier|passenger|patient|diner|shopper|seller|buyer|vendor|landlord|dude|idiot|jerk|prick|bastard|trainer|coach|student|tenant|member))';
/** What would hurt them ("kill" and "murder" are everyday venting unless the writer says they mean it: MEANT_EN). */
const VIOLENCE_EN =
  '(?:hurt|beat|beat up|beat the (?:crap|hell|shit|life|living daylights) out of|knock the (?:crap|hell|shit) out of|batter|stab|knife|slash|punch|smash|shoot|attack|strangle|choke|bash|deck|run over|wait for|poison|spike|slap|kick|headbutt)';
/** Money words: making someone "pay" for these is billing. */
const BILLED_EN =
  '(?:bill|bills|fee|fees|charge|charges|invoice|refund|damage|damages|repair|repairs|deposit|excess|fine|postage|shipping|delivery|difference|cost|costs|price|ticket|fare|balance|tab|rent|arrears|money|cash|\\d+)';
/** The writer means it, or has the means. */
const MEANT_WORDS_EN = '\\b(?:not joking|i mean it|i am serious|for real|i have a plan|i have planned|planned it|knife|gun|weapon|blade|i swear)\\b';
const MEANT_EN = `(?=[\\s\\S]*${MEANT_WORDS_EN})`;

export const EN_HARM_OTHERS: readonly CrisisRule[] = [
  {
    id: 'harm-others',
    writerOnly: true,
    unless: LAUGHED_OFF_EN,
    pattern: new RegExp(
      [
        // I'm going to / I'll / I want to ... hurt him.
        `(?:^ |\\bi )(?:am |will |would |swear i will |swear i am going to )?(?:going to|gonna|will|want to|about to|ready to|really want to|plan to|planning to|have to)(?: [a-z]+){0,6} ${VIOLENCE_EN} ${TARGET_EN}\\b`,
        `(?:^ |\\bi )(?:am |will |would |swear i will )?(?:going to|gonna|will|want to|about to|ready to|plan to|planning to|could|could seriously|could really)(?: [a-z]+){0,6} (?:kill|murder) ${TARGET_EN}\\b(?:${MEANT_EN}|(?<=${MEANT_WORDS_EN}[\\s\\S]*))`,
        // Their neck, their face: a body part as the target ("I'll break his neck").
        `(?:^ |\\bi )(?:am |will |would |swear i will |swear i am going to )?(?:going to|gonna|will|want to|about to|ready to|really want to|plan to|planning to)(?: [a-z]+){0,8} (?:break|snap|smash|bash|slit|cut|punch|kick|stab|knock|put my (?:fist|foot|knee|boot) (?:through|in|into)) (?:his|her|their|your|(?:that|this|the) [a-z]+) (?:neck|face|head|skull|jaw|nose|teeth|legs?|arms?|throat|kneecaps?|bones|ribs|fingers)\\b`,
        // Putting them in hospital, in the ground, in a wheelchair.
        `(?:^ |\\bi )(?:am |will |would |swear i will )?(?:going to|gonna|will|want to|about to|ready to|plan to|planning to)(?: [a-z]+){0,6} put ${TARGET_EN} in (?:the |a )?(?:hospital|ground|wheelchair|intensive care|icu|morgue)\\b`,
        `(?:^ |\\bi )(?:am |will |would |swear i will )?(?:going to|gonna|will|want to|about to|ready to|plan to|planning to|am)(?: [a-z]+){0,6} (?:put|putting|throw|throwing|push|pushing) ${TARGET_EN} through (?:the|a|that|this) (?:window|wall|door|glass|windscreen|windshield)\\b`,
        // Pushing them down the stairs, off the platform, under a train.
        `(?:^ |\\bi )(?:am |will |would |swear i will )?(?:going to|gonna|will|want to|about to|ready to|plan to|planning to)(?: [a-z]+){0,6} (?:push|shove|throw|kick) ${TARGET_EN} (?:down|off|under|in front of|out of|through)\\b`,
        // Settling it by hand, outside work: "settle this with my own hands".
        '\\bi (?:will|am going to|am gonna|want to|would)(?: [a-z]+){0,8} (?:with my (?:own |bare )?hands|(?:outside|after work|in the car park|after his shift|after her shift) (?:and|to) (?:hurt|beat|sort out|finish|teach))\\b',
        // Their car, their tyres, their shop.
        `(?:^ |\\bi )(?:am |will )?(?:going to|gonna|will|want to|plan to)(?: [a-z]+){0,3} (?:slash|key|smash|torch|burn|wreck|trash|firebomb) (?:that|the|his|her|their)(?: [a-z]+){0,2} (?:tyres|tires|car|windows|house|home|shop|store|place|office)\\b`,
        // Bringing a weapon ("something") to work, waiting with an iron rod; he will pay.
        '\\bi (?:am|will be|will|am going to be|am gonna be) (?:bringing|bring|taking|take|carrying|carry) (?:something|a knife|a blade|a weapon|a gun|a bat|a rod|a pipe|a hammer)(?: [a-z]+){0,3} (?:to|into|in to) (?:work|the office|the site|the floor|the store|the shop)\\b',
        '\\bi (?:will|am going to|am gonna)(?: [a-z]+){0,6} with (?:a|an|my) (?:[a-z]+ )?(?:rod|bat|knife|blade|pipe|hammer|gun|crowbar|machete|bottle)\\b',
        '\\b(?:he|she|they) (?:will|is going to|are going to|is gonna) pay\\b(?= \\.|\\s*$)',
        // Making a person pay, not a bill: "gonna make my team leader pay".
        `(?<!\\b${BILLED_EN}\\b[\\s\\S]*)\\bmake ${TARGET_EN} pay\\b(?![\\s\\S]*\\b${BILLED_EN}\\b)`,
        // Regret, a car smashed with them in it, their address taken from the system.
        `(?:^ |\\bi )(?:am |will |would |swear i will )?(?:going to|gonna|will|want to|about to|plan to|planning to)(?: [a-z]+){0,8} make ${TARGET_EN} (?:regret it|regret (?:this|that|the day)|sorry|bleed|suffer)\\b`,
        `(?:^ |\\bi )(?:am |will |would |swear i will )?(?:going to|gonna|will|want to|about to|plan to|planning to)(?: [a-z]+){0,6} teach ${TARGET_EN} a lesson\\b`,
        '\\b(?:smash|burn|torch|crash|ram|wreck|set fire to)(?: it| that| the (?:car|place|house|shop))?(?: [a-z]+){0,2} with (?:him|her|them) (?:in it|inside|in there|still in it)\\b',
        '\\bi (?:will |am going to |am gonna )?(?:have|have got|got|took|take|looked up|look up|pulled|pull|copied|copy|found|find|grab|grabbed|get) (?:his|her|their) (?:home )?address (?:from|off|out of|in) (?:the|our) (?:system|crm|account|file|records|database)\\b',
        // Imagining it in detail, and scared by it: "imagining hurting my supervisor in a lot of detail".
        `\\b(?:imagining|imagine|picturing|fantasi[sz]ing|fantasi[sz]e|dreaming (?:about|of)|thinking about) (?:hurting|stabbing|killing|beating|strangling|punching|attacking|shooting|poisoning|running over) ${TARGET_EN}\\b(?=[\\s\\S]*\\b(?:scar(?:es|ing|ed) me|detail|every (?:day|night)|plan|not joking|i mean it|can not stop)\\b)`,
        // Someone will get hurt, and it will be me who does it.
        '\\b(?:someone|somebody|people|everyone)(?: is| are)? (?:going to|gonna|will) get (?:hurt|killed)\\b(?: [a-z.]+){0,8} (?:me who|by me|i will|it will be me)\\b',
        // I've thought about how to hurt him.
        `\\b(?:thought|thinking|think) (?:about|of) (?:how (?:to|i would|i will|i could) )?${VIOLENCE_EN} ${TARGET_EN}\\b`,
      ].join('|'),
    ),
  },
];

/** The writer means it or has the means: 杀/弄死 without this is venting (气得我想杀了他). */
const MEANT_ZH = `(?=[^]*(?:真的|认真|${MEANT_IT_ZH}|准备好|计划|刀|棍|球棒|汽油|硫酸))`;
/** Someone the writer could hurt, in Chinese. */
const TARGET_ZH = '(?:他|她|他们|你|谁|那个|这个|那家伙|主管|组长|店长|领导|经理|老板|客户|客人|商家|骑手|司机|乘客|同事|老公|老婆|前任|前男友|前女友)';

export const ZH_HARM_OTHERS: readonly CrisisRule[] = [
  {
    id: 'harm-others',
    writerOnly: true,
    unless: new RegExp(`^(?![^]*(?:${MEANT_IT_ZH}))[^]*(?:哈{2,}|算了|开玩笑|说笑|lol|😂|🤣|游戏|剧里|电影)`),
    pattern: new RegExp(
      [
        // 我就去揍他, 我会杀了他, 我就砸烂他的头, 我要去他店里放一把火, 我想把整间办公室炸掉.
        `(?<![把被让叫给将对跟和])(?:我|老子)(?![们的])[^。！？]{0,12}?(?:(?:揍|捅|砍)(?!了?它)|打残|打到${TARGET_ZH}|(?:把${TARGET_ZH}[^。！？]{0,4})?打(?:进|到|得)(?:他|她)?(?:进)?(?:医院|住院|残废)|砸烂|砸碎|砸(?:在)?${TARGET_ZH}|往${TARGET_ZH}[^。！？]{0,4}砸|放(?:一把)?火|(?<!发)烧了|炸掉|炸了|炸死|泼(?:硫酸|汽油|开水)|毒死|撞死|见一个打一个|见一个砍一个)`,
        `(?<![把被让叫给将对跟和])(?:我|老子)(?![们的])[^。！？]{0,12}?(?:弄死|打死|整死|搞死|杀了?${TARGET_ZH})${MEANT_ZH}`,
        // 给他两刀, 把开水泼他脸上, 我一定打爆他, 再揍他一顿, 跟谁动手.
        `(?:给|捅|砍|扎)${TARGET_ZH}(?:[一两几]|好几)刀|把(?:一壶|一杯|一桶|一瓶)?(?:开水|热水|热油|硫酸|汽油|油漆|热茶|咖啡)(?:全)?泼(?:在|到|向)?${TARGET_ZH}|(?<![被让叫给])(?:我|老子)(?![们的])[^。！？]{0,12}?(?:打爆|揍爆|扁|k|修理|教训|收拾)${TARGET_ZH}(?:一顿)?|(?:再|就|去|要|会|一定)揍${TARGET_ZH}(?:一顿)?|(?:跟|和)谁(?:动手|拼了|拼命)`,
        // 我就拿砖头拍他, 拿剪刀刺他, 抄起椅子砸他: the writer takes something up against someone.
        `(?<![被让叫给])(?:我|老子)(?![们的])[^。！？]{0,8}?(?:拿|用|抄|抄起|掏出|抡起|举起)(?:一|那|这)?(?:把|块|个|根|支|瓶)?(?:砖头|板砖|剪刀|刀|菜刀|水果刀|美工刀|棍子|铁棍|球棒|锤子|椅子|凳子|酒瓶|瓶子|扳手|头盔|东西)(?:去)?(?:拍|砸|刺|捅|砍|敲|打|抡|扎|招呼|戳)(?:在|向|到)?${TARGET_ZH}`,
        // 我查到他住哪了，明天就去找他算账: the writer has found where someone lives, or is going to settle it in person.
        `(?:我|老子)(?![们的])[^。！？]{0,6}(?:查到|找到|打听到|知道)(?:了)?${TARGET_ZH}(?:住哪|住在哪|的?住址|的?地址|家在哪)|(?:我|老子|明天|下班)[^。！？]{0,6}(?:就)?(?:去|上门|到他家|到他店里)找${TARGET_ZH}算账`,
        // 让他见血, 让他出点事, 让那个同事付出代价, 让他全家都不好过.
        `让${TARGET_ZH}[^。！？，,]{0,6}(?:见血|出(?:点)?事|付出代价|住院|躺着出去|躺着出来|知道厉害|不得好死|好看|不好过)`,
        `(?<![把被让叫给将对跟和])(?:我|老子)(?![们的])[^。！？]{0,14}?(?:去|就|要|会)[^。！？]{0,6}?(?:堵|蹲|打|揍)${TARGET_ZH}(?!们|电话|招呼|的电话|一下电话)|想好(?:了)?(?:在哪里?|怎么|什么时候)(?:堵|打|弄|收拾|找)(?:他|她)|(?:去|到)[^。！？]{0,8}(?:家里?|店里|公司)找${TARGET_ZH}算(?:账|帐)|找(?:几个|一帮|一些|些)人(?:去|来)?(?:整|打|收拾|教训|弄|废|堵|揍)(?:他|她|他们)|(?:烫|淹|砸)死(?:他|她)(?!们)|(?:拿|用)[^。！？]{0,8}(?:汤|水|油|咖啡|茶)[^。！？]{0,4}泼(?:他|她)`,
        // 给那个客户的车动点手脚.
        '(?:他|她|车|客户|同事|主管|组长)[^。！？]{0,8}动(?:点|些)?手脚|动(?:点|些)?手脚(?=[^。！？]{0,8}(?:让|出事|车|他|她))',
      ].join('|'),
    ),
  },
];
