import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

/**
 * Wording a native English speaker would not use on the phone, found by reading every English
 * say-line: calques of Chinese terms and non-native grammar. Each entry says what to write instead.
 */
const NOT_NATIVE: { text: RegExp; instead: string }[] = [
  { text: /\b(?:online |business )?service hall\b/i, instead: 'our website, our shop (营业厅 is a shop)' },
  { text: /\bbusiness hall\b/i, instead: 'shop, store' },
  { text: /\bI find no\b/i, instead: "There's no record of…" },
  { text: /\blosing texting\b/i, instead: 'having your texts stopped' },
  { text: /\bWhy a [\w-]+ contract binding\b/i, instead: 'Why is the … contract binding?' },
];

function englishFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return englishFiles(full);
    return /\.en\.yaml$/.test(e.name) ? [full] : [];
  });
}

describe('shipped English reads as a native speaker would say it', () => {
  it('has none of the known non-native wordings', () => {
    const found = englishFiles(SHIPPED_KNOWLEDGE).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          NOT_NATIVE.filter(({ text }) => text.test(line)).map(({ instead }) => `${path.relative(SHIPPED_KNOWLEDGE, file)}:${i + 1}: ${line.trim()} (instead: ${instead})`),
        ),
    );
    expect(found).toEqual([]);
  });
});
