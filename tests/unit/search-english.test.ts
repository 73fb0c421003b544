import { describe, expect, it } from 'vitest';
import { wordTerms } from '../../src/text/tokenize.js';

describe('English as agents and callers type it', () => {
  it('drops Malaysian and Indian English particles, kindly and speech fillers', () => {
    expect(wordTerms('customer kena scold already lah')).toEqual(wordTerms('customer scold'));
    expect(wordTerms('kindly check the bill leh')).toEqual(wordTerms('check the bill'));
    expect(wordTerms('um so like the data uh is slow')).toEqual(wordTerms('so the data is slow'));
  });

  it("reads contact-centre shorthand as the word the scripts write", () => {
    expect(wordTerms('cx wants refund')).toEqual(wordTerms('customer wants refund'));
    expect(wordTerms('acct bal not updated bcoz sys down')).toEqual(wordTerms('account balance not updated because sys down'));
    expect(wordTerms('cancel my sub')).toEqual(wordTerms('cancel my subscription'));
    expect(wordTerms('wants 5x refund')).toEqual(wordTerms('wants times refund'));
  });
});
