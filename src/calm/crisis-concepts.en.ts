import type { CrisisRule } from './crisis-rule.js';

/**
 * English concept grammar: the families people use without a death word ("I can't do this
 * anymore, not just work", "life feels pointless", "sorry for everything", "if I'm not here next
 * week look after my plants"), built from parts so a new wording of the same thought is caught.
 * Read on the spelled-out form of crisis-text.ts after hyperbole and negations are removed.
 */

/** Work things that make "I can't do this anymore" a complaint about the job (unless "not just work"). */
const WORK_CONTEXT =
  /(?<!\bnot (?:just )?(?:the |this |my )?)\b(?:job|jobs|work|queue|shift|shifts|calls?|customers?|callers?|overtime|workload|boss|manager|excel|crm|system|printer|tickets?|backlog|commute|rota|audit|team|place|company|hours|targets?|kpis?|spreadsheet|meeting|meetings)\b/;
/** Leaving work, a holiday: goodbyes and hand-overs that are not goodbyes to life. */
export const ORDINARY_LEAVING =
  /(?<!\b(?:not|never|am not) )\b(?:last day|leaving the (?:company|team|job)|new job|resign|resigned|resigning|quit|quitting|transfer|transferring|transferred|secondment|relocating|relocation|holiday|vacation|annual leave|maternity|paternity|retire|retiring|moving|on leave|day off|trip|away next week|off next week)\b/;
/** Going on with life itself. */
const CONTINUE_LIVING = '(?:keep living|go on living|carry on living|continue living|keep on living|stay alive|keep breathing|keep existing|live like this|be alive)';
/** Being gone, said conditionally ("if I'm not here next week", "once I'm gone"). */
const IF_GONE =
  '\\b(?:(?:if|when|once|after|in case) i am (?:not (?:here|around|back|in|on (?:the )?(?:roster|rota|schedule)|at work|on shift)|gone|no longer (?:here|around))|(?:if|in case) i (?:do not|never|did not|can not) (?:show up|turn up|come in|come back|make it back|make it in)|(?:if|when|in case) (?:something|anything) (?:bad )?(?:happens|happened|were to happen|should happen)(?: to me)?(?! to ))\\b';
/** What a person hands over when they expect not to be there: keys, logins, their pets and people. */
const HANDED_OVER = '(?:pins?|locker codes?|codes?|stuff|things|bank cards?|atm cards?|cards|passwords?|passcodes?|logins?|bank details|account details|keys|savings|will|cat|dog|pets?|kids|children)';

export const EN_CONCEPTS: readonly CrisisRule[] = [
  {
    id: 'cannot-do-this',
    unless: WORK_CONTEXT,
    // Bare "I can't do this anymore" is usually the shift talking; said of life, or "at all, not just work", it is not.
    pattern:
      /\bcan not (?:do|take|handle|bear|cope with|face) (?:any of this|this life|life|living|another day|it all|everything)(?: [a-z]+){0,2} anymore\b|\bcan not (?:do|take|handle) (?:this|it) anymore\b(?: [a-z.]+){0,4} (?:at all|not just|in general|any of it|with anything|everything|not (?:the|this|my) (?:job|work|shift)|living|life)\b/,
  },
  {
    id: 'life-feels-pointless',
    pattern:
      /\b(?:life|my life|living) (?:has |have |get |got |does not have |has got )?(?:no|any|no get|nor get|no longer has|no longer has any) (?:meaning|purpose|sense)(?: again| anymore| left| for me)?\b(?! (?:in|at|for) (?:this|the|that) (?:job|company|team|place))|\b(?:life|living|everything|it all|existing|my life|being alive|every day|each day|the future|tomorrow) (?:feels|is|seems|felt|has become|just feels|looks)(?: [a-z]+){0,2} (?:pointless|meaningless|hopeless|empty|worthless|unbearable|black|dark)\b/,
  },
  {
    id: 'keep-living-like-this',
    pattern:
      /\bhow (?:much )?longer (?:i can|can i|i will|will i|i could)(?: [a-z]+){0,2} (?:keep (?:living|existing|breathing|going on|holding on)|go on living|live|exist|last|hold on|survive)\b|\b(?:keep|go on|continue|carry on) living like this\b/,
  },
  {
    id: 'would-anyone-care',
    pattern:
      /\b(?:anyone|anybody|someone|people|they|nobody|everyone)(?: [a-z]+){0,2} (?:care|cares|notice|notices|miss me|realise|realize|mind)(?: [a-z]+){0,2} if i (?:just )?(?:did not|do not|never|stopped|was not|were not|disappeared|was gone|were gone|died|vanished|am gone)\b(?! [a-z]+ (?:for (?:an?|the|one) (?:hour|minute|bit|day|while|lunch|break)|to (?:work|the meeting|lunch)))/,
  },
  {
    id: 'dark-thoughts',
    pattern: /\b(?:dark|suicidal|scary|the bad|those) thoughts\b(?: [a-z]+){0,4} (?:again|back|are back|came back|coming back|the permanent kind|getting louder|won't stop|will not stop|every night|all the time)\b|\bthe permanent kind\b|\b(?:dark|suicidal) thoughts\b|\bpermanent (?:solution|sleep|exit|way out|rest)\b/,
  },
  {
    id: 'the-night',
    pattern: /\b(?:tonight|today|this weekend|tomorrow) (?:is )?the (?:night|day)\b(?= \.|\s*$)/,
  },
  {
    id: 'own-funeral',
    pattern: /\b(?:picturing|imagining|imagine|planning|plan|thinking about|think about|dream about|dreaming about|pictured|imagined|planned) my (?:own )?funeral\b|\bmy funeral (?:playlist|songs?|music|outfit|plans?|flowers|readings?) (?:is|are) (?:all )?(?:done|ready|sorted|planned|picked|finished|chosen)\b|\b(?:picked|chose|chosen|sorted|finished|done|made) (?:out )?my funeral (?:playlist|songs?|music|outfit|flowers|readings?)\b|\bmy own funeral\b|\bwho would come to my funeral\b/,
  },
  {
    id: 'farewell-apology',
    unless: ORDINARY_LEAVING,
    pattern: /\bsorry for everything\b(?! (?:today|earlier|this morning|yesterday|on the call|in the meeting|i said))|\bplease forgive me\b(?= \.|\s*$)|\bi love you all\b(?= \.|\s*$)/,
  },
  {
    id: 'if-gone-look-after',
    unless: ORDINARY_LEAVING,
    pattern: new RegExp(
      `${IF_GONE}(?: [a-z0-9.]+){0,12} (?:look after|take care of|check on|check in on|feed|feeding|tell|give|water|walk|keys?|passwords?|sorry|love|(?:do not )?(?:call|ring|contact|phone) my (?:mum|mom|mother|dad|father|family|parents|wife|husband|partner|sister|brother))\\b|\\b(?:my|all my) (?:[a-z]+ )?${HANDED_OVER} (?:goes|go|will go|should go|can go|is going|are going|gets|get) to [a-z]+(?: [a-z.]+){0,3} ${IF_GONE}|\\b(?:look after|take care of|feed|tell|give|water|walk) (?:my|our)(?: [a-z]+){0,3} ${IF_GONE}|\\b(?:left|leaving|leave|gave|giving|give|wrote down|writing down|sent|sending|shared|sharing|told) (?:all )?(?:my|our)(?: [a-z]+){0,6} ${HANDED_OVER}\\b(?: [a-z.]+){0,8} ${IF_GONE}|\\b(?:gave|given|giving|give|left|leaving|sent|sending) (?:[a-z]+ ){0,4}(?:my|all my) (?:[a-z]+ ){0,3}${HANDED_OVER}\\b(?: [a-z.]+){0,6} (?:she|he|they|you) (?:will|would|is going to|are going to) need (?:it|them|that)\\b|\\bif you (?:do not|never|did not|have not) hear from me(?: [a-z.]+){0,6} (?:check on|look after|take care of|feed|tell|call) (?:my|the) (?:cat|dog|pets?|kids|children|family|mum|mom|dad|parents|plants)\\b`,
    ),
  },
  {
    id: 'affairs-in-order',
    unless: new RegExp(`${ORDINARY_LEAVING.source}|\\b(?:lawyer|solicitor|notary|attorney|mortgage|pension|adulting|everyone should|estate planning)\\b`),
    pattern:
      /\b(?:sorted|sorting|wrote|written|writing|made|making|updated|updating|finished|done|did|signed) (?:out |up )?my (?:will|funeral plans?)\b|\btying up (?:all )?(?:my )?(?:last )?loose ends\b(?= \.|\s*$)|\b(?:putting|getting|got|put|have put) (?:my|all my) (?:affairs|life|things) in order\b|\b(?:left|leaving|wrote down|written down|gave|giving|sent|sending|leave) (?:all )?my (?:passwords|pins?|bank details|login details|logins|account details)(?: [a-z]+){0,2} (?:for|to|with) (?:my|the) (?:brother|sister|mum|mom|dad|wife|husband|partner|family|kids|son|daughter|parents|best friend)\b|\b(?:giving|gave|give) (?:away )?(?:all )?my (?:stuff|things|belongings|possessions|clothes|books|games)(?: away)?\b(?!(?: away)? to (?:charity|the charity shop|oxfam|goodwill))|\b(?:giving|gave|given|give) (?:away )?my (?:cat|dog|pets?|rabbit|bird|birds|fish|plants)(?: away)? to\b|\b(?:wrote|written|writing|decided|deciding|listed|made a list of|sorted out|sorting out|sorting|working out|figuring out|planning) (?:down |out )?who (?:gets|will get|should get|can have|inherits|takes) (?:my|all my)\b|\b(?:take|takes|look|looks) (?:better )?(?:care of|after) (?:him|her|them|it|my [a-z]+) (?:better )?than (?:me|i (?:ever )?(?:could|can|did))\b/,
  },
  // Stance × life: had enough of life, don't deserve to live, would cope better without me.
  {
    id: 'against-living',
    pattern:
      /\b(?:had enough of|tired of|sick of|done with|over|fed up with|give up on|gave up on|given up on) (?:life|living|being alive|existing|this life|this world|being me)\b(?! (?:in|at|with|here)(?: [a-z]+){0,2} (?:company|job|place|team|department|office|industry|city|country|work|shift|ward|station|airport|branch))|\b(?:do not|not|never|no longer) deserve to (?:live|be alive|exist|be here|breathe|wake up)\b|\b(?:would|will|could|might) (?:be|cope|do|manage|get on|live|get by|feel)(?: so| much| a lot)? (?:better|fine|happier|easier|lighter|freer)?(?: off)? without me(?: around| here| in the picture)?\b|\bwaste of (?:oxygen|air|space|a life|skin)\b|\b(?:have|get|take|give) (?:its|it is|my|the|their|your) (?:oxygen|air) back\b|\bstop (?:wasting|using|stealing) (?:oxygen|air)\b/,
  },
  // Hurting the body through a wall or a door, or on purpose: punched the wall till my knuckles bled.
  {
    id: 'hurt-through-things',
    pattern:
      /\b(?:punch|punched|punching|hit|hitting|kick|kicked|kicking|smash|smashed|smashing|bang|banged|banging) (?:the |a |my )?(?:wall|door|mirror|desk|window|locker)(?: [a-z]+){0,5} (?:bled|bleed|bleeding|broke|broken|cracked|bruised|blood|split|swelled|swollen)\b|\bwant(?:ed)? it to hurt (?:more|worse|properly)\b|\b(?:did it|doing it|hurt myself|cut myself|burned myself) on purpose\b/,
  },
  // The body hurt on purpose: burned my arm on purpose, hit myself to feel something.
  {
    id: 'hurt-on-purpose',
    pattern:
      /\b(?:cut|cutting|burn|burned|burnt|burning|scratch|scratched|scratching|hit|hitting|punch|punched|punching|bit|bite|biting|bang|banged|banging|hurt|hurting) (?:myself|my (?:[a-z]+ )?(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|hand|hands|stomach|face|head|fist|knuckles))(?: [a-z]+){0,3} (?:on purpose|deliberately|to feel something|to feel anything|until it bled|till it bled|until i bled)\b|\b(?:hit|hitting|punch|punching|slap|slapping|bang|banging|bite|biting|pinch|pinching|scratch|scratching) myself(?: [a-z]+){0,4} (?:when(?:ever)? i|every time|each time|after (?:every|each)|hard|till|until|so hard)\b/,
  },
  // Heat held to the skin: a cigarette pressed into the hand, a lighter on the wrist.
  {
    id: 'burned-on-skin',
    pattern:
      /\b(?:pressed|press|pressing|put|putting|stubbed|stub|stubbing|held|hold|holding|touched|touching) (?:out )?(?:a |the |my |hot |lit )*(?:cigarette|ciggie|lighter|match|iron|curling iron|straighteners|lighter flame|spoon|pan) (?:out )?(?:into|on|onto|against|to|over) my (?:[a-z]+ )?(?:hand|hands|arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|palm|stomach)\b/,
  },
  // Voices that tell the writer to die or jump.
  {
    id: 'commanding-voices',
    pattern:
      /\b(?:voices?(?: in my head)?|my (?:mind|head|brain)|something (?:in|inside) me)(?: just)? (?:say|says|said|tell|tells|telling|told|keep telling|keeps telling|keep saying|keeps saying) (?:me )?(?:that )?(?:i should|to|i have to|i need to|i must) (?:jump|die|kill|hurt|cut|end|do it|go|crash|drive off|step|swerve|let go)\b/,
  },
  // Cutting words into the skin; things given away "I won't need".
  {
    id: 'carved-or-given',
    pattern:
      /\b(?:carve|carved|carving|carves|etch|etched|etching|scratch|scratched|scratching) (?:[a-z]+ ){0,3}(?:into|in|on) my (?:[a-z]+ )?(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hand|hands)\b|\bg(?:ave|iving|iven|ive) away (?:[a-z.]+ ){0,8}(?:do not|will not|would not|no longer|not going to) need (?:them|it|any of it|anything|those|these)(?: anymore| where i am going)?\b/,
  },
  // Looking up ways, having the means ready or hidden, planning to jump.
  {
    id: 'means-and-method',
    unless: /\b(?:headache|migraine|prescribed|doctor|gp|pharmacy|customer|caller|back pain|period)\b/,
    pattern:
      /\b(?:looking up|looked up|look up|googling|googled|searching|searched|researching|researched|reading about|read about)(?: [a-z]+){0,2} (?:ways|methods|the best way|the easiest way|the quickest way|painless ways?|a painless way) (?:to )?(?:do it|die|end it|go|kill|not wake|overdose)\b|\bhow to (?:die|end it all|kill myself|overdose|not wake up)\b|\b(?:have|got|keeping|keep|kept|hid|hidden|hiding|stashed|stashing) (?:the|my|some|a|all the|all my) (?:pills|tablets|meds|rope|blade|blades|razor|razors|knife|poison|rat poison|pesticide|weed killer|insecticide) (?:in|under|at|ready|with me|on me|hidden|somewhere|saved)\b|\b(?:stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|saving up|saved up) (?:my |the |some |up )?(?:pills|tablets|meds|medication|medicine|prescriptions?|painkillers|sleeping pills|[a-z]+(?:line|pam|lam|done|zine|tine|pine|xine|fen|mol|cet|ide|barb))\b|\b(?:planning|plan|planned|going|decided|about|ready|thinking|preparing) (?:to|of|about) jump(?:ing)?\b(?! (?:on|onto|in|into) (?:a|the|this|that))/,
  },
  // Not being here for the next milestone; sleeping for a very long time.
  {
    id: 'not-here-for',
    pattern:
      /\b(?:not|never) (?:think i will |going to )?be (?:here|around|alive) (?:for|by|at|on) (?:christmas|my birthday|new year|next year|the weekend|much longer|long|next month|summer)(?= \.|\s*$| (?:anyway|tbh|honestly|i think|to be honest))|\bdo not think i will (?:be (?:here|around|alive)|make it) (?:much longer|for (?:much )?long|to (?:christmas|my birthday|next year|new year))\b|\bsleep for (?:a very long|a long long|a really long) time\b/,
  },
  // A note left, no reason to keep going, hoping for an accident.
  {
    id: 'quiet-signs',
    pattern:
      /\b(?:wrote|written|writing|left|leaving|finished) (?:a|the|my) (?:note|letter)\b(?= \.|\s*$| for (?:my|everyone|them|you all|the family))|\b(?:wrote|written|writing|finished) my note\b(?! (?:on|in|to|for|about) (?:the|this|that|his|her|their|a|an) (?:account|ticket|case|file|system|crm|call|customer|caller|record|claim|policy|member|patient))|\b(?:tell|let) (?:the team|everyone|them|my [a-z]+|her|him|you all)(?: know)?(?: that)? it (?:was not|is not|was never|is never|will not be) (?:their|your|his|her|anyone|anybody|nobody|the team) fault\b(?=[\s\S]*\b(?:whatever happens|no matter what|if (?:something|anything) happens|just in case|in case)\b)|\b(?:do not|can not|no longer) see (?:why|how|the reason) i (?:should|would|could|can|need to|have to) (?:keep going|go on|carry on|keep living|stay|stick around|hang around|hang on|hold on|be around|be here|bother|wake up|exist)\b|\bnothing matters anymore\b(?= \.|\s*$| and i)|\b(?:wish|wishing|hope|hoping|pray|praying)(?: that)? i (?:would |will |could |might |just )?(?:lose control(?! of (?!(?:the |my )?(?:car|wheel|van|truck|bike|motorbike)\b))|crash|spin out|go off the road|come off the road|hit (?:a|the) (?:tree|wall|barrier|pole|bridge))\b|\b(?:wish|wishing|hope|hoping|pray|praying)(?: that)? i (?:would |will |could |might |just )?(?:get|got|be|was|were) (?:into an accident|in an accident|in a crash|into a crash|in a car crash|into a car crash|in a wreck|hit by|run over|killed)\b/,
  },
  // Decided, done, goodbye; bought a lot of pills; don't want to do this anymore, any of it, life.
  {
    id: 'decided-and-done',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:made (?:up )?my mind(?: up)?|decided|it is decided|i am ready|my mind is made up)(?: [a-z.]+){0,2} (?:tonight|today|this weekend|tomorrow)(?= \.|\s*$)|\bdone\b(?: [a-z.]+){0,6} good ?bye(?= \.|\s*$)|\b(?:bought|got|buying|getting|picked up) (?:a lot of|lots of|loads of|so many|a bunch of|boxes of|extra|enough) (?:pills|tablets|paracetamol|painkillers|sleeping pills|meds)\b|\bnot want to (?:do|live) (?:this|it)(?: [a-z.]+){0,2} anymore\b(?: [a-z.]+){0,6} (?:life|living|any of it|at all)\b/,
  },
  // How I would do it, something to myself, looking at the knives, drove to the cliffs, not coming back to anything.
  {
    id: 'method-in-mind',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:think|thinking|thought|planned|planning|worked out|figured out|know|decided|picture|picturing)(?: [a-z]+){0,2} (?:how|when|where) i (?:would|will|could|am going to|should|want to) do it\b|\b(?:do|doing|did|done) (?:something|anything)(?: stupid| drastic| silly| bad| permanent)? to myself\b|\b(?:looking|staring|stare|look|looked|stared|keep looking|keep staring) at (?:the|my|a|those|these)(?: [a-z]+)? (?:knives|knife|pills|rope|blade|blades|razor|razors|pill bottle|bottle of pills|tablets)\b|\b(?:looking|staring|stare|looked|stared) (?:at|out of|down from) (?:the|a|my) (?:window|balcony|edge|ledge|drop)(?: [a-z]+){0,2} (?:on|of|from) the (?:\d+(?:st|nd|rd|th)|top|[a-z]+teenth|twentieth|thirtieth) floor\b|\b(?:drove|drive|driving|walked|walk|walking|went|go|going|sat|stood|standing|sitting) (?:up |out |down )?to (?:the|a) (?:cliffs?|cliff edge|bridge|tracks|railway|river|rooftop|ledge|top floor|multi storey|multistorey|quarry|reservoir|viaduct|dam)\b|\bnot coming back\b(?: [a-z.]+){0,4} (?:to anything|to anyone|ever|at all|for good)\b|\b(?:wish|hope|hoping|wishing|want)(?: [a-z]+){0,3} (?:fall asleep at the wheel|crash (?:the|my) car|drive off the road)\b|\bnothing (?:is|feels|seems) worth (?:it|anything|living for|the pain)(?: anymore)?\b|\b(?:left|leaving|wrote|written|writing) (?:instructions|notes?|a list) for (?:my|the) (?:cat|dog|pets?|kids|family|plants|mum|mom|partner)\b|\b(?:want|wish|ready|going|need|long) to (?:go )?be with (?:my )?(?:late )?(?:mum|mom|dad|grandma|grandpa|nan|nana|granny|brother|sister|son|daughter|wife|husband|partner)\b(?! (?:for|at|on|this|tonight|tomorrow|in|over|and|when|while|after|before))|\bi am (?:just )?(?:a|one big) (?:mistake|waste|burden)(?= \.|\s*$)|\bbetter off (?:gone|not here|not existing|not around|not alive)\b/,
  },
  // Hurting oneself again and again, or feeling one deserves it: banging my head on the wall, punching myself.
  {
    id: 'hurting-myself-again',
    pattern:
      /\b(?:hit|hitting|bang|banging|banged|slam|slamming|slammed|smash|smashing|smashed) my head (?:against|into|on) (?:the |a |my )?(?:wall|desk|door|floor|mirror)\b(?: [a-z.,]+){0,4} (?:until|till|again|every|so hard|hurts|bled|bleeding|blood)|\b(?:been|keep|kept|started|start|always) (?:punching|hitting|cutting|burning|scratching|hurting|slapping|biting) myself\b|\b(?:been|keep|kept|started|start|always|sometimes) (?:hitting|banging|slamming|smashing) my head (?:against|into|on) (?:the |a |my )?(?:wall|walls|desk|door|floor|mirror|locker)\b|\bdeserve to (?:be hurt|hurt|suffer|feel pain|be in pain|be punished)\b/,
  },
  // The decision is made and no one should stop it: "I've decided, don't try to stop me", "you'll understand later".
  {
    id: 'decision-made',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:do not|not) (?:try (?:to |and )?)?(?:stop me|talk me out of it|change my mind|look for me|come looking for me|come looking(?! for (?:the|a|that|this|it|them))|try to find me)\b|\b(?:made up my mind|my mind is made up|i have decided|it is decided)(?= \.|\s*$| ,)|\byou will (?:all )?understand (?:later|one day|soon|someday|eventually|when)\b|\bdone\b(?: [a-z.,]+){0,6} with (?:everything|it all|all of it|life|living|existing)\b(?! (?:today|for today|for the day|tonight|this week|at work|here))/,
  },
  // Not the job that ends: "last shift ever, not quitting", "not leaving the job — leaving everything".
  {
    id: 'not-quitting-ending',
    pattern: /^(?=.*\bnot (?:quitting|resigning|leaving (?:the |this )?(?:job|company|team)|a new job)\b).*\b(?:last|final|ever|end|over|goodbye|bye|for good|understand)\b/,
  },
  // Wishing to be hit, looking up the dose, fading out of existence, someone told me to die and I agree.
  {
    id: 'wished-or-weighed',
    writerOnly: true,
    pattern:
      /\b(?:wish|wishes|wishing|hope|hopes|hoping|pray|praying)(?: that)? (?:a|the|some|my) (?:bus|car|truck|lorry|train|van|meteor|asteroid|plane|flight|boat|ferry|ship) (?:would |will |could |might )?(?:just )?(?:hit|hits|clip|clips|knock me down|knocks me down|knocks me off|run over|runs over|runs me over|take|takes|flatten|flattens|crash into|crashes into|take me out|takes me out|wipe me out|wipes me out|goes down|go down|crashes|crash|sinks|sink|falls out of the sky) ?(?:me)?\b|\b(?:wish|wishes|wishing|hope|hopes|hoping|pray|praying)(?: that)? (?:the|a|this|my) (?:[a-z]+ )?(?:turbulence|storm|engine|engines|pilot|plane|flight|ferry|boat|ship) (?:just )?(?:takes|take|brings|bring) (?:us|me|it) (?:down|out)\b|\bhow (?:much|many)(?: of)?(?: my| the| these| those)? (?:pills|tablets|meds|medication|paracetamol|tylenol|insulin|painkillers|sleeping pills)(?: [a-z]+){0,2} (?:it would take|it takes|would it take|does it take|would kill|is lethal|is fatal|to die|would be enough|is too many|are too many|is too much|is enough to)\b|\b(?:fade|slip|drift|disappear|vanish) (?:out of|from) existence\b|\btold me to (?:go )?(?:kill myself|die|jump)(?: [a-z.,]+){0,6} (?:considering it|thinking about it|tempted|maybe i (?:should|will)|might (?:just )?do it|not a bad idea|not wrong|is right)\b/,
  },
  {
    id: 'self-harm-marks',
    unless: /\b(?:kitten|cat|puppy|dog|garden|gardening|brambles|paper|kitchen|knife skills|cooking|surgery|shaving)\b/,
    pattern:
      /\b(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?) (?:is |are |were |was )?(?:all )?(?:covered in|full of|covered with) (?:cuts|scars|marks|burns|scratches)\b|\b(?:new|fresh|more) (?:cuts|scars|burns) (?:on my|again|every)\b/,
  },
  // Going on with life itself, said as something one cannot or will not do: "no way I can keep living", "why even stay alive".
  {
    id: 'cannot-continue-living',
    pattern: new RegExp(
      `\\b(?:can not|could not|no way i can|no way i could|unable to|do not know how to|do not know if i can|not sure i can|do not think i can|do not want to|no reason to|no point in|why should i|why would i|why) (?:even |still |just )?${CONTINUE_LIVING}\\b`,
    ),
  },
  // Passive wishes: "wouldn't mind not waking up", "if a bus hit me I'd be relieved", "wouldn't care if I died".
  {
    id: 'passive-wish',
    pattern:
      /\b(?:would|will|do) not (?:even )?(?:mind|care)(?: at all)? (?:if i )?(?:not|never|did not|do not) (?:waking|wake|woke) up\b|\b(?:would|will|do) not (?:even )?(?:mind|care)(?: at all)? (?:dying|being dead|not being (?:here|around|alive)|not existing|if i (?:died|was gone|were gone|disappeared|was dead|never came back|got hit))\b|\b(?:would|will|do) not (?:even |really )?(?:mind|care|fight it|fight|resist it|stop it)(?: at all)? if (?:something|anything) (?:bad )?(?:happened|happens|were to happen)(?: to me\b|(?= \.|\s*$| you know| tbh| honestly| ngl))|\b(?:would|will|do) not (?:even |really )?(?:mind|care)(?: at all)? if (?:a|the|my|some) (?:bus|car|truck|lorry|train|van|plane|flight|ship|ferry)(?: [a-z]+){0,3} (?:went down|goes down|crashed|crashes|came off|fell|sank|hit me|ran me over|took me)\b|\bif (?:a|the|some) (?:bus|car|truck|lorry|train|van|plane)(?: [a-z]+){0,2} (?:hit|hits|ran over|runs over|took|takes|killed|kills|crashed into)(?: me)?(?: [a-z]+){0,8} (?:relieved|relief|fine with (?:it|that)|would not mind|would not care|glad|grateful|welcome it|a blessing|not even (?:be )?(?:mad|sad|upset|bothered|sorry)|not be (?:sad|upset|bothered|sorry)|at peace)\b/,
  },
  // Tired of being here at all, of existing; cannot be bothered with living.
  {
    id: 'weary-of-being',
    pattern:
      /\b(?:tired|sick|weary|exhausted) of (?:being (?:a person|a human|human|a human being|this person)|fighting|trying to stay alive|holding on)\b(?! (?:with|for|over|about|against|the|this|my|our|customers?|callers?|management|hr|it out|on))|\b(?:tired|sick|weary|exhausted) of (?:[a-z]+ ){0,3}(?:of )?being (?:here|around|alive) at all\b|\b(?:tired|sick|weary) of (?:being|existing) (?:in this world|anymore)\b|\b(?:can not be (?:arsed|bothered)|lost (?:all )?interest|no energy left|do not care anymore) (?:with |in |for )?(?:living|life|being alive|existing|waking up)\b/,
  },
  // A thought of dying that keeps returning; looking down from a height and thinking about it.
  {
    id: 'recurring-thought',
    pattern:
      /\b(?:thought|thoughts|idea|image|picture|urge) of (?:jumping|ending it|ending things|dying|killing myself|not waking up|cutting|hurting myself|stepping in front|throwing myself|disappearing for good|overdosing)\b|\b(?:window|balcony|ledge|roof|rooftop|edge|railing|tracks|platform|\d+(?:st|nd|rd|th) floor)(?: [a-z0-9]+){0,6} (?:and )?(?:(?:think|thinking|thought|wonder|wondering)(?: about)? (?:it|jumping|how (?:easy|quick|fast|simple|painless)|what if|how it would feel)|tempted)\b/,
  },
  // Means set aside ("the pills counted out"), affairs handed over before being "ready".
  {
    id: 'means-set-aside',
    pattern:
      /\bthe (?:pills|tablets|rope|blade|blades|razor|razors) (?:is|are) (?:ready|waiting|hidden|in my (?:locker|bag|car|drawer|pocket|room|glovebox|wardrobe))\b|\b(?:pills|tablets|meds|painkillers|sleeping pills|paracetamol|rope|blade|blades)(?: [a-z]+){0,1} (?:counted|set aside|laid out|lined up|sorted out|hidden|stashed|saved)(?: out| up| away)?\b|\b(?:gave|given|giving) (?:away )?my (?:cat|dog|pets?|plants|things|stuff)(?: [a-z]+){0,4}(?: \.)? (?:sorted|cleared|tidied|settled)(?: [a-z]+){0,3} (?:i am ready|ready)\b/,
  },
  // Giving up on everything for good; nothing left for me; no reason left to stay.
  {
    id: 'nothing-left',
    unless: ORDINARY_LEAVING,
    pattern:
      /\bgiv(?:e|ing|en) up on (?:everything|it all|all of it)(?: [a-z]+){0,2} (?:for good|forever|permanently)\b|\bnothing (?:left )?(?:for me|to stay for|worth staying for)\b(?! (?:to do|in (?:this|the) (?:job|company|team|role|place|department|office)|at (?:this|the) (?:job|company)))|\bno (?:reason|point) (?:left )?(?:for me )?to (?:stay|stick around|hang on|hold on)\b(?! (?:in|at|with|late|on|for (?:the|this|that)))/,
  },
  // "I can't do this anymore" made emphatic or personal (said twice, "really", "I'm sorry", "help me"); bare it is usually the shift.
  {
    id: 'cannot-anymore-emphatic',
    unless: new RegExp(`${WORK_CONTEXT.source}|\\b(?:lol|lmao|haha|coffee|break|lunch|home|weekend|holiday|nap|sleep|aht|tl|training)\\b`),
    pattern:
      /\bcan not (?:do (?:this|it)|take (?:this|it)|handle (?:this|it)|cope|go on|keep going)(?: anymore)?\b(?=[\s\S]*\b(?:i (?:really|just|honestly|truly|seriously) can not|can not anymore|i am (?:so )?(?:sorry|scared|done)|help me|please)\b)|\bi (?:really|just|honestly|truly|seriously) can not\b(?=[\s\S]*\bcan not (?:do (?:this|it)|take (?:this|it)|go on|cope|anymore)\b)/,
  },
  // A last message written for each person, or for the family ("a message for each of you"), not a work update.
  {
    id: 'last-message',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:wrote|written|writing|recorded|recording|left|leaving|scheduled|scheduling|drafted|typed) (?:a |my |the )?(?:messages?|letters?|notes?|videos?|emails?|texts?) (?:for|to) (?:each (?:one )?of (?:you|them|my [a-z]+)|every one of you|all of you|everyone i love|the people i love|my (?:family|kids|children|parents|mum|mom|dad|wife|husband|partner|sister|brother))\b(?! (?:about|on|for (?:the|a|this|next|tomorrow)|re|regarding|with (?:the|a) (?:rota|update|schedule)))/,
  },
  // Already gone inside while the body goes on: "mentally I'm already gone, my body hasn't caught up", "a ghost already".
  {
    id: 'already-gone',
    unless: new RegExp(`${ORDINARY_LEAVING.source}|\\b(?:weekend|friday|home time|pub|lunch|break|off tomorrow|clock off|clocking off|shift ends|end of (?:the|my) shift)\\b`),
    pattern:
      /\b(?:mentally|inside|in my head|emotionally|in spirit|spiritually|in my mind|in my heart) (?:i am|i have|i feel|i have been) (?:already |basically |pretty much |long |kind of |just |been )?(?:gone|dead|not here anymore|left this world|left already)\b|\bmy body (?:just |is just |has just )?(?:has not|did not|is yet to|still has to|still needs to|needs to) (?:caught|catch) up\b|\b(?:already a ghost|a ghost already)\b/,
  },
  // Thanks for everything, said as a goodbye to the team: "you were a good team, take care of yourselves".
  {
    id: 'thanks-as-goodbye',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:thanks|thank you|thank u)(?: all| guys| everyone| so much)? for everything\b(?! (?:today|tonight|this (?:week|morning|afternoon|shift|month|year)|on (?:the|this|that)))(?=[\s\S]*\b(?:take care of (?:yourselves|each other|yourself)|look after (?:yourselves|each other|yourself)|you (?:all |guys )?were (?:a |the )?(?:good|great|best|lovely|amazing|nice|kind)|good ?bye|bye all|bye everyone|i love you)\b)|\byou (?:guys |all )?were (?:a |the )?(?:good|great|best|lovely|amazing|nicest|kindest|only good) (?:team|bunch|lot|people|friends|colleagues|group|part)\b(?! (?:today|tonight|this (?:week|month|morning|quarter|year)|on (?:that|the|this)|in (?:the|that|this)|at (?:the|that)))|\b(?:it was|it has been|been) (?:nice|good|a pleasure|an honour|an honor|lovely) knowing (?:you|you all|all of you|everyone)\b|\blook after each other for me\b/,
  },
  // How easy it would be: letting go of the wheel, stepping off, swerving.
  {
    id: 'so-easy-to',
    pattern:
      /\blet go of the (?:steering )?(?:wheel|steering|railing|handrail|rail)\b|\b(?:think|thinking|thought) about (?:just )?not (?:turning|turn|steering|braking|brake|stopping|stop)(?: the wheel| at| for| when)?\b|\b(?:so|how|be|is|seems|looks) (?:easy|tempting|simple|quick) (?:it would be |it is )?to (?:just )?(?:swerve|step (?:off|out|in front|back(?! from))|lean back|jump(?! (?:on|in|into|to|at|ship|the queue|through))|drive (?:off|into)|walk (?:into|in front|off)|not (?:stop|brake)|take (?:them|the pills|it all|all of them|everything)|go over the (?:edge|side|railing)|fall)\b/,
  },
  // The calm that follows a decision: "I've got a plan now, which is weirdly calming".
  {
    id: 'calm-after-deciding',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:a plan|the plan|decided|my decision|made up my mind|my mind is made up)\b(?: [a-z.,]+){0,6} (?:weirdly|strangely|oddly|surprisingly|finally|so|really) (?:calm|calming|peaceful|at peace|relieved|relieving|light)\b|\b(?:weirdly|strangely|oddly|surprisingly) (?:calm|peaceful|at peace|relieved)\b(?: [a-z.,]+){0,4} (?:since|now that) i (?:decided|made|have a plan|have decided)\b/,
  },
  // One step and it would be over; the car running in a shut garage.
  {
    id: 'one-step-away',
    pattern:
      /\bone (?:step|jump|swerve|move|push|slip|second|turn of the wheel)(?: [a-z]+){0,2} and (?:it would|it will|it is|it could|i would|i will|i could|everything would|everything is) (?:all )?(?:be )?(?:over|done|gone|finished|quiet)\b|\b(?:car|engine|motor) (?:is |was |still )?(?:running|on|idling)(?: [a-z]+){0,3} in (?:the|a|my) (?:closed |shut |locked )?garage\b|\b(?:in|inside) the car(?: [a-z]+){0,2} (?:engine|motor) (?:running|on|idling)\b(?=[\s\S]*\bgarage\b)|\bhose\b(?: [a-z]+){0,4} (?:the |my |car )?exhaust\b(?![\s\S]*\b(?:dryer|tumble|vent|extractor|hood|mechanic|mot|repair|repaired|fixed)\b)|\b(?:run|running|ran|left|leave|leaving|sat|sitting|sit) (?:the|my) (?:car|engine|motor)(?: running| on)? in (?:the|a|my) (?:closed |shut |locked )?garage\b(?=[\s\S]*\b(?:doors? (?:shut|closed|down|locked)|how long|fumes|exhaust|fall asleep|falling asleep)\b)/,
  },
  // Wishing for bad news about one's own health as a way out; sleeping "and hopefully that is the end of it".
  {
    id: 'hoping-for-an-out',
    pattern:
      /\b(?:hope|hopes|hoping|wish|wishing|pray|praying)(?: that)? (?:the|my) (?:[a-z]+ )?(?:scan|test|tests|results|biopsy|diagnosis|lump|tumou?r|cancer|bloods)(?: [a-z]+){0,3} (?:comes back|come back|is|are|turns out|turn out) (?:bad|positive|terminal|cancer|malignant|serious|the worst)\b|\bso (?:i|that i) (?:have|get|would have|can have) (?:an|my|a way) out\b|\b(?:sleep|go to sleep|close my eyes|lie down)(?: (?:tonight|now|soon))?(?: and)? (?:hopefully|hope|pray|praying)(?: that)? (?:that is|it is|that will be|this is|it will be) (?:the end|over|it for me|the last of me)\b(?! of (?:this|the|my) (?:migraine|headache|cold|flu|week|shift|day|bug))/,
  },
  // Nobody will have to deal with me; saying bye as if for the last time; not coming back, not to anywhere.
  {
    id: 'last-of-me',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:nobody|no one|you|they|everyone|my family)(?: will| would)?(?: ever)? (?:have|has|need|needs) to (?:deal with|worry about|put up with|look after|carry|bother with) me(?: (?:ever )?(?:again|anymore))?\b(?! (?:on|at|till|until|tomorrow|today|this|next|for (?:a|the|two|three|a few)))|\b(?:like|as if|as though) i (?:will not|would not|am not going to|might not|may not|never) see (?:them|you|him|her|anyone|any of you|you all) again\b|\b(?:did not|do not|never|not) come back\b(?: [a-z.,]+){0,12} (?:not to anywhere|anywhere|to anything|to anyone|to anybody|not just work)\b|\b(?:deleted|cancelled|canceled|closed|gave away|given away|sold|wiped|shut down)\b(?: [a-z.,]+){0,8} (?:will not|would not|do not|no longer|not going to|am not going to) need (?:them|it|any of it|those|these|that|any of that)(?= \.|\s*$)/,
  },
  // A pet's things handed over with a note, when no trip is named.
  {
    id: 'pet-handed-over',
    unless: /\b(?:vet|vets|groomer|holiday|vacation|trip|kennels?|cattery|sitter|boarding|away|weekend|leave|flight|conference|hospital stay|moving)\b/,
    pattern:
      /\b(?:put|left|packed|gave|dropped|took|bagged|sorted|leaving|giving) (?:out |up |off )?(?:my|the) (?:dog|cat|pet|puppy|kitten|rabbit)(?: s)? (?:lead|leash|food|bowl|bed|carrier|things|stuff|toys|meds|papers)\b(?: [a-z.,]+){0,8} (?:note|neighbour|neighbor|sister|brother|mum|mom|friend)\b/,
  },
  // Papers shown, the insurance checked, the pills left to "do their thing", the meds saved up.
  {
    id: 'means-and-papers',
    unless: /\b(?:cold|flu|headache|migraine|allergy|allergies|hay fever|antibiotics|back pain|toothache|period|fever|holiday|vacation|trip|mortgage|lawyer|solicitor)\b/,
    pattern:
      /\b(?:told|showed|telling|showing|shown) (?:my )?[a-z]+ where (?:my|all my|the) (?:life )?(?:insurance|will|papers|passwords|bank|documents|savings|pin|policy|policies)(?: [a-z]+){0,4} (?:are|is|were|was)\b|\blife insurance\b(?: [a-z]+){0,3} (?:pays out|pay out|covers it|would pay|will pay|still pays)(?: [a-z]+){0,2} (?:either way|even if|anyway|regardless|if i die|if i died|for suicide)\b|\b(?:checked|checking|check|looked up|read) (?:if|whether|that) (?:my )?(?:life )?insurance (?:covers|pays|would pay|will pay)\b|\blet (?:the|my|those|these) (?:pills|tablets|meds|sleeping pills|painkillers) (?:do (?:their|the|its) (?:thing|work|job)|work|take (?:me|over|effect))\b|\b(?:meds|pills|tablets|medication|prescriptions?|painkillers)\b(?: [a-z.,]+){0,8} (?:save|saving|saved|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|collecting) (?:them|it) (?:up|all|instead)\b/,
  },
  // The plan is worked out and secret; life, if this is it, is declined; the family's relief foreseen.
  {
    id: 'worked-out-and-declined',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:got|have|have got) (?:it|everything) (?:all )?(?:worked out|figured out|planned|sorted)\b(?=[\s\S]*\b(?:tonight|after (?:my|the) shift|do not tell (?:anyone|anybody)|this weekend)\b)|\bif this is (?:what )?(?:the rest of )?(?:my life|life)(?: [a-z]+){0,3} (?:then )?(?:i am out|i am done|i do not want it|no thanks|count me out|i want out)\b|\b(?:would|will) (?:grieve|cry|be sad|miss me)(?: [a-z]+){0,3} (?:and )?then (?:be )?(?:relieved|fine|move on|get over it|forget(?: about)? me)\b|\b(?:will not|would not|am not going to|not going to) (?:be )?need(?:ing)? (?:them|it|any of (?:it|them)|those|these)(?: anymore| again)?(?= \.|\s*$)|\b(?:do not (?:think|reckon)|doubt) i will (?:see|make it to|last (?:till|until|to)|survive) (?:next week|tomorrow|the weekend|christmas|my birthday|monday|friday|new year|next year)(?= \.|\s*$)|\bsoon (?:none of this|nothing|it) will (?:not )?be my problem\b|\bnone of (?:this|it) will be my problem (?:soon|anymore|much longer)\b/,
  },
  // Hanging over the rail, "accidentally" leaning too far.
  {
    id: 'leaning-over',
    writerOnly: true,
    pattern: /\b(?:lean|leaning|leaned|leant|hang|hanging|hung|climb|climbing|climbed)(?: [a-z]+){0,2} (?:over|off) (?:the|a) (?:rail|railing|railings|edge|ledge|balcony|side|parapet)\b/,
  },
  // Sitting at the top of the multistorey for an hour; done fighting, "it's time"; counting down, "not to the weekend".
  {
    id: 'waiting-at-the-end',
    pattern:
      /\b(?:sitting|standing|sat|stood|been sitting|been standing)(?: [a-z]+){0,4} (?:at|on) the (?:very )?top (?:floor )?of (?:the|a) (?:multistorey|multi storey|car park|parking garage|building|bridge|tower|block|cliff)\b(?: [a-z]+){0,3} for (?:an hour|hours|a while|ages|a long time|\d+ (?:hours|minutes))\b|\b(?:done|tired of|finished) (?:fighting|trying|holding on)(?: it| this| anymore)?\b[ .]*\bit is time\b(?= \.|\s*$)|\bcounting down\b(?: [a-z.]+){0,3} not (?:to|till|until) (?:the weekend|friday|my holiday|payday|home time|the end of (?:the|my) shift)\b/,
  },
  // Looking at the means laid out: "the pills are on the table and I'm just looking at them".
  {
    id: 'staring-at-means',
    pattern:
      /\b(?:pills|tablets|meds|painkillers|rope|blade|blades|razor|razors|knife|pill bottle)\b(?: [a-z.,]+){0,8} (?:looking|staring|stare|look|looked|stared) at (?:them|it)\b/,
  },
];

/** The writer drawn towards the edge, a crash imagined "with me in it", the means of charcoal burning, a goodbye meant as the last. */
export const EN_DRAWN_CONCEPTS: readonly CrisisRule[] = [
  {
    id: 'drawn-to-the-edge',
    writerOnly: true,
    pattern: /\bi (?:stand|stood|step|stepped|walk|walked|lean|leaned|leant|get|got|move|moved|inch|inched|go|went)(?: [a-z]+){0,4} (?:closer|nearer) to the (?:edge|ledge|tracks|railing|yellow line|platform edge|drop|water)\b/,
  },
  {
    // Not writer-only: "the caller said he'll burn the branch down with me inside" is someone else's threat.
    id: 'with-me-in-it',
    pattern: /\b(?:crash|crashes|crashed|crashing|off|down|sink|sinks|sank|fall|falls|fell|falling|explode|exploded|flip|flipped|into|under)(?: [a-z]+){0,4} with (?:only |just )?me (?:in it|on it|inside|on board|in the car|behind the wheel)\b/,
  },
  {
    id: 'charcoal',
    unless: /\b(?:bbq|barbecue|barbeque|grill|grilling|satay|steamboat|picnic|camping|drawing|sketch|art|face mask|filter|toothpaste)\b/,
    pattern: /\b(?:bought|buying|buy|got|getting|have|has|lit|light|lighting|burning|burn|burned|burnt|stocked|hid|hidden|sealed)(?: [a-z]+){0,3} charcoal\b|\bcharcoal (?:in|and) (?:the|my) (?:room|car|bathroom|flat|bedroom)\b/,
  },
  {
    id: 'last-goodbye',
    writerOnly: true,
    pattern:
      /\bi (?:said|say|was saying|have said|hugged|kissed|called|rang|texted|looked at|visited|held)(?: [a-z]+){0,6} (?:like|as if|as though) it (?:was|were|is|would be|will be) the last time\b/,
  },
];

/** The writer out of the picture: "my kids would be better with their dad and me out of the picture". */
export const EN_WRITER_GONE: readonly CrisisRule[] = [
  {
    id: 'out-of-the-picture',
    writerOnly: true,
    pattern: /\b(?:me|myself) out of (?:the|their|his|her|your) (?:picture|way|lives|life)(?! (?:for (?:a|the|this|today|now)|today|this|until|till|on))\b|\bif i (?:was|were|am) not in the picture\b|\b(?:once|when|if|after) i am (?:out of (?:the|their|his|her|your) (?:way|picture|lives|life))(?! (?:for|today|this|until|till|on))\b/,
  },
];

/** A caller who has turned up in person: "the guy from this morning's call is outside in the car park". */
export const EN_THREAT_CONCEPTS: readonly CrisisRule[] = [
  // Someone watching, describing or asking about the worker's life outside work.
  {
    id: 'knows-my-life',
    pattern:
      /\b(?:described|describes|describing|knew|knows|mentioned|told me|said|named|asked about|asking about) (?:what |which )?my (?:car|house|home|kids|children|son|daughter|wife|husband|partner|route|bus|train|outfit|clothes|hair|street|school run|shift pattern|shifts|rota|gym)\b|\b(?:asking|asked|asks|ask) (?:when|what time|where|how) i (?:finish|leave|get off|clock off|live|park|go home|walk)\b|\b(?:knows|knew|found out|worked out|figured out|has found out|noted|noticed) (?:(?:when|what time|where|that|how|which way) )?i (?:finish|leave|get off|clock off|clock out|walk|park|live|take|go home|get home|start)\b|\b(?:parked|waiting|standing|sitting)(?: [a-z]+){0,7} (?:watching|staring at) (?:the|our|my) (?:door|store|shop|office|building|entrance|window|car)\b/,
  },
  // Someone said they will be back, waiting by my car, at my bus stop, that next time it won't be a call.
  {
    id: 'will-come-for-me',
    unlessComplaint: true,
    // Round 14: a friend waiting outside with pizza is not someone coming for the writer.
    unless: /\bmy (?:mate|friend|bestie|boyfriend|girlfriend|husband|wife|partner|mum|mom|dad|sister|brother|flatmate|roommate)\b|\b(?:uber|taxi|cab|pizza|takeaway|delivery driver)\b/,
    pattern:
      /\b(?:be back|come back|coming back|be coming back) (?:for (?:me|you)|with (?:a|an|his|her|their|some)(?: [a-z]+)? (?:bat|knife|gun|weapon|mates|friends|boys|brothers|crew))\b(?! to (?:help|move|carry|lift|fix|pick|collect|paint|celebrate|watch|play|say))|\b(?:waiting|wait|be|be waiting) (?:by|at|near|outside|next to|around) (?:your|my) (?:car|house|flat|door|home|bus stop|station|gym|kids|school|work)\b|\b(?:be|wait|waiting) (?:at|by|outside|near) the(?: [a-z]+){1,3} (?:i|you) (?:use|take|park|live|wait)\b|\bnext time it will not be (?:a |just a |just )?(?:phone call|call|phone|words|talking|a chat)\b|\bmake (?:my|your) life (?:a )?(?:living )?hell\b(?! at work)|\bknow (?:what|how) (?:you|i) look like\b/,
  },
  // Reaching the worker outside work: a personal number, social media.
  {
    id: 'reached-me-privately',
    pattern:
      /\b(?:ringing|calling|texting|messaging|rang|called|texted|messaged|found|got|has|had|getting) (?:me on )?my (?:personal|private|own|home) (?:mobile|phone|number|email|address|account|instagram|facebook)\b|\b(?:ringing|calling|texting|messaging|rang|called|texted|messaged)(?: me)?(?: again| twice| all night)? on my (?:personal|private|own|home) (?:mobile|phone|number|cell)\b|\bfound me on (?:facebook|instagram|insta|linkedin|tiktok|twitter|social media|fb|snapchat)\b/,
  },
  {
    id: 'harm-to-mine',
    pattern:
      /\bthreat(?:ened|ening|s)? (?:my )?(?:kids|children|son|daughter|wife|husband|partner|family|house|home|car|pets?)\b|\b(?:burn|torch|set fire to|smash|smash up|trash|firebomb)(?: down)? (?:my|your) (?:house|home|car|flat|place)(?: down)?\b|\b(?:send|sending|sent|bring|bringing) (?:someone|somebody|people|his mates|her mates|some guys|some people|the boys|his boys|his friends|a few friends|his men|his people|his guys|his gang|his crew|his brothers|her men|her people|her brothers|some men) (?:round|over|around|to|after)\b|\b(?:be )?seeing (?:me|you) (?:real |very |really )?soon\b|\b(?:will|would|going to|is going to|gonna|is coming to|coming to) (?:find|track down|come to|visit|show up at|turn up at|go to|pay a visit to) (?:my|your) (?:house|home|address|family|kids|children|flat|place|parents)\b|\b(?:will not|never) see it coming\b|\bi know (?:your|what your) face\b|\bi (?:will|am going to) be seeing you\b(?= \.|\s*$| and| soon| around| outside)|\b(?:said|says|told me|warned|warns)(?: [a-z]+){0,3} (?:i|you) (?:will|would|could|might|are going to|am going to) end up (?:in (?:a|the) (?:drain|ditch|river|body bag|morgue|grave|coffin|canal)|dead|six feet under)\b/,
  },
  // Warned to watch out or that I'll regret it: a threat unless it is about a complaint ("when he writes to head office").
  {
    id: 'warned-me',
    unlessComplaint: true,
    pattern:
      /\b(?:said|says|told me|warned)(?: [a-z]+){0,2} (?:i|you) (?:had|would|better|will|should|need to|have to|want to|ought to) (?:better )?(?:watch (?:out|myself|yourself|my back|your back)|be careful|regret it|not see it coming)\b/,
  },
  // Someone who knows where the worker's family is, hangs around their way out, or says they must come out some time.
  {
    id: 'on-my-way-out',
    pattern:
      /\bknows? (?:which|what) (?:school|nursery|college|class|gym|bus|train|street|building|flat|house|road|route|estate)(?: [a-z]+){0,2} (?:my|i)\b|\b(?:read|reads|reading|recited|listed|quoted) (?:out )?my (?:home |full |real )?(?:address|postcode|street|house number)\b|\b(?:hanging|lurking|loitering|waiting|standing) around (?:the |our |my )?(?:car park|parking lot|entrance|exit|staff entrance|back door|building|store|office|shop|lobby|bus stop|station)\b|\b(?:have|has|got) to (?:come out|leave|go home|walk out)(?: [a-z]+){0,2} (?:eventually|sometime|some time|at some point|sooner or later)\b|\b(?:i|you) (?:would |had |will )?better not (?:walk|go|leave|drive|be)(?: [a-z]+){0,2} (?:home|alone|out|outside|at night)\b|\b(?:wait|waiting|be waiting|stand|standing|sit|sitting) (?:by|at|near|outside|next to|around) (?:the |our )?(?:staff |back |side |front |main |rear )?(?:entrance|exit|door|car park|parking lot|gate|lobby)(?: [a-z]+){0,3} (?:until|till|for) (?:i|me|you)\b/,
  },
  {
    id: 'caller-in-person',
    pattern:
      /\b(?:the caller|that caller|(?:guy|man|woman|lady|customer|bloke|person|client|caller) (?:from|on|off) (?:the|that|this|my|this morning|yesterday|earlier|last night|last week|the angry|the abusive)(?: [a-z]+){0,3} call|(?:guy|man|woman|lady|customer|person|caller) who (?:called|rang|phoned|shouted|screamed|threatened|swore))(?: [a-z]+){0,4} (?:is|was|are|has been|is now|is still|turned up|showed up) (?:now |still |actually |literally )?(?:outside|downstairs|out front|here|in the (?:building|car park|parking lot|lobby|foyer|reception|street)|at (?:the )?(?:door|entrance|front desk|reception))\b/,
  },
];
