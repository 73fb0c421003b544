import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './browser-setup.js';

export const SCREENSHOTS = new URL('../../docs/board/', import.meta.url).pathname;

export async function launch(): Promise<Browser> {
  // As root (CI) Chromium's sandbox cannot start; the pages are our own test pages.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A screenshot for the README's "For leads: the board". */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
