import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
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
  /**
   * Per-query CPU time of the process in ms, sorted: what the search itself costs, without the
   * time the machine gave to other processes meanwhile (a busy shared machine moves wall-clock p99 most).
   */
  cpu: number[];
  /** p99 of each timed round on its own, sorted: how far one round's p99 can be trusted. */
  roundP99: number[];
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
  const cpu: number[] = [];
  const roundP99: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const round: number[] = [];
    for (const q of queries) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      kb.search(q, 3);
      round.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    times.push(...round);
    roundP99.push(percentile(round.sort((a, b) => a - b), 99));
    // GC entries are delivered on the event loop, between rounds.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
  observer.disconnect();
  const sorted = (list: number[]) => list.sort((a, b) => a - b);
  return { times: sorted(times), cpu: sorted(cpu), roundP99: sorted(roundP99), gcCount, gcMs };
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

export interface FirstSearchAfterBuild {
  /** Loading the files and building the base (the sound field left to the background build). */
  loadMs: number;
  /** From the build until the background build of the sound field was done. */
  backgroundMs: number;
  /** The first search after that: what the first /script of a bot that has been up a little while waits. */
  firstSearchMs: number;
  /** Its process CPU time (what other load on the machine does not move). */
  firstSearchCpuMs: number;
}

/**
 * A large base as a bot has it a little after start-up: loaded, its sound field indexed in the
 * background while nothing else ran, then the first search timed on its own (`query`).
 */
export async function firstSearchAfterBackgroundBuild(dir: string, query: string): Promise<FirstSearchAfterBuild> {
  const loadStart = performance.now();
  const kb = KnowledgeBase.build((await loadKnowledgeFiles(dir)).files);
  const built = performance.now();
  await kb.whenSearchIndexed();
  const cpuStart = process.cpuUsage();
  const indexed = performance.now();
  kb.search(query, 3);
  const firstSearchMs = performance.now() - indexed;
  const cpu = process.cpuUsage(cpuStart);
  return { loadMs: built - loadStart, backgroundMs: indexed - built, firstSearchMs, firstSearchCpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The figures of timeSearches, for a bench line. */
export function searchFigures({ times, cpu, roundP99, gcCount, gcMs }: SearchTimes): Record<string, string> {
  return {
    p50: ms(percentile(times, 50)),
    p99: ms(percentile(times, 99)),
    'round p99': `${ms(percentile(roundP99, 50))} (${ms(roundP99[0]!)}–${ms(roundP99.at(-1)!)})`,
    'cpu p50/p99': `${ms(percentile(cpu, 50))}/${ms(percentile(cpu, 99))}`,
    max: ms(times.at(-1)!),
    n: String(times.length),
    gc: `${gcCount} (${ms(gcMs)})`,
  };
}

function print(label: string, times: SearchTimes): void {
  console.log(`${label.padEnd(30)} ${Object.entries(searchFigures(times)).map(([k, v]) => `${k} ${v}`).join('   ')}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
  const queries = evalSetQueries();
  const shipped = await loadKnowledgeFiles(new URL('../../knowledge', import.meta.url).pathname);
  const kb = KnowledgeBase.build(shipped.files);
  console.log(`${queries.length} queries, ${rounds} timed rounds after one warm-up round · load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  if (!args.includes('--synthetic-only')) print(`shipped (${kb.size} cases)`, await timeSearches(kb, queries, rounds));
  const dir = writeSyntheticKnowledge(shipped.files, 5000);
  try {
    const big = KnowledgeBase.build((await loadKnowledgeFiles(dir)).files);
    const start = performance.now();
    big.search('');
    console.log(`first search on ${big.size} cases, right after the build (indexes the sound field itself): ${ms(performance.now() - start)}`);
    const ahead = await firstSearchAfterBackgroundBuild(dir, queries[0]!);
    console.log(`first search on ${big.size} cases after the background index build: ${ms(ahead.firstSearchMs)}, cpu ${ms(ahead.firstSearchCpuMs)} (load ${ms(ahead.loadMs)}, background build ${ms(ahead.backgroundMs)})`);
    print(`synthetic (${big.size} cases)`, await timeSearches(big, queries, rounds));
    if (args.includes('--alloc')) await allocationsPerSearch(big, queries);
    if (args.includes('--alloc-shipped')) await allocationsPerSearch(kb, queries);
    if (args.includes('--slowest')) slowest(big, queries);
    if (args.includes('--slowest-shipped')) slowest(kb, queries);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('search-speed.js')) await main();
