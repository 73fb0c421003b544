import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { KnowledgeFiles } from '../src/knowledge/load-files.js';

/**
 * A knowledge folder of `count` cases made from the shipped ones: each synthetic case keeps a
 * real case's structure and vocabulary, mixed with words from two others and a numbered
 * variant, so the index has realistic term statistics at a much larger size.
 */
export function writeSyntheticKnowledge(shipped: KnowledgeFiles, count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontline-bench-kb-'));
  mkdirSync(path.join(dir, 'scripts'));
  cpSync(path.join(shipped.dir, 'categories.yaml'), path.join(dir, 'categories.yaml'));
  cpSync(path.join(shipped.dir, 'phrasebook'), path.join(dir, 'phrasebook'), { recursive: true });
  const byLocale = {
    'zh-CN': shipped.scripts.filter((s) => s.value.locale === 'zh-CN').map((s) => s.value),
    en: shipped.scripts.filter((s) => s.value.locale === 'en').map((s) => s.value),
  };
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    const pick = random(byLocale.en.length);
    const mixA = random(byLocale.en.length);
    const mixB = random(byLocale.en.length);
    for (const locale of ['zh-CN', 'en'] as const) {
      const list = byLocale[locale];
      const base = list[pick % list.length]!;
      const a = list[mixA % list.length]!;
      const b = list[mixB % list.length]!;
      const id = `${base.id}-synthetic-${i}`;
      const script = {
        ...base,
        id,
        title: `${base.title} (${i})`,
        aliases: base.aliases.map((alias) => `${alias} ${i}`),
        utterances: [...base.utterances.slice(0, 3), ...a.utterances.slice(0, 2), ...b.utterances.slice(-2)],
        steps: [...base.steps.slice(0, 3), ...a.steps.slice(-2)].slice(0, 8),
        say: [...base.say.slice(0, 2), ...b.say.slice(0, 2)],
        goal: `${base.goal} ${a.goal}`,
      };
      writeFileSync(path.join(dir, 'scripts', `${id}.${locale}.yaml`), stringify(script));
    }
  }
  return dir;
}
