import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTaiwanSearchWords } from '../../src/knowledge/check-zh-tw-search.js';
import { SearchIndex, type SearchDocument } from '../../src/knowledge/search-index.js';
import { DomainLexicon } from '../../src/text/chinese-words.js';
import { bigramRolesOfNormalized, normalizeText, soundOfBigram, wordTerms } from '../../src/text/tokenize.js';
import { shippedMainlandReading } from '../../src/text/taiwan-search-words.js';

const doc = (id: string, title: string, aliases = '', body = ''): SearchDocument => ({ id, title, aliases, utterances: '', body });

describe('search terms', () => {
  it('keeps English words that carry meaning in a hard call', () => {
    expect(wordTerms('the customer says they only paid after the deadline, now what')).toEqual(
      expect.arrayContaining(['custom', 'sai', 'onli', 'pai', 'after', 'now']),
    );
  });

  it('reads irregular forms and -ize spellings as their base word', () => {
    expect(wordTerms('phone stolen')).toEqual(wordTerms('phone steal'));
    expect(wordTerms('I paid twice')).toEqual(wordTerms('I pay twice'));
    expect(wordTerms('screen broke')).toEqual(wordTerms('screen broken'));
    expect(wordTerms('apologize')).toEqual(wordTerms('apologise'));
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

  it("leaves out a query's question frames (是不是, 为什么), and weighs down what reaches into one", () => {
    const query = { query: true };
    const terms = wordTerms('你们是不是乱扣钱', query);
    for (const frame of ['是不是', '是不', '不是']) expect(terms).not.toContain(frame);
    expect(terms).toEqual(expect.arrayContaining(['乱扣', '扣钱']));
    expect(wordTerms('为什么', query)).toEqual([]);
    // 不是 standing alone says the matter is not ours.
    expect(wordTerms('这不是我们的业务', query)).toContain('不是');
    expect(bigramRolesOfNormalized('怎么又扣了').crossing).toContain('么又');
    expect(bigramRolesOfNormalized('怎么又扣了').intoAFrame).toContain('么又');
  });
});

describe('search index', () => {
  it('reaches no case on a question frame alone: 是不是 and 为什么 do not tell one case from another', () => {
    const docs = [doc('abuse', '客户辱骂', '你们是不是故意的'), doc('bill', '账单看不懂', '为什么扣这么多')];
    const index = SearchIndex.build(docs);
    for (const q of ['是不是', '為什麼', '怎么样']) expect(index.search(q, 3, { strict: false }), q).toEqual([]);
  });

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

describe('Taiwan wording and typos', () => {
  it('reads Taiwan words, and the zh-TW glossary backwards, as the Mainland words', () => {
    const reading = shippedMainlandReading();
    expect(reading.of(normalizeText('門號被標記'))).toBe('号码被标记');
    expect(reading.of(normalizeText('線上儲值沒入帳'))).toBe('在线充值没到账');
    expect(reading.of(normalizeText('門市人員'))).toContain('营业员');
    expect(reading.of('限速')).toBeUndefined();
  });

  it('hears zh/z, ch/c, sh/s, -eng/-en and -ing/-in alike, as many Taiwan and southern speakers type them', () => {
    expect(soundOfBigram('知道')).toBe(soundOfBigram('资道'));
    expect(soundOfBigram('信号')).toBe(soundOfBigram('心号'));
    expect(soundOfBigram('骚扰')).toBe(soundOfBigram('烧扰'));
    expect(soundOfBigram('限速')).not.toBe(soundOfBigram('线路'));
  });

  it('weighs down bigrams that only span two words in a long sentence, not in shorthand', () => {
    expect(bigramRolesOfNormalized('我已经打来三次了').crossing).toContain('我已');
    expect(bigramRolesOfNormalized('我已经打来三次了').crossing).not.toContain('已经');
    expect(bigramRolesOfNormalized('短息被封了').crossing).toEqual(new Set());
    expect(bigramRolesOfNormalized('今天天气怎么样').dictionary).toContain('天气');
  });
});

describe('knowledge check of the Taiwan search words', () => {
  it('passes on the shipped file and reports a broken one with its line', () => {
    const shipped = new URL('../../knowledge', import.meta.url).pathname;
    expect(checkTaiwanSearchWords(shipped)).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), 'frontline-tw-search-'));
    try {
      mkdirSync(path.join(dir, 'locale'));
      writeFileSync(path.join(dir, 'locale/zh-TW-search.yaml'), 'words:\n  - { taiwan: 門號, mainland: [号码] }\n  - { taiwan: 門號, mainland: [] }\n');
      const found = checkTaiwanSearchWords(dir);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toMatchObject({ severity: 'error', file: 'locale/zh-TW-search.yaml', line: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
