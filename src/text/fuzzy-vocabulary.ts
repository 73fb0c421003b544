const FUZZY_WEIGHT = [1, 0.6, 0.4];
const PREFIX_WEIGHT = 0.5;

const MAX_DISTANCE = 2;

function maxDistanceFor(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/** Every string made by deleting up to `depth` letters of `word` (the word itself included). */
function deletions(word: string, depth: number, into = new Set<string>()): Set<string> {
  into.add(word);
  if (depth === 0 || word.length <= 1) return into;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) deletions(shorter, depth - 1, into);
  }
  return into;
}

/**
 * The English words of the index, looked up by near-miss (symmetric-delete index: two words
 * within k edits share a string made by deleting at most k letters from each) and by prefix.
 */
export class FuzzyVocabulary {
  readonly #sorted: string[];
  readonly #byDeletion = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    this.#sorted = [...new Set(words)].sort();
    for (const word of this.#sorted) {
      for (const variant of deletions(word, Math.min(MAX_DISTANCE, maxDistanceFor(word) + 1))) {
        const list = this.#byDeletion.get(variant);
        if (list) list.push(word);
        else this.#byDeletion.set(variant, [word]);
      }
    }
  }

  /** Words the typed one may have meant, each with the weight its matches should carry. */
  matches(word: string, { prefixesOnly = false }: { prefixesOnly?: boolean } = {}): Map<string, number> {
    const found = new Map<string, number>();
    const maxDistance = prefixesOnly ? -1 : maxDistanceFor(word);
    for (const variant of maxDistance < 0 ? [] : deletions(word, maxDistance)) {
      for (const candidate of this.#byDeletion.get(variant) ?? []) {
        if (candidate === word || found.has(candidate)) continue;
        const distance = boundedLevenshtein(word, candidate, maxDistance);
        if (distance <= maxDistance) found.set(candidate, FUZZY_WEIGHT[distance]!);
      }
    }
    for (let i = lowerBound(this.#sorted, word); i < this.#sorted.length; i++) {
      const candidate = this.#sorted[i]!;
      if (!candidate.startsWith(word)) break;
      if (candidate !== word) found.set(candidate, Math.max(found.get(candidate) ?? 0, PREFIX_WEIGHT));
    }
    return found;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (the commonest
 * typing slip: "consnet"), giving up (returning max + 1) as soon as it must exceed `max`.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
