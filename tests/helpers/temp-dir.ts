import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** Folders made for the test file now running and not yet removed (one module instance per file). */
const madeOutsideTests = new Set<string>();

/**
 * A fresh temp folder that is removed when the test that made it finishes, or — made in a
 * beforeAll or at file level — after the file's last test (tests/setup/remove-temp-dirs.ts).
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    onTestFinished(() => {
      if (!removed(dir)) madeOutsideTests.add(dir);
    });
  } catch {
    // Not inside a test (beforeAll, module level): removed after the file's tests instead.
    madeOutsideTests.add(dir);
  }
  return dir;
}

export function removeFileLevelTempDirs(): void {
  for (const dir of madeOutsideTests) removed(dir);
  madeOutsideTests.clear();
}

/**
 * Best effort: clean-up never fails a test. A write the code under test left running (a
 * confirmation not awaited) can land while the folder is removed (ENOTEMPTY); that folder is
 * tried again after the file's last test.
 */
function removed(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    return true;
  } catch {
    return false;
  }
}
