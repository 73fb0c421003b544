/**
 * Whether a Chinese /script query is the writer's own trouble rather than a customer's: staff chat
 * in case words ("我自己的快递三天没到", "我家宽带又断了 下班回去还得报修"). No script answers it, yet it
 * shares every content word with a case. Read on the query as search sees it (Simplified, lower case).
 *
 * It is the writer's own when the writer owns the thing in trouble (我的, 我家, 我这个月, 我手机),
 * nobody else is in the sentence (the customer, he or she, an auntie), and nothing in it speaks to
 * the company the way a customer does. A customer's words pasted in first person keep their case:
 * "我没用这么多流量" owns nothing, and "我的快递到底在哪" or "凭什么扣我的钱" speak to us.
 * Ownership alone is not enough in a longer sentence, where it is as often a paste: there the
 * writer must also show it is their own life (自己, after work, asking colleagues, calling a hotline
 * themselves).
 */

/** The writer owns the thing in trouble: a possessive, or 我 right before a belonging (我手机坏了). */
const WRITER_OWNS =
  /我(?:自己)?(?:的|家|们家|这个?月|上个?月)|[俺咱]家|我(?:自己)?(?=手机|电话|电脑|快递|包裹|话费|电费|账单|宽带|网络|流量|号码|信用卡|工资|工牌|年假|套餐|卡)/u;

/**
 * Someone other than the writer is in the sentence: the customer, a third person, a form of address
 * for a caller (Mainland, Southwest, Wu and Min: 嬢嬢, 伊, 阿伯). 其他 (other) and 吉他 are not people.
 */
const SOMEONE_ELSE =
  /客户|客人|用户|顾客|来电|机主|买家|卖家|对方|人家|这人|那人|这位|那位|(?<![其吉])他|她|伊|佢|老人|大爷|大妈|阿姨|叔叔|大叔|大哥|大姐|阿伯|阿公|阿嬷|阿婆|阿妈|嬢嬢|老汉|老太|奶奶|爷爷|家属|老板|先生|女士|小姐/u;

/**
 * The sentence speaks to the company as a customer does: quotation, "you" (你们, not 你们谁 asking
 * colleagues), something done to or owed to "me" (给我, 扣我), or the insistence of a complaint.
 */
const SPEAKS_TO_THE_COMPANY =
  /[“”「」『』"]|原话|你们(?!谁|有谁)|您|贵公司|[给扣收骗坑退赔]我|凭什么|到底|根本|从来|明明|就要|必须|要求|投诉|赶紧|马上/u;

/** The writer's own life around the trouble: emphatic self, after work, asking colleagues, a hotline they call themselves. */
const WRITERS_OWN_LIFE = /自己|下班|回家|回去|回头|顺路|周末|午休|谁|有没有人|大家|各位|哪有|哪里有|附近|报修|打给客服|打客服|郁闷|好烦|烦死/u;

/** A possessive remark this short (Han characters) is the writer's own unless it speaks to the company. */
const SHORT_REMARK = 12;

export function isWritersOwnProblem(simplified: string): boolean {
  if (!WRITER_OWNS.test(simplified) || SOMEONE_ELSE.test(simplified) || SPEAKS_TO_THE_COMPANY.test(simplified)) return false;
  const han = simplified.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han <= SHORT_REMARK || WRITERS_OWN_LIFE.test(simplified);
}
