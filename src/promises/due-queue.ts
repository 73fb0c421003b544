/** A min-heap of things keyed by a time in ms; `takeDue` removes everything at or before now. */
export class DueQueue<T extends { at: number }> {
  #heap: T[] = [];

  get size(): number {
    return this.#heap.length;
  }

  push(item: T): void {
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  peek(): T | undefined {
    return this.#heap[0];
  }

  takeDue(now: number): T[] {
    const due: T[] = [];
    while (this.#heap.length && this.#heap[0]!.at <= now) due.push(this.#pop());
    return due;
  }

  clear(): void {
    this.#heap = [];
  }

  #pop(): T {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && heap[l]!.at < heap[smallest]!.at) smallest = l;
        if (r < heap.length && heap[r]!.at < heap[smallest]!.at) smallest = r;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}
