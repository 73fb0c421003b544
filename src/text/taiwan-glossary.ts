import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { z } from 'zod';

const HAN = /\p{Script=Han}/u;

export const GlossaryTerm = z.object({
  mainland: z.string().regex(HAN, 'a Mainland (zh-CN) term in Simplified characters'),
  taiwan: z.string().min(1),
  why: z.string().min(1),
});

export const Mistranslation = z.object({
  text: z.string().min(1),
  instead: z.string().min(1),
  why: z.string().min(1),
});

/** knowledge/locale/zh-TW.yaml: corrections applied to OpenCC, and words a zh-TW rendering must never contain. */
export const TaiwanGlossaryFile = z
  .object({ terms: z.array(GlossaryTerm).min(1), mistranslations: z.array(Mistranslation) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.terms.forEach((t, i) => {
      if (seen.has(t.mainland)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'mainland'], message: `"${t.mainland}" is listed twice` });
      seen.add(t.mainland);
      const bad = file.mistranslations.find((m) => t.taiwan.includes(m.text));
      if (bad) ctx.addIssue({ code: 'custom', path: ['terms', i, 'taiwan'], message: `"${t.taiwan}" contains the mistranslation "${bad.text}"` });
    });
  });
export type TaiwanGlossaryFile = z.infer<typeof TaiwanGlossaryFile>;

export const GLOSSARY_FILE = 'locale/zh-TW.yaml';

/** The glossary shipped with the bot: knowledge/locale/zh-TW.yaml next to the package (from src/ or dist/src/). */
export function shippedGlossaryPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'knowledge', GLOSSARY_FILE);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`the Taiwan glossary (knowledge/${GLOSSARY_FILE}) is missing from the package`);
}

let shipped: TaiwanGlossaryFile | undefined;

/** The shipped glossary, read once; a broken file is a packaging mistake and fails loudly. */
export function taiwanGlossary(): TaiwanGlossaryFile {
  return (shipped ??= TaiwanGlossaryFile.parse(load(readFileSync(shippedGlossaryPath(), 'utf8'))));
}

/** Mistranslations found in a zh-TW text, outside law titles 《…》 (which are names). */
export function mistranslationsIn(text: string, glossary: TaiwanGlossaryFile = taiwanGlossary()): z.infer<typeof Mistranslation>[] {
  const outsideTitles = text.replace(/《[^《》]*》/g, '《》');
  return glossary.mistranslations.filter((m) => outsideTitles.includes(m.text));
}
