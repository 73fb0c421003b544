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
      /\b(?:made|making|picked|picking|chose|chosen|planned|planning|wrote|writing|sorted|sorting) (?:a |the |my )?(?:playlist|songs|music|hymns|readings|outfit|flowers) for my (?:own )?funeral\b/,
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
];
