import type { StoreData } from './model.js';
import type { TouchedRecords } from './journaled-store-file.js';

/** Array methods that remove or move records: after them every record is compared. */
const MOVING = new Set<PropertyKey>(['splice', 'shift', 'unshift', 'sort', 'reverse', 'fill', 'copyWithin', 'pop']);

function position(key: PropertyKey): number | undefined {
  if (typeof key !== 'string') return undefined;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && String(n) === key ? n : undefined;
}

/**
 * Which promise records writers reached since the last write, so the journal serialises those
 * rather than comparing all of them (10,000 open promises made that the whole cost of a create).
 * A writer reaches a record through update()'s data (read by position, assigned, pushed) or
 * through find(); a record it reached may have been changed in place, so it is looked at.
 * Anything that removes, reorders or replaces records marks the array as moved.
 */
export class TouchTracker {
  #moved = false;
  #positions = new Set<number>();

  /** `data` as a writer sees it in update(): the same object, with its promises watched. */
  watch(data: StoreData): StoreData {
    const original = data.promises;
    const promises = this.#watchArray(original);
    return new Proxy(data, {
      get: (target, key, receiver) => {
        if (key !== 'promises') return Reflect.get(target, key, receiver);
        // The array watched, unless the writer replaced it (then every record is compared anyway).
        return target.promises === original ? promises : target.promises;
      },
      set: (target, key, value) => {
        if (key === 'promises') this.#moved = true;
        return Reflect.set(target, key, value);
      },
      deleteProperty: (target, key) => {
        if (key === 'promises') this.#moved = true;
        return Reflect.deleteProperty(target, key);
      },
    });
  }

  /** find() handed out the record at this position (the caller may change it in place). */
  reached(at: number): void {
    if (at >= 0) this.#positions.add(at);
  }

  /** Everything is to be compared (the array was replaced from outside, as a rollback does). */
  moved(): void {
    this.#moved = true;
  }

  /** What was reached since the last take, and a fresh start for the next write. */
  take(): TouchedRecords {
    const touched = { moved: this.#moved, positions: this.#positions };
    this.#moved = false;
    this.#positions = new Set();
    return touched;
  }

  #watchArray(promises: StoreData['promises']): StoreData['promises'] {
    return new Proxy(promises, {
      get: (target, key, receiver) => {
        const at = position(key);
        if (at !== undefined) this.#positions.add(at);
        else if (MOVING.has(key)) this.#moved = true;
        return Reflect.get(target, key, receiver);
      },
      set: (target, key, value) => {
        const at = position(key);
        if (at !== undefined) this.#positions.add(at);
        else if (key === 'length' && (value as number) < target.length) this.#moved = true;
        return Reflect.set(target, key, value);
      },
      deleteProperty: (target, key) => {
        this.#moved = true;
        return Reflect.deleteProperty(target, key);
      },
    });
  }
}
