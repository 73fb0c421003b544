import type { CrisisRule } from './crisis-rule.js';

/**
 * What people do before they go, said without a death word: bank passwords and passbooks written down or left where
 * family will find them, a letter "you'll see tomorrow", accounts deleted and one's mother thanked, wanting to go
 * "together" with someone who has died. Read on Simplified text without spaces.
 */

/** Family, the reader, or a place things are left to be found. */
const FOUND_BY =
  '(?:妈|爸|娘|姐|姊|妹|哥|弟|女儿|儿子|老婆|老公|家人|家里|你们|你|大家|抽屉|本子|纸条|笔记本|便条|便利贴|信封|枕头)';
/** Ordinary reasons to share a password or a passbook: not to forget it, an errand done for one, a handover. */
const ERRAND = /怕忘|忘记|记不住|备忘|重置|改密码|wifi|无线|会员|代领|代办|(?:帮我|替我)(?:去)?(?:取|领|办|存|缴|交|汇|转|买|查)|交接|系统|电脑|工单|后台|打卡|(?:带|拿)(?:去)?银行|去银行|记得带/;
const MONEY_PAPERS = '(?:存款|存折|存摺|存单|银行卡|提款卡|金融卡|银行|网银|账号|帐号|支付宝|保险|积蓄|印章)';

/** Someone has died: 走了, 去世, 不在了. */
const GONE_BEFORE = '(?:走了|去世|过世|不在了|离开了|死了|离世|往生|已经去(?:了)?[一二两三四五六七八九十几半0-9]+(?:年|个月))';

export const ZH_LEAVING_SIGNS: readonly CrisisRule[] = [
  {
    // 存款密码写在纸条上给我姐了, 存折跟印章放在抽屉，我妈知道, 账号密码都写在本子上了，放在你抽屉里.
    id: 'money-papers-left',
    unless: ERRAND,
    pattern: new RegExp(
      `${MONEY_PAPERS}[^。！？]{0,6}(?:密码|印章)?[^。！？]{0,4}(?:都|全)?(?:写|抄|记|放|留|藏|交|给)(?:在|到|给|好)?[^。！？]{0,12}${FOUND_BY}|${MONEY_PAPERS}[^。！？]{0,12}(?:放|留|藏)[^。！？]{0,8}[，,](?:我)?(?:妈|爸|姐|姊|妹|哥|弟|女儿|儿子|老婆|老公|家人)(?:都)?知道`,
    ),
  },
  {
    // 我准备了一封信，明天你们就会看到.
    id: 'letter-to-be-found',
    pattern: /(?:准备|写|留)(?:好)?(?:了)?(?:一)?封信[^。！？]{0,8}(?:明天|以后|到时候|之后)(?:你们|大家|她|他|家人)?(?:就)?(?:会)?(?:看到|收到|知道|明白)/,
  },
  {
    // 把微信好友都删了，跟我妈说了声谢谢: the traces cleared and one's family thanked in the same breath.
    id: 'cleared-and-thanked',
    pattern:
      /(?:(?:删|注销|清空|退)(?:了|掉|光)?[^。！？]{0,10}(?:ig|脸书|facebook|微信|好友|账号|帐号|微博|抖音|朋友圈|line|qq)|(?:ig|脸书|facebook|微信|好友|账号|帐号|微博|抖音|朋友圈|line|qq)[^。！？]{0,8}(?:删|注销|清空|退)(?:了|掉|光)?)[^。！？]{0,8}(?:跟|和|对|向)(?:我)?(?:妈|爸|娘|家人|爸妈|父母|家里)(?:说|道)(?:了)?(?:声|一声)?(?:谢谢|再见|对不起|抱歉)/,
  },
  {
    // 好想跟牠一起走，狗狗走了以后; 老公也走了，我想说去找他一起啦: going "together" with someone who has died.
    id: 'go-with-the-dead',
    pattern: new RegExp(
      `(?:(?<=${GONE_BEFORE}[^]*)|(?=[^]*${GONE_BEFORE}))(?:(?:想|好想|真想|也想)(?:跟|和|陪)(?:他|她|牠|它|[^。！？，,]{1,4})(?:一起)?(?:走|去)(?=$|[，,。！!吧了])|(?:想|好想|真想|也想)(?:说|讲)?(?:要)?去(?:跟|和|陪|找)(?:他|她|牠|它|[^。！？，,]{1,4})(?:一起|作伴)(?=$|[，,。！!吧了啦啊]))`,
    ),
  },
  {
    // 朋友圈微博全删了，反正以后也用不上了; 工资全转给我妈了，跟她说以后过年别等我回家了; 手机关掉，以后都不会开了:
    // what one will no longer need, money handed over, the family told not to wait any more (round 14, dev17).
    id: 'no-longer-needed',
    unless: /换(?:了)?(?:新)?(?:手机|号|工作|平台|软件|系统)|离职|辞职|转行|出国|搬家|卸载|换号|新号|退群|戒|注销(?:了)?(?:旧|小)号/,
    pattern:
      /(?:删|清空|注销|送人|送给|给了|转给|卖了)[^。！？]{0,12}(?:反正|以后)(?:我)?(?:以后)?(?:也|都|再也)?用不(?:上|着|到)了|(?:以后|今后|往后)(?:过年|过节)?(?:就|都)?别等我(?:回家|回来)?了|(?:手机|电话)[^。！？]{0,8}(?:以后|从此|再也|永远)(?:都|也)?不(?:会)?(?:再)?开(?:机)?了/,
  },
  {
    // 跟我女儿说妈妈要出趟远门，她问去多久，我没说话: a long journey with no return date, the question left unanswered.
    id: 'long-journey-unanswered',
    writerOnly: true,
    pattern: /(?:出(?:趟|一趟|个)?远门|去(?:一个)?很远的地方)[^。！？]{0,14}(?:问|说)[^。！？]{0,6}(?:多久|什么时候回来|几时回来|哪天回来)[^。！？]{0,6}(?:我)?(?:没说话|没回答|没吭声|说不出|答不上来|不知道怎么回答|没有回答)/,
  },
  {
    // Round 14 (dev19): goodbyes taken for a resignation, "其实不是"; thanks for the company with the phone going off by the sea.
    id: 'goodbye-mistaken-for-leaving',
    writerOnly: true,
    pattern:
      /以为我(?:是)?要(?:离职|辞职|搬家|出国|出差|旅行|去旅游)[^。！？]{0,6}(?:其实不是|其实没有|其实不|但不是|才不是)|(?:手机|电话)(?:会)?(?:关掉|关机)[^。！？]{0,20}(?:谢谢|感谢)[^。！？]{0,8}(?:陪我|陪伴|听我)|(?:海边|河边|桥上|顶楼|天台)[^。！？]{0,20}(?:谢谢|感谢)[^。！？]{0,8}(?:这阵子|这段时间|一直以来)?(?:陪我|陪伴|听我)/,
  },
  {
    // Round 14 (dev21): free to go once someone's day has passed (等我妈过完六十大寿 我就可以放心走了), the pay all handed over
    // with "no need to eat any more", the last day of anything at all.
    id: 'free-to-go-after',
    writerOnly: true,
    pattern:
      /等(?:我)?(?:妈|爸|孩子|女儿|儿子|家人|奶奶|外婆|爷爷)[^。！？]{0,10}(?:过完|毕业|结婚|考完|长大|满十八|生日过完|出院)[^。！？]{0,8}(?:我)?就(?:可以)?(?:放心)?(?:地)?(?:走|离开)了|(?:工资|钱|存款|积蓄)[^。！？]{0,8}(?:全|都)(?:转|给)(?:给)?(?:了)?(?:我)?(?:妈|爸|家里|家人)[^。！？]{0,20}(?:一分(?:钱)?(?:都)?没留|不用(?:再)?吃了|用不着了)|最后一(?:日|天)(?:做|干|过)?(?:任何|所有)(?:嘢|事|东西)/,
  },
];
