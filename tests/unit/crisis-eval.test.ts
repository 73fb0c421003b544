import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCrisis, formatCrisisEval, readCrisisSet } from '../../bench/crisis-eval.js';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import type { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

const EVAL_DIR = new URL('../fixtures/crisis-eval/', import.meta.url).pathname;

// dev, holdout and holdout2 were written by someone who had not seen the code (README.md); dev
// was used to develop the rules, the holdout sets were only measured (their items never read).
// team is the calm engineer's own regression set; probe is the i10-crisis2 engineer's own
// (batch 1 written before the safety net: 77.7 % -> 97.1 %; later batches tuned on). Missing a
// crisis is far worse than a false alarm, hence the asymmetry. The goal is recall >= 95 %
// everywhere; the holdout sets are not there yet, so their thresholds are floors at what the
// rules reach, to be raised as the rules improve, never by editing a set. Round 3 (concept grammar,
// homophone repair): holdout 84.3 % -> 87.1 % (zh-CN 78.6 %, en 91.7 %, zh-TW 94.4 %), holdout2
// 72.2 % -> 75.6 % (zh-CN 83.3 %, en 71.0 %, zh-TW 69.6 %). dev2 is the round-3 engineer's set (batch 1 measured blind on the old rules at
// 72.6 %, then tuned on), kept as a regression floor at what the rules reach.
// Round 4 ships the learned second opinion (src/calm/crisis-model.ts), asked only when the rules find
// nothing; it trades a few false alarms for recall by design (budget: rules+model false alarms <= 8 % in
// leave-one-file-out cross-validation). dev3 came from a different writer and was measured blind on arrival
// (rules 80.4 % recall / 5.5 % false alarms, rules+model 94.1 % / 7.1 %, see its header), then trained and
// widened on by concept. Holdout, rules alone -> shipped: 88.6 % -> 94.3 % recall (false alarms 4.4 %);
// holdout2 77.8 % -> 93.3 % (false alarms 3.3 %). The floors below are those figures.
// Round 5: round5 is the round-5 engineer's set aimed at the blind measurement's weak spots (BPO and young
// staff's English, emoji, passive wishes, colleagues' threats, mixed Chinese-English) and hard negatives;
// before the changes it measured 95.4 % recall / 14.3 % false alarms (rules 80.5 % / 12.7 %), see its header.
// The model is no longer asked where the rules explained the words away (hyperbole, negation, a laugh):
// holdout false alarms 4.4 % -> 2.2 %, holdout2 3.3 % -> 1.7 %, recall unchanged. dev4 (a fresh writer) measured
// untouched 83.3 % recall / 5.6 % false alarms (the gap: the writer meaning to hurt someone, 37 % caught), then
// 100 % / 2.8 % after the harm-others concept; holdout2 recall 93.3 % -> 94.4 % (en 83.9 % -> 87.1 %).
// Round 5, dialects: dialect is the crisis2 engineer's set (Cantonese-flavoured and Sichuan Mandarin, Malaysian
// and Indian English, hard negatives); batch 1 measured 59.5 % recall / 11.1 % false alarms on the rules before
// regional forms were read as standard ones (crisis-dialect.ts), 100 % / 0 % after. The model is retrained on
// dev4 and round5 too (not dialect, which stays unseen by it) with the threshold chosen knowing it is not asked
// where the rules explained words away, and above every /calm menu word: holdout 94.3 % -> 95.7 %, holdout2
// 94.4 % -> 96.7 % recall, false alarms unchanged (2.2 %, 1.7 %).
// Round 6: round6 is the English engineer's own set (English only), written in eight batches from the blind
// measurement's English personas and hard negatives; each batch was measured before use (figures in its header:
// rules + model 95.2 % / 10.3 %, 76.7 % / 18.8 %, 79.2 % / 17.8 %, 84.2 % / 21.1 %, 88.9 % / 20.0 %, 80.0 % / 14.7 %, 100 % / 23.3 %, 86.7 % / 11.8 % recall / false alarms), then tuned on.
// dev5 is a fresh writer's round-6 set (couriers, card-centre agents, Singapore English, Northeast and Taiwan
// Mandarin, voice input). Its labels are about the writer only: a customer's threat against the worker is `none`
// there, and `threat` is the writer meaning to hurt someone (answered `self`, so kind is low). Measured untouched on
// arrival, rules + model: on main (fbef2ee) 90.7 % recall / 16.7 % false alarms (en 89.5 % / 20.0 %, zh-CN 90.7 % /
// 10.3 %, zh-TW 92.6 % / 22.2 %); on the round-6 English rules before reading it 91.7 % / 15.3 % (en 92.1 % / 16.0 %).
// Then its English items were used (a customer's threat the writer already reported is a work report, not a crisis);
// with the round-6 Chinese rules merged: 100 % recall / 2.8 % false alarms (en 100 % / 0 %, zh-CN 3.4 %, zh-TW 5.6 %).
// Round 7: zh7 is the Chinese crisis engineer's own set (Taiwan, Hokkien and Cantonese wording, net slang, a badge and keys
// left with thanks for the years, hard negatives), measured before use: recall 95.0 / 91.7 / 92.9 / 94.1 / 97.0 / 88.5 / 80.0 / 84.6 %, false alarms
// 14.5 / 16.7 / 8.7 / 4.5 / 46.7 / 7.1 / 18.2 / 7.7 % for its eight batches (see its header), then tuned on.
// Round 7: round7 is the round-7 English engineer's own set (English only: US, UK, Irish, NZ, African and Asian English;
// dissociative and goodbye wording, euphemisms, passive wishes, jokes that hide intent, the writer's threats) with hard
// negatives, written before reading the rules and measured per batch before use (figures in its header: rules + model
// 90.6 % / 11.7 % and 72.5 % / 14.3 % recall / false alarms on arrival), then tuned on by concept.
// dev6 is a fresh writer's round-7 DEV set (food-delivery and ride-hailing support, Henan/Shandong Mandarin, US call-centre
// English with chat abbreviations, Taiwanese telecom stores, net slang), copied with its header; labels as in dev5 (a
// customer's threat the worker reports is `none`; `threat` is the writer meaning to hurt someone, answered `self`).
// Measured untouched on arrival on main (7897e48), rules + model: 90.7 % recall / 12.5 % false alarms (en 86.8 % / 8.0 %,
// zh-CN 90.7 % / 17.2 %, zh-TW 96.3 % / 11.1 %); rules alone 72.2 % / 9.7 % (en 71.1 % / 8.0 %). On the round-7 English
// rules before reading it: en 89.5 % / 8.0 % (rules alone 73.7 %). Its English items were then used: en 100 % / 0 %.
// Merged with the round-7 Chinese rules and retrained model: 99.1 % / 4.2 % (zh-CN 97.7 % / 6.9 %, zh-TW 100 % / 5.6 %).
// Its Chinese items are the round-7 Chinese engineer's; the whole-file and per-language floors below are set at what
// the Chinese rules reached before that work, so this test does not depend on it; English has its own, tighter floor.
// Round 8 retrained the model with the stable recipe (weights averaged over the last epochs, bench/crisis-model.ts).
// zh7 and round7 are not trained on, and their hard negatives had been tuned around the round-7 weights: zh7 moved
// from 99.0 % recall / 4.2 % false alarms (zh-CN 5.0 %) to 99.3 % / 7.4 % (zh-CN 9.9 %), round7 from 99.3 % / 1.5 %
// to 99.3 % / 3.0 %, dev6 from 99.1 % to 100 % recall at 4.2 % false alarms. Their false-alarm floors are those figures.
// Round 8: en8 is the round-8 English engineer's own set (English only; personas beyond earlier rounds, future absence said
// as a goodbye, protective factors after venting, game slang, insurance and hospital words), written before reading the
// rules and measured per batch on arrival (rules + model 90.0 % / 10.0 %, 90.0 % / 10.0 %, 91.1 % / 17.8 % recall / false
// alarms, see its header), then tuned on by concept. dev7 is a fresh writer's round-8 DEV set, copied by the lead with its
// header; its English part measured untouched on arrival on 900f3ba: rules + model 76.3 % recall / 14.3 % false alarms
// (rules alone 65.8 % / 7.1 %), then its English items were used. From round 8 a customer's threat to the worker's own
// safety is `threat` in every set, reported or not (README); the nine items labelled `none` by earlier writers were relabelled.
// Round 8: zh8 is the Chinese crisis engineer's own set (bank, insurance and hospital-line staff, Northeastern, Wu and
// Xiang/Gan Mandarin, older Taiwan staff with Zhuyin slips, input-method homophones, night shifts, jokes taken back with
// "but", with everyday twins), measured before use: recall 92.2 / 94.6 / 96.7 / 93.3 %, false alarms 22.4 / 29.0 / 42.9 /
// 28.0 % for its four batches (most false alarms the model's), then tuned on. dev7 is a fresh writer's round-8 DEV set
// (labels as in dev5), measured untouched on arrival on main (900f3ba): recall 89.1 % / false alarms 15.0 % (zh-CN 93.2 % /
// 12.5 %, zh-TW 100 % / 20.0 %); its Chinese items were then used by the Chinese engineer (zh-CN and zh-TW floors below).
// Round 9: en9 is the round-9 English engineer's own set (English only; Kenyan, Jamaican, Texan, Nigerian, Scottish, South
// African, Ghanaian, Irish and Northern English, learners' calques, dictation homophones, emoji, carers, debt, breakups,
// passive wishes, future absence, threats outside work), batch 1 written before reading the rules; measured per batch on
// arrival (rules + model 90.2 % / 15.4 % and 86.7 % / 22.2 % recall / false alarms, see its header), then tuned on by
// concept; batches 4 and 6 (more personas) arrived at 78.0 % / 31.4 % and 82.8 % / 30.0 %. After all six: rules alone
// 98.8 % / 0.7 %, rules + model 98.8 % / 8.9 % (most false alarms the model's); trained on by the model since the round-9 merge.
// Round 9: zh9 is the Chinese crisis engineer's own set (Minnan, Shandong, Guangxi, Henan, Tianjin, Hubei, Shaanxi, Yunnan
// Mandarin, Taiwanese in characters, store clerks and riders, net slang, dictated text, emoji, a goodbye said as "don't roster
// me", with everyday twins), measured before use: rules + model 95.6 / 86.8 % recall, 36.1 / 21.4 % false alarms for its
// two batches (rules alone 88.9 / 50.0 %, 36.1 / 10.7 %), then tuned on.
const SETS: Record<
  string,
  {
    recall: number;
    perLanguage: number;
    kind: number;
    falseAlarms: number;
    langs?: readonly string[];
    /** Recall counting the /calm safety question (blind sets), and the most everyday items it may be asked on. */
    withQuestion?: { recall: number; askedOnEveryday: number };
    /** Tighter floors for one language of a mixed set. */
    byLang?: Readonly<Record<string, { recall: number; falseAlarms: number }>>;
  }
> = {
  dev: { recall: 0.95, perLanguage: 0.9, kind: 0.9, falseAlarms: 0.15 },
  team: { recall: 0.95, perLanguage: 0.9, kind: 0.9, falseAlarms: 0.15 },
  probe: { recall: 0.95, perLanguage: 0.95, kind: 0.9, falseAlarms: 0.1 },
  // dev2 false alarms 0.05 → 0.07 in round 10: with menu words no longer setting the model's threshold (0.4123 → 0.4271
  // is the venting budget's own), dev2's English everyday items went 5.0 → 6.5 % (7/108) while blind recall rose 2–4 pts.
  // Round 15 (17 more writers' dev sets trained on, venting budget 12 → 16 %, threshold 0.4119 → 0.3964): false alarms
  // rose on some older sets in one language (most: en9 English 10 → 17.8 %, holdout8 English
  // 21 → 24 %; also dev2, en8, zh8, zh9, dev14–dev16, dev20–dev23, holdout7, holdout10), a few floors of sets trained on
  // moved by an item, while blind recall rose (holdout13–18 pooled 92.7 → 93.9 %,
  // false alarms 6.7 → 5.8 %; holdout5–12 93.8 → 94.6 %, 11.7 → 12.6 %). Their floors and ceilings follow.
  // Round 14, second pass (dev22–dev25 trained on too, threshold 0.4119): dev10 recall one item lower, dev13 and dev18 self/threat kind
  // one item lower, dev15 and dev17 false alarms one or two items higher, holdout4 and holdout12 zh-TW one everyday item more,
  // holdout10 one more safety question; blind recall rose (holdout13–18 pooled 91.4 → 92.7 %, false alarms 6.4 → 6.7 %). Floors follow.
  // Round 14 (every dev set trained on, 12 % venting budget, threshold 0.4271 → 0.4153): dev2 English everyday 6.5 → 12.0 %
  // (13/108), round5 3.4 %, zh8 zh-TW 8.9 %, zh9 zh-CN 7.8 %, while false alarms on the blind sets fell (holdout13–18 pooled
  // 7.3 → 6.4 %); their ceilings follow.
  dev2: { recall: 0.99, perLanguage: 0.99, kind: 0.95, falseAlarms: 0.16 },
  dev3: { recall: 0.99, perLanguage: 0.98, kind: 0.95, falseAlarms: 0.05 },
  round5: { recall: 0.99, perLanguage: 0.99, kind: 0.95, falseAlarms: 0.04 },
  // dev4's `threat` is the writer meaning to hurt someone, answered `self` by design (see its header): kind is low.
  dev4: { recall: 0.99, perLanguage: 0.99, kind: 0.75, falseAlarms: 0.05 },
  dialect: { recall: 0.99, perLanguage: 0.99, kind: 0.95, falseAlarms: 0.05 },
  dev5: { recall: 0.99, perLanguage: 0.99, kind: 0.75, falseAlarms: 0.06 },
  zh7: { recall: 0.98, perLanguage: 0.97, kind: 0.95, falseAlarms: 0.1, langs: ['zh-CN', 'zh-TW'] },
  round6: { recall: 0.98, perLanguage: 0.98, kind: 0.9, falseAlarms: 0.03, langs: ['en'] },
  // round7's `threat` includes the writer meaning to hurt someone (answered `self`), hence kind 0.85.
  // dev6 kind 0.8 → 0.78 in round 9: the Chinese rules now catch more of its `threat` items (the writer meaning to hurt
  // someone), answered `self` by design.
  dev6: { recall: 0.93, perLanguage: 0.88, kind: 0.78, falseAlarms: 0.2, byLang: { en: { recall: 0.97, falseAlarms: 0.05 } } },
  round7: { recall: 0.98, perLanguage: 0.98, kind: 0.85, falseAlarms: 0.031, langs: ['en'] },
  en8: { recall: 0.98, perLanguage: 0.98, kind: 0.9, falseAlarms: 0.072, langs: ['en'] },
  en9: { recall: 0.98, perLanguage: 0.98, kind: 0.95, falseAlarms: 0.185, langs: ['en'] },
  zh8: { recall: 0.985, perLanguage: 0.98, kind: 0.95, falseAlarms: 0.134, langs: ['zh-CN', 'zh-TW'] },
  zh9: { recall: 0.98, perLanguage: 0.97, kind: 0.95, falseAlarms: 0.115, langs: ['zh-CN', 'zh-TW'] },
  // dev7's `threat` is the writer meaning to hurt someone (answered `self`), as in dev5 and dev6; English and Chinese
  // floors are each language engineer's after-figures, the whole file at what the check reached on arrival. After the
  // merged retrain: 99.1 % / 1.3 % (en 100 / 3.7, zh-CN 97.7 / 0, zh-TW 100 / 0); zh8 99.0 % / 4.4 % (zh-CN 5.3 %).
  dev7: {
    recall: 0.89,
    perLanguage: 0.76,
    kind: 0.75,
    falseAlarms: 0.15,
    byLang: { en: { recall: 0.97, falseAlarms: 0.05 }, 'zh-CN': { recall: 0.97, falseAlarms: 0.05 }, 'zh-TW': { recall: 0.98, falseAlarms: 0.05 } },
  },
  // dev8: a fresh writer's round-9 DEV set (Gen Z slang, Henan/Tianjin/Cantonese Mandarin, Taiwan riders, Nigerian and
  // Scottish English), measured untouched on arrival on main 7ac04a6: rules + model 91.5 % / 9.0 % (en 84.3 %, rules alone
  // 62.3 %), then tuned on by both engineers and trained on: 99.2 % / 0 % after the merged retrain.
  dev8: { recall: 0.98, perLanguage: 0.97, kind: 0.95, falseAlarms: 0.05 },
  // dev10–dev12: round 13, three fresh code-blind writers' sets, measured untouched on arrival on 14cfb73 (rules + model):
  // dev10 89.4 % / 29.2 %, dev11 89.9 % / 22.3 %, dev12 85.9 % / 9.2 % (headers); then used to write rules, not trained on
  // (bench/crisis-model.ts CRISIS_TRAINING_FILES): 95.6 / 30.0, 93.3 / 23.1, 94.8 / 9.2 (en 92.1). Their everyday items are
  // look-alikes written to share the danger words, hence the false alarms. Floors one item under.
  dev10: { recall: 0.94, perLanguage: 0.94, kind: 0.95, falseAlarms: 0.31, langs: ['zh-CN'] },
  dev11: { recall: 0.925, perLanguage: 0.925, kind: 0.95, falseAlarms: 0.24, langs: ['zh-TW'] },
  dev12: { recall: 0.94, perLanguage: 0.9, kind: 0.95, falseAlarms: 0.15 },
  // dev13, dev14: round 13, two code-blind writers' English sets (dev14 with an everyday twin for each danger item), measured
  // untouched on arrival on 14cfb73: 85.0 % / 13.3 % and 91.1 % / 25.0 % (headers); then used to write English rules, not
  // trained on: 95.7 / 11.7 and 98.4 / 25.0. Floors one item under.
  dev13: { recall: 0.95, perLanguage: 0.95, kind: 0.94, falseAlarms: 0.134, langs: ['en'] },
  dev14: { recall: 0.975, perLanguage: 0.975, kind: 0.95, falseAlarms: 0.273, langs: ['en'] },
  // dev15–dev21: round 14, seven more code-blind writers' DEV sets (headers: figures on arrival, 75.5–92.0 %), read to write
  // rules and trained on (from round 14 every dev set is). After the round: 97.3–100 % recall. Floors one item under, false
  // alarms one item over in the worst language.
  dev15: { recall: 0.98, perLanguage: 0.98, kind: 0.96, falseAlarms: 0.12, langs: ['en'] },
  dev16: { recall: 0.966, perLanguage: 0.966, kind: 0.96, falseAlarms: 0.1, langs: ['zh-TW'] },
  dev17: { recall: 0.993, perLanguage: 0.993, kind: 0.97, falseAlarms: 0.1, langs: ['zh-CN'] },
  dev18: { recall: 0.984, perLanguage: 0.984, kind: 0.96, falseAlarms: 0.094, langs: ['en'] },
  dev19: { recall: 0.984, perLanguage: 0.96, kind: 0.96, falseAlarms: 0.134, langs: ['zh-TW', 'en'] },
  dev20: { recall: 0.98, perLanguage: 0.98, kind: 0.93, falseAlarms: 0.137, langs: ['en'] },
  dev21: { recall: 0.974, perLanguage: 0.961, kind: 0.96, falseAlarms: 0.23, langs: ['zh-CN', 'zh-TW'] },
  // dev22–dev25: round 14, second pass, four more writers' DEV sets, measured on arrival (headers), trained on without being
  // read for rules; their figures are the model's fit (88–97 %).
  dev22: { recall: 0.928, perLanguage: 0.928, kind: 0.94, falseAlarms: 0.165, langs: ['en'] },
  dev23: { recall: 0.929, perLanguage: 0.929, kind: 0.95, falseAlarms: 0.148, langs: ['zh-CN'] },
  dev24: { recall: 0.967, perLanguage: 0.967, kind: 0.95, falseAlarms: 0.211, langs: ['zh-TW'] },
  dev25: { recall: 0.883, perLanguage: 0.883, kind: 0.94, falseAlarms: 0.127, langs: ['en'] },
  // dev26–dev37: round 15, twelve more writers' DEV sets, measured on arrival (headers: 86.0–95.6 %), trained on without being
  // read for rules; their figures are the model's fit.
  dev26: { recall: 0.954, perLanguage: 0.954, kind: 0.94, falseAlarms: 0.2, langs: ['en'] },
  dev27: { recall: 0.955, perLanguage: 0.955, kind: 0.98, falseAlarms: 0.218, langs: ['en'] },
  dev28: { recall: 0.961, perLanguage: 0.961, kind: 0.97, falseAlarms: 0.222, langs: ['zh-TW'] },
  dev29: { recall: 0.954, perLanguage: 0.942, kind: 0.96, falseAlarms: 0.216, langs: ['zh-TW', 'en'] },
  dev30: { recall: 0.967, perLanguage: 0.967, kind: 0.97, falseAlarms: 0.094, langs: ['zh-CN'] },
  dev31: { recall: 0.987, perLanguage: 0.963, kind: 0.97, falseAlarms: 0.167 },
  dev32: { recall: 0.891, perLanguage: 0.891, kind: 0.97, falseAlarms: 0.226, langs: ['en'] },
  dev33: { recall: 0.941, perLanguage: 0.933, kind: 0.97, falseAlarms: 0.08, langs: ['zh-CN', 'zh-TW'] },
  dev34: { recall: 0.955, perLanguage: 0.903, kind: 0.96, falseAlarms: 0.138 },
  dev35: { recall: 0.935, perLanguage: 0.905, kind: 0.96, falseAlarms: 0.177 },
  dev36: { recall: 0.948, perLanguage: 0.948, kind: 0.95, falseAlarms: 0.086, langs: ['zh-CN'] },
  dev37: { recall: 0.962, perLanguage: 0.962, kind: 0.97, falseAlarms: 0.12, langs: ['en'] },
  dev38: { recall: 0.934, perLanguage: 0.934, kind: 0.93, falseAlarms: 0.217, langs: ['en'] },
  dev39: { recall: 0.961, perLanguage: 0.961, kind: 0.97, falseAlarms: 0.266, langs: ['en'] },
  dev40: { recall: 0.961, perLanguage: 0.961, kind: 0.96, falseAlarms: 0.127, langs: ['zh-TW'] },
  dev41: { recall: 0.921, perLanguage: 0.921, kind: 0.93, falseAlarms: 0.227, langs: ['zh-CN'] },
  dev42: { recall: 0.916, perLanguage: 0.916, kind: 0.94, falseAlarms: 0.232, langs: ['en'] },
  holdout: { recall: 0.95, perLanguage: 0.92, kind: 0.9, falseAlarms: 0.15 },
  holdout2: { recall: 0.96, perLanguage: 0.93, kind: 0.9, falseAlarms: 0.15 },
  // holdout3: the round-9 blind set, measured once on arrival and never read (header): 87.3 % recall / 7.5 % false alarms
  // after the round-9 merge (88.2 / 8.8 on main before it); round 10 (menu words kept from the model): 91.8 / 7.5.
  // Round 10 then READ its misses (no longer blind): English and Chinese rules for what they showed (crisis-means.en.ts,
  // crisis-carers.zh.ts), 96.4 → 98.2 / 7.5. Round 14 (new threshold and training): 97.3 / 7.5 (zh-TW 3 of 20).
  holdout3: { recall: 0.97, perLanguage: 0.92, kind: 0.95, falseAlarms: 0.16 },
  // holdout4: a second round-9 blind set (another writer), measured on main and on the merge, never read (header):
  // 87.3 % recall both times, false alarms 19.1 → 14.5 %; round 10 (menu words kept from the model): 88.7 / 15.5
  // (zh-TW false alarms 4 → 5 of 27). Round 10 then READ its misses, like holdout3's: 92.7 → 94.7 / 15.5. Floors just under.
  holdout4: { recall: 0.94, perLanguage: 0.9, kind: 0.95, falseAlarms: 0.23 },
  // holdout5: the round-10 blind set (en and zh-TW only), never read (header): 67.6 % on main at the start of round 10,
  // 74.3 % / 14.7 % now (en 67.1 %, zh-TW 88.6 % with 28 % false alarms); 85.7 % counting the safety question.
  // Floors just under what it measures: far from the 95 % goal, which is why issue 10 stays open.
  // holdout6: a second round-10 blind set (another writer), measured once at the end of the round, never read (header):
  // 88.6 % → 89.9 % recall over the round, false alarms 25.5 → 27.5 % (most from the rules); 94.9 % with the safety question.
  // With the safety question (asked where the model is unsure, or where the rules explained the words away and the model
  // would have alarmed): holdout5 90.5 %, holdout6 96.2 %, holdout7 98.2 %, asked on 9–10 % of their everyday items.
  holdout6: {
    recall: 0.89,
    perLanguage: 0.83,
    kind: 0.95,
    falseAlarms: 0.34,
    byLang: { 'zh-TW': { recall: 0.95, falseAlarms: 0.4 } },
    withQuestion: { recall: 0.96, askedOnEveryday: 0.12 },
  },
  holdout5: {
    recall: 0.74,
    perLanguage: 0.67,
    kind: 0.95,
    falseAlarms: 0.15,
    langs: ['en', 'zh-TW'],
    byLang: { 'zh-TW': { recall: 0.88, falseAlarms: 0.29 } },
    withQuestion: { recall: 0.9, askedOnEveryday: 0.12 },
  },
  // holdout7: the third round-10 blind set, arrived late, measured only at the end of the round, never read (header):
  // 83.2 → 86.7 % recall over the round (en 70.0 %), false alarms 9.1 → 11.7 %; 98.2 % with the safety question.
  // Round 14: 92.0 % / 9.1 %, 97.3 % with the safety question (asked on 1.3 %).
  holdout7: { recall: 0.91, perLanguage: 0.7, kind: 0.95, falseAlarms: 0.178, withQuestion: { recall: 0.97, askedOnEveryday: 0.12 } },
  // holdout8–holdout10: round 13, three fresh code-blind writers (en, zh-CN, zh-TW; 180 items each), never read (headers).
  // On arrival on 14cfb73: 95.2 / 91.4 / 87.6 % recall, false alarms 12.0 / 16.0 / 9.3 %; at the end of round 13:
  // 97.1 / 92.4 / 90.5 %, false alarms 12.0 / 16.0 / 9.3 %; with the safety question 99.0 / 96.2 / 98.1 %. They also
  // decided one thing: not to train on dev10–dev12 (CRISIS_TRAINING_FILES). Floors one item under.
  holdout8: { recall: 0.96, perLanguage: 0.91, kind: 0.95, falseAlarms: 0.13, byLang: { en: { recall: 0.91, falseAlarms: 0.28 } }, withQuestion: { recall: 0.98, askedOnEveryday: 0.11 } },
  holdout9: { recall: 0.91, perLanguage: 0.85, kind: 0.95, falseAlarms: 0.17, byLang: { 'zh-TW': { recall: 0.85, falseAlarms: 0.25 } }, withQuestion: { recall: 0.95, askedOnEveryday: 0.14 } },
  holdout10: { recall: 0.89, perLanguage: 0.85, kind: 0.95, falseAlarms: 0.13, byLang: { 'zh-TW': { recall: 0.85, falseAlarms: 0.17 } }, withQuestion: { recall: 0.97, askedOnEveryday: 0.16 } },
  // holdout11, holdout12: two more round-13 blind writers (en, zh-CN, zh-TW; 150 items each), written after the round's last
  // rule, measured once on 14cfb73 and once at the end (headers), never read and part of no choice: 94.4 → 95.6 % and 95.6 →
  // 95.6 % recall, false alarms 8.3 / 1.7 %, 100 % with the safety question. holdout12's self/threat kind is 90.7 %. Floors one item under.
  holdout11: { recall: 0.944, perLanguage: 0.86, kind: 0.95, falseAlarms: 0.1, byLang: { en: { recall: 0.93, falseAlarms: 0.2 } }, withQuestion: { recall: 0.98, askedOnEveryday: 0.15 } },
  holdout12: { recall: 0.944, perLanguage: 0.89, kind: 0.89, falseAlarms: 0.11, withQuestion: { recall: 0.98, askedOnEveryday: 0.15 } },
  // holdout13–holdout18: round 14, six more code-blind writers' blind sets (150 items each), copied unread, measured on arrival
  // on e638356 and at the end of the round, part of no choice. On arrival 86.3 / 87.4 / 86.5 / 86.3 / 82.3 / 91.6 % recall
  // (pooled 86.7 %, English 82.6 %), false alarms 7.3 % pooled; after the first pass (0a46b07) 91.4 % pooled; at the end
  // (the model also trained on dev22–dev25) 89.5 / 93.7 / 92.7 / 92.6 / 92.7 / 94.7 % (pooled 92.7 %, English 91.8 %,
  // zh-CN 94.8 %, zh-TW 92.4 %), false alarms 6.7 % pooled; 98.4 % pooled with the safety question. holdout19, holdout20:
  // two more, written during the second pass: 89.6 / 93.7 % on e638356, 93.8 / 95.8 % on 0a46b07, 93.8 / 96.8 % at the end
  // (false alarms 7.4 / 5.5 %). Round 15 (17 more writers' dev sets trained on, 16 % venting budget, threshold 0.3964):
  // 93.7 / 94.7 / 90.6 / 95.8 / 94.8 / 93.7 % (pooled 93.9 %, English 93.1 %, zh-CN 94.8 %, zh-TW 94.7 %), false alarms
  // 5.8 % pooled; holdout19, holdout20 93.8 / 94.7 %. holdout21–holdout27: round 15, seven more blind writers, copied unread,
  // part of no choice: on arrival (c9fd8cf) 94.7 / 93.7 / 94.8 / 96.9 / 98.9 / 95.8 / 98.9 % (pooled 96.3 %), at the end
  // 95.8 / 94.7 / 95.8 / 95.8 / 100 / 99.0 / 98.9 % (pooled 97.2 %: English 96.3 %, zh-CN 99.5 %, zh-TW 96.1 %), false
  // alarms 4.5 → 4.2 % pooled. Floors at the end of round 15, one item under; false alarms one item over in the worst
  // language (7–40 everyday items per language).
  holdout13: { recall: 0.926, perLanguage: 0.875, kind: 0.96, falseAlarms: 0.167, withQuestion: { recall: 0.989, askedOnEveryday: 0.091 } },
  holdout14: { recall: 0.936, perLanguage: 0.875, kind: 0.95, falseAlarms: 0.112, withQuestion: { recall: 0.989, askedOnEveryday: 0.11 } },
  holdout15: { recall: 0.895, perLanguage: 0.843, kind: 0.95, falseAlarms: 0.223, withQuestion: { recall: 0.979, askedOnEveryday: 0.093 } },
  holdout16: { recall: 0.947, perLanguage: 0.75, kind: 0.96, falseAlarms: 0.25, withQuestion: { recall: 0.968, askedOnEveryday: 0.128 } },
  holdout17: { recall: 0.937, perLanguage: 0.906, kind: 0.93, falseAlarms: 0.167, withQuestion: { recall: 0.989, askedOnEveryday: 0.149 } },
  holdout18: { recall: 0.926, perLanguage: 0.888, kind: 0.95, falseAlarms: 0.2, withQuestion: { recall: 0.989, askedOnEveryday: 0.091 } },
  holdout19: { recall: 0.927, perLanguage: 0.812, kind: 0.97, falseAlarms: 0.223, withQuestion: { recall: 0.958, askedOnEveryday: 0.075 } },
  holdout20: { recall: 0.936, perLanguage: 0.894, kind: 0.99, falseAlarms: 0.182, withQuestion: { recall: 0.989, askedOnEveryday: 0.128 } },
  holdout21: { recall: 0.947, perLanguage: 0.866, kind: 0.97, falseAlarms: 0.059, withQuestion: { recall: 0.978, askedOnEveryday: 0.11 } },
  holdout22: { recall: 0.936, perLanguage: 0.84, kind: 0.96, falseAlarms: 0.228, withQuestion: { recall: 0.978, askedOnEveryday: 0.055 } },
  holdout23: { recall: 0.947, perLanguage: 0.906, kind: 0.99, falseAlarms: 0.223, withQuestion: { recall: 0.958, askedOnEveryday: 0.038 } },
  holdout24: { recall: 0.947, perLanguage: 0.843, kind: 0.97, falseAlarms: 0.112, withQuestion: { recall: 0.958, askedOnEveryday: 0.038 } },
  holdout25: { recall: 0.989, perLanguage: 0.937, kind: 0.97, falseAlarms: 0.112, withQuestion: { recall: 0.989, askedOnEveryday: 0.037 } },
  holdout26: { recall: 0.979, perLanguage: 0.937, kind: 0.99, falseAlarms: 0.056, withQuestion: { recall: 0.979, askedOnEveryday: 0.038 } },
  holdout27: { recall: 0.978, perLanguage: 0.916, kind: 0.97, falseAlarms: 0.25, withQuestion: { recall: 0.978, askedOnEveryday: 0.11 } },
  // dev43: written to a DEV brief but arrived after the round's last training, so measured only (never read or trained on).
  dev43: { recall: 0.916, perLanguage: 0.88, kind: 0.92, falseAlarms: 0.3 },
};

let detector: CrisisDetector;
beforeAll(async () => {
  detector = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files).crisis;
});

describe('/calm crisis check on labelled phrasings', () => {
  it.each(Object.entries(SETS))('%s set meets its thresholds', (name, t) => {
    const items = readCrisisSet(`${EVAL_DIR}phrasings.${name}.yaml`);
    const result = evaluateCrisis(detector, items);
    console.log(formatCrisisEval(name, result));
    const { all, byLang } = result;
    expect(all.danger).toBeGreaterThanOrEqual(60);
    expect(all.none).toBeGreaterThanOrEqual(40);
    expect(all.caught / all.danger).toBeGreaterThanOrEqual(t.recall);
    expect(all.rightKind / all.caught).toBeGreaterThanOrEqual(t.kind);
    if (t.withQuestion) {
      expect((all.caught + all.checkedIn) / all.danger, `${name} recall with the safety question`).toBeGreaterThanOrEqual(t.withQuestion.recall);
      expect(all.checkInsOnEveryday / all.none, `${name} safety question on everyday items`).toBeLessThanOrEqual(t.withQuestion.askedOnEveryday);
    }
    for (const [lang, tally] of Object.entries(byLang)) {
      const floor = t.byLang?.[lang] ?? { recall: t.perLanguage, falseAlarms: t.falseAlarms };
      expect(tally.caught / tally.danger, `${name} ${lang} recall`).toBeGreaterThanOrEqual(floor.recall);
      expect(tally.falseAlarms / tally.none, `${name} ${lang} false alarms`).toBeLessThanOrEqual(floor.falseAlarms);
    }
  });

  it('has its languages (all three unless the set says otherwise) and both kinds of danger in every set', () => {
    for (const [name, t] of Object.entries(SETS)) {
      const items = readCrisisSet(`${EVAL_DIR}phrasings.${name}.yaml`);
      expect(new Set(items.map((i) => i.lang)), name).toEqual(new Set(t.langs ?? ['zh-CN', 'zh-TW', 'en']));
      expect(new Set(items.map((i) => i.label)), name).toEqual(new Set(['self', 'threat', 'none']));
    }
  });
});
