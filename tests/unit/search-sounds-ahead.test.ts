import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../../src/knowledge/search-index.js';

const WORDS = ['宽带', '信号', '退款', '快递', '账单', '限速', '移机', '投诉', '话费', '停机', '密码', '发票', '物流', '售后', '维修', '网速'];
const MOODS = ['客户说', '用户反映', '对方一直问', '他很着急'];
const QUERIES = ['宽代移机', '心号不好', '线速了', '退款没到账', '快递丢了怎么办', 'refund', '客户投诉话费'];

/** `count` cases named from a few service words, in Chinese with an English tag, as a large base would have. */
function documents(count: number): SearchDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const [a, b, c] = [WORDS[i % WORDS.length]!, WORDS[(i * 7 + 3) % WORDS.length]!, WORDS[(i * 5 + 1) % WORDS.length]!];
    return {
      id: `case-${i}`,
      title: `${a}${b}问题 ${i}`,
      aliases: `${a}${c}\n${b}不行`,
      utterances: `${MOODS[i % MOODS.length]}${a}${b}一直不好\n${c}的事情还没处理 case ${i}`,
      body: `先确认${a}，再说明${b}的处理时间。 refund ${i % 3 ? 'parcel' : 'bill'}`,
    };
  });
}

async function turns(until: () => boolean, most = 10_000): Promise<number> {
  let n = 0;
  while (!until() && n < most) (n++, await new Promise((resolve) => setImmediate(resolve)));
  return n;
}

describe('the sound field of a large base', () => {
  it('is indexed in the background after the build, so the first search does not build it', async () => {
    const index = SearchIndex.build(documents(1500));
    expect(index.soundsIndexed).toBe(false);
    const took = await turns(() => index.soundsIndexed);
    expect(index.soundsIndexed).toBe(true);
    expect(took).toBeGreaterThan(1); // in slices, not one long turn
  });

  it('gets there while the process only waits on a timer, as a bot between start-up and its first /script', async () => {
    const index = SearchIndex.build(documents(1500));
    let waiting = true;
    const keepAlive = setInterval(() => waiting, 60_000); // a pending timer, nothing else running
    try {
      await index.whenSoundsIndexed();
    } finally {
      clearInterval(keepAlive);
    }
    expect(index.soundsIndexed).toBe(true);
    waiting = false;
  });

  it('ranks exactly as one built at once on the first search', async () => {
    const docs = documents(1500);
    const atOnce = SearchIndex.build(docs);
    const atOnceHits = QUERIES.map((q) => atOnce.search(q, 10, { strict: false })); // before any turn: built here
    const ahead = SearchIndex.build(docs);
    await turns(() => ahead.soundsIndexed);
    expect(QUERIES.map((q) => ahead.search(q, 10, { strict: false }))).toEqual(atOnceHits);
    expect(atOnceHits[0]!.length).toBeGreaterThan(0);
  });

  it('a search that comes halfway through finishes it and ranks the same', async () => {
    const docs = documents(1500);
    const atOnce = SearchIndex.build(docs);
    const atOnceHits = QUERIES.map((q) => atOnce.search(q, 10, { strict: false }));
    const halfway = SearchIndex.build(docs);
    await turns(() => false, 3);
    expect(halfway.soundsIndexed).toBe(false);
    expect(QUERIES.map((q) => halfway.search(q, 10, { strict: false }))).toEqual(atOnceHits);
    expect(halfway.soundsIndexed).toBe(true);
  });

  it('a small base (the shipped size) leaves it for the first search', async () => {
    const index = SearchIndex.build(documents(200));
    await turns(() => index.soundsIndexed, 50);
    expect(index.soundsIndexed).toBe(false);
    index.search('宽代');
    expect(index.soundsIndexed).toBe(true);
  });
});
