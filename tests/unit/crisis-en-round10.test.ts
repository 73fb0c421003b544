import { describe, expect, it } from 'vitest';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';

// Round 10: means at hand without a word of death, and threats beyond the counter, from the concepts two fresh
// writers used (holdout3, holdout4, spent as blind sets). Written for this test in other words, with look-alikes.
const rules = new CrisisDetector({}, null);

describe('English crisis rules, round 10', () => {
  it.each([
    'took the pistol out of the safe after my shift and just been sitting here with it',
    'sittin in the truck with my old shotgun, dont know why i came out here',
    'sat in my car in the garage with the engine running for a while tonight',
    'looked up how to get a hose onto the exhaust',
    'picked up another two boxes of paracetamol, not for a headache',
    'burnt my wrist with a cigarette in the smoking area again',
    'keep thinking where id do it so nobody from work finds me',
    'my family would be fine without me honestly',
    'he would be better off if i was not around anymore',
    'nobody woulda miss mi',
  ])('answers %j as the writer in danger', (text) => {
    expect(rules.assess(text).kind).toBe('self');
  });

  it.each([
    'some guy from the forum doxxed me and says he is coming to the store',
    'the customer posted my home address on facebook with my photo',
    'a player doxxed me on discord and posted where i work',
    'he smashed the screen and said next time it will be my face',
    'security walked him out but he is still standing across the road',
  ])('answers %j as a threat to the writer', (text) => {
    expect(rules.assess(text).kind).toBe('threat');
  });

  it.each([
    'opening day of deer season, got my rifle out and sitting here with it in the blind',
    'burned my hand on the kettle by accident, ouch',
    'bought two boxes of panadol, the whole house has the flu',
    'need your customer id do you have it',
    'i shared my address with the courier so he can redeliver',
    'next time it will be my turn to pick the lunch place',
  ])('keeps %j ordinary', (text) => {
    expect(rules.assess(text).kind).toBe('none');
  });
});
