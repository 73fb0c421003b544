import type { CrisisRule } from './crisis-rule.js';

/**
 * Menace at the counter and on the line that names no harm (round 13, from three fresh writers' dev files, dev10–dev12):
 * "you better watch yourself going home", "I know you live on Harcourt Road", a finger drawn across the throat, the
 * door blocked, a withheld number that only breathes and says the worker's name, a caller who has the direct line
 * nobody gave him. The harm is in what the act tells the worker, so the words of harm the other rules look for are absent.
 */
export const EN_MENACE: readonly CrisisRule[] = [
  {
    id: 'watch-your-back',
    pattern:
      /\bwatch your back\b|\b(?:better|should|had better|want to|wanna|gonna|going to have to) watch (?:yourself|your mouth)\b(?! (?:on|with) (?:the|that|those) (?:floor|stairs|step|steps|ice|wet|cables?|boxes))|\bwatch yourself (?:going|walking|getting|on the way|after|tonight|when you|out there|outside|leaving)\b/,
  },
  {
    // Said to the worker ("I know you live on …"); the writer's own "know where I live" is knows-where-i-live.
    id: 'i-know-where-you-live',
    pattern:
      /\bi know (?:where you (?:live|park|sleep|go|drink|eat)|you live (?:on|in|at|near|by|above|round) (?!the edge|a (?:dream|lie|bubble|fantasy))|your (?:address|house|street|flat|car|number plate|kids|children|schedule|shifts)|what (?:car|bus|train) you (?:drive|take|get))\b/,
  },
  {
    id: 'threat-gesture',
    pattern:
      /\b(?:throat[ -]?(?:slitting|slashing|cutting|slit|slash|cut)|slit(?:ting)? (?:my |your )?throat|cut(?:ting)? (?:my |your )?throat|finger[ -]?gun|gun|shooting|pistol) (?:gesture|sign|motion|signal)s?\b|\b(?:drew|ran|dragged|drawing|running|drags|runs) (?:a |his |her |their )?(?:finger|thumb|hand|pen|key) across (?:his|her|their|the|my) (?:throat|neck)\b|\bmade (?:a |the )?(?:gun|shooting) (?:gesture|sign|shape|with)\b/,
  },
  {
    id: 'blocked-me-in',
    unless: /\b(?:steady (?:herself|himself|themselves)|to steady|lost (?:her|his) balance|slipped|tripped|fell|falling)\b/,
    pattern:
      /\b(?:blocked|blocking|blocks) (?:the|my) (?:door|doorway|exit|way out)\b|\b(?:stood|standing) (?:in|across) (?:the|my) (?:door|doorway|exit|way out)\b(?=[\s\S]{0,40}\b(?:would not|will not|did not|refused to) (?:move|let me)\b)|\blocked me in\b|\bcornered me\b|\bpinned me (?:against|to|up)\b|\bgrabbed (?:me by|my (?:arm|wrist|hair|neck|collar|throat|lanyard))\b|\b(?:spat|spit|spitting) (?:at|on|in) (?:me|my face)\b|\bshoved me\b/,
  },
  {
    id: 'has-what-i-never-gave',
    pattern:
      /\bnever (?:told|gave|give|tell) (?:him|her|them|anyone|the (?:customer|caller|client|guy|man|woman)) (?:where i (?:work|live|park)|my (?:number|address|direct line|direct number|mobile|personal number|surname|last name|full name|shift|schedule))\b|\bhow (?:did|does|do|would|could) (?:he|she|they|this guy|that guy|the customer|the caller) (?:get|find|know|have|got) (?:my (?:direct line|direct number|personal number|mobile|address|surname|last name|full name|schedule|shift pattern)|where i (?:work|live|park))\b|\b(?:said|says|saying|text(?:ed)?|messaged|wrote) found you\b/,
  },
  {
    id: 'breathing-caller',
    pattern:
      /\b(?:same|withheld|private|unknown|blocked|hidden|no caller id) (?:number|caller)\b[\s\S]{0,120}\b(?:(?:heavy )?breath(?:ing|es|e)|(?:says|said|whispers|whispered|only says|just says) my name)\b/,
  },
  {
    id: 'over-the-counter',
    unlessComplaint: true,
    pattern:
      /\b(?:come|coming|climb|climbing|jump|jumping|reach|reaching|get|getting) (?:over|across|through) (?:this|the|that) (?:desk|counter|glass|screen|partition|window)\b(?=[\s\S]*\b(?:regret|hurt|sorry|get you|teach|sort you|smash|punch|hit you|deal with you)\b)|\b(?:make|making) (?:me|you) regret\b/,
  },
  {
    // Round 13, dev13: menace as a remark about the worker's things or hours ("nice red corolla you drive, be a shame if",
    // "see you at 6 when you lock up"), the next visit with company, or "see if you're still smiling".
    id: 'veiled-menace',
    unlessComplaint: true,
    pattern:
      /(?<=\b(?:car|drive|house|kids?|family|dog|bike|home|van|daughter|son|wife)\b[\s\S]{0,60})\b(?:be a|would be a|it d be a|real) shame if(?= \.|\s*$)|\bshame if (?:something|anything) (?:happened|happens|were to happen) to (?:you|your|her|him|them|it)\b|\bsee you (?:at|after|around|tonight|later)(?: [a-z0-9]+){0,3} when you (?:lock up|close up|walk home|walk out alone)\b|\bsee you (?:at|after|around|tonight|later)(?: [a-z0-9]+){0,3} when you (?:close|finish|leave|clock off|get off|walk out)\b(?=[\s\S]*\b(?:alone|scared|creepy|creeped|sweetheart|darling|princess|shaking)\b)|\b(?:next time|come back|coming back|be back)(?: [a-z]+){0,4} (?:with|bring|bringing) (?:his|her|their) (?:brothers|mates|boys|lads|crew|gang|cousins)\b(?![\s\S]*\b(?:help|move|moving|lift|carry|sofa|party|drinks|pick up|collect)\b)|\bsee if (?:you are|i am|she is|he is) still (?:smiling|laughing|so smart|so cocky|so brave|talking)\b|\b(?:said|says|told me)(?: [a-z]+){0,2} (?:you should |better |might want to )?check (?:your|ur) (?:brakes|tyres|tires)\b(?=[\s\S]{0,40}\blaugh)/,
  },
  {
    id: 'has-my-hours',
    pattern: /\bmy (?:shift|rota|roster|work) ?(?:schedule|pattern|times|rota|roster)?\b[\s\S]{0,60}\bhow (?:does|did|do|would|could) (?:he|she|they) (?:have|get|got|know) (?:that|this|it)\b/,
  },
  {
    // dev14: "told you I'd find you", the next throw will be boiling, "see you tomorrow, bring a helmet", and being named as
    // the target of an online threat ("threatening the bitch at the telco store … that's me").
    id: 'promised-next-time',
    unless: /\bhide and seek\b|\bplaying\b|\bgame\b/,
    pattern:
      /\b(?:told you|said) (?:i|he|she|they) ?(?:would|will|d|ll|was going to) find you(?= \.|\s*$| again| anywhere| wherever| when| after| outside| at (?:home|work|the (?:shop|store|depot|branch|office)))|\bi (?:will|ll|am going to|am gonna) find you(?= \.|\s*$| again| anywhere| wherever| when| after| outside)|\bnext time (?:it is|it will be|it ll be|it s) (?:boiling|hot|acid|petrol|a knife|a brick|a bottle|my fist|your face|your head)\b|\bbring a helmet\b(?=[\s\S]{0,40}\bsee you\b)|(?<=\bsee you\b[\s\S]{0,40})\bbring a helmet\b|\bthreatening (?:the|that|this) [a-z]+(?: [a-z]+){0,4} (?:at|from|in|on) (?:the|our|my)\b[\s\S]{0,80}\b(?:that is me|thats me|it is me|means me|is me)\b/,
  },
  // Round 14 (dev15): coming through the glass, a child the worker never mentioned, the worker's street said back as a
  // question, an ex posing as a customer to reach the worker.
  {
    id: 'through-the-glass',
    pattern:
      /\b(?:come|coming|climb|climbing|jump|jumping|reach|reaching|get|getting|be) (?:right )?(?:through|over|across) (?:the|that|this) (?:glass|screen|counter|window|desk|partition|barrier|perspex)\b(?! (?:to (?:pick|collect|get|grab|hand|give|fetch|sign)|for (?:his|her|a|the)))/,
  },
  {
    id: 'never-mentioned-mine',
    pattern:
      /\b(?:asked|asking|knew|knows|mentioned|said|named|talked about)\b[^.!?]{0,50}[.!?]?\s*i (?:have |had )?never (?:mentioned|told (?:him|her|them|anyone) about|talked about|said anything about|named) (?:her|him|them|my (?:kids?|children|son|daughter|wife|husband|partner|family|address|street|school))\b/,
  },
  {
    id: 'your-street-asked-back',
    pattern:
      /\byour (?:shift|day) (?:ends|finishes|is done|is over|starts) at \d{1,2}(?::\d\d)?\b(?: [a-z]+)? (?:right|yeah|yes|eh|hey|innit|is not it|do not you)\b|\byou live (?:near|on|in|by|above|opposite|next to|round|around|off) [^.!?]{1,30}?(?:right|yeah|yes|do not you|is not it|eh|innit|hey)\b/,
  },
  {
    id: 'poses-as-customer',
    pattern:
      /\bpretend(?:ing|s|ed)? to be (?:a )?(?:customer|caller|client|patient|passenger|member)\b[^.!?]{0,40}\b(?:hear my voice|talk to me|get to me|reach me|get through to me|speak to me|see me)\b|\b(?:my ex|ex boyfriend|ex husband|ex girlfriend|ex wife|ex partner)\b[^.!?]{0,30}\b(?:keeps|kept|keep|has been|is) (?:calling|ringing|coming in|turning up|showing up)\b[^.!?]{0,30}\b(?:hotline|line|branch|store|shop|office|counter|work|desk)\b/,
  },
  // Round 14 (dev18): something the worker never told the caller, said back ("I never mentioned it"); a weapon drawn in the
  // queue; the glass that "won't always be here"; nobody finding the report.
  {
    id: 'knew-what-i-never-said',
    pattern:
      /\b(?:knew|knows|said|named|called me|mentioned|told me|read (?:out|back)|asked)\b[^]{0,110}\bi (?:have |had )?never (?:told|gave|mentioned|said|shared) (?:him|her|them|anyone|it|that|my (?:name|surname|car|address|door|kids?|son|daughter|street|dog|cat))\b/,
  },
  {
    id: 'weapon-drawn',
    unless: /\b(?:fix|fixed|fixing|repair|engineer|technician|electrician|plumber|battery|open the|unscrew|tighten|assemble|cake|pizza|fruit|apple)\b/,
    pattern:
      /\b(?:pulled|took|got|whipped|brought|drew) out (?:a|his|her|some) (?:knife|screwdriver|blade|box ?cutter|stanley knife|gun|pistol|bat|hammer|machete|crowbar|razor)\b/,
  },
  {
    id: 'glass-will-not-save-you',
    pattern:
      /\b(?:glass|screen|counter|window|partition|perspex|barrier|desk)\b (?:will not|is not going to|can not|cannot) (?:always )?(?:be (?:there|here)|protect you|save you|stop me)\b|\bnobody (?:will|would|is going to) (?:ever )?find (?:you|the report|your body|her|the body)\b/,
  },
  // Round 14 (dev20): "he'll find me when I'm not in uniform", a knife in his bag, a hand in the jacket "like he had
  // something", "I'll remember your face", swung at, lunged at over the desk, eyes to be clawed out.
  {
    id: 'find-me-off-duty',
    pattern:
      /\b(?:he|she|they) (?:will|would|is going to|are going to|said he will|said she will) find me\b(?= when| after| outside| off| at| once| out of|\s*[.!?]|\s*$)|\b(?:took|taking|snapped|got) (?:a )?(?:pic|picture|photo|photos|pictures) of my (?:badge|name ?tag|lanyard|name badge|id)\b|\b(?:i will|ill|i am going to) remember (?:your|ur) (?:face|name)\b/,
  },
  {
    id: 'armed-or-lunging',
    pattern:
      /\b(?:knife|gun|blade|weapon|machete|box ?cutter)\b (?:in|under|inside) (?:his|her|their) (?:bag|jacket|coat|pocket|car|waistband|belt)\b|\bhand (?:inside|in|into|under) (?:his|her) (?:jacket|coat|pocket|bag|shirt)\b[^.!?]{0,20}\blike (?:he|she) had (?:something|a (?:knife|gun|weapon))\b|\b(?:swung|lunged|spat|spit|swiped|jabbed) (?:his |her |a |the )?(?:[a-z]+ )?(?:at|towards?|over the (?:desk|counter|table) at) (?:me|my (?:head|face))\b|\b(?:threw|hurled|chucked|flung) (?:his |her |a |the )?(?:phone|bottle|chair|cup|mug|glass|stapler|brick|stone|rock|coffee|hot drink|keyboard|laptop|cane|stick|shoe) (?:at|towards?) (?:me|my (?:head|face))\b|\blunged\s+(?:at|over|across|towards|for|_)\b(?! (?:the|a) (?:ball|phone|door|bus|train|last))|\bclaw my eyes out\b/,
  },
  {
    id: 'photographing-me',
    pattern: /\b(?:posting|posted|sharing|shared|taking|took) (?:photos|pictures|pics|videos) of me\b(?=[^]*\b(?:through the window|at my desk|without (?:me knowing|asking)|from outside|from across|online|on (?:facebook|instagram|tiktok|twitter|x))\b)/,
  },
];
