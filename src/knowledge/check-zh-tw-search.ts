import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TAIWAN_SEARCH_FILE, TaiwanSearchFile } from '../text/taiwan-search-words.js';
import type { Diagnostic } from './diagnostics.js';
import { readYaml } from './yaml-source.js';

/** The folder's locale/zh-TW-search.yaml (Taiwan words for search), when it has one, is valid. */
export function checkTaiwanSearchWords(dir: string): Diagnostic[] {
  const file = path.join(dir, TAIWAN_SEARCH_FILE);
  if (!existsSync(file)) return [];
  return readYaml(TAIWAN_SEARCH_FILE, readFileSync(file, 'utf8'), TaiwanSearchFile).diagnostics;
}
