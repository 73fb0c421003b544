import type { CrisisRule } from './crisis-rule.js';
import { ORDINARY_LEAVING } from './crisis-concepts.en.js';

/**
 * Future absence said as a goodbye: "don't think I'll be here for the Christmas party", "won't be around
 * for the team dinner or anything after that", "not planning on being here for the Q3 review, give my
 * accounts to Sam". Being away for an event is ordinary when a reason is given (a flight, leave, a family
 * thing); it is a goodbye when the writer is unsure they will still exist, names everything after it, or
 * hands their things over. Read on the spelled-out form (crisis-text.ts) before the hyperbole step, which
 * leaves hedged and open-ended absences alone.
 */

/** Why a person will be away, given in the same message (not the occasion they miss: a party is not a reason). */
const AWAY_REASON =
  '(?:appointment|dentist|doctor|clinic|sick|leave|day off|off tomorrow|off on|training|course|exam|holiday|vacation|flight|flying|fly|trip|mc|medical|interview|visa|conference|off site|offsite|wfh|working from home|family (?:thing|stuff|commitment|event|reunion|emergency|do)|plans|booked|away|overseas|abroad|out of town|surgery|operation|rostered off|night shift|day shift|new team|new role|visiting|going home|back home|contract|temp|fixed term|(?:on|with) (?:this|my|the) (?:pay|salary|wage|wages|budget|money)|broke|payday|paycheck|rent|(?:with|see|seeing|visit) (?:my |the )?(?:family|folks|parents|in laws|relatives|kids))';

/** Being somewhere at a time to come, as a person who still exists. */
const STILL_HERE = '(?:(?:still )?(?:be|being) (?:here|around|about|alive|on this earth)|(?:still )?make it)';
/** Belief about one's own future, not a plan: nobody "doubts" they will be at a party they chose to skip. */
const UNSURE =
  '(?:(?:can not|cannot|could not|do not) (?:see|picture|imagine) myself|do not (?:think|reckon|expect|imagine|see(?: myself)?|know if) i will|(?:i )?doubt (?:that )?i will|not sure (?:if |that )?i will|(?:pretty |fairly |quite )?sure i will not|probably will not|i reckon i will not)';
/** Choosing not to be there, which needs a sign of finality to be a goodbye. */
const WILL_NOT = '(?:will not|not going to|am not going to|not planning (?:on|to)|do not plan (?:on|to)|not intending to|i will not)';
const WHEN = '(?:for|by|at|when|till|until|to see|in time for|through)';
/** Signs the absence is final: everything after it, or things handed over ("someone else can have my leave"). */
const FINALITY =
  '(?:(?:or|and) (?:anything|any of it|anything else|ever|whatever comes) (?:after|again|else)|or after(?: that| it)?|or ever again|someone else can (?:have|take|use)|(?:you|they|anyone|everyone) can (?:have|take|keep|split) (?:my|all my)|give (?:my|all my)(?: [a-z]+){0,3} to|(?:tell|say) (?:her|him|them|everyone)(?: [a-z]+){0,3} from me|(?:and|so) (?:i am|honestly i am|i have made) (?:ok|okay|fine|at peace|peace) (?:with|about) (?:that|it)|no need to (?:roster|schedule|book|plan for|count) me)';

export const EN_ABSENCE: readonly CrisisRule[] = [
  {
    id: 'absent-from-what-comes',
    // A reason for being away makes it ordinary, unless things are handed over or everything after it is named too.
    unless: new RegExp(`^(?![\\s\\S]*\\b${FINALITY})[\\s\\S]*(?:${ORDINARY_LEAVING.source}|\\b${AWAY_REASON}\\b)`),
    pattern: new RegExp(
      `\\b${UNSURE} ${STILL_HERE} ${WHEN}\\b|\\b${WILL_NOT} ${STILL_HERE} ${WHEN}\\b(?=[\\s\\S]*\\b${FINALITY})|\\b(?:not going to|will not|do not think i will|doubt i will) (?:make it|last|live|be alive) (?:to|till|until|for|through|past|see) (?:my|the|next|this) (?:[a-z]+ )?(?:birthday|christmas|new year|summer|winter|spring|autumn|easter|anniversary|year|month)\\b`,
    ),
  },
  {
    // The last stretch of a life, not of a job: "my last week on earth", "last shift alive".
    id: 'last-on-earth',
    pattern: /\blast (?:day|days|week|weeks|night|shift|month|christmas|birthday|weekend)(?: [a-z]+){0,2} (?:on (?:this )?earth|alive|of my life|above ground|breathing)\b/,
  },
  {
    // Time off and belongings one will not need, handed to others: "won't be needing my annual leave, you can share it out".
    id: 'not-needing-mine',
    unless: /(?<!\b(?:not|never|am not) )\b(?:wfh|working from home|remote|hybrid|hot ?desk(?:ing)?|new (?:team|role|desk|office|floor|building|job)|other (?:floor|building|site|office)|moving|transfer(?:ring|red)?|resign(?:ing|ed)?|quit(?:ting)?|last day|retir(?:e|ing))\b/,
    pattern:
      /\b(?:will not|would not|am not going to|not going to|never going to) (?:be )?need(?:ing)? (?:my|all my|any of my) (?:annual leave|leave|leave days|holidays?|holiday days|days off|pension|locker|desk|stuff|things|car|savings|passwords?|clothes|books)\b(?=[\s\S]*\b(?:(?:you|someone|anyone|somebody|they|the team|everyone) (?:can|could|should|may) (?:have|share|split|take|use|divide|keep)|share (?:it|them) out|split (?:it|them))\b)/,
  },
];
