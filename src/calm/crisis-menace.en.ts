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
];
