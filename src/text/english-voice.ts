/**
 * Whose matter an English /script query is about. Agents ask the team chat about their own
 * bill, parcel or leave in the very words of a case ("my own parcel is late, anyone know the
 * courier hotline", "my phone bill went up again lol"), while a customer's words pasted from a
 * chat are also in the first person ("where is my parcel, it was supposed to arrive monday").
 * What tells them apart is not the case words but who else the text names and whom it turns to:
 * a customer's paste names no customer and often turns to the company ("you", "your"); an agent's
 * own matter names no customer either, but turns to colleagues ("anyone know", "is that normal",
 * "lol") or names the agent's own working life ("my own", "my payslip", "work from home").
 */

/** "my", "mine": the text is about something of the writer's; "on my own", "by myself" (alone) are not. */
const FIRST_PERSON_POSSESSIVE = /\b(?:my|mine)\b/;
const ALONE = /\b(?:on|by) my own\b|\bby myself\b/g;

/** The customer named in the third person: then the text is an agent telling a call, whatever else it says. */
const CUSTOMER_NAMED =
  /\b(?:cx|cust|customers?|callers?|clients?|subscribers?|consumers?|users?|he|she|him|her|his|hers|sir|ma'?am|madam|aunty|auntie|uncle|guy|lady|gentleman|bloke|man|woman|elderly|grandma|grandpa|members?)\b/;

/** The company addressed in the second person: a customer's own words. */
const COMPANY_ADDRESSED = /\b(?:you|your|yours|u|ur|ya|yall|y'all)\b/;

/**
 * Words only an agent's own working life uses. Strong enough on their own, even beside "you"
 * ("can you check if my payslip is out"): a customer has no payslip, roster or appraisal with the
 * company.
 */
const OWN_WORKING_LIFE = /\b(?:payslips?|pay slips?|roster|rota|canteen|pantry|qa|appraisal|team dinner|team lunch|my (?:queue|headset|desk|tl|team ?lead))\b/;

/**
 * The agent's own things, which only an agent writes in the first person yet which a customer's
 * words might also hold: counted like turning to colleagues, only when the company is not
 * addressed. "My own" before what a customer calls about ("my own bill"), not "on my own" (by
 * myself), "my own mistake" or "my own number" (whose line it is); HR not as "24 hr". Family,
 * "at work" and "work from home" are left out: customers' words name them as often ("my dad's
 * phone", "I work from home, I need the line").
 */
const OWN_SURROUNDINGS =
  /\bmy own (?:parcel|package|order|delivery|bill|phone bill|internet|data|plan|broadband|wifi|refund|phone)\b|\bmine too\b|(?<!\d\s?)\bhr\b|\bmy (?:shift|leave|laptop|pc|computer|login|last call|claim form)\b/;

/**
 * Turning to colleagues: a question to the team, or chat laughter. Only counted when the text
 * names no customer and does not address the company ("can someone" to colleagues, not "you").
 */
const TURNING_TO_COLLEAGUES =
  /(?:^|[.,!?;]\s*)anyone\b|\b(?:does|do|can|could|is|has|did) (?:anyone|anybody|someone|somebody)\b|\banyone (?:know|knows|have|has|else|here|seen|got|free|can|wanna|want)\b|\bis (?:that|this|it) normal\b|\bwho (?:do|can|should) i (?:ask|tell|talk|call|see)\b|\bwhere (?:do|can|should) i\b|\b(?:lol|lmao|haha+|hehe+|rofl)\b/;

/** Asking how to handle something: what the guides answer, whoever it is about ("how do I apologise for my own mistake"). */
const ASKING_HOW_TO_HANDLE = /\b(?:how|what) (?:do|should|can|would) i (?:handle|deal|respond|reply|say|tell|answer|calm|apologi[sz]e|explain|word|phrase|put)\b/;

/** Whether an English query is the agent's own matter (not a customer's case): search answers "no match". */
export function isAgentsOwnMatter(text: string): boolean {
  const normalized = text.replace(ALONE, ' ');
  if (ASKING_HOW_TO_HANDLE.test(normalized)) return false;
  if (!FIRST_PERSON_POSSESSIVE.test(normalized) || CUSTOMER_NAMED.test(normalized)) return false;
  if (OWN_WORKING_LIFE.test(normalized)) return true;
  return !COMPANY_ADDRESSED.test(normalized) && (TURNING_TO_COLLEAGUES.test(normalized) || OWN_SURROUNDINGS.test(normalized));
}
