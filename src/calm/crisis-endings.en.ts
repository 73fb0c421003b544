import type { CrisisRule } from './crisis-rule.js';

/**
 * Endings said through what surrounds them rather than a death word: a weapon the writer would "use on myself",
 * a carer taking "us both out of this", never answering "ever again", letters that "they'll find tomorrow", and
 * the writer's being gone named as the way out of a debt or a mess, a last thing "stopping me", a drop judged "high
 * enough", a gun one keeps "thinking about", harm "done on my arm again", a family "better with someone who isn't me",
 * and dying weighed as "not the worst thing".
 */
export const EN_ENDINGS: readonly CrisisRule[] = [
  {
    id: 'turned-on-myself',
    writerOnly: true,
    pattern:
      /\b(?:use|using|used|turn|turning|turned|point|pointing|pointed|try|trying|tried) (?:it|them|that|this|the (?:gun|revolver|rifle|shotgun|pistol|knife|blade|razor|pills|rope)|my (?:gun|revolver|rifle|shotgun|pistol)) on myself\b/,
  },
  {
    // A carer or parent ending it for two: "taking us both out of this", "take the kids with me".
    id: 'both-of-us',
    pattern:
      /\b(?:take|taking|took|end|ending) (?:us both|both of us|the two of us|me and (?:her|him|them|mum|mom|dad|the kids))(?: out)?(?: of (?:(?:this|it|here)(?= \.|\s*$| (?:honestly|tbh|for good|forever|permanently))|this life|this world|(?:our|this) misery|this hell))\b|\b(?:end|ending) it for (?:us both|both of us|the two of us|all of us)\b|\b(?:take|taking) (?:the kids|my kids|the children|her|him|them) with me\b(?= \.|\s*$| when i go| if i go)/,
  },
  {
    // Unreachable for good: "won't pick up ever again" (not "never answering HIS calls again").
    id: 'never-again-reachable',
    pattern:
      /\b(?:will not|would not|am not going to|not going to|never going to) (?:pick up|answer|reply|respond|log (?:in|on)|be online|be reachable|text back|call back)(?: the phone)? (?:ever again|again ever)(?= \.|\s*$)|\bnever (?:pick up|answer|reply|log (?:in|on)) (?:ever )?again\b(?= \.|\s*$)/,
  },
  {
    // Letters or notes left for others to find.
    id: 'letters-to-be-found',
    pattern:
      /\b(?:letters?|notes?)\b(?: [a-z.]+){0,8} (?:they|someone|somebody|everyone|you|you all|my [a-z]+) (?:will|would|are going to|is going to) (?:find|read|get) (?:them|it|me)\b(?= \.|\s*$| (?:tomorrow|in the morning|when|after|once|later|soon))/,
  },
  {
    // The writer's absence as the solution: "the only way out of this debt is me being gone".
    id: 'gone-as-the-way-out',
    pattern:
      /\b(?:only|one|best|easiest|quickest|real|last) (?:way out|solution|answer|fix|option|way)(?: [a-z]+){0,6} (?:is|would be|will be) (?:for )?(?:me being (?:gone|dead)|me not being (?:here|around|alive)|me gone|me dead|to die|dying|my death|to end it|ending it|to disappear for good)\b|\bme (?:being|not being) (?:gone|dead|alive|here|around)\b(?: [a-z]+){0,4} (?:would|will|could) (?:sort|fix|solve|help|pay|clear|cover)\b/,
  },
  {
    id: 'last-thing-stopping-me',
    unless: /\b(?:notice period|contract|money|pay|salary|mortgage|visa|job|quit|quitting|resign|resigning|bonus|work|boss|manager|leaving)\b/,
    pattern:
      /\bonly (?:thing|things|reason|one|person|people)(?: that is| that are)? (?:stopping|keeping|holding) me(?: here| alive| back)? (?:is|are|was) (?:my |our |the |knowing |the thought of )?(?:[a-z]+ ){0,2}(?:dog|dogs|cat|cats|pets?|kids?|children|son|daughter|baby|mum|mom|mam|mother|dad|father|family|parents|partner|wife|husband|girlfriend|boyfriend|nan|gran|grandma|sister|brother|faith|fear|cowardice|what it would do)\b|\bonly (?:thing|reason|one|person) (?:i am|why i am) still (?:here|alive|around)\b/,
  },
  {
    // A height weighed as enough: "been eyeing up the drop off the mezzanine, it's high enough".
    id: 'high-enough',
    pattern:
      /\b(?:drop|fall|floor|floors|storeys?|stories|roof|rooftop|bridge|balcony|mezzanine|ledge|window|cliff|car park|building|tower)\b(?: [a-z.,]+){0,6} (?<!\bnot )(?:high|tall|far down|deep) enough\b(?! (?:for (?:the|a|signal|reception|the view)|to (?:see|get|reach)))/,
  },
  {
    // A gun or the means kept in mind: "cleaning my rifle more than i should and thinking about it".
    id: 'means-on-my-mind',
    writerOnly: true,
    pattern:
      /\b(?:gun|guns|rifle|shotgun|pistol|revolver|firearm|handgun|pills|tablets|rope|blade|razor)\b(?: [a-z.,]+){0,8} (?:and )?(?:keep |been )?(?:thinking|thought|think|wondering) about (?:it|using (?:it|them)|doing it|that)\b(?= \.|\s*$| again| more| too much| a lot| every| all)/,
  },
  {
    // Self-harm named by the body part alone: "thinking about doing it on my arm again", "did it on my thighs".
    id: 'done-on-my-skin',
    writerOnly: true,
    unless: /\b(?:tattoos?|henna|jab|vaccine|injection|drawing|drew|pen|sharpie|sunburn|swatch|swatches|makeup|patch test|bandage|plaster|cast|sunscreen|cream|lotion)\b/,
    pattern: /\b(?:do|doing|did|done) it (?:again )?on my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hips?)\b/,
  },
  {
    id: 'better-with-someone-else',
    pattern:
      /\b(?:my|our) (?:baby|babies|kids|children|son|daughter|family|husband|wife|partner|boyfriend|girlfriend|parents|mum|mom|dad)\b(?: [a-z]+){0,2} (?:would|will|might|could) be (?:so |much |a lot |way )?(?:better|happier|safer) (?:off )?with (?:someone|somebody|anyone|another (?:mum|mom|dad|parent|mother|father|wife|husband|partner))(?: else)?(?: who is not me| that is not me| other than me| but me| instead of me)?(?= \.|\s*$| who is not me| that is not me| other than me| but me| instead of me)/,
  },
  {
    // Dying weighed as no loss: "wouldn't be the worst thing if i got hit crossing the road".
    id: 'not-the-worst-thing',
    pattern:
      /\b(?:would not|will not|might not)(?: even| really| honestly)? be (?:the worst thing|so bad|that bad|a bad thing|such a bad thing|the end of the world)(?: [a-z]+){0,2} (?:if|when) i (?:got hit|get hit|was hit|were hit|got run over|died|die|did not wake|do not wake|never woke|was gone|were gone|was not here|were not here|disappeared|just disappeared|got killed|crashed|did not make it)\b(?! with)/,
  },
  {
    // A way out named as the only one, with nothing after it: "there's only one way out of this".
    id: 'only-one-way-out',
    pattern: /\bonly (?:one|1) way out(?: of (?:this|it|here|this mess|this life))?(?= \.|\s*$| now| left| for me)/,
  },
  {
    // Wanting to follow someone who died: "since she passed i just want to join her".
    id: 'join-the-dead',
    writerOnly: true,
    pattern:
      /(?<=\b(?:passed|died|death|funeral|grave|ashes|since (?:mum|mom|mam|dad|my [a-z]+))\b[^]*)\b(?:go|going to|get to|will) see (?:her|him|them|mum|mom|dad|my [a-z]+) (?:again )?(?:sooner than (?:planned|expected|i thought)|soon enough|very soon)\b|(?:\b(?:want|wish|ready|going|need|long|longing) to|(?<=\b(?:passed|died|death|funeral|grave|since (?:mum|mom|dad|my [a-z]+) went)\b[^]*)\bi (?:would|will|could|should|can|might) (?:go|come)(?: and)?) (?:go and |just |finally )?join (?:her|him|them|my (?:late )?(?:wife|husband|mum|mom|mam|dad|son|daughter|partner|brother|sister|nan|gran|grandma|grandad|baby))\b(?! (?:for|at|in|on|when|with|team|group|class|tomorrow|later|today|tonight|this|next|soon at|after (?:work|lunch|my shift)))/,
  },
  {
    // How long dying takes, looked up.
    id: 'how-long-it-takes',
    pattern: /\bhow long (?:it takes|does it take|would it take|it would take|till|until|before) (?:to |you |someone |a person )?(?:drown|drowns|die|dies|bleed out|bleeds out|suffocate|hang|freeze to death|overdose|pass out from)\b(?! (?:down|out|off|away))/,
  },
  {
    // A means "on my mind": "the shotgun's in the shed and it's been on my mind all week".
    id: 'means-on-my-mind-all-week',
    writerOnly: true,
    pattern:
      /\b(?:gun|guns|rifle|shotgun|pistol|revolver|firearm|pills|tablets|rope|blade|razor|bridge|tracks|ledge)\b(?: [a-z.]+){0,8} (?:it|that|they)(?: is| has| have| are)? (?:been|is|keeps) on my mind\b/,
  },
  {
    // Alive against a plan: "i wasn't meant to be here to see it".
    id: 'not-meant-to-be-here',
    pattern: /\bi (?:was not|was never|am not) (?:meant|supposed) to (?:be here|be alive|still be here|wake up|survive)\b(?! (?:today|on|this|for|until|till|at|in|with|so|yet|early|late))/,
  },
  {
    // The world, or the family, better or free with the writer gone.
    id: 'better-without-me',
    writerOnly: true,
    pattern:
      /\bbetter (?:if |that |when )?i (?:am|was|were) (?:not|no longer) (?:in this world|on this earth|here|alive|around)\b(?! (?:today|tomorrow|for|on|at|this|when|while|until))|\b(?:would|will|could|might) be (?:so |much |a lot )?(?:free|freer|relieved)(?: off)? without me\b|\bbe (?:so |much |way |a lot |just )?(?:better off|fine|happier|okay|ok|alright) (?:if i (?:just )?(?:was|were) (?:not|no longer) (?:around|here)(?: at all| anymore)?|without me)\b/,
  },
  {
    // Following someone who died, or letting the cold or the water take me.
    id: 'go-where-they-went',
    writerOnly: true,
    pattern:
      /\bwant to go where (?:she|he|they|my [a-z]+) (?:went|has gone|have gone|is now|are now)\b|\blet (?:the )?(?:cold|water|sea|river|snow|dark|darkness|night|waves) take me\b/,
  },
  {
    // Dying weighed against a thing of the day or as worth more: "if i crash the car at least i skip the review",
    // "my life insurance pays out more than i'm worth alive", "better if neither of us made it".
    id: 'weighed-as-worth-it',
    pattern:
      /\bif i (?:crash|crashed|got hit|get hit|died|die|do not make it home|did not make it home)(?: [a-z]+){0,6} at least i\b|\bworth more dead\b|\bmore than i am worth alive\b|\bbetter if (?:neither of us|we both|both of us|none of us) (?:made it|make it|survived|woke up|were here|existed)\b|\b(?:no worse off|better off|fine) if i (?:was|were) (?:not|never) (?:in it|here|around|alive|born)\b|\b(?:deserves?|needs?) a (?:mum|mom|dad|mother|father|parent) who is not me\b/,
  },
  {
    // Self-harm that no longer works, or the means found: "til it bleeds doesn't do it anymore, need something sharper".
    id: 'needs-something-sharper',
    pattern:
      /\bneed (?:something|anything) sharper\b|\b(?:snap|snapping|scratch|scratching|pinch|pinching|bite|biting|pick|picking|hit|hitting)(?: [a-z]+){0,4} (?:til|till|until) (?:it|i) (?:bleeds?|bled)\b|\b(?:grab|grabbed|hold|held|holding) (?:onto )?(?:the|a) (?:bench|rail|railing|pole|handrail|wall|barrier|seat)\b(?: [a-z]+){0,2} to stop myself\b|\bmake it look like an accident\b|\bthinking about the hose(?:pipe)?\b|\bexit (?:strategy|plan) is\b(?: [a-z0-9]+){0,3} (?:floor|stairwell|roof|rooftop|bridge|window|tracks|pills|rope|river|cliff|train|balcony|ledge)\b|\bskip (?:the )?waking up\b/,
  },
];
