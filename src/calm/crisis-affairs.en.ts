import type { CrisisRule } from './crisis-rule.js';

/**
 * Round 14, from a fresh English writer's dev set (dev15): affairs put in order ("updated my emergency contact and my
 * will", "cancelled the phone and gave notice on the flat, no I'm not moving", the pension form sorted "so it's tidy
 * before"), a way of dying looked into ("does it hurt to drown", "looked it up, the exhaust thing"), leaving once someone
 * is provided for ("once he's 18 I can finally go"), asking to be taken in one's sleep, cutting told by how deep or why,
 * and the family said to be better off "if I was gone". Read on the spelled-out form (crisis-text.ts).
 */
const AFFAIRS =
  '(?:emergency contacts?|will|wills|beneficiar(?:y|ies)|(?:pension |life insurance |super )?nomination(?: form)?|life insurance|funeral (?:plan|wishes)|(?:feeding|care|pet|cat|dog) notes|passwords?|pin numbers?)';

export const EN_AFFAIRS: readonly CrisisRule[] = [
  {
    // Two of one's affairs seen to in one breath, or seen to and then denied as ordinary.
    id: 'affairs-in-order',
    unless: /\b(?:mortgage|new baby|baby is due|pregnan|wedding|got married|getting married|engaged|divorce|solicitor said|hr|workshop|seminar|wellbeing|webinar|onboarding|new job|course|training|for work|payroll)\b/,
    pattern: new RegExp(
      `\\b(?:updated|changed|sorted(?: out)?|wrote|written|made|did|done|filled (?:in|out)|signed|finished) (?:out )?(?:my |the |a )?(?:[a-z]+ )?${AFFAIRS}\\b[^.!?]{0,60}\\b(?:and|plus|also|then) (?:[a-z]+ ){0,3}(?:my |the |a )?(?:[a-z]+ )?${AFFAIRS}\\b` +
        `|\\b(?:cancel+ed|closed|gave notice on|handed in notice on|ended)\\b[^.!?]{0,60}\\b(?:cancel+ed|closed|gave notice on|handed in notice on|ended)\\b[^.!?]{0,40}[.!?,]\\s*(?:and )?(?:no,? )?i am not (?:moving|going anywhere|relocating|emigrating|leaving the country)\\b` +
        `|\\b(?:cancel+ed|closed|gave notice on|handed in notice on|ended)\\b[^.!?]{0,60}\\bnowhere to (?:move|go) to\\b` +
        `|\\b(?:all |everything )?(?:tidy|sorted|in order|squared away|wrapped up|settled|done) before\\s*[.…]*\\s*$` +
        `|${AFFAIRS}\\b[^]{0,60}\\b(?:getting|got|put|putting) (?:my )?(?:house|affairs|things) in order\\b`,
    ),
  },
  {
    // A way of dying asked about or read up on.
    id: 'way-looked-into',
    pattern:
      /\bdoes (?:it|drowning|hanging|jumping|an overdose|overdosing|bleeding out|carbon monoxide) hurt(?: to (?:drown|hang|overdose|bleed out|jump|die|suffocate))?\b|\blooked (?:it )?up\b[^.!?]{0,40}\b(?:exhaust|hosepipe|carbon monoxide|charcoal|lethal dose|how many (?:pills|tablets)|paracetamol overdose|how to drown|hanging)\b|\b(?:exhaust|hosepipe) thing\b/,
  },
  {
    // Free to go once someone is provided for: "once he's 18 I can finally go".
    id: 'free-to-go-once',
    writerOnly: true,
    pattern:
      /\b(?:once|when|after|as soon as) (?:he|she|they|the kids?|my (?:son|daughter|kids|children|boy|girl|mum|mom|dad|cat|dog)) (?:is |are )?(?:sorted|settled|grown(?: up)?|18|eighteen|old enough|through school|looked after|taken care of|provided for|(?:finish|finishes|finished) (?:school|uni|college|his exams|her exams)|turns (?:18|eighteen))\b[^.!?]{0,20}\bi (?:can|could|will|am going to) (?:finally |just )?(?:go|leave|rest|be free|let go|stop)\b(?=\s*(?:[.!?,]|$|for good|forever|in peace|properly|too))/,
  },
  {
    // Asking to be taken in one's sleep.
    id: 'asks-to-be-taken',
    writerOnly: true,
    pattern:
      /\basking (?:him|god|the lord|jesus|allah)(?: [a-z]+){0,3} to take me\b|\bpray(?:ing|ed|s)? (?:to )?(?:god|the lord|jesus|allah|the universe)? ?(?:would |will |to |that (?:he|she|it) (?:would |will )?)?takes? me\b(?! (?:to (?!heaven|him|her)|out|shopping|home from|back|along|with))|\b(?:god|lord|jesus|allah),? (?:please )?(?:just )?take me\b(?= (?:in my sleep|tonight|at night|now|already|away)|\s*[.!?,]|\s*$)/,
  },
  {
    // Cutting told by how deep it went or what it was for.
    id: 'cut-deeper',
    pattern:
      /\b(?:cut|did it(?: again)?(?: last night| today)?,?|went) (?:a bit |much |way |even )?deeper than (?:usual|last time|before|ever|normal)\b|\bcut (?:myself )?(?:just )?to (?:check|feel|see|make sure|prove) (?:i|if i|that i|something)\b|\b(?:wear|wearing|wore) long sleeves\b[^.!?]{0,40}\b(?:this heat|in the heat|so (?:no one|nobody|they) (?:sees?|notices?|asks?)|to hide|to cover)\b/,
  },
  {
    id: 'swallow-the-cabinet',
    pattern:
      /\b(?:swallow|swallowing|swallowed|take|taking|took|down|downing|downed) (?:everything|all of it|the lot|the whole lot|whatever is|all that is) (?:in|from) (?:the|my|our) (?:medicine )?(?:cabinet|cupboard|drawer|bathroom|first aid kit|med box)\b/,
  },
  {
    // "They'd get a better one if I was gone": the family provided for by the writer's absence.
    id: 'provided-for-by-my-absence',
    writerOnly: true,
    pattern:
      /\b(?:they|he|she|everyone|my (?:kids|family|son|daughter|children|wife|husband|partner))(?: would| will) (?:get|have|find|be|do|manage) [^.!?]{0,30}\bif i (?:was|were) (?:gone|not here|not around|out of the picture|no longer here)\b(?! (?:for|on|at|this|next|tomorrow|today))/,
  },
  {
    // Told to kill oneself, and weighing it: the writer's danger, not the customer's abuse alone.
    id: 'told-to-and-weighs-it',
    writerOnly: true,
    pattern:
      /\b(?:told|tell|telling|tells|said|says) me to (?:go )?(?:kill myself|die|drop dead|end it|off myself)\b[^]{0,80}\b(?:(?:have|had|has) been thinking (?:about )?(?:it|that|doing it)|thought about (?:it|doing it)(?! for a second)|might (?:just )?do it|maybe (?:i should|they are right|he is right|she is right)|not (?:a bad idea|wrong)|(?:he|she|they) (?:was|were|is|are|might be) right)\b/,
  },
  {
    // Round 14 (dev18): the life insurance through work checked so someone "would need it more than me".
    id: 'insured-for-them',
    pattern:
      /\b(?:life insurance|life cover|death benefit|death in service|payout|policy)\b[^]{0,60}\b(?:would|will) need (?:it|the money|that money) (?:more than|more then) me\b/,
  },
  {
    // Passwords written down for a brother who "will need them".
    id: 'passwords-for-after',
    pattern:
      /\bpasswords?\b[^.!?]{0,40}\bfor (?:my )?(?:brother|sister|mum|mom|dad|wife|husband|partner|son|daughter|family|flatmate)\b[^]{0,60}\b(?:he|she|they) (?:will|would) need (?:them|it)\b(?! (?:while|when) i am (?:away|on|off))/,
  },
  {
    // "Not going to be anywhere", a dead singer "had the right idea", the one reason to get up gone.
    id: 'nowhere-to-be',
    writerOnly: true,
    pattern:
      /\bnot (?:going to|gonna) be anywhere\b|\b(?:chester|chester bennington|robin williams|kurt cobain|avicii|anthony bourdain|sulli|jonghyun|kate spade|leslie cheung|chris cornell)\b[^.!?]{0,30}\b(?:had the right idea|got it right|was right|did it right|knew what (?:he|she) was doing)\b|\b(?:was|were) (?:the|my) (?:only )?reason i (?:got up|get up|kept going|keep going|am still here|stayed|bothered)\b[^]{0,60}\b(?:no reason|nothing to get up for|nothing left)\b/,
  },
  {
    // A goodbye in one breath: sorry for everything, then thanks passed on to the team.
    id: 'sorry-for-everything-and-thanks',
    pattern:
      /\bsorry (?:sa|for) (?:lahat|everything|all of it)\b[^]{0,80}\btell (?:the team|everyone|them all|the others|my [a-z]+) (?:i said )?(?:thanks|thank you|goodbye|bye|i love|i am sorry)\b/,
  },
  {
    // Round 14 (dev19): things handed over while someone thinks the writer is moving ("she thinks I'm moving out"), a card
    // written early "in case I'm not around", ending this life early "if reincarnation is real", the harbour floor as the
    // only quiet place.
    id: 'handed-over-thought-moving',
    writerOnly: true,
    pattern:
      /\bcan (?:keep|have) my [a-z]+\b[^]{0,40}\b(?:think|thinks|thought) i (?:am|was) (?:moving|leaving|quitting|going away)\b|\b(?:wrote|written|bought|got|made|signed)\b[^.!?]{0,40}\b(?:already|early|in advance)\b[^.!?]{0,10}\bin case i (?:am not|will not be|do not make it) (?:around|here|alive)?\b|\b(?:reincarnation|next life|respawn)\b[^]{0,60}\b(?:ending|end it|end this|checking out|logging off|leaving|quitting) (?:this [a-z]+ )?early\b|\bonly (?:quiet |peaceful |calm )?place (?:left )?(?:is|would be) (?:the )?(?:bottom of the|under the) (?:harbour|harbor|river|sea|lake|ocean|canal|water|ground)\b/,
  },
];
