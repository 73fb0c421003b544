import { describe, expect, it } from 'vitest';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { readCrisisText } from '../../src/calm/crisis-text.js';

// Round 9, English: causes found by the engineer's own phrasings (phrasings.en9.yaml).
const rulesOnly = new CrisisDetector(undefined, null);

/** One test per text: the rules alone give it `kind`. */
function readsAs(kind: string, title: string, texts: readonly string[]): void {
  it.each(texts)(title, (text) => {
    expect(rulesOnly.assess(text).kind).toBe(kind);
  });
}

describe('spoken and dictated English read as the rules expect it', () => {
  it.each([
    ['ah cannae dae this anymair, ah just want tae be deid', 'i can not do this anymore'],
    ['mi soon gone fi good', 'i soon gone for good'],
    ['i want to dye tonight', 'i want to die tonight'],
    ['sometimes i just want to and it all', 'want to end it all'],
    ["i don't want to be a life anymore", 'be alive anymore'],
    ['kill my shelf', 'kill myself'],
    ['i am thinking to take away my life', 'take my life'],
  ])('reads %j with %j', (text, words) => {
    expect(readCrisisText(text).latin).toContain(` ${words} `);
  });
  readsAs('none', 'leaves %j as written', [
    'i want to dye my hair purple this weekend',
    'end of the month and it all goes to rent',
    'a life coach told me to journal',
  ]);
});

describe('endings, goodbyes and stalking said without a death word', () => {
  readsAs('self', 'reads %j as the writer at risk', [
    "caring for mum 24/7, honestly i've thought about taking us both out of this",
    "if i don't log in tomorrow don't bother calling, i won't pick up ever again",
    "he blocked me everywhere. i've written letters to everyone, they'll find them tomorrow",
    'the only way out of this debt is me being gone, the payout would sort my family',
    "night shift at the warehouse again, been eyeing up the drop off the mezzanine, it's high enough",
    "taking my last break ever, it's been real team",
    "i sent my sister my bank pin and told her it's for after",
  ]);
  readsAs('threat', 'reads %j as a threat to the writer', [
    "my ex keeps showing up at the till and says if he can't have me no one will",
    "man in the hotel lobby has been asking which room the night receptionist sleeps in, that's me",
    'the customer from this morning is sitting in his car in the car park staring at the entrance',
  ]);
  readsAs('none', 'keeps %j ordinary', [
    "let's take us both out of this meeting",
    "i won't pick up the phone ever again after 6pm, boundaries",
    'the only thing stopping me is the price tbh',
    "if he can't get me a refund nobody will",
    'customer sent a card to my house for christmas, sweet',
  ]);
});

describe('means words in the errands of the day', () => {
  readsAs('none', 'keeps %j ordinary', [
    'stood on the edge of the platform and nearly missed my train, the doors closed right in front of me',
    'bought rope for the tent, camping with the kids this weekend',
    'knife set is on sale at the staff shop',
    "hoping i don't wake up to 50 emails tomorrow",
    "😭😭😭 i'm dying at this meme",
    'gonna drink the whole bottle of water, so dehydrated',
    "since the divorce i've been giving my stuff away to charity, so much clutter",
  ]);
  readsAs('self', 'still reads %j as the writer at risk', [
    'bought a rope on the way home. not for camping',
    'i keep looking at the knives in the kitchen drawer different now',
  ]);
});
