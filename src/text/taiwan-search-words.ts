import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { toSimplified } from './chinese-script.js';
import { asScriptPeople } from './service-line-words.js';
import { asStandardMandarin } from './spoken-chinese.js';
import { shippedGlossaryPath, taiwanGlossary, type TaiwanGlossaryFile } from './taiwan-glossary.js';

const HAN = /\p{Script=Han}/u;

export const TaiwanSearchWord = z.object({
  taiwan: z.string().regex(HAN, 'a word as typed in Taiwan, in Traditional characters'),
  mainland: z.array(z.string().regex(HAN, 'a word as the zh-CN scripts write it')).min(1),
});

/** knowledge/locale/zh-TW-search.yaml: Taiwan words and the Mainland words the scripts use for them. */
export const TaiwanSearchFile = z.object({ words: z.array(TaiwanSearchWord).min(1) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.words.forEach((w, i) => {
    if (seen.has(w.taiwan)) ctx.addIssue({ code: 'custom', path: ['words', i, 'taiwan'], message: `"${w.taiwan}" is listed twice` });
    seen.add(w.taiwan);
  });
});
export type TaiwanSearchFile = z.infer<typeof TaiwanSearchFile>;

export const TAIWAN_SEARCH_FILE = 'locale/zh-TW-search.yaml';

/**
 * Reads a Simplified query the way a Mainland writer would say it. Keys are the Taiwan words as
 * they look after the query's Traditional → Simplified folding (門號 → 门号, 帳 → 帐), matched
 * longest first; each is replaced by the Mainland words, so 线上储值没入帐 reads 网上充值没到账.
 */
export class MainlandReading {
  readonly #pattern: RegExp | undefined;
  readonly #mainland: Map<string, string>;

  constructor(words: TaiwanSearchFile, glossary: TaiwanGlossaryFile) {
    const mainland = new Map<string, string[]>();
    const offer = (taiwan: string, words: readonly string[]) => {
      const key = toSimplified(taiwan);
      const list = mainland.get(key) ?? [];
      for (const word of words) if (!list.includes(word)) list.push(word);
      mainland.set(key, list);
    };
    for (const w of words.words) offer(w.taiwan, w.mainland);
    // The glossary backwards: what the zh-TW rendering says, read as the zh-CN word it came from.
    // A rendering that differs only in characters (權限 for 权限) folds to the same key and adds nothing;
    // a word that also folds to a Mainland word keeps it beside the others (網路 folds to 网络, and is also 网上).
    for (const t of glossary.terms) if (!/[\sA-Za-z]/.test(t.taiwan)) offer(t.taiwan, [t.mainland]);
    for (const [key, list] of mainland) if (list.every((word) => word === key)) mainland.delete(key);
    this.#mainland = new Map([...mainland].map(([key, list]) => [key, list.join(' ')]));
    const keys = [...mainland.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.#pattern = keys.length ? new RegExp(keys.join('|'), 'gu') : undefined;
  }

  /**
   * The query with regional spoken forms read as standard Mandarin (spoken-chinese.ts: 冇, 佢, 咋个),
   * other service lines' people as the scripts' (service-line-words.ts: 乘客 → 客户) and, when it was
   * typed in Traditional characters, Taiwan words replaced; undefined when it has none of them.
   * Taiwan words are not read in Simplified text: many are everyday Mainland words with another
   * meaning there (请假 is leave, not lost work time; 專案 folds to 项目, a project, not a plan).
   */
  of(simplified: string, { typedTraditional = true }: { typedTraditional?: boolean } = {}): string | undefined {
    if (!HAN.test(simplified)) return undefined;
    const standard = asScriptPeople(asStandardMandarin(simplified));
    let changed = standard !== simplified;
    const read = this.#pattern && typedTraditional
      ? standard.replace(this.#pattern, (word) => {
          changed = true;
          return this.#mainland.get(word)!;
        })
      : standard;
    return changed ? read : undefined;
  }
}

let shipped: MainlandReading | undefined;

/** The reading built from the shipped files, once; a broken file is a packaging mistake and fails loudly. */
export function shippedMainlandReading(): MainlandReading {
  if (shipped) return shipped;
  const file = path.join(path.dirname(shippedGlossaryPath()), path.basename(TAIWAN_SEARCH_FILE));
  return (shipped = new MainlandReading(TaiwanSearchFile.parse(load(readFileSync(file, 'utf8'))), taiwanGlossary()));
}
