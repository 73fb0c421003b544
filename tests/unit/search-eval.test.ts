import { beforeAll, describe, expect, it } from 'vitest';
import { answerable, evaluateSearch, formatEval, readEvalSet } from '../../bench/search-eval.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import { loadBase, SHIPPED_KNOWLEDGE } from '../helpers/router.js';

const EVAL_DIR = new URL('../fixtures/search-eval/', import.meta.url).pathname;

// dev.yaml was used to tune the method; holdout.yaml and independent.yaml were written apart
// from it (independent.yaml by someone who saw neither the scripts nor the other sets) and
// were never used for tuning, so their thresholds say how search does on unseen queries.
// unseen.yaml was written by someone who saw neither the code nor the knowledge, and arrived
// after the method was fixed: its thresholds are what the method reached on first sight.
// dev-colloquial.yaml (Taiwan wording, homophone typos, English misspellings, pasted sentences)
// was written before the round-3 changes and used to tune them, like dev.yaml. Floors are the
// values reached (round 3).
// dev-offtopic.yaml (round 4) holds only off-topic queries: it calibrates the no-match rule together
// with the in-scope items of the dev sets. Round 5 raised floors it beat (dev-colloquial top-3, dev-offtopic, unseen).
// Round 4 (no-match rule, synonyms) moved holdout's
// top-3 from 97.0 to 95.5 % (measured, never tuned on) for off-topic gains on every measure-only set.
interface Floors {
  top1: number;
  top3: number;
  rejected: number;
  /** The same for the set's English queries alone, where a set's English is tuned apart from its Chinese. */
  en?: { top1: number; top3: number; rejected: number };
}

// Round 8: /script answers with the lexical ranking fused with a learned model (search-fusion.ts) trained
// on every dev set below. Their figures are therefore in-sample (100 % on each when trained); the floors
// under them (SEEN_BY_MODEL) guard against a broken retrain or fusion, not generalisation. The
// generalisation figures are the leave-one-file-out ones in the weights file's `about`, and the
// measure-only sets: lexical → fused, holdout 91.0/94.0/100 → 94.0/95.5/100, independent
// 96.9/98.8/91.7 → 97.3/99.2/100, unseen 97.7/98.3/92.0 → 98.3/98.9/96.0 (top-1/top-3/no match).
// The lexical ranking alone keeps the floors of earlier rounds (LEXICAL, with their history).
const SEEN_BY_MODEL: Floors = { top1: 0.98, top3: 0.99, rejected: 0.95 };

const THRESHOLDS: Record<string, Floors> = {
  dev: SEEN_BY_MODEL,
  'dev-colloquial': SEEN_BY_MODEL,
  'dev-offtopic': { top1: 0, top3: 0, rejected: 0.95 },
  dev3: SEEN_BY_MODEL,
  dev4: SEEN_BY_MODEL,
  dev5: SEEN_BY_MODEL,
  dev6: { ...SEEN_BY_MODEL, en: SEEN_BY_MODEL },
  // dev7.yaml: a fresh writer's set (round 8; bank/card centres, Northeastern and Shanghai Mandarin,
  // Australian and Filipino English, Taiwan convenience-store logistics, dictation errors). On arrival
  // (untouched, model trained without it): lexical 95.9 % top-1 / 97.1 % top-3 / 75.0 % no match,
  // fused 97.6 / 98.8 / 82.5.
  dev7: { ...SEEN_BY_MODEL, en: SEEN_BY_MODEL },
  'probes-en': SEEN_BY_MODEL,
  'probe-zh7': { top1: 0.98, top3: 0.98, rejected: 0.94 },
  // The round-8 engineers' own probes, tuned on lexically but never trained on by the model (retrained after
  // the merges): fused probes-en8 92.8 / 97.8 / 78.6 (lexical 93.5 / 97.1 / 76.2), probe-zh8 96.2 / 97.0 / 91.9
  // (lexical 93.2 / 95.5 / 81.1). Floors just under.
  // Round 12, the model retrained with the customer-threatens-staff case (a new class and its rows): probes-en8
  // 92.0 / 97.8 / 76.2 (an Amazon refund now answered with refund-after-closure; a late callback second behind
  // cannot-answer-now), probe-zh8 96.2 / 96.2 / 94.6 (one more off-topic turned away; an abusive-caller query
  // already missing at top-1 lost its third place by 0.001); independent one more right (97.3 / 98.8).
  'probes-en8': { top1: 0.915, top3: 0.97, rejected: 0.76 },
  'probe-zh8': { top1: 0.96, top3: 0.96, rejected: 0.9 },
  // Measure-only (never trained or tuned on): floors just under the fused figures after the merged retrain
  // (holdout 94.0 / 95.5 / 100, independent 96.9 / 98.4 / 100, unseen 97.7 / 98.3 / 100).
  holdout: { top1: 0.935, top3: 0.95, rejected: 0.66 },
  independent: { top1: 0.965, top3: 0.98, rejected: 0.9 },
  unseen: { top1: 0.975, top3: 0.98, rejected: 0.95 },
  // unseen8.yaml: round 9, a code-blind writer's set (Fujian, Shandong and Guangxi Mandarin, older southern-Taiwan
  // staff, Kenyan, Jamaican and Texan English, non-native English, dictation, customs), measured on arrival and never
  // tuned on: 97.5 % top-1 / 99.5 % top-3 / 86.7 % no match (lexical alone 96.5 / 99.0 / 71.1). Floors just under.
  unseen8: { top1: 0.97, top3: 0.99, rejected: 0.84 },
};

/** The lexical ranking alone (no model), at the floors it had reached before round 8: what a case the model has no class for relies on. */
const LEXICAL: Record<string, Floors> = {
  dev: { top1: 0.98, top3: 0.99, rejected: 0.85 },
  'dev-colloquial': { top1: 0.95, top3: 0.99, rejected: 0.8 },
  'dev-offtopic': { top1: 0, top3: 0, rejected: 0.85 },
  // dev3.yaml: a different writer's set (round 4); its header records the figures on first sight.
  dev3: { top1: 0.965, top3: 0.985, rejected: 0.9 },
  // dev4.yaml: a fresh writer's set (round 5); its header records the figures on first sight.
  dev4: { top1: 0.96, top3: 0.97, rejected: 0.8 },
  // dev5.yaml: a fresh writer's set (round 6; couriers, card centres, Singapore English, Northeast
  // Mandarin, Taiwan pickup staff). On arrival: all 87.9 % top-1 / 92.1 % top-3 / 80 % no-match on
  // main, 88.6 / 92.9 / 80 with the round-6 English changes made before it came (English 87.5 / 93.8
  // on main, 89.6 / 95.8 then). Floors just under the values reached after tuning on its English
  // misses (all 91.4 / 94.3 / 80; English 97.9 / 100).
  dev5: { top1: 0.9, top3: 0.935, rejected: 0.78 },
  // dev6.yaml: a fresh writer's set (round 7; food-delivery and ride-hailing support, Henan/Shandong
  // Mandarin, US chat English, Taiwan telecom stores, net slang). On arrival (main at 7897e48): all
  // 89.0 % top-1 / 94.9 % top-3 / 66.7 % no match; English 89.6 / 93.8 / 87.5. Floors just under
  // the values after the round-7 English changes (all 91.9 / 96.3 / 66.7; English 97.9 / 97.9 / 87.5).
  dev6: { top1: 0.9, top3: 0.95, rejected: 0.65, en: { top1: 0.95, top3: 0.95, rejected: 0.85 } },
  // probes-en.yaml: the round-7 English engineer's own agent descriptions and staff chat, written before
  // reading the code (header: first-sight figures). Floors just under the values reached.
  'probes-en': { top1: 0.88, top3: 0.93, rejected: 0.88 },
  // dev7.yaml: a fresh writer's set (round 8; bank and card centres, Northeastern and Shanghai Mandarin,
  // Australian and Filipino BPO English, Taiwan convenience-store logistics, voice-to-text). On arrival
  // (main at 900f3ba): all 95.9 % top-1 / 97.1 % top-3 / 75.0 % no match; English 90.5 / 93.7 / 80.0
  // (90.5 / 93.7 / 90.0 with the round-8 agent's-own-matter rule made before it came). Floors just under
  // the values after the round-8 English changes (all 98.8 / 99.4 / 77.5; English 98.4 / 100 / 90.0).
  // With the round-8 Chinese changes merged: all 98.8 / 100 / 82.5 (zh-CN 98.4 / 100 / 70.0; zh-TW 100 / 100 / 100).
  dev7: { top1: 0.97, top3: 0.985, rejected: 0.8, en: { top1: 0.96, top3: 0.98, rejected: 0.85 } },
  // probes-en8.yaml: the round-8 English engineer's own probes (world Englishes, chat shorthand, voice-to-text,
  // pasted first-person quotes, the agent's own matter in case words), written before reading the code.
  // First sight (main at 900f3ba): 89.1 % top-1 / 96.4 % top-3 / 61.9 % no match. Floors just under the
  // values reached (93.5 / 97.1 / 76.2).
  'probes-en8': { top1: 0.93, top3: 0.96, rejected: 0.75 },
  // probe-zh7.yaml: the round-7 Chinese engineer's own probe (zh-CN, zh-TW, dialect chit-chat), written
  // before reading the code. On main: 89.6 % top-1 / 97.9 % top-3 / 72.2 % no match; floors just
  // under the values reached (89.6 / 97.9 / 94.4).
  // Round 8: question frames carry no weight in a query, and 阿伯…一直問要怎麼打開網路 (top-3 on a
  // reading of 怎麼打 as a term) fell under the per-term floor: top-3 97.9 → 95.8 %.
  'probe-zh7': { top1: 0.88, top3: 0.95, rejected: 0.9 },
  // probe-zh8.yaml: the round-8 Chinese engineer's own probe, written before reading the code (header:
  // first-sight figures, 92.5 / 95.5 / 62.2). Floors just under the values reached (93.2 / 95.5 / 81.1).
  'probe-zh8': { top1: 0.92, top3: 0.95, rejected: 0.8 },
  // Round 7 moved holdout (measured, never tuned on): the English rule that a short query must name its
  // best case turned one English query whose best case was already wrong into "no match" (top-3 95.5 →
  // 94.0 %); Chinese per-reading scoring moved one zh-CN query at a near-tie (top-1 92.5 → 91.0 %) while
  // its no-match rose from 66.7 to 100 %.
  holdout: { top1: 0.905, top3: 0.94, rejected: 0.66 },
  independent: { top1: 0.94, top3: 0.96, rejected: 0.83 },
  unseen: { top1: 0.93, top3: 0.97, rejected: 0.76 },
  unseen8: { top1: 0.96, top3: 0.985, rejected: 0.68 },
};

/** Cases the unseen set already asks for while they are being written; their items wait until the case ships. */
let kb: KnowledgeBase;
let lexical: KnowledgeBase;
beforeAll(async () => {
  kb = await loadBase();
  lexical = KnowledgeBase.build((await loadKnowledgeFiles(SHIPPED_KNOWLEDGE)).files, null);
});

describe('/script retrieval accuracy on labelled queries', () => {
  const cases = [...Object.entries(THRESHOLDS).map(([name, t]) => [name, 'fused', t] as const), ...Object.entries(LEXICAL).map(([name, t]) => [name, 'lexical', t] as const)];
  it.each(cases)('%s set meets its thresholds (%s ranking)', (name, ranking, t) => {
    const base = ranking === 'fused' ? kb : lexical;
    const all = readEvalSet(`${EVAL_DIR}${name}.yaml`);
    const queries = answerable(all, (id) => base.has(id));
    const result = evaluateSearch(base, queries);
    console.log(formatEval(name, result));
    if (queries.length < all.length) console.log(`${name}: ${all.length - queries.length} queries skipped: they expect only a case not shipped yet`);
    expect(result.positives + result.negatives).toBeGreaterThanOrEqual(60);
    expect(result.top1 / Math.max(1, result.positives)).toBeGreaterThanOrEqual(t.top1);
    expect(result.top3 / Math.max(1, result.positives)).toBeGreaterThanOrEqual(t.top3);
    expect(result.rejected / result.negatives).toBeGreaterThanOrEqual(t.rejected);
    if (t.en) {
      const en = result.byLanguage.en!;
      const off = result.negativesByLanguage.en!;
      expect(en.top1 / en.n, `${name} English top-1`).toBeGreaterThanOrEqual(t.en.top1);
      expect(en.top3 / en.n, `${name} English top-3`).toBeGreaterThanOrEqual(t.en.top3);
      expect(off.rejected / off.n, `${name} English no match`).toBeGreaterThanOrEqual(t.en.rejected);
    }
  });

  it('labels only ids that exist, so a renamed case cannot silently pass', () => {
    for (const name of Object.keys(THRESHOLDS)) {
      for (const q of readEvalSet(`${EVAL_DIR}${name}.yaml`)) {
        for (const id of q.expect) expect(kb.has(id), `${name}: ${id}`).toBe(true);
      }
    }
  });
});

describe('search behaviour an agent relies on', () => {
  const top = (q: string) => kb.search(q, 3)[0]?.id;
  it('reads Traditional like Simplified', () => expect(top('寬帶移機沒有資源')).toBe(top('宽带移机没有资源')));
  it('forgives a homophone typo', () => expect(top('宽代移机')).toBe('broadband-relocation-no-capacity'));
  it('forgives English typos', () => expect(top('unlimted data throtled')).toBe('unlimited-plan-throttling'));
  it('forgives an English typo its stem would hide (custmer is one letter from customer, three from custom)', () =>
    expect(top('custmer swearing')).toBe('angry-abusive-customer'));
  it('forgives a homophone typo among other words', () => expect(top('心号很差')).toBe('no-coverage'));
  it('reads Taiwan wording as the Mainland words the scripts use', () => {
    expect(top('吃到飽降速')).toBe('unlimited-plan-throttling');
    expect(top('宅配延遲')).toBe('parcel-delayed');
    expect(top('手機費儲值了沒入帳')).toBe('top-up-not-credited');
    expect(top('奧客飆罵')).toBe('angry-abusive-customer');
    expect(top('光世代搬家數據機要退')).toBe('broadband-relocation-no-capacity');
  });
  it('finds a case from a pasted customer sentence', () =>
    expect(top('客户说你们宣传流量无限用,结果用到一半就降速了')).toBe('unlimited-plan-throttling'));
  it('reads Taiwan wording for video and general data', () => {
    expect(top('客人說看影音APP不是該算在專用的包裡嗎，怎麼扣到一般流量')).toBe('targeted-data-misbilled');
  });
  it('finds the case in an angry paste full of forms of address and intensifiers', () => {
    expect(top('You lot are a bunch of idiots, honestly, absolutely useless, let me speak to your manager')).toBe('angry-abusive-customer');
    expect(top("Ma'am my unli data is so slow now, you said UNLI so why are you capping me??")).toBe('unlimited-plan-throttling');
  });
  it("reads Malaysian and Indian English particles and agents' shorthand as padding around the case", () => {
    expect(top('customer kena scold lah')).toBe('angry-abusive-customer');
    expect(top('cx wants refund for a sub he never took')).toBe('unconsented-paid-service');
    expect(top('kindly tell how to handle customer asking for a waiver')).toBe('discount-request');
  });
  it('finds a case from the everyday words agents use for its situation', () => {
    expect(top('aunty wants technician to come to the house')).toBe('elderly-customer-simple-fix');
    expect(top('customer is saying he wants to end his life')).toBe('caller-threatens-self-harm');
    // "called" once reached the self-harm case through its aliases' many "caller"s.
    expect(top('customer called for a bank query that is not our service')).toBe('wrong-department');
  });
  it('answers a question that shares only everyday words with a case with nothing', () => {
    expect(kb.search('the printer is broken again', 3)).toEqual([]);
    expect(kb.search('the coffee machine is broken', 3)).toEqual([]);
    // The lexical floor still refuses it; the learned model (sure of unclear-bill at 0.77, over its rescue
    // threshold 0.5 chosen by cross-validation) answers it: a known cost of the fusion, see the round-8 note.
    expect(lexical.search('who pays the electricity bill for the office', 3)).toEqual([]);
    // …while the same everyday word with the case's own words still finds it.
    expect(top('my phone is broken again')).toBe('handset-warranty');
  });
  it('answers off-topic text with nothing', () => {
    expect(kb.search('zxqv blorf', 3)).toEqual([]);
    expect(kb.search('   ', 3)).toEqual([]);
  });
  it('ranks best first and never returns more than asked', () => {
    const hits = kb.search('充值没到账', 3);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
});
