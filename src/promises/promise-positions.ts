import type { PromiseRecord } from './model.js';

/** What the promises array looked like before a change: mark() before it, changed() after. */
export interface PositionsMark {
  array: readonly PromiseRecord[];
  length: number;
  /** The id of the last record then, to see whether the records before the appended ones moved. */
  lastId: string | undefined;
}

/**
 * id → position in the promise store's array, kept up to date across writes without a rebuild per
 * write (10,000 open promises made that an O(n) cost per create). A change that appends records
 * (a create) or changes or replaces records where they stand (same id) costs only the appended
 * ones; a change that removes or moves records, or replaces the array, is seen and the map is
 * rebuilt on the next lookup. A record that comes back under another id at the same place is the
 * one change it cannot see: the store's writers never do that (a promise's id is fixed; the
 * journal needs the same). Every hit is checked against the record's id, and a stale hit rebuilds.
 */
export class PromisePositions {
  #positions = new Map<string, number>();
  /** The array the map describes; undefined when it must be rebuilt. */
  #array: readonly PromiseRecord[] | undefined;
  #length = 0;

  find(promises: readonly PromiseRecord[], id: string): PromiseRecord | undefined {
    // Changed outside mark()/changed(), or not built yet.
    if (this.#array !== promises || this.#length !== promises.length) this.#rebuild(promises);
    const found = this.#at(promises, id);
    if (found || !this.#positions.has(id)) return found;
    this.#rebuild(promises);
    return this.#at(promises, id);
  }

  /** Where the record with this id stands in `promises`, or -1. */
  indexOf(promises: readonly PromiseRecord[], id: string): number {
    const found = this.find(promises, id);
    return found ? this.#positions.get(id)! : -1;
  }

  mark(promises: readonly PromiseRecord[]): PositionsMark {
    return { array: promises, length: promises.length, lastId: promises[promises.length - 1]?.id };
  }

  /** After a change: the appended records are indexed, or the map is dropped when records moved. */
  changed(before: PositionsMark, promises: readonly PromiseRecord[]): void {
    const unchangedBefore =
      this.#array === before.array &&
      this.#length === before.length &&
      promises === before.array &&
      promises.length >= before.length &&
      promises[before.length - 1]?.id === before.lastId;
    if (!unchangedBefore) return this.forget();
    for (let i = before.length; i < promises.length; i++) {
      const id = promises[i]!.id;
      if (this.#positions.has(id)) return this.forget(); // two records share an id: let a rebuild decide, as before
      this.#positions.set(id, i);
    }
    this.#length = promises.length;
  }

  /** The array was replaced wholesale (a failed write rolled back): rebuild on the next lookup. */
  forget(): void {
    this.#array = undefined;
  }

  #at(promises: readonly PromiseRecord[], id: string): PromiseRecord | undefined {
    const i = this.#positions.get(id);
    const found = i === undefined ? undefined : promises[i];
    return found?.id === id ? found : undefined;
  }

  #rebuild(promises: readonly PromiseRecord[]): void {
    this.#positions = new Map(promises.map((p, i) => [p.id, i]));
    this.#array = promises;
    this.#length = promises.length;
  }
}
