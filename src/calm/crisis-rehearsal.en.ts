import type { CrisisRule } from './crisis-rule.js';

/**
 * Round 13, from a fresh English writer's dev set (dev13): the act pictured or rehearsed rather than named ("every time the
 * train comes in I think about stepping off", "if the car went in the river on the way to nights", the lanyard pulled tight
 * round the neck "just to see"), the nerve to finish it, a one-way trip to the cliffs, the funeral planned over lunch, and
 * hurting oneself told by the mark it left ("punching the wall till my knuckles split").
 */
export const EN_REHEARSAL: readonly CrisisRule[] = [
  {
    id: 'pictures-stepping-off',
    pattern:
      /\b(?:think|thinking|thought|imagine|imagining|picture|picturing) (?:about |of )?(?:just )?(?:(?:stepping|jumping|falling|leaning) (?:off|in front)|walking (?:in front|into (?:the )?(?:sea|traffic|river|water)))\b(?! (?:(?:the|this|that|my|our) (?:ladder|treadmill|wagon|committee|project|team|rota|board|plane|bus|account|case|role|course|call|queue|shift|meeting|zoom|teams)|social media|for a|early|of (?:the|this) (?:project|team|job|rota)))/,
  },
  {
    id: 'nerve-to-finish-it',
    unless: /\b(?:marathon|race|book|series|degree|course|project|essay|report|game|meal|pizza|bottle|season|thesis)\b|\bi mean (?:the|my)\b/,
    pattern: /\b(?:had|have|find|found|get|got|lose|lost|losing) the (?:guts|nerve|courage|balls|bottle) to (?:finish|end) it\b(?! (?:with (?:him|her|them)|off))/,
  },
  {
    id: 'car-into-the-water',
    unless: /\b(?:nightmare|dream|dreamt|dreamed|film|movie|show|book|news|insurance claim)\b/,
    pattern:
      /\b(?:if|when|what if) (?:the|my) car (?:went|goes|drove|rolled|ended up|just went|slid) (?:in|into|off) (?:the )?(?:river|sea|canal|lake|water|harbour|harbor|a wall|a tree|the barrier|the bridge|a bridge|the road)\b/,
  },
  {
    id: 'one-way-to-the-edge',
    pattern: /\bone[ -]?way (?:trip|ticket|journey) to (?:beachy head|the (?:bridge|cliffs?|sea|coast|edge|gap))\b/,
  },
  {
    id: 'funeral-planned',
    pattern:
      /\b(?:made|making|picked|picking|chose|chosen|planned|planning|wrote|writing|sorted|sorting) (?:a |the |my )?(?:playlist|songs|music|hymns|readings|outfit|flowers) for my (?:own )?funeral\b|\b(?:picked|chosen|chose|picking|sorted|planned)\b[^]{0,40}\b(?:what|which) (?:song|songs|music|hymn|outfit|dress|suit|flowers) (?:for|at) (?:the|my) funeral\b/,
  },
  {
    id: 'wall-till-it-split',
    pattern:
      /\b(?:punch|punching|punched|hit|hitting|bang|banging|banged|smash|smashing|smashed) (?:the |a )?(?:wall|door|mirror)(?: [a-z]+){0,4} (?:till|until|so hard|and) (?:my )?(?:knuckles|hands?|fists?)(?: [a-z]+)? (?:split|bled|bleed|bleeding|broke|cracked|swelled|swollen|were bleeding)\b/,
  },
  {
    id: 'tight-round-my-neck',
    unless: /\b(?:hoodie|coat|jacket|collar|cold|freezing|warm|snow|wind|windy|rain|headphones)\b/,
    pattern:
      /\b(?:pulled|pulling|tied|tying|tightened|tightening|tight|twisted|twisting)\b(?: [a-z]+){0,4} (?:round|around) my (?:neck|throat)\b|\b(?:round|around) my (?:neck|throat)\b(?: [a-z]+){0,4} (?:tight|tighter|pulled|till|until|just to see)\b/,
  },
  {
    id: 'stash-of-someone-s-pills',
    pattern: /\b(?:stash|stack|bag|box|bottle|pile) of (?:my |his |her |their )?(?:dad|mum|mom|nan|gran|grandad|grandma|grandpa|mother|father|partner|wife|husband)(?:s| s)?(?: old)? (?:pills|tablets|meds|painkillers)\b/,
  },
  // dev14 (a second English writer): the blade held, the body hurt so as not to scream, the month's meds in the bag, the
  // plan with a date, the wish to let go, the payout for the family.
  {
    id: 'holding-the-blade',
    pattern: /\bhold(?:ing)? (?:the|a|my) (?:kitchen )?(?:knife|blade|razor)(?: [a-z]+){0,6} for (?:a long time|ages|a while|hours|minutes|too long)\b/,
  },
  {
    id: 'hurting-so-as-not-to',
    unless: /\b(?:gym|boxing|workout|stretch|massage|foam roll|cramp|itch|mosquito|bite|by accident|accidentally|ouch|slipped|tripped)\b|\bon the (?:cupboard|door|shelf|table|desk|car|corner)\b/,
    pattern:
      /\b(?:punching|punched|hitting|hit|pinching|pinched|scratching|scratched|biting|bit|slapping|slapped) my (?:own )?(?:thighs?|legs?|arms?|stomach|face|head|wrists?)\b(?=[\s\S]*\b(?:so (?:i|that)|scream|screaming|cry|crying|feel (?:something|better)|after the call|toilets?|bathroom|till|until|bruise|bruised|bled)\b)|\b(?:stapler|staple|pin|needle|pen|compass)\b[\s\S]{0,40}\b(?:hand|arm|finger|skin|thigh)\b[\s\S]{0,30}\b(?:felt better|feel better|til it went through|till it went through|until it went through|until it bled|till it bled)\b/,
  },
  {
    id: 'all-the-meds',
    unless: /\b(?:remember(?:ed)? to|doctor said|prescribed|prescription|pharmacy|refill|as directed)\b/,
    pattern: /\b(?:meds|pills|tablets|medication)\b[\s\S]{0,30}\b(?:all of them|whole (?:month|months|week|weeks|year)(?: s)? worth|every (?:last )?one of them)\b/,
  },
  {
    id: 'plan-and-a-date',
    unless: /\b(?:resign|resigning|resignation|quit|quitting|notice|leaving (?:the|this) (?:job|place|company)|new job|wedding|holiday|trip|move|moving|uni|course|exam|proposal|propose)\b/,
    pattern: /\b(?:got|have|made|picked|set|there is) a plan and a date\b|\bthe plan and the date\b/,
  },
  {
    id: 'wants-to-let-go',
    pattern: /\bpart of me (?:wants|want) to (?:let (?:it|go|myself|the water)|stay under|not come up|not come back|give up for good)\b|\bi (?:was|am) (?:just )?(?:a|one big) mistake\b(?! (?:to|at|on|in|for|with|when)\b)|\bwant to be undone\b|\bout of chances (?:with|at|in) life\b/,
  },
  {
    id: 'payout-for-them',
    pattern:
      /\bmy (?:husband|wife|partner|kids|children|family|mum|mom|dad|parents|son|daughter) (?:would|will|could) (?:get|have|collect|be paid) (?:the|my) (?:life )?(?:insurance|payout|policy|death benefit)(?: money)?\b/,
  },
  // Round 14 (dev18): a parent's sleeping tablets carried around "since Friday", the gas left on a little longer each
  // night "to see how it feels", standing on a roof told by its height, eyes closed "forever, not a nap".
  {
    id: 'carrying-their-pills',
    writerOnly: true,
    pattern:
      /\bi (?:have|have got|have had|got|am carrying|have been carrying|keep|kept|took|take) (?:my )?(?:mum|mom|mam|dad|gran|nan|grandma|grandad|brother|sister|flatmate|partner|wife|husband|aunt|uncle) (?:sleeping )?(?:tablets|pills|meds|medication|sleeping pills|painkillers|tramadol|oxy|diazepam)\b(?! (?:to (?:her|him|the)|back|for (?:her|him)))/,
  },
  {
    // Round 14 (dev19): one step from the platform edge, charcoal that is "not for a bbq".
    id: 'one-step-or-charcoal',
    pattern: /\bthinking (?:just |only )?one step\b(?! (?:at a time|ahead))|\b(?:train|platform|tracks|ledge|edge)\b[^.!?]{0,50}\bone step\b(?! (?:at a time|closer to (?:the|my) (?:goal|target|weekend)))|\bcharcoal\b[^.!?]{0,20}\bnot for (?:a |the )?(?:bbq|barbecue|braai|grill)\b|\bcharcoal and (?:duct )?tape\b/,
  },
  {
    id: 'gas-left-on-longer',
    pattern: /\bleav(?:e|ing) the gas on\b[^.!?]{0,40}\b(?:longer|seeing how|to see how|each night|every night)\b/,
  },
  {
    id: 'up-high-by-the-floors',
    unless: /\b(?:view|lunch|party|sunset|bbq|barbecue|drinks|smoke|vape|picnic|photos?|selfie|fireworks|yoga)\b/,
    pattern:
      /\bon (?:the|our|my|this) (?:roof|rooftop|terrace|ledge|top floor|parapet)\b[^]{0,60}\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty) (?:floors|storeys|stories)\b/,
  },
  {
    id: 'eyes-closed-forever',
    pattern: /\b(?:close|shut|closing|shutting) my eyes (?:forever|for good|for ever|and (?:never|not) (?:open|wake)|and not open them again)\b/,
  },
  // Round 14 (dev20): an attempt stopped short ("didn't go through with it", "tried with the tablets but my roommate came
  // back"), a lethal dose asked about, hurting oneself "on purpose", breath held under the bath water longer each time,
  // not planning the return trip, choosing one's own time, a joke taken half back ("kidding. mostly").
  {
    id: 'stopped-short',
    pattern:
      /\b(?:did not|never) (?:go through with it|do it in the end|manage to do it)\b(?=[^]*\b(?:this time|last night|engine|garage|pills|tablets|rope|bridge|edge|tracks|blade|knife|yet)\b)|\btried (?:with|using) the (?:tablets|pills|rope|belt|cord|knife|blade|car|gas)\b|\b(?:most|how much|how many) (?:paracetamol|tylenol|panadol|acetaminophen|ibuprofen|sleeping pills|sleeping tablets|insulin)\b[^.!?]{0,30}\b(?:can (?:you|i|a person) take|before (?:it|they) (?:does damage|do damage|kill|is fatal)|to (?:die|overdose|od)|is (?:lethal|fatal|too many))\b/,
  },
  {
    id: 'on-purpose',
    pattern:
      /\b(?:burned|burnt|cut|scratched|hit|punched|bit|scalded|hurt|bruised) (?:my|myself)\b[^.!?]{0,30}\bon purpose\b|\bholding my breath under (?:the )?(?:bath )?(?:water|bath)\b[^.!?]{0,30}\blonger\b|\b(?:no food|not eaten|not eating|skipping meals|starving myself)\b[^]{0,40}\b(?:what i (?:get|deserve)|punish(?:ing)? myself)\b/,
  },
  {
    id: 'no-return-no-future',
    writerOnly: true,
    unless: /\b(?:rota|schedule|not out yet|until|till|refund|cheaper|moving|relocat|emigrat|new job)\b/,
    pattern:
      /\bnot (?:planning|booking|bothering with|buying) (?:the )?return(?: bit| leg| half| ticket| trip)?\b|\bwant(?:ing)? to choose (?:mine|my (?:own )?time|when i go)\b|\bno point (?:booking|planning|making plans|buying|renewing|saving) (?:things|anything|stuff|appointments)?\s*(?:for )?(?:next (?:month|week|year)|for later|any more|anymore)\b|\bwoke up\b[^.!?]{0,30}\bwishing i (?:had not|did not)(?: woken(?: up)?| made it| survived)?\s*[.!?]*\s*$|\bthinking to finish (?:this|it all|everything|myself|my life)\b|\bdo not care if (?:one night )?(?:they|it|i) (?:do not|does not|never) (?:get me through|wake up|make it)\b/,
  },
  {
    id: 'means-out-goodnight',
    pattern:
      /\b(?:pills|tablets|meds|rope|knife|blade)\b (?:are|is) (?:out )?(?:on|in|by) (?:the|my) (?:counter|table|bed|nightstand|bedside|desk|side)\b[^]{0,20}\b(?:night|goodnight|bye|x)\s*[.!x]*\s*$/,
  },
  {
    id: 'half-taken-back',
    writerOnly: true,
    pattern:
      /\b(?:tracks|train|bridge|pills|tablets|rope|jump|jumped|dead|die|overdose|on the news)\b[^]{0,60}\b(?:kidding|joking|jk)\s*[.,!]*\s*(?:mostly|sort of|kind of|half|maybe|probably)\s*[.!?]*\s*$/,
  },
];
