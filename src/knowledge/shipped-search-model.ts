import { readFileSync } from 'node:fs';
import { requireShippedWeights } from '../text/shipped-file.js';
import { SearchModel, SearchModelFile } from './search-model.js';

/** Where `npm run train:search-model` writes the weights, from the package root. */
export const SEARCH_MODEL_FILE = 'src/knowledge/search-model.weights.json';

/** The weights file shipped with the bot, found from src/knowledge/ or dist/src/knowledge/. */
export function shippedSearchModelPath(): string {
  return requireShippedWeights(SEARCH_MODEL_FILE, import.meta.url, 'npm run train:search-model');
}

let shipped: SearchModel | undefined;

/** The shipped search model, read on first use; a missing or broken file is a packaging mistake and fails loudly. */
export function shippedSearchModel(): SearchModel {
  return (shipped ??= SearchModel.fromFile(SearchModelFile.parse(JSON.parse(readFileSync(shippedSearchModelPath(), 'utf8')))));
}
