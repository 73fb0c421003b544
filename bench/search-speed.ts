import { rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../src/knowledge/load-files.js';
import { evalSetQueries } from './search-snapshot.js';
import { ms, percentile } from './stats.js';
import { writeSyntheticKnowledge } from './synthetic-knowledge.js';

export interface SearchTimes {
  /** Per-query latencies in ms, sorted. */
  times: number[];
  /** Garbage collections during the timed rounds, and their total pause. */
  gcCount: number;
  gcMs: number;
}

/**
 * Search latency as an agent meets it on a warm process: one untimed round first (JIT, caches),
 * then `rounds` timed rounds over every query, with the garbage collections that fell inside.
 */
export async function timeSearches(kb: KnowledgeBase, queries: readonly string[], rounds: number): Promise<SearchTimes> {
  for (const q of queries) kb.search(q, 3);
  let gcCount = 0;
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) (gcCount++, (gcMs += entry.duration));
  });
  global.gc?.();
  observer.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = performance.now();
      kb.search(q, 3);
      times.push(performance.now() - start);
    }
    // GC entries are delivered on the event loop, between rounds.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
  observer.disconnect();
  return { times: times.sort((a, b) => a - b), gcCount, gcMs };
}

/** Bytes allocated per search, by function (V8's sampling heap profiler, counting what GC has already freed). */
async function allocationsPerSearch(kb: KnowledgeBase, queries: readonly string[]): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as object);
  for (const q of queries) kb.search(q, 3);
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: Node } };
  session.disconnect();
  interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: Node) => {
    const site = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  console.log(`  allocated per search: ${(total / queries.length / 1024).toFixed(1)} KB`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${(bytes / queries.length / 1024).toFixed(1).padStart(7)} KB  ${site}`);
}

/** The queries that are slow every time (their median over five runs): what p99 is made of when it is not GC. */
function slowest(kb: KnowledgeBase, queries: readonly string[]): void {
  const medians = queries.map((q) => {
    const runs = Array.from({ length: 5 }, () => {
      const start = performance.now();
      kb.search(q, 3);
      return performance.now() - start;
    }).sort((a, b) => a - b);
    return { q, median: runs[2]! };
  });
  for (const { q, median } of medians.sort((a, b) => b.median - a.median).slice(0, 20)) console.log(`    ${ms(median).padStart(9)}  ${q.slice(0, 70).replace(/\n/g, ' ')} (${q.length})`);
}

function print(label: string, { times, gcCount, gcMs }: SearchTimes): void {
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${label.padEnd(30)} p50 ${ms(percentile(times, 50))}   p90 ${ms(percentile(times, 90))}   p99 ${ms(percentile(times, 99))}   max ${ms(times.at(-1)!)}   mean ${ms(mean)}   n ${times.length}   gc ${gcCount} (${ms(gcMs)})`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
  const queries = evalSetQueries();
  const shipped = await loadKnowledgeFiles(new URL('../../knowledge', import.meta.url).pathname);
  const kb = KnowledgeBase.build(shipped.files);
  console.log(`${queries.length} queries, ${rounds} timed rounds after one warm-up round`);
  if (!args.includes('--synthetic-only')) print(`shipped (${kb.size} cases)`, await timeSearches(kb, queries, rounds));
  const dir = writeSyntheticKnowledge(shipped.files, 5000);
  try {
    const big = KnowledgeBase.build((await loadKnowledgeFiles(dir)).files);
    let start = performance.now();
    big.search('');
    console.log(`first search on ${big.size} cases: ${ms(performance.now() - start)}`);
    print(`synthetic (${big.size} cases)`, await timeSearches(big, queries, rounds));
    if (args.includes('--alloc')) await allocationsPerSearch(big, queries);
    if (args.includes('--slowest')) slowest(big, queries);
    start = performance.now();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('search-speed.js')) await main();
