import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../../src/knowledge/search-index.js';
import { DomainLexicon } from '../../src/text/chinese-words.js';
import { wordTerms } from '../../src/text/tokenize.js';

const doc = (id: string, title: string, aliases = '', body = ''): SearchDocument => ({ id, title, aliases, utterances: '', body });

describe('search terms', () => {
  it('keeps English words that carry meaning in a hard call', () => {
    expect(wordTerms('the customer says they only paid after the deadline, now what')).toEqual(
      expect.arrayContaining(['custom', 'sai', 'onli', 'paid', 'after', 'now']),
    );
  });

  it("reads can't, cant and cannot as one word, and keeps the not of didn't", () => {
    expect(wordTerms("can't")).toEqual(['cannot']);
    expect(wordTerms('cant')).toEqual(['cannot']);
    expect(wordTerms('cannot')).toEqual(['cannot']);
    expect(wordTerms("I didn't sign up")).toEqual(['not', 'sign', 'up']);
  });

  it('keeps domain phrases whole alongside the bigrams', () => {
    const lexicon = new DomainLexicon(['骚扰电话拦截', '当场答不上来']);
    const spam = wordTerms('骚扰电话打个不停', { words: lexicon });
    expect(spam).toEqual(expect.arrayContaining(['骚扰电话', '骚扰', '扰电', '电话']));
    expect(wordTerms('一时答不上来', { words: lexicon })).toContain('答不上来');
    // Without the lexicon the ICU segmenter splits the phrase and only bigrams remain.
    expect(wordTerms('骚扰电话打个不停')).not.toContain('骚扰电话');
  });
});

describe('search index', () => {
  it('takes a word the scripts use as typed, not as a typo of a neighbour ("call" is not "cable")', () => {
    const index = SearchIndex.build([doc('cable', 'cable cut', 'cable down, cable hanging, loose cable'), doc('callback', 'promise a callback time', 'call back')]);
    expect(index.search('call', 3, { strict: false }).map((h) => h.id)).toEqual(['callback']);
  });

  it('still forgives a typo of a word the scripts use', () => {
    const index = SearchIndex.build([doc('cable', 'cable cut'), doc('callback', 'promise a callback time')]);
    expect(index.search('cabel', 3, { strict: false }).map((h) => h.id)).toEqual(['cable']);
  });

  it('ranks a case that names the whole phrase above one that only shares its characters', () => {
    const index = SearchIndex.build([doc('spam', '号码被标记', '骚扰电话'), doc('marketing', '营销电话', '电话骚扰投诉')]);
    const hits = index.search('骚扰电话', 3, { strict: false });
    expect(hits[0]!.id).toBe('spam');
  });
});
