import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file shipped with the package (`relative` to its root), found from a module in src/ or dist/src/; undefined when missing. */
export function findShippedFile(relative: string, moduleUrl: string): string | undefined {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/** A trained weights file shipped with the package: missing is a packaging mistake, so it fails loudly and names the command that writes it. */
export function requireShippedWeights(relative: string, moduleUrl: string, trainCommand: string): string {
  const found = findShippedFile(relative, moduleUrl);
  if (!found) throw new Error(`the weights file ${relative} is missing from the package; run ${trainCommand}`);
  return found;
}
