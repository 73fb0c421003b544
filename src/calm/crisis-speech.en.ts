/**
 * English as it is spoken or dictated, read as the English rules expect it. Applied first, on lower-cased text with
 * its punctuation (crisis-text.ts), so the contractions and chat spellings that follow see plain English:
 * - Scots: "ah cannae dae this anymair", "ah want tae be deid", "walk intae the river the night an no come back";
 * - Jamaican: "mi cyaan tek it", "mi soon gone fi good", "unu nuh haffi worry bout mi";
 * - Southern US g-dropping on the verbs the rules read ("thinkin bout usin it on myself");
 * - learners' calques: "take away my life" (quitarme la vida), "finish with everything" (acabar con todo),
 *   "have not more reasons for to live";
 * - dictation homophones with nothing after them that a dye or a life could be: "want to dye tonight",
 *   "want to and it all", "don't want to be a life anymore".
 * Each mapping is kept to the positions where the other reading would not be English.
 */
export const SPOKEN_ENGLISH: readonly (readonly [RegExp, string])[] = [
  // Scots.
  [/\bah(?='m\b| (?:just|cannae|canny|cannie|cant|can't|dinnae|dinny|don't|dont|widnae|wouldnae|want|wish|am|will|need|hate|feel|think|have|huv|know|ken|keep|tried|could|would)\b)/g, 'i'],
  [/\bcann(?:ae|y|ie)\b/g, 'can not'],
  [/\bdinn(?:ae|y)\b/g, 'do not'],
  [/\b(?:widnae|wouldnae)\b/g, 'would not'],
  [/\bdae\b/g, 'do'],
  [/\btae\b/g, 'to'],
  [/\bdeid\b/g, 'dead'],
  [/\bintae\b/g, 'into'],
  [/\boot\b/g, 'out'],
  [/\bgonnae\b/g, 'going to'],
  [/\bany ?mair\b|\bnae mair\b/g, 'anymore'],
  [/\bwisnae\b/g, 'was not'],
  [/\b(?:a|ah)(?= (?:wisnae|was not|wis|am|cannae|dinnae)\b)/g, 'i'],
  [/\bnae\b/g, 'no'],
  [/\baff\b/g, 'off'],
  [/\bwid\b/g, 'would'],
  [/\bbein\b/g, 'being'],
  [/\bdoon\b/g, 'down'],
  [/\bwhit\b/g, 'what'],
  [/\bmotor\b(?= i (?:drive|have|park))/g, 'car'],
  [/\bbatter (me|you)\b/g, 'beat $1'],
  [/\bma ?sel\b|\bmasel\b/g, 'myself'],
  [/\bma(?= (?:feet|heid|head|life|mum|maw|da|family|weans|bairns)\b)/g, 'my'],
  [/(?<!\b(?:is|was|be|'s|s|of|all|at|in|through|during|for|into|with|by|on) )\bthe night\b(?= *(?:$|[.!?,]| an | and ))/g, 'tonight'],
  [/\ban(?= (?:no|not|never) )/g, 'and'],
  [/\b(and|to|i|will|would|just) no (?=come back|wake up|wake again)/g, '$1 not '],
  // Northern English and Irish "me mam", "me da": my.
  [/\bme(?= (?:mam|mum|ma|da|dad|nan|nana|missus|fella|kids|bairns|family|brother|sister|wife|husband)\b)/g, 'my'],
  // Nigerian and Ghanaian Pidgin: "i no (go) fit again" (I can't go on), drinking an insecticide by its brand, "dey kill me".
  [/\bi no (?:go )?fit (?:again|anymore|cope|continue|carry on)\b/g, 'i can not go on'],
  [/\b(?:drink|drinking|drank|take|taking|took|swallow|swallowing) (?:the |some |a |that )?(?:sniper|paraquat|gramoxone|otapiapia|ota pia pia|dichlorvos)(?: drink)?\b/g, 'poison myself'],
  [/\bdey kill(?:ing)? me\b/g, 'is killing me'],
  [/\bend am\b/g, 'end it'],
  [/\bi (?:don|done) tire (?:for|of) (?:this )?life\b/g, 'i am tired of life'],
  // Jamaican.
  [/\b(?:cyaan|cyan|kyaan|cya)\b/g, 'can not'],
  [/\bmi(?= (?:soon|cyaan|cyan|kyaan|can|cannot|a go|gone|waan|want|tired|done|deh|did|will|just|jus|ready|haffi|feel|tink|think|know|hate|wish)\b)/g, 'i'],
  [/\b(?:unu|unnu|oonu)\b/g, 'you'],
  [/\b(?:haffi|affi)\b/g, 'have to'],
  [/\btek\b/g, 'take'],
  [/\bfi (?=good|real|true|ever)/g, 'for '],
  [/\bi a go\b/g, 'i am going to'],
  // Southern US, and anyone typing as they talk: the dropped g on the verbs the rules read, "bout" for about.
  [/\b(think|us|go|try|feel|do|say|look|plann|want|wait|kill|dy|liv|end|com|hop|wish|hurt|cutt|tak|jump|drink|driv|walk)in\b/g, '$1ing'],
  [/\b(think|thinking|thought|talk|talking|worry|worried|care|forget|dream|dreaming) bout\b/g, '$1 about'],
  [/\b(?:fixin|fixing) to\b/g, 'going to'],
  // Chat: "last msg from me", "ctb" (catch the bus: suicide in forum slang).
  [/\bmsgs?\b/g, 'message'],
  [/\bctb\b(?! (?:means|stands for|is short for|meaning|is an|is a)\b)/g, 'suicide'],
  // Learners' calques: "make end" (ein Ende machen, покончить), "i want to kill me" (matarme, me tuer).
  [/\bmake (?:an |the )?end\b(?= *(?:$|[.,!?]| (?:of (?:it|everything|my life|myself|me|all)|to (?:it|everything|my life|myself|all)|tonight|today|now|soon)))/g, 'end it all'],
  [/\b(i (?:want|wanna|wish|need|would like|am going|am thinking|think|thought|plan|try|tried|decided|will) (?:to |of |about )?)kill me\b/g, '$1kill myself'],
  [/\btake away (my|my own) life\b/g, 'take $1 life'],
  [/\b(?:have|has|had) (?:an? )?envy (?:to|of) (?=[a-z])/g, 'want to '],
  [/\b(?:finish|finishing|finished) with (?:everything|it all|all|my life|all of it)\b/g, 'end it all'],
  [/\b(have|has) not (?:more|any more|any) (?=reasons?|point|purpose|hope|motive)/g, '$1 no '],
  [/\breasons (?:for )?to (?=live|go on|continue|wake up|stay)/g, 'reason to '],
  // A skull or a coffin where the word would be: "i want to be 💀" (before 💀 is read as laughter).
  [/\b(to be|be|wish i was|wish i were|rather be|better off) *(?:\u{1F480}|\u2620\uFE0F?|\u26B0\uFE0F?|\u{1FAA6})/gu, '$1 dead'],
  // Dictation homophones, and the bridge emoji as the word.
  [/\b(kill|killing|hurt|hurting|harm|harming|hang|hanging|cut|cutting|end|ending) my shelf\b/g, '$1 myself'],
  [/\u{1F309}/gu, ' bridge '],
  [/\b(to|i|will|just|gonna|wanna|and|should|could|might) dye(?= *(?:$|[.,!?]| (?:tonight|today|now|already|soon|tomorrow|anymore|alone|inside|in my sleep|i |and |so |please|every|all the time)))/g, '$1 die'],
  [/\b(to|just|gonna|wanna|will|should|could|might) and (?=it all\b|my life\b|everything\b)/g, '$1 end '],
  [/\b(be|being|stay|staying|still|am|feel|feeling) a life(?= *(?:$|[.,!?]| (?:anymore|any more|now|again|today|tomorrow|tbh|honestly|and|but|so|i|if|because|no more)))/g, '$1 alive'],
  [/\b(all|this|last|next|every|a|the whole) weak\b/g, '$1 week'],
];
