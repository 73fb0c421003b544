/** A value computed on first use and kept: for tables whose building loads a large library. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
