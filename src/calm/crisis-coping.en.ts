/**
 * The writer says what holds them up: someone they have ("but I've got my mum"), that they are OK or
 * feel better, or the ordinary evening they are heading into ("gonna have a beer and watch the footy").
 * Venting that ends there is a bad day, not a crisis. The rules still read every such message (a plan or
 * a wish to die is caught whatever follows it); only the learned model, which weighs words without
 * seeing this turn, is not asked (crisis-detector.ts, `ordinaryContext`).
 */

/** People, pets and help a person leans on. */
const SUPPORT =
  '(?:mum|mom|mam|mother|dad|father|parents|family|partner|wife|husband|girlfriend|boyfriend|kids|children|friends?|mates?|bestie|sister|brother|flatmate|cat|dog|team|support|people|faith|church|therapist|counsell?or|gp|eap)';
/** What people do to wind down after a shift. */
const WIND_DOWN =
  '(?:beer|wine|drink|pint|cuppa|tea|coffee|pizza|takeaway|bath|shower|nap|walk|run|swim|footy|game|movie|film|netflix|show|dinner|braai|barbie|bbq|gym|cry and sleep)';

export const COPING_EN = new RegExp(
  [
    `\\b(?:but|and|so|at least|luckily|thankfully|thank god|glad) (?:i have|i have got|i got|i still have|i still got|have got|got) (?:[a-z]+ ){0,2}(?:my|a|the|good|great|an) (?:[a-z]+ )?${SUPPORT}\\b`,
    // "so I'm ok", "but I'll be fine": said as the message's conclusion, not "I'm ok with dying".
    '\\b(?:so|but|and|honestly) (?:i am|i will be|i feel|feeling) (?:ok|okay|alright|all right|fine|good|better)\\b(?! (?:with|about|if|when|to)\\b)',
    // Feeling better as a fact about now, not "everyone would feel better without me"; not "it helps" (cutting "helps").
    '(?<!\\b(?:would|will|could|might|to|everyone|they|people|he|she|you|family) )\\b(?:i )?(?:felt|feel|feeling) (?:a bit |a little |a lot |much |so much |heaps |way |loads )?better\\b(?= (?:now|already|after|since|tbh|honestly|today|\\.)|\\s*$)',
    `\\b(?:going to|will|about to|off to|gonna) (?:have|grab|get|order|watch|cook|go for|make|hit the) (?:a |an |some |the |my )?(?:quick |nice |cold |long |hot )?${WIND_DOWN}\\b`,
    // Help already in hand: seeing the GP, a partner who knows.
    '\\b(?:seeing|see|booked|called|calling|talked to|talking to|spoke to|speaking to) (?:my |a |the )?(?:gp|doctor|therapist|counsell?or|psychologist|psych|eap|nurse)\\b|\\bmy (?:partner|wife|husband|mum|mom|family|sister|brother|friend) knows\\b',
    '\\bthat is something\\b|\\bnot all bad\\b|\\blaban lang\\b',
  ].join('|'),
);
