/**
 * Preloaded into the bot by bench/idle-rss.ts (`node --expose-gc --import …/idle-rss-probe.js
 * dist/src/main.js`): on SIGUSR2 it collects garbage and writes one line with the resident set.
 */
process.on('SIGUSR2', () => {
  global.gc?.();
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stderr.write(`idle-rss ${JSON.stringify({ rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 })}\n`);
});
