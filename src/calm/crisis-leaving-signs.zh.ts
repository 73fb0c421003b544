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
];
