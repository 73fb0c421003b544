import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE_ROWS, knowledgeRows, readRows, SEARCH_TRAINING_FILES, SHIPPED_TRAINING, sparse, train, type Row } from '../../bench/search-model.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import { fuseRankings } from '../../src/knowledge/search-fusion.js';
import { OFF_TOPIC, SearchModel, SearchModelFile, searchFeaturesOf, type FusionSettings } from '../../src/knowledge/search-model.js';
import { shippedSearchModelPath } from '../../src/knowledge/shipped-search-model.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

const row = (q: string, expect: string[], file = 'a'): Row => ({ file, q, lang: 'en', expect, features: searchFeaturesOf(q) });
const ROWS: Row[] = [
  row('parcel is late', ['parcel-delayed']),
  row('where is my parcel', ['parcel-delayed']),
  row('快递还没到', ['parcel-delayed']),
  row('data is so slow', ['unlimited-plan-throttling']),
  row('不限量降速了', ['unlimited-plan-throttling']),
  row('what time is lunch', []),
  row('午饭吃什么', []),
];
const FUSION: FusionSettings = { modelWeight: 0.5, rescueAt: 0.6, rejectAt: 0.9 };
const modelOf = (rows: readonly Row[], fusion = FUSION) => new SearchModel({ ...sparse(train(rows, SHIPPED_TRAINING), 0.02), fusion, about: {} });

describe('search model features', () => {
  it('reads Traditional as Simplified and Taiwan wording as the Mainland words too', () => {
    // Typed in Traditional it is also read as Taiwan wording (an extra reading), so it has every feature of the Simplified.
    expect(searchFeaturesOf('包裹延遲')).toEqual(expect.arrayContaining(searchFeaturesOf('包裹延迟')));
    expect(searchFeaturesOf('吃到飽降速')).toEqual(expect.arrayContaining(['h不限量']));
  });
  it('stems English words and adds the words of the synonym groups a query uses', () => {
    expect(searchFeaturesOf('parcels delayed')).toEqual(expect.arrayContaining(['wparcel', 'wdelai', 'bparcel delai']));
    expect(searchFeaturesOf('money back').some((f) => f.startsWith('sw'))).toBe(true);
  });
});

describe('search model training (bench/search-model.ts)', () => {
  it('trains the same weights every time (seeded shuffle)', () => {
    expect(JSON.stringify(sparse(train(ROWS, SHIPPED_TRAINING), 0.02))).toEqual(JSON.stringify(sparse(train(ROWS, SHIPPED_TRAINING), 0.02)));
  });
  it('learns a paraphrase it never saw from the words it shares', () => {
    const opinion = modelOf(ROWS).opinion('my parcels are late again', () => true);
    expect([...opinion.cases].sort((a, b) => b[1] - a[1])[0]![0]).toBe('parcel-delayed');
  });
  it('ignores a class the knowledge base no longer has: its probability lifts no other case', () => {
    const model = modelOf(ROWS);
    const all = model.opinion('where is my parcel', () => true);
    const without = model.opinion('where is my parcel', (id) => id !== 'parcel-delayed');
    expect(without.cases.has('parcel-delayed')).toBe(false);
    expect(without.cases.get('unlimited-plan-throttling')).toBe(all.cases.get('unlimited-plan-throttling'));
  });
  it('has nothing to say about an empty query', () => {
    expect(modelOf(ROWS).opinion('  ', () => true)).toEqual({ cases: new Map(), offTopic: 1 });
  });
});

describe('fusing the lexical ranking with the model (search-fusion.ts)', () => {
  const hits = [
    { id: 'a', score: 100 },
    { id: 'b', score: 90 },
  ];
  const opinion = (cases: Record<string, number>, offTopic = 0) => ({ cases: new Map(Object.entries(cases)), offTopic });
  it('promotes the case lexical ranks second when the model is sure of it', () => {
    expect(fuseRankings({ hits, confident: true, staffChat: false }, opinion({ a: 0.05, b: 0.9 }), FUSION, 3).map((h) => h.id)).toEqual(['b', 'a']);
  });
  it('keeps the lexical order where the model has no class (a case added since training)', () => {
    expect(fuseRankings({ hits, confident: true, staffChat: false }, opinion({}), FUSION, 3).map((h) => h.id)).toEqual(['a', 'b']);
  });
  it('keeps a case approved since training first when lexical ranks it first, against the model’s favourite', () => {
    const withNew = [{ id: 'new', score: 100 }, ...hits.map((h) => ({ ...h, score: h.score * 0.6 }))];
    expect(fuseRankings({ hits: withNew, confident: true, staffChat: false }, opinion({ a: 0.9, b: 0.05 }), FUSION, 3)[0]?.id).toBe('new');
    expect(fuseRankings({ hits: withNew, confident: true, staffChat: false }, opinion({ a: 0.02 }, 0.95), FUSION, 3)[0]?.id).toBe('new');
  });
  it('answers a query lexical finds nothing confident for only when the model is sure', () => {
    expect(fuseRankings({ hits: [], confident: false, staffChat: false }, opinion({ c: 0.8 }), FUSION, 3).map((h) => h.id)).toEqual(['c']);
    expect(fuseRankings({ hits, confident: false, staffChat: false }, opinion({ a: 0.3 }), FUSION, 3)).toEqual([]);
  });
  it('turns a lexical answer into no match when the model is sure the query is off-topic', () => {
    expect(fuseRankings({ hits, confident: true, staffChat: false }, opinion({ a: 0.02 }, 0.95), FUSION, 3)).toEqual([]);
    expect(fuseRankings({ hits, confident: true, staffChat: false }, opinion({ a: 0.02 }, 0.5), FUSION, 3)).not.toEqual([]);
  });
});

describe('the shipped search model', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = KnowledgeBase.build((await loadKnowledgeFiles(SHIPPED_KNOWLEDGE)).files);
  });
  const file = () => SearchModelFile.parse(JSON.parse(readFileSync(shippedSearchModelPath(), 'utf8')));

  it('was trained on the labelled files as they are now (else run npm run train:search-model)', async () => {
    // A cheap drift check: the trainer's --check retrains in minutes; row counts change whenever a dev file or a case's lines do.
    const lexicalOnly = KnowledgeBase.build((await loadKnowledgeFiles(SHIPPED_KNOWLEDGE)).files, null);
    const rows = [...readRows(new URL('../fixtures/search-eval/', import.meta.url).pathname, SEARCH_TRAINING_FILES, (id) => lexicalOnly.has(id)), ...knowledgeRows((await loadKnowledgeFiles(SHIPPED_KNOWLEDGE)).files)];
    const counts = Object.fromEntries([...new Set(rows.map((r) => r.file))].map((f) => [f === KNOWLEDGE_ROWS ? 'knowledge/scripts titles, aliases, customer lines' : `search-eval/${f}.yaml`, rows.filter((r) => r.file === f).length]));
    expect(file().about.trainedOn).toEqual(counts);
  });
  it('has a class for every shipped case, and only for shipped cases or off-topic', () => {
    const classes = file().classes;
    expect(classes).toContain(OFF_TOPIC);
    for (const { entries } of kb.entriesByCategory()) for (const e of entries) expect(classes, e.id).toContain(e.id);
    for (const id of classes) expect(id === OFF_TOPIC || kb.has(id), id).toBe(true);
  });
  it('is small: under 2 MB', () => {
    expect(readFileSync(shippedSearchModelPath()).length).toBeLessThan(2_000_000);
  });
  it('leaves a case the model has never heard of to the lexical ranking', async () => {
    const files = (await loadKnowledgeFiles(SHIPPED_KNOWLEDGE)).files;
    // A model that knows one ghost case only (deleted from the knowledge since training), and is sure of it.
    const ghost = new SearchModel({ classes: ['ghost-case', OFF_TOPIC], bias: [5, 0], weights: {}, fusion: { modelWeight: 0.5, rescueAt: 0.1, rejectAt: 1.01 }, about: {} });
    const withGhost = KnowledgeBase.build(files, ghost);
    const lexical = KnowledgeBase.build(files, null);
    for (const q of ['充值没到账', 'parcel is late', 'zxqv blorf']) {
      expect(withGhost.search(q, 3).map((h) => h.id), q).toEqual(lexical.search(q, 3).map((h) => h.id));
    }
  });
});
