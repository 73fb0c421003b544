import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { isAgentsOwnMatter } from '../../src/text/english-voice.js';
import { normalizeText } from '../../src/text/tokenize.js';
import { loadBase } from '../helpers/router.js';

describe("English search: the agent's own matter told in a case's words", () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase();
  });

  it('answers no match when the agent turns to colleagues about their own bill, parcel or data', () => {
    for (const q of [
      'my own parcel is late, anyone know the courier hotline',
      'my phone bill went up this month, is that normal?',
      'my own data ran out, can someone hotspot me',
      'my shopee package still hasnt arrived lol',
      'my laptop battery is swelling, who do i tell',
      'can you check if my payslip is out',
    ]) {
      expect(kb.search(q, 3), q).toEqual([]);
    }
  });

  it("still finds the case for a customer's words pasted in the first person", () => {
    const top = (q: string) => kb.search(q, 3)[0]?.id;
    expect(top('where is my parcel, it was supposed to arrive monday')).toBe('parcel-delayed');
    expect(top('my line was barred, why am I still paying the plan fee')).toBe('arrears-suspension-fee');
    expect(top('my internet was supposed to be unlimited so why is it crawling')).toBe('unlimited-plan-throttling');
  });

  it('reads who the text names and whom it turns to, not the case words', () => {
    const own = (q: string) => isAgentsOwnMatter(normalizeText(q));
    // A customer named, or the company addressed, makes it a call whatever else it says.
    expect(own('cx says my colleague was rude, anyone know who handles that')).toBe(false);
    expect(own('anyone know why you charged my card twice')).toBe(false);
    // "on my own" is by myself; a how-to question is what the guides answer.
    expect(own('can i promise a credit on my own, anyone know')).toBe(false);
    expect(own('how do i apologise for a mistake on my own bill, anyone know')).toBe(false);
    // Words only a working life has count even beside "you".
    expect(own('can you swap my roster with me')).toBe(true);
    expect(own('where do I claim my mileage for the training day')).toBe(true);
    // "24 hr" is a time, not HR.
    expect(own('my top up from 24 hr ago still not there')).toBe(false);
  });
});
