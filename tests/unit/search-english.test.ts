import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../../src/knowledge/search-index.js';
import { wordTerms } from '../../src/text/tokenize.js';

const doc = (id: string, aliases: string): SearchDocument => ({ id, title: '', aliases, utterances: '', body: '' });

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

describe('English and Chinese text of one case', () => {
  it("weighs a case's Chinese words the same however many English aliases it has", () => {
    const index = SearchIndex.build([
      doc('short', '退款'),
      doc('long', '退款\nrefund request\nmoney back please\nwants a refund of the balance\nreimburse the charge'),
      doc('other', '充值'),
    ]);
    const [first, second] = index.search('退款', 3, { strict: false });
    expect(first!.score).toBe(second!.score);
  });
});
