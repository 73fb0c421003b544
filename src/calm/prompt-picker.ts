import { randomInt } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { ShortMemory } from './short-memory.js';

/** How long the bot remembers which prompt number someone saw last. */
export const PROMPT_MEMORY_MS = 4 * 60 * 60_000;

/**
 * Chooses which of a feeling's prompts to show so that nobody gets the same one twice in a
 * row. All it remembers, in memory only and for a few hours, is pseudonym → the number of
 * the prompt shown last. Not the feeling: the number alone says nothing about a person.
 */
export class PromptPicker {
  readonly #last: ShortMemory<number>;
  readonly #random: (below: number) => number;

  constructor(options: { clock: Clock; ttlMs?: number; random?: (below: number) => number }) {
    this.#last = new ShortMemory({ clock: options.clock, ttlMs: options.ttlMs ?? PROMPT_MEMORY_MS });
    this.#random = options.random ?? ((below) => randomInt(below));
  }

  /** A prompt number below `count`, different from this person's last one when count allows. */
  pick(person: string, count: number): number {
    if (count <= 0) throw new Error('a feeling needs at least one prompt');
    const last = this.#last.get(person);
    let index: number;
    if (last === undefined || count === 1 || last >= count) {
      index = this.#random(count);
    } else {
      // Draw from the others: shift past the last one.
      index = this.#random(count - 1);
      if (index >= last) index += 1;
    }
    this.#last.set(person, index);
    return index;
  }

  /** People currently remembered; for tests and the memory bound. */
  get remembered(): number {
    return this.#last.size;
  }

  clear(): void {
    this.#last.clear();
  }
}
