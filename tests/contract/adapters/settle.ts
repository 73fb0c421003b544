/** Waits until `count()` has grown and then stayed the same for `quietMs` (all parts of a split reply arrived). */
export async function settled(count: () => number, from: number, { quietMs = 150, timeoutMs = 8000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (count() <= from) {
    if (Date.now() > deadline) throw new Error('the platform received nothing');
    await new Promise((r) => setTimeout(r, 10));
  }
  let seen = count();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await new Promise((r) => setTimeout(r, 20));
    if (count() !== seen) {
      seen = count();
      quietSince = Date.now();
    }
    if (Date.now() > deadline) break;
  }
}
