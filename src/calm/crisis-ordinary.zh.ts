/**
 * Ordinary-context grammar for Chinese words that sound like despair but are said in passing: being tired "of living"
 * after a long shift with a treat ahead, calling oneself the team's 废物 / 拖油瓶 over a slip with a laugh or a round of
 * drinks, 下辈子见 to a target one will miss, waiting downstairs to hand over a parcel, charcoal for a barbecue, rope
 * for boxes. Read on Simplified text without spaces.
 */

/** The day's load counted out (连上两班, 接了八十个电话, 加了三小时班) or a small comfort planned (吃顿好的, 追剧, 睡一觉). */
export const TIRED_FOR_A_REASON_ZH =
  /连(?:上|值|轮|加|着(?:上|值|接|加|跑))了?[0-9一二三四五六七八九十两几]*(?:个)?(?:班|天|单|电话)|(?:接|打|回|跑|送|站)了?[0-9一二三四五六七八九十两几百]+(?:多)?(?:个|通|单|趟|家|小时)|加了?[0-9一二三四五六七八九十两几]+(?:个)?(?:小时|钟头)?的?班|吃(?:顿|点|些)好的|追剧|看剧|睡(?:一|个)?(?:大)?觉|喝(?:一杯|杯|奶茶|饮料|咖啡)|犒劳|火锅|烧烤|宵夜|按摩|泡澡|撸猫|买(?:点|个)?(?:好吃|零食)/;

/** Amends or a laugh that make a put-down a joke at one's own expense: 请大家喝奶茶赔罪, 下次请客, 哈哈. */
const JEST = '(?:哈{2,}|h{3,}|笑死|(?<!不是|没|没有)(?:开玩笑|说笑)|😂|🤣|请(?:大家|你们|各位|全组|组里)?(?:喝|吃)|请客|赔罪|下次请|[啦啰咯]$)';
/** A slip at work: 表格又填错了, 拖后腿了. */
const SLIP = '(?:又|老是|总是|再)?(?:填|打|印|弄|搞|算|按|点|寄|发|报|记|贴|输|做|写|看|说|叫|念|录)错|拖后腿|漏(?:打|填|发|寄)|搞砸';
/** One's family or one's life: a burden on them is never a joke here. */
const FAMILY_OR_LIFE = '(?:全家|家里|家人|爸妈|父母|我妈|我爸|老婆|老公|孩子|活着|活下去|不在|消失|(?<!笑)死)';

/** 我就是个废物 / 我是全组的拖油瓶 said over a slip with a laugh or a treat, and nothing about family or life in the message. */
export const JESTING_PUT_DOWN_ZH = new RegExp(
  `(?<![^]*${FAMILY_OR_LIFE}[^]*)(?:我|自己)(?:就|真|真的|简直|果然)?(?:是|像)(?:个|一个)?(?:咱|我们|全|整个)?(?:组|团队|部门|班|队|店|门市|公司)?(?:的|里的)?(?:废物|拖油瓶|累赘|猪队友|废柴)(?=(?![^]*${FAMILY_OR_LIFE})[^]*(?:${JEST}|${SLIP}))|(?<=(?:${JEST}|${SLIP})(?![^]*${FAMILY_OR_LIFE})[^]*)(?:我|自己)(?:就|真|真的|简直|果然)?(?:是|像)(?:个|一个)?(?:咱|我们|全|整个)?(?:组|团队|部门|班|队|店|门市|公司)?(?:的|里的)?(?:废物|拖油瓶|累赘|猪队友|废柴)`,
  'g',
);

/** 下辈子见 to a target or a task, with a laugh: 下辈子见吧！这个月的KPI我是完成不了了哈哈. */
const TASK = '(?:kpi|业绩|指标|考核|报表|周报|月报|工单|奖金|年终|加薪|涨薪|假期|年假|deadline|任务)';
const LAUGH = '(?:哈{2,}|h{3,}|笑死|😂|🤣)';
export const TASK_NEXT_LIFE_ZH = new RegExp(
  `(?:(?<=${TASK}[^]*)|(?=[^]*${TASK}))(?:(?<=${LAUGH}[^]*)|(?=[^]*${LAUGH}))(?:下辈子|来世)(?:再)?(?:见|说|吧)`,
  'g',
);

/**
 * "Dying" of a delay or with a chore still ahead (飞机晚点三个小时，要死了，回去还要写报告), wanting to die while a caller
 * goes on and on (好想死喔，这个奥客讲了半小时还在讲), laughing oneself off to one's great-grandmother (笑到去见太奶).
 */
export const CHORE_TO_DEATH_ZH =
  /(?:好|真|真的)?想死(?!的(?:念头|想法|冲动))(?:了|喔|哦|啊)?(?=[，,～~!！]?[^。！？]{0,16}(?:[0-9一二三四五六七八九十两半]+(?:分钟|个?小时|个钟|次|通)|还在(?:讲|说|骂|吵|念|问|闹)))|(?:笑|乐|尬|吓)(?:到|得)?(?:要|快)?(?:去)?见太(?:奶奶?|爷爷?|姥姥)|(?<=(?:晚点|延误|误点|堵车|塞车|排队|开会|加班|通宵|报告|[0-9一二三四五六七八九十两]+个?(?:小时|钟头|电话))[^。！？]{0,6})(?:我)?(?:真的)?(?:要|快)死了|(?:我)?(?:真的)?(?:要|快)死了(?=[，,～~]?[^。！？]{0,10}(?:还要|还得|又要|还没)(?:写|加班|上班|开会|回|做|跑|交|改|打))/g;

/** Not wanting to wake for the alarm (不想醒过来，闹钟响了三次), wanting to "die" in bed all day (想die在床上一整天). */
export const LIE_IN_ZH =
  /(?:不想|不要|好不想)(?:再)?(?:醒来|醒过来|醒|起床|起来)(?=[^。！？]{0,12}(?:闹钟|赖床|被窝|再睡|五分钟))|(?<=(?:闹钟|赖床|被窝)[^。！？]{0,12})(?:不想|不要|好不想)(?:再)?(?:醒来|醒过来|醒|起床|起来)|想(?:死|die)(?=在(?:床上|被窝|沙发)[^。！？]{0,4}(?:一整天|整天|一天|一下午|一上午|周末))/g;

/** Pay sent home for a bill, a card's password given for an errand: 发完工资先把钱转给我妈，她要交房租; 银行卡密码告诉我妈了，帮我去取钱. */
export const MONEY_FOR_A_BILL_ZH =
  /(?:工资|钱|存款|薪水|奖金|银行卡|密码|存折)[^。！？]{0,8}(?:转|给|汇|打|告诉|写给|交给|留给)(?:给)?(?:了)?(?:我)?(?:妈|爸|爸妈|父母|家里|家人|老婆|老公|弟|妹|姐|哥)(?:了)?(?=[^。！？]{0,12}(?:房租|租金|学费|生活费|医药费|看病|还款|还贷|房贷|车贷|交|缴|买|过年|生日|红包|(?:帮|替)我))/g;

/** Someone waiting to hand the writer something: 外卖小哥说在停车场等我，让我下去拿一下. */
export const WAITING_TO_HAND_OVER_ZH =
  /(?:在[^。！？]{0,6}?)?等(?:着)?我[，,]?(?:让|叫)?(?:我)?(?:下去|出去|下楼|过去|去)?(?:拿|取|签收|领)(?:一下|快递|外卖|东西|餐|货|件)?/g;

/** Pesticide for the crops or the rats: 菜地生虫了，得买瓶敌敌畏打一打. */
export const PESTICIDE_FOR_PESTS_ZH =
  /(?:农药|敌敌畏|百草枯|老鼠药)(?=[^。！？]{0,8}(?:打一打|打虫|杀虫|除虫|除草|喷|灭鼠|毒老鼠))|(?<=(?:菜地|庄稼|果树|田里|地里|生虫|虫子|老鼠|除草)[^。！？]{0,10})(?:买|打|喷)?(?:瓶|点)?(?:农药|敌敌畏|百草枯|老鼠药)/g;

/** Charcoal for grilling or warmth, rope for boxes and loads (not 不是用来绑的, nor a use told to whoever asked: 我说搬家用). */
export const EVERYDAY_CHARCOAL_AND_ROPE_ZH =
  /(?:烧|买|点|备)?(?:木)?炭(?=[^。！？]{0,4}(?:烤|火锅|取暖|炉|围炉))|(?<=(?:烤肉|烧烤|火锅|围炉|露营)[^。！？]{0,6})(?:烧|买|点|备)?(?:木)?炭|绳子?(?=[^。！？]{0,12}?(?<!不是用来|不是拿来|不是|我说|说是|就说|我说是)(?:捆|绑|晾|打包|搬家|跳绳|拔河|系紧|固定|拴|纸箱|箱子|货|用完|补|卖完|库存|货架))/g;
