import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_SYNONYMS_FILE, SearchSynonymsFile } from '../text/search-synonyms.js';
import type { Diagnostic } from './diagnostics.js';
import { readYaml } from './yaml-source.js';

/** The folder's locale/search-synonyms.yaml (words that mean the same, for search), when it has one, is valid. */
export function checkSearchSynonyms(dir: string): Diagnostic[] {
  const file = path.join(dir, SEARCH_SYNONYMS_FILE);
  if (!existsSync(file)) return [];
  return readYaml(SEARCH_SYNONYMS_FILE, readFileSync(file, 'utf8'), SearchSynonymsFile).diagnostics;
}
