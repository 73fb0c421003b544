import type { CrisisRule } from './crisis-rule.js';

/**
 * Future absence said as a goodbye, in Chinese: 下个月的排班不用排我了, 以后的班都别算我, 年会不用留我的位子. Taken off
 * the roster or the next gathering with no reason given (a notice, a transfer, leave, a move, study) is how some say
 * goodbye; with a reason it is an ordinary notice. Read on Simplified text without spaces.
 */

/** Why one will not be on the roster, said in the same message. */
const AWAY_REASON_ZH =
  /离职|辞职|辞呈|裸辞|不干了|不做了|调岗|调去|调到|调回|转岗|转正|退休|换工作|新公司|新工作|入职|跳槽|交接|人事|请假|休假|产假|陪产|年假|病假|婚假|出差|回老家|当兵|服役|读书|上学|考研|毕业|搬家|搬去|开刀|手术|住院|出国|移民|结婚|生小孩|坐月子|约满|合约到期|合同到期|兼职|培训|轮调|支援/;

/** Signs the absence is for good: things handed over, thanks for the years with a farewell, "don't look for me". */
const FOR_GOOD_ZH = /保重|永别|别找我|不用找我|拜托(?:你们|大家)|交给你们|照顾好|再也/;

/** Later shifts or gatherings: 下个月的排班, 以后的班, 明年的年会. */
const LATER = '(?:下个?(?:月|周|星期|礼拜)|以后|之后|往后|明年|今后|接下来)(?:的)?';
const ROSTER = '(?:排班(?:表)?|班表|值班表|轮班表|班|夜班|大夜|早班|晚班|聚餐|尾牙|年会|团建|春酒|旅游|活动|大促|促销|双十一|盘点|例会)';

export const ZH_ABSENCE: readonly CrisisRule[] = [
  {
    id: 'off-the-roster',
    unless: new RegExp(`^(?![\\s\\S]*(?:${FOR_GOOD_ZH.source}))[\\s\\S]*(?:${AWAY_REASON_ZH.source})`),
    pattern: new RegExp(`${LATER}${ROSTER}(?:都|也|就)?(?:不用|不必|别|不要|不需要)(?:再)?(?:排|算|安排|留|叫|等|订|写)(?:上)?我`),
  },
];
