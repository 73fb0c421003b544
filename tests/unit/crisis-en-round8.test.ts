import { describe, expect, it } from 'vitest';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';

// Round 8, English: causes found by the engineer's own phrasings (phrasings.en8.yaml) and the dev7 set.
const rulesOnly = new CrisisDetector(undefined, null);
const shipped = new CrisisDetector();

describe('future absence said as a goodbye', () => {
  it.each([
    "don't think i'll be here for the christmas party",
    "don't reckon i'll be around for the end of financial year rush, so someone else can have my leave days",
    "i won't be around for the team dinner or anything after that tbh",
    'not planning on being here for the q3 review tbh, you can give my accounts to sam',
    "i doubt i'll still be here when the baby's born, tell her congrats from me",
    "not gonna make it to my birthday and honestly i'm ok with that",
    'pretty sure this is my last week on earth lah, no need to roster me',
  ])('reads %j as the writer at risk', (text) => {
    expect(rulesOnly.assess(text).kind).toBe('self');
  });
  it.each([
    "won't be here for the christmas party, i'm flying to manila on the 20th",
    'not gonna be here for secret santa, sorry, family thing',
    "won't be around for the q3 review, i'm on maternity leave from september",
    "i don't think i'll be here for the christmas party, visiting family",
    'this is my last shift before leave!! three weeks of beach',
    'not sure i\'ll still be here for the review, my contract ends in may',
    "don't think i'll make it to the end of the month on this pay lol",
  ])('keeps %j (a reason is given) ordinary', (text) => {
    expect(shipped.assess(text).kind).toBe('none');
  });
});

describe('venting that ends with what holds the writer up', () => {
  it.each([
    "life's been a lot lately but i've got my mum and my cat so i'm ok",
    "i'm tired but my partner's cooking tonight so that's something",
    'had a shocker of a shift, gonna have a beer and watch the footy',
    'drove over the bridge on the way home, sun was setting, felt a bit better tbh',
    "I'm not okay but I'm seeing my GP tomorrow and my partner knows",
  ])('does not ask the model about %j', (text) => {
    expect(shipped.readByRules(text).asksModel).toBe(false);
    expect(shipped.assess(text).kind).toBe('none');
  });
  it('still reads a wish to die or a burden after the same words', () => {
    expect(shipped.assess("i've got my mum but honestly i want to die").kind).toBe('self');
    expect(shipped.readByRules('everyone would feel better without me around').finding.kind).toBe('self');
    // "would feel better" is not the writer feeling better now: the model is still asked where the rules are silent.
    expect(shipped.readByRules('they would feel better if i just went quiet forever tbh').asksModel).toBe(true);
  });
});

describe('means, plans and signs the rules had no words for', () => {
  it.each([
    'wrote my note on the back of a call sheet at lunch',
    "hey can you tell the team it wasn't their fault. whatever happens",
    'i hit myself in the head when i get calls wrong, hard, like proper hard',
    'punched the wall in the toilets til my knuckles split, wanted it to hurt more',
    "i'm sat in the car with the engine running in the garage",
    'my funeral playlist is done lol, just need a date',
    "i'm checking out early from life, told no one but you",
    'standing on the station platform letting trains go past. thinking about the next one',
    "honestly want to respawn somewhere else, this run is cooked and i'm ready to quit the game for real",
    "made sure my kids' photos are on the cloud and cancelled my gym. tying up loose ends",
    'if im not on the roster tmrw dont call my mum ok',
    'my cat goes to sam if anything happens. already texted him',
    'told my sister where the life insurance papers are. she asked why. didnt answer',
    'took a heap of my meds all at once idk how many. feel weird',
    'bought a one way ticket to nowhere lol. jk im just gonna take all of them tonight',
    'stocked up on panadol from the servo, got the whole weekend to myself',
    'pagod na ako sa lahat. ayoko na mabuhay talaga',
    'hay nako so tired. gusto ko na lang mawala forever',
    'i keep staring at the window on the 14th floor',
    "gonna sleep tonight and hopefully that's it for me",
  ])('reads %j as the writer at risk', (text) => {
    expect(rulesOnly.assess(text).kind).toBe('self');
  });
  it.each([
    "i swear if that supervisor touches my schedule again i'll put him in hospital",
    'if that bloke calls again i swear ill pull his address from the system and go round and hurt him',
    "if my manager says one more word i'm putting him through the window",
  ])('reads the writer meaning to hurt someone in %j (answered self)', (text) => {
    expect(rulesOnly.assess(text).kind).toBe('self');
  });
  it("gives a caller's threat to burn the branch with the writer inside the safety answer", () => {
    expect(rulesOnly.assess("caller said he'll burn the branch down with me inside it").kind).toBe('threat');
    expect(rulesOnly.assess('i keep imagining the bus crashing with me in it').kind).toBe('self');
  });
});

describe('danger words about something else', () => {
  it.each([
    'my bank balance is suicidal after christmas shopping',
    'had to explain the suicide exclusion clause to a customer today, awkward',
    "i'm going to sleep forever this weekend, no alarms",
    "i'm on the roof now, it's the only place with signal",
    'went up to the roof of the carpark at lunch for some fresh air and sun',
    'going to the bridge club with nan tonight',
    "if i die on this hill at least it's the right hill, that refund was wrong",
    "if this call goes one more minute i'm going to jump out the window haha kidding",
    "i'm not safe to drive, i'm so sleepy, getting an uber",
    'im over it. not over life, just over this campaign',
    "nah I'm not gonna hurt anyone, I just need to vent about this woman",
    'my character died like ten times in the boss fight, respawn respawn respawn',
    "said goodbye to my dog this morning, he's at the sitter while i'm at the conference",
    "writing goodbye texts to the customers whose cases i'm handing over",
    'if i vanished for lunch today nobody would notice, the queue is dead',
  ])('keeps %j ordinary', (text) => {
    expect(shipped.assess(text).kind).toBe('none');
  });
});
