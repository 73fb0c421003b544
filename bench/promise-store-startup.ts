/**
 * `node --expose-gc dist/bench/promise-store-startup.js <dir> <now>`: opens the promise store in a
 * fresh process, so RSS is the store's and not the benchmark's, and prints the figures as JSON.
 */
import { ManualClock } from '../src/core/clock.js';
import { PromiseStore } from '../src/promises/promise-store.js';

const [dir, now] = process.argv.slice(2);
if (!dir || !now) throw new Error('usage: promise-store-startup <dir> <now>');
const start = performance.now();
const store = await PromiseStore.open({ dir, clock: new ManualClock(now) });
const openMs = performance.now() - start;
global.gc?.();
const { rss, heapUsed } = process.memoryUsage();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const promises = store.data.promises.length;
await store.close();
process.stdout.write(JSON.stringify({ openMs, rssMb: rss / 2 ** 20, peakRssMb, heapMb: heapUsed / 2 ** 20, promises }));
