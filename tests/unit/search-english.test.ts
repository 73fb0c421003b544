import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import { wordTerms } from '../../src/text/tokenize.js';
import { loadBase, SHIPPED_KNOWLEDGE } from '../helpers/router.js';

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

  it('reads the words for the person on the line as the customer, and chat shorthand as words', () => {
    expect(wordTerms('caller wants refund')).toEqual(wordTerms('customer wants refund'));
    expect(wordTerms('client says subscriber never agreed')).toEqual(wordTerms('customer says customer never agreed'));
    expect(wordTerms('stuck w/ u guys, charged w/o notice')).toEqual(wordTerms('stuck with u guys, charged without notice'));
    expect(wordTerms("thats insane, shes upset b4 the call")).toEqual(wordTerms('insane, upset before the call'));
    expect(wordTerms("she'll hurt herself, he'd said")).toEqual(wordTerms('she hurt herself, he said'));
    expect(wordTerms('our T&Cs, the Ts & Cs, tnc')).toEqual(wordTerms('our terms and conditions, the terms and conditions, terms'));
  });
});

describe('more chat shorthand', () => {
  it('reads mo, mths (months) as month', () => {
    expect(wordTerms('24 mths contract, 24 mo')).toEqual(wordTerms('24 month contract, 24 months'));
  });

  it('reads pkg, cnt, hlp and Filipino and Nigerian particles as the words they stand for', () => {
    expect(wordTerms('pkg late, cx cnt wait, pls hlp')).toEqual(wordTerms('package late, customer cannot wait, help'));
    expect(wordTerms('promo done na kasi, abeg')).toEqual(wordTerms('promo done'));
  });
});

describe('English words that tell when, not what', () => {
  it('reads weekdays, parts of the day and "a lot" as circumstance, not as words no case knows', () => {
    expect(wordTerms("you said you'd ring back on tuesday and it's friday")).toEqual(wordTerms("you said you'd ring back"));
    expect(wordTerms('topped up yesterday arvo, heaps of calls since')).toEqual(wordTerms('topped up, of calls since'));
    // How late something is still counts.
    expect(wordTerms('parcel late 5 days')).toContain('dai');
  });
});

describe('English search: what a short question must share with a case', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase();
  });
  const top = (q: string) => kb.search(q, 3)[0]?.id;

  it("answers staff chat that shares only a script's everyday say-line words with nothing", () => {
    // Each shares two or more words with some script's steps or say-lines (leave, approve, shift, fire).
    for (const q of ['boss approve my leave already or not', 'can I swap my off day with someone', 'VPN keeps disconnecting me', 'where is the fire exit']) {
      expect(kb.search(q, 3), q).toEqual([]);
    }
  });

  it('still finds a case an agent names in the words of its title and aliases', () => {
    expect(top('caller wants the water company, not us')).toBe('wrong-department');
    expect(top("the smartwatch we gave free with the contract won't turn on")).toBe('free-gift-defect');
    expect(top('caller wants the black friday deal even though the campaign is over')).toBe('promo-ended');
    expect(top('he wants a discout')).toBe('discount-request');
  });

  it('is not held to naming "customer", which nearly every case uses, to find what the customer wants', () => {
    const ids = (q: string) => kb.search(q, 3).map((hit) => hit.id);
    expect(ids('customer wants a refund'), 'a refund').toContain('refund-after-closure');
    expect(ids('caller wants refund'), 'caller').toContain('refund-after-closure');
    expect(ids('customer complaint'), 'complaint').toContain('four-step-complaint-handling');
    expect(ids('customer wants compensation'), 'compensation').toContain('high-compensation-demand');
  });
});

describe("English search: a customer's intent in everyday words", () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase();
  });
  const top = (q: string) => kb.search(q, 3)[0]?.id;

  it('finds the case from a pasted complaint that tells when it happened', async () => {
    // The weekdays are circumstance, not a case's words: the lexical ranking is what that rule decides. The shipped
    // fused answer is a model near-tie here (cannot-answer-now 0.654, late-follow-up 0.649 as trained in round 12;
    // late-follow-up for seeds 8–11), counted in the probes-en8 floors; it must stay in the top two.
    const query = "you lot said you'd ring me back on tuesday and it's friday";
    const lexical = KnowledgeBase.build((await loadKnowledgeFiles(SHIPPED_KNOWLEDGE)).files, null);
    expect(lexical.search(query, 3)[0]?.id).toBe('late-follow-up');
    expect(kb.search(query, 3).slice(0, 2).map((h) => h.id)).toContain('late-follow-up');
  });

  it('reads multiples, travel costs and Australian "compo" as the claims they are', () => {
    expect(top("wants triple his money back plus extra or he's going to the ombudsman")).toBe('high-compensation-demand');
    expect(top('he wants us to pay for his uber and time off work')).toBe('travel-lost-time-claim');
    expect(top('how much can i apologise and offer compo without overpromising')).toBe('apology-and-compensation');
  });

  it('reads a big account, a better deal and "free for 30 days" as the cases they name', () => {
    expect(top("I'm one of your biggest accounts and you give me nothing")).toBe('loyal-customer-no-discount');
    expect(top("it said FREE for 30 days and now you're charging me 9.99 every month")).toBe('free-trial-auto-charge');
  });
});
