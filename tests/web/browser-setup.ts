import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

/** Debian's Chromium, driven by playwright-core; no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The board's browser tests need Chromium and CJK fonts (for the screenshots). On a fresh
 * Debian machine (CI runs as root) they are installed here, once, before any test starts.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (!(await runHasBrowserTests(project))) return;
  if (existsSync(CHROMIUM) && existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium is missing (${CHROMIUM}); install it with: sudo apt-get install -y chromium fonts-noto-cjk`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  process.stderr.write('browser tests: installing chromium and fonts-noto-cjk with apt-get…\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
}

/** Whether the run includes a browser test; when the run cannot be read, assume it does. */
async function runHasBrowserTests(project: TestProject): Promise<boolean> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const specs = await project.vitest.globTestSpecifications(filters);
    return specs.some((spec) => spec.moduleId.endsWith('-browser.test.ts'));
  } catch {
    return true;
  }
}
