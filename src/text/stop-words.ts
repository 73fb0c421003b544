/**
 * Function words that say nothing about which case is meant, for /script search. Words that do
 * carry meaning in a hard call stay searchable: negations (can't, didn't, won't), time and order
 * (now, after, before, until, again, once, only), who said what (customer, says), and whom a caller
 * would harm (himself, herself, themselves: "threatening to hurt herself" is not a threat to the agent).
 */
const FUNCTION_WORDS: readonly string[] = `a about all am an and any are as at be been being both but by can could
  did do does doing each for from had has have having he her here hers
  him his how i if in into is it its itself just me my myself of
  on or other our ours ourselves own she so some such than that the their
  theirs them then there these they this those through to too very was
  we were what when where which while who whom why will with would you your yours yourself
  yourselves im ive id youre hi hello please thanks thank ok okay
  thats whats hes shes theyre theres wheres whos hows youve weve theyve youd theyd`
  .split(/\s+/)
  .filter(Boolean);

/**
 * What a caller's pasted words add around the case: forms of address (ma'am, sir, Filipino "po")
 * and intensifiers (honestly, absolutely, literally). In a long angry paste they are most of the
 * words and match whichever script happens to use them ("honestly" in a say-line).
 */
const PASTE_FILLERS: readonly string[] = `maam madam sir po pls plz ur really honestly absolutely
  literally seriously totally actually basically even ever also lol omg`
  .split(/\s+/)
  .filter(Boolean);

/**
 * Who the agent is talking about, in the words agents use for the customer ("guy on the line",
 * "lady wants her money back", Malaysian "aunty"/"uncle"): the case is about what they want, and
 * as a word no case uses each made a short query read as off-topic. Elderly wording still reaches
 * its case through the synonym groups, which read the text as typed.
 */
const PEOPLE_WORDS: readonly string[] = `guy guys lady ladies gentleman gent fella fellow dude chap bloke
  bro sis aunty auntie uncle`
  .split(/\s+/)
  .filter(Boolean);

/**
 * How agents and callers in Malaysian, Singaporean, Indian, Filipino (na, naman, lang, kasi) and
 * Nigerian/South African English (abeg, sha, eish), and speech-to-text, pad a sentence: particles (lah, leh, lor, meh), "kena" before a verb ("kena charge": got charged),
 * "already" and "one" closing a clause ("spoil already", "so slow one"), Indian English "kindly", "yaar"
 * and "ji", and spoken hesitations (um, uh, like, yeah).
 * None says which case is meant, and a word no case uses counts against a short query's
 * coverage, so "customer kena scold lah" would otherwise read as mostly off-topic.
 */
const DIALECT_FILLERS: readonly string[] = `lah la leh lor meh mah hor liao ah eh aiyo aiya alamak wah kena
  already alr oredi ady dy izit isit wei weh sia bah lo aiyoh walao yaar ji acha achha arey arre haan
  sian dunno dun kindly needful um umm uh uhh erm hmm yeah yah ya like gonna one na naman lang daw nga pa ba kasi abeg sha jare eish`
  .split(/\s+/)
  .filter(Boolean);

/**
 * When something happened, as a caller or agent tells it ("rang on tuesday, it's friday", "since
 * yesterday arvo"), and amounts of nothing in particular (a lot, heaps): circumstance that no case
 * is about. Counted as a content word no case knows, each made a pasted complaint look off-topic.
 * Delays keep their measure (days, week, hours), which says how late; months that are everyday
 * words (may, march) are left alone.
 */
const WHEN_WORDS: readonly string[] = `monday tuesday wednesday thursday friday saturday sunday tues weds thurs
  weekend today tonight yesterday tomorrow morning afternoon evening arvo arvos
  january february april june july august september october november december lot lots heaps`
  .split(/\s+/)
  .filter(Boolean);

export const ENGLISH_SEARCH_STOP_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  // "we" is a function word; "us" (the company, "pay us back") says no more in a search.
  'us',
  ...WHEN_WORDS,
  ...PASTE_FILLERS,
  ...PEOPLE_WORDS,
  ...DIALECT_FILLERS,
]);

/**
 * Words /calm's phrase matching skips when reading how someone feels: the function words plus the
 * words that describe the call rather than the feeling (customer, says, now, after …). It keeps
 * the intensifiers: "I really can't" says something about a feeling.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...`after again before down during few further more most now off once only out over same under until up
  dont didnt doesnt isnt wasnt cant wont couldnt wouldnt shouldnt customer customers says said say saying`
    .split(/\s+/)
    .filter(Boolean),
]);

/**
 * How a Chinese question is framed, whatever it asks: A-not-A (是不是, 有没有), why and how (为什么,
 * 怎么回事). The characters of a frame say nothing about the case, and neither do the two-character
 * windows inside one (是不 and 不是 of 是不是): a query leaves those out (tokenize.ts), so a near-tie
 * between two cases is not decided by whose customer lines happen to ask 是不是. 不是 standing alone
 * keeps its meaning (不是我们的业务). The scripts are indexed as written: no query reaches those terms.
 */
export const CHINESE_QUESTION_FRAMES: ReadonlySet<string> = new Set(
  `是不是 有没有 能不能 会不会 要不要 可不可以 是否 什么 为什么 为啥
  怎么 怎么样 怎样 怎么办 怎么回事 咋回事 咋办 咋整 什么时候`
    .split(/\s+/)
    .filter(Boolean),
);

/** Chinese function words; as words or two-character windows they match every script alike. */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `什么 怎么 怎么样 为什么 这个 那个 这样 那样 一下 一个 我们 你们 他们 她们 就是 还是 的话 然后
  因为 所以 但是 已经 哪个 哪里 这么 那么 一些 有点 请问 你好 您好 客户 顾客 什么时候 怎么办`
    .split(/\s+/)
    .filter(Boolean),
);
