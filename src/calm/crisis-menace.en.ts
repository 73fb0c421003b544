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
      /\bwatch your back\b|\b(?:better|should|had better|want to|wanna|gonna|going to have to) watch (?:yourself|your step|it)\b(?! (?:on|with) (?:the|that|those) (?:floor|stairs|step|steps|ice|wet|cables?|boxes))|\bwatch yourself (?:going|walking|getting|on the way|after|tonight|when you|out there|outside|leaving)\b/,
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
    pattern:
      /\b(?:blocked|blocking|blocks|stood in|standing in|stood across|standing across) (?:the|my) (?:door|doorway|exit|way out)\b|\blocked me in\b|\bcornered me\b|\bpinned me (?:against|to|up)\b|\bgrabbed (?:me by|my (?:arm|wrist|hair|neck|collar|throat|lanyard))\b|\b(?:spat|spit|spitting) (?:at|on|in) (?:me|my face)\b|\bshoved me\b/,
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
      /\b(?:come|coming|climb|climbing|jump|jumping|reach|reaching|get|getting) (?:over|across|through) (?:this|the|that) (?:desk|counter|glass|screen|partition|window)\b(?=[\s\S]*\b(?:me|my|regret|hurt|sorry|get you|teach)\b)|\b(?:make|making) (?:me|you) regret\b/,
  },
];

