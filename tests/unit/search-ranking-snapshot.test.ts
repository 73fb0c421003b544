import { describe, expect, it } from 'vitest';
import { evalSetQueries } from '../../bench/search-snapshot.js';
import { loadBase } from '../helpers/router.js';

// Every ranked answer /script gives on the shipped knowledge (top 3 with scores) for every query of
// every search-eval set. A speed change must leave it exactly as it is. A change meant to move
// results (knowledge, synonyms, lemmas, ranking rules) rewrites it on purpose:
//   npx vitest run tests/unit/search-ranking-snapshot.test.ts -u
// and the diff of the snapshot file shows, query by query, what moved.
describe('/script ranking on the shipped knowledge', () => {
  it('is unchanged for every evaluation query', async () => {
    const kb = await loadBase();
    const ranked = evalSetQueries(new URL('../fixtures/search-eval/', import.meta.url).pathname).map((q) => `${q}\n  ${kb.search(q, 3).map((h) => `${h.id} ${h.score}`).join('\n  ') || '(no match)'}`);
    await expect(`${ranked.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/search-ranking.txt');
  });
});
