/**
 * Means and death words in the errands of an ordinary day, by what the sentence does with them: a platform edge one
 * waits at to catch a train, rope bought for something named, knives sold as kitchenware, emails one "wakes up to",
 * a meme one is "dying at". Removed before the rules read the text, like the other ordinary uses (crisis-rules.en.ts);
 * a message that says the opposite ("a rope, not for camping") keeps its words, as the purpose is then not given.
 */
export const EVERYDAY_EN: readonly RegExp[] = [
  // The platform edge on a commute: the train is something one catches, misses or boards, its doors close.
  /\b(?:stood|standing|stand|waited|waiting|wait|sat|sitting) (?:on|at|by|near) the (?:very )?edge of the platform\b(?=[\s\S]*\b(?:(?:missed|miss|missing|catch|caught|make|made|board|boarded|get on|got on|squeezed onto|jumped on) (?:my|the|our|a|that) (?:train|tube|metro|bus|tram)|doors (?:closed|shut|opened|open))\b)/g,
  // Rope bought or carried for a named purpose.
  /\bropes? for (?:the |a |my |our |his |her )?(?:tent|tents|camping|camp|boat|trailer|van|ute|truck|washing|washing line|clothes ?line|swing|hammock|tarp|dog|horse|garden|move|moving|gym|climbing|kayak|canoe|kids|school|project|decorations?|banner|bunting|roof rack|load|fence|tug of war)\b/g,
  // Knives and guns as goods: a set, a block, a sale.
  /\b(?:knife|knives) (?:set|sets|block|sharpener|roll|skills|drawer organiser)\b|\bset of (?:kitchen |steak |chef |chefs )?knives\b|\b(?:knife|knives|knife set|nerf guns?|water guns?)(?: [a-z]+){0,3} (?:on sale|for sale|in stock|out of stock|on offer|half price|discounted|on special|in the sale)\b/g,
  // Waking up to a thing the night left: emails, messages, snow.
  /\bwake up to (?:\d+ |a |an |another |more |loads of |lots of |hundreds of |so many |a million |a ton of |tons of |a load of |a pile of |a bunch of |the )?(?:[a-z]+ )?(?:emails?|messages?|texts?|calls?|missed calls|tickets?|notifications?|complaints?|alerts?|escalations?|snow|rain|news|noise|alarms?|chats?|voicemails?|pings?|dms|reviews?|invoices?|bills?)\b/g,
  // Laughing at something: "dying at this meme", "dying over his face".
  /\b(?:i am |am |still |literally )?dying (?:at|over) (?:this|that|the|his|her|your|their|these|those|my|our)\b/g,
  // A drink finished, a meal missed till lunch, a way out of a car park, how long an egg takes: the object is ordinary.
  /\b(?:drink|drank|drinking|down|downed|finish|finished|chug|chugged)(?: [a-z]+){0,2} (?:whole |entire |full )?bottle of (?:water|juice|coke|pop|squash|milk|lucozade|energy drink|soda|tea|coffee|sprite|fanta)\b/g,
  /\b(?:not|never) (?:eaten|had (?:lunch|breakfast|dinner|anything)) since (?:breakfast|lunch|this morning|last night|yesterday|dinner|\d+ ?(?:am|pm)?)\b/g,
  /\b(?:only|no|the|one|a) way out of (?:this|the|that|our) (?:car park|parking lot|parking|building|station|airport|mall|centre|center|estate|village|town|maze|menu|roundabout|one way system|traffic|queue|meeting|room)\b/g,
  /\bhow long (?:it takes|does it take|would it take|it would take) to (?!(?:drown|die|bleed|suffocate|hang|freeze|overdose|pass out)\b)[a-z]+\b/g,
  // Someone waiting for their own things: "he'll be waiting at arrivals for his bag".
  /\b(?:wait|waits|waiting|be waiting)(?: [a-z]+){0,3} for (?:his|her|their|the|a) (?:bag|bags|luggage|suitcase|refund|parcel|order|taxi|lift|ride|food|change|receipt|card|passport|flight|prescription|turn|number|tickets?|replacement|delivery|coffee)\b/g,
  // Not wanting a shift: "i want to not be on the late shift anymore".
  /\bwant to not (?:be on|do|work|cover)(?: [a-z]+){0,2} (?:shifts?|rota|roster|weekends?|nights|lates|earlies|calls?|queue|phones)\b/g,
  // Sleeping in on rest days: "sleep and never get up on sundays".
  /\b(?:sleep|stay in bed|lie in)(?: [a-z]+){0,6} on (?:sundays|saturdays|weekends|the weekend|my days? off|days off|mondays|holidays)\b/g,
  // Goodbye to a system, an overdose of caffeine.
  /\bgood ?bye (?:forever |for good )?to (?:the|our|that|this|my) (?:old |legacy |ancient )?(?:[a-z]+ )?(?:system|crm|software|app|tool|printer|laptop|phone|office|desk|process|queue|platform|website|uniform|rota)\b/g,
  /\b(?:caffeine|coffee|sugar|chocolate|carb|carbs|tv|netflix|information|meme|cuteness|screen time|red bull) overdose\b|\boverdos(?:e|ed|ing) on (?:caffeine|coffee|sugar|chocolate|red bulls?|energy drinks|memes|netflix)\b/g,
  // A kettle or a phone replaced: "the old one died".
  /\b(?:the|my|our|that) (?:old|other|last|previous|spare|first) (?:one|ones) (?:is |was |has |just |finally |already )?(?:died|dead|dying)\b/g,
  // A photo or a walk of a bridge (the emoji reads as the word).
  /\bbridge(?= (?:photo|photos|pic|pics|picture|pictures|view|views|selfie|walk|run)\b)/g,
];

/**
 * Errands that say the message is about the day: being late for something, a trip to a named place, a meal planned,
 * the kids to collect, bed with a cuppa. The rules still read such a message; only the learned model, whose word
 * statistics cannot see the errand, is not asked (crisis-detector.ts, `ordinaryContext`).
 */
export const ERRAND_CONTEXT_EN =
  /\b(?:going to be|gonna be|will be|i will be|am|running|be) (?:a bit |so |really |very |super )?late\b|\b(?:my|our|the) (?:flight|plane|train|coach|ferry) (?:to|home to|back to) (?!(?:the )?(?:bridge|cliffs?|sea|river|tracks|heaven|nowhere|the other side)\b)[a-z]+|\b(?:eat|order|get|grab|have|make|cook)(?:ing)? (?:a |some |the |my )?(?:pizza|takeaway|curry|burger|chips|kebab|noodles|dinner|lunch|breakfast|brunch)\b|\bpick(?:ing)? up (?:the|my) (?:kids|children|son|daughter|shopping|dry cleaning)\b|\b(?:in bed|on the sofa|on the couch|under the duvet) with (?:a |my )?(?:cuppa|tea|coffee|book|hot water bottle|blanket|film|movie)\b/;
