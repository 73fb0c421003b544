/**
 * Irregular English forms as their base word, so that "paid", "stolen" and "broke" meet "pay",
 * "steal" and "break" (a Porter stemmer leaves them apart), and British and American spellings
 * as one ("apologize" → "apologise"). Applied to scripts and queries alike, before stemming.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  `paid:pay bought:buy brought:bring sent:send spent:spend lost:lose stolen:steal stole:steal
  broke:break broken:break got:get gotten:get gave:give given:give took:take taken:take told:tell
  said:say says:say went:go gone:go came:come made:make felt:feel left:leave kept:keep thought:think
  sold:sell rang:ring rung:ring wrote:write written:write spoke:speak spoken:speak knew:know
  known:know saw:see seen:see fell:fall fallen:fall fought:fight caught:catch meant:mean ran:run
  swore:swear sworn:swear threw:throw thrown:throw chose:choose chosen:choose forgot:forget
  forgotten:forget hung:hang hid:hide hidden:hide understood:understand held:hold heard:hear
  built:build dialled:dial dialling:dial`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * Chat shorthand agents type for a call's everyday words (contact-centre "cx" for the customer,
 * "acct", "msg", "bcoz"), as the word the scripts write: otherwise it is a word no case knows,
 * and a short query made of it reads as off-topic.
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map(
  `cx:customer cust:customer cus:customer cstmr:customer custmr:customer acct:account acc:account
  amt:amount bal:balance msg:message msgs:message txt:text thru:through nvr:never wanna:want
  bcoz:because bcos:because coz:because cuz:because bcz:because tmr:tomorrow tmrw:tomorrow
  ppl:people mgr:manager sup:supervisor sub:subscription subs:subscription pymt:payment pmt:payment
  recd:received rcvd:received reqd:required info:information nos:number num:number dept:department
  tnc:terms tncs:terms pkg:package pkgs:package mo:month mos:month mth:month mths:month mnth:month mnths:month hlp:help sez:say fb:facebook sys:system cnt:cannot b4:before bc:because rn:now idk:unsure ur:your caller:customer callers:customer client:customer clients:customer subscriber:customer subscribers:customer`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

const AMERICAN_IZE = /(?<=\w{3})iz(e|es|ed|ing|ation|ations)$/;
/** "3x", "10x": a multiple, as "times" ("5x refund", "ten times compensation"). */
const MULTIPLE = /^\d+x$/;

/** The base word of an English word as written (lower case): irregular forms, chat shorthand, multiples ("5x") and -ize spellings folded. */
export function lemmaOf(word: string): string {
  if (MULTIPLE.test(word)) return 'times';
  return IRREGULAR.get(word) ?? SHORTHAND.get(word) ?? word.replace(AMERICAN_IZE, 'is$1');
}
