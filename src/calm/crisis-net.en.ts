import type { CrisisRule } from './crisis-rule.js';

/**
 * The English safety net, read on the spelled-out form (crisis-text.ts): words of death,
 * ending, self-harm or finality flagged wherever they appear, unless the hyperbole step already
 * explained them ("dying for a coffee", "this shift is killing me", "dead tired") or another
 * person is the subject. The concept rules (crisis-rules.en.ts) name what a message says; the
 * net catches the phrasings nobody wrote a rule for.
 */

/** Machines, calls, plants and work things that "die", "are dead" or get "cut" in an ordinary day. */
export const THINGS =
  '(?:phone|battery|laptop|headset|bike|motorbike|scooter|van|truck|lorry|scanner|router|handheld|device|terminal|machine|mic|microphone|line|call|system|printer|computer|pc|screen|queue|server|wifi|internet|connection|app|plant|plants|car|tablet|keyboard|mouse|charger|feet|legs|back|brain|ears|voice|throat|eyes|mood|chat|conversation|thread|ticket|deal|idea|project|lead|account|market|town|office|floor|day|week|shift)';
/** Leaving work, a holiday, the end of a shift: goodbyes that are not goodbyes to life. */
const ORDINARY_LEAVING =
  /\b(?:last day|leaving the (?:company|team|job)|new job|resign|resigned|resigning|quit|quitting|farewell (?:party|lunch|drinks|card)|holiday|vacation|annual leave|leave tomorrow|maternity|paternity|retire|retiring|moving|see you (?:on )?(?:monday|tomorrow|next week|soon|later)|for the (?:day|night|weekend))\b/;

export const EN_NET: readonly CrisisRule[] = [
  {
    id: 'net-death',
    pattern: new RegExp(
      [
        `(?<!\\b${THINGS} (?:is |was |are |were |has |have |just |went |has just |is totally |are all )?(?:again )?)\\b(?:die|died|dying|dead|death)\\b(?! (?:by (?:powerpoint|meetings?|email|a thousand)|stare|metal|ringer|weight|heat|battery|phone))`,
        '\\b(?:end|ending|ended) (?:it|it all|things|everything|my life|this life|the pain)\\b(?! (?:there|here|early|now and|with (?:the|a|an|this|that|my|our|him|her|them)|on a (?:good|high|positive)))',
        '\\b(?:not|never) (?:be|being) (?:here|around)\\b',
        '\\b(?:not|stop|to stop|never) (?:exist|existing|to exist)\\b|\\b(?:be|being|stay|staying) alive\\b|\\balive anymore\\b|\\bwake up\\b(?= (?:again|anymore|tomorrow) \\.|\\s*$)|\\b(?:not|never) (?:to )?wake up\\b(?! (?:till|until|before|early|in time|on time|for (?:the|my|a)))',
        '\\bdisappear(?:ed|ing)?\\b(?! (?:for (?:a|an|the) (?:rest|bit|while|week|day|few|couple|month|year|minute|second|sec|hour|weekend)|under|into (?:a|my|the) (?:bed|blanket|duvet|room|kitchen|toilet|loo|book|game|holiday)|on (?:a |an )?(?:holiday|vacation|break|island|beach)|to (?:a|the) (?:beach|island|cabin|mountains|countryside|pub|kitchen)|from (?:the|my|this|that) (?:queue|list|screen|inbox|system|dashboard|group ?chat|gc|chat|channel|thread|meeting|call|zoom|teams|photo|picture)))',
        '\\bgood ?bye (?:everyone|everybody|all|world|forever|for good|friends|guys)\\b|\\b(?:say|saying|said) (?:my )?good ?byes?\\b|\\bthis is good ?bye\\b|\\bfarewell\\b',
        '\\boverdose\\b|\\b(?:all|whole|bottle|handful|stash|enough|lots of|so many|every|too many|bunch of|box of|box|pack|packet|saving|saved|stockpiling|hoarding|counting|lined up)(?: [a-z]+){0,3} (?:pills|tablets|meds|painkillers|sleeping pills)\\b|\\bsleeping pills\\b',
        '\\b(?:jump|jumping|jumped|leap|leaping) (?:off|from|in front|into the (?:river|sea|water|lake|canal))\\b|\\b(?:bridge|roof|rooftop|ledge|railway|tracks|cliff|high rise|balcony)\\b(?! (?:call|line|the gap|number|meeting|loan|team|shift|rota|role|project))',
        '\\b(?:drive|driving|drove|crash|crashing|swerve|swerving|steer|steering) (?:off|into|in front of|under) (?:the|a|an|my|oncoming)?\\s?(?:road|bridge|wall|tree|truck|lorry|traffic|train|bus|river|cliff|barrier|pole|car)\\b',
        '\\b(?:cut|cutting|cuts|slit|slitting|burn|burning|scratch|scratching|hurt|hurting|harm|harming) (?:myself|my wrists?|my arms?|my legs?|my thighs?|my skin)\\b|\\b(?:cut|cutting) again\\b|\\b(?:razor|blade|blades|noose|rope)\\b',
        '\\b(?:no|see the|see any|what is the|is there a|is there any|any) point (?:anymore|living|to life|of life|in life|in living|in anything|of anything|in any of it|of any of it|in going on|in trying anymore|of me|in me|being here|being alive|to any of it|to anything)\\b|\\bpoint anymore\\b|\\bpointless\\b(?= \\.|\\s*$| (?:anymore|being|living|existing|trying))|\\bwhat is the point\\b(?= \\.|\\s*$)',
        '\\bbetter off without me\\b|\\bwithout me\\b(?= \\.|\\s*$)|\\bif i (?:was|were|am) gone\\b|\\bwhen i am gone\\b|\\bonce i am gone\\b|\\bnobody (?:would|will) (?:miss|notice|care)\\b(?! if i (?:took|take|had|left|leave|skipped|skip|went|go|napped|logged|sneaked|snuck|came in|come in))|\\bno one (?:would|will) (?:miss|notice|care)\\b',
        '\\bcan not (?:go on|keep going|carry on)\\b(?! (?:like this at work|with this (?:job|queue|shift|workload)))|\\b(?:tired|sick) of (?:living|being alive|life|existing|being here)\\b|\\bgive up on (?:life|living|everything|myself)\\b',
        '\\b(?:sleep|rest|gone|leave) (?:forever|for good|permanently)\\b|\\bthe other side\\b|\\bsee (?:my )?(?:grandma|grandpa|granny|nan|nana|mum|mom|dad) again\\b|\\b(?:looks|look|looking|is|feels|felt) (?:so |really |very |more and more )?(?:tempting|inviting|peaceful)\\b',
        '\\b(?:unalive|kill myself|suicide|selfharm|end myself)\\b',
        // Not waking, in Pidgin and plain words ("I wan sleep and no wake again"); the world going on without me in it.
        '\\bno wake (?:up )?(?:again|anymore)\\b|\\bwithout me (?:in it|in the picture|in this world|on this earth)\\b',
        // Leaving the world itself (Nigerian Pidgin "comot for this world").
        '\\b(?:leave|leaving|left|comot(?: for)?|exit|exiting|depart|departing|gone from|go from) (?:this|the) (?:world|earth)\\b(?! of )',
        '\\bwant (?:it|it all|everything|this life|my life) to (?:be over|stop|end)\\b|\\bnot(?: going to| gonna)? (?:be|being) (?:here|around)\\b|\\b(?:problem|burden|bother|around|here)(?: for (?:anyone|anybody|you|everyone|you all|my family))? (?:much longer|for much longer|for long)\\b',
        '\\bdone with (?:life|living|everything|it all|this world|existing|being alive)\\b(?! (?:today|for today|for the day|at work|this week|tonight|here|in this job))|\\b(?:no|see a|see any) way out\\b|\\bnobody (?:cares|would care|will care|would notice|would miss|will miss) (?:if|whether|when) i\\b(?! (?:took|take|left|leave|skipped|skip|went|go|logged|napped|came in|come in|had|sneaked|snuck))',
        '\\b(?:checking|check|checked|log|logging|tap|tapping|bow|bowing|clock|clocking) out\\b(?: [a-z]+){0,2} (?:permanently|for good|forever|of (?:life|this world|everything)|(?:early )?from (?:life|this world|existence|everything|it all))\\b|\\b(?:fall asleep|sleep|go to sleep|drift off)(?: [a-z]+){0,3} (?:and that is it|and not wake|and never|and stay asleep)\\b',
        '\\b(?:do not|can not|never) see (?:a|any) future\\b(?! (?:in|at|for) (?:this|the|that) (?:job|company|team|role|place|project|product))|\\bno future for me\\b',
        '\\band (?:not|never) come (?:back|home|down)\\b(?! (?:until|till|before|for|after|early|late))|\\bend (?:my|the|all (?:the|my)) (?:suffering|pain|misery)\\b|(?<!\\b(?:was|were|been|being|get|got|getting) )\\b(?:just )?let (?:go|myself go)\\b(?! of )|\\b(?:my|this is my) last (?:message|text|post|words|goodbye|night|day alive)\\b',
        '\\b(?:not|can not see myself|do not think i will|doubt i will|never going to) (?:make it|making it|last|lasting|surviving|survive)\\b|\\bgoodbye (?:note|notes|letter|letters|message|messages|video|videos|texts?|emails?|voice ?notes?|posts?)\\b|\\b(?:would|will|could) (?:get|have|collect) (?:the|my) (?:life )?insurance\\b',
        '\\b(?:taking up|waste of) space\\b|\\b(?:everything|it all|the world|the lights) to go (?:dark|black|quiet)\\b|\\bi am ready to go\\b(?= \\.|\\s*$)',
        '\\bnot worth (?:it anymore|living|being alive|the pain|fighting)\\b|\\blife (?:is not|is no longer|not) worth\\b|\\bfeel(?:ing|s)? (?:so |really |completely )?hopeless\\b(?! (?:at|with|about|over|when it comes to) (?!(?:life|living|myself|me|everything|the future|my future|it all|anything|being alive)\\b))|\\bcan not do (?:life|this life|living|any of this) anymore\\b|\\bout of (?:this )?life\\b|\\b(?:pain|hurt|hurting) (?:to )?(?:stop|end)\\b',
      ].join('|'),
    ),
    unless: new RegExp(`^(?![\\s\\S]*\\b(?:not joking|i mean it|serious|really|pills|rope|note|forever|for good)\\b)[\\s\\S]*${ORDINARY_LEAVING.source}`),
  },
];

/** Someone is watching, following or coming for the writer, said broadly. */
export const EN_THREAT_NET: readonly CrisisRule[] = [
  {
    id: 'net-threat',
    pattern:
      /\b(?:watch|watching) (?:my|your) back\b|\b(?:he|she|they|caller|customer|guy|man|woman) (?:will|would|is going to|going to) be (?:outside|downstairs|out front|waiting)(?: [a-z]+){0,4} (?:at closing|closing time|after (?:work|my shift|hours|i finish)|when i (?:leave|finish|get off|clock off)|tonight|for me)\b|\b(?:pay me a visit|hunt me down|knows? what i look like)\b|\b(?:asking|looking) for me by name\b|\b(?:told|tell|tells|warned|said to) me to (?:watch out|watch my back|be careful|watch myself|look over my shoulder)\b|\b(?:note|letter|message) (?:on|under|at|through) my (?:car|windscreen|windshield|door|desk|house|letterbox)\b|\b(?:got|has|have|found|knows) my (?:home )?address\b|\b(?:lobby|reception|front desk|entrance|car park|parking lot)(?: [a-z]+){0,3} (?:asking|looking|waiting) for me\b|\b(?:knows?|found|find|finds|know|knew) (?:where|out where) (?:i|you) (?:live|work|park)\b|\b(?:outside|downstairs|in the car park|in the parking lot|at the door|at the entrance|out front)(?: [a-z]+){0,4} (?:waiting|for me|watching me|staring at me)\b|\b(?:watching|staring at|following|followed|stalking|waiting for) me\b(?! (?:to (?:reply|answer|call|send|fix|finish|get back)|on (?:the|a) (?:call|line|chat)))|\b(?:sort|sorting) me out\b|\b(?:get|getting|come after|coming after|coming for|come for|hurt|hurting|beat|stab|shoot|kill|jump) me\b(?! (?:a |some |the |an |on the line|a coffee|lunch|back|through|off|in touch|fired|sacked|written up|in trouble|into trouble|promoted|a raise|now))|\b(?:knife|gun|weapon|machete|acid)\b/,
  },
];
