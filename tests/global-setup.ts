import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** Only the end-to-end tests run the compiled bot (dist/); everything else runs from source. */
const NEEDS_BUILD = `${path.sep}tests${path.sep}e2e${path.sep}`;

/**
 * Builds the bot once before the run, only when a test in it starts the compiled bot, so a
 * loop over unit or adapter tests does not wait for a full tsc build. When the run cannot be
 * read, it builds (a needless build is slow, a missing one fails e2e tests).
 */
export default async function setup(project: TestProject): Promise<void> {
  if (!(await runNeedsBuild(project))) return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

async function runNeedsBuild(project: TestProject): Promise<boolean> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const specs = await project.vitest.globTestSpecifications(filters);
    return specs.some((spec) => spec.moduleId.includes(NEEDS_BUILD));
  } catch {
    return true;
  }
}
