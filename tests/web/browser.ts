import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './browser-setup.js';

/**
 * The README's screenshots are refreshed on purpose (`UPDATE_SCREENSHOTS=1 npx vitest run tests/web`);
 * an ordinary test run writes them to a temp folder, so `npm test` never changes tracked files.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? new URL('../../docs/board/', import.meta.url).pathname
  : path.join(tmpdir(), 'frontline-board-screenshots') + path.sep;

export async function launch(): Promise<Browser> {
  // As root (CI) Chromium's sandbox cannot start; the pages are our own test pages.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A screenshot for the README's "For leads: the board". */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
