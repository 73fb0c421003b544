import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { toTraditional } from '../text/chinese-script.js';
import { GLOSSARY_FILE, mistranslationsIn, TaiwanGlossaryFile, taiwanGlossary } from '../text/taiwan-glossary.js';
import type { Diagnostic } from './diagnostics.js';
import { readYaml } from './yaml-source.js';

type Path = (string | number)[];

/** Fields that are identifiers or dates, never shown as Chinese text. */
const NOT_TEXT = new Set(['id', 'locale', 'kind', 'category', 'status', 'approvedOn', 'reviewBy', 'version', 'practices', 'regex']);

/** The zh-CN files whose text is served in zh-TW: scripts, /calm content, the phrasebook, the category names. */
function zhCNFiles(dir: string): string[] {
  const inFolder = (sub: string) =>
    existsSync(path.join(dir, sub))
      ? readdirSync(path.join(dir, sub)).filter((n) => /zh-CN\.yaml$/.test(n)).sort().map((n) => `${sub}/${n}`)
      : [];
  return [...(existsSync(path.join(dir, 'categories.yaml')) ? ['categories.yaml'] : []), ...inFolder('scripts'), ...inFolder('calm'), ...inFolder('phrasebook')];
}

function stringsOf(value: unknown, at: Path = []): { path: Path; text: string }[] {
  if (typeof value === 'string') return [{ path: at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (NOT_TEXT.has(k) ? [] : stringsOf(v, [...at, k])));
  }
  return [];
}

/** Findings per file, kept while the file's text is unchanged (the bot re-checks on every reload). */
const cache = new Map<string, { text: string; glossary: string; found: Diagnostic[] }>();

/**
 * zh-TW is converted, never written: this renders every zh-CN knowledge file in zh-TW and reports
 * each known mistranslation (the list in locale/zh-TW.yaml, e.g. 許可權 for 權限) with the line
 * of the zh-CN text it came from, so the fix is a glossary entry or a rewording.
 * The folder's own locale/zh-TW.yaml is validated when it has one.
 */
export function checkTaiwanRenderings(dir: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let glossary = taiwanGlossary();
  const glossaryPath = path.join(dir, GLOSSARY_FILE);
  if (existsSync(glossaryPath)) {
    const own = readYaml(GLOSSARY_FILE, readFileSync(glossaryPath, 'utf8'), TaiwanGlossaryFile);
    out.push(...own.diagnostics);
    if (own.value) glossary = own.value;
  }
  const glossaryKey = JSON.stringify(glossary.mistranslations);
  for (const file of zhCNFiles(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const cached = cache.get(file);
    if (cached && cached.text === text && cached.glossary === glossaryKey) {
      out.push(...cached.found);
      continue;
    }
    const source = readYaml(file, text, z.unknown());
    const strings = stringsOf(source.value).filter((s) => /\p{Script=Han}/u.test(s.text));
    // One conversion per file: no phrase or glossary term spans a line break.
    const rendered = toTraditional(strings.map((s) => s.text.replace(/\n/g, ' ')).join('\n')).split('\n');
    const found: Diagnostic[] = [];
    strings.forEach((s, i) => {
      for (const m of mistranslationsIn(rendered[i] ?? '', glossary)) {
        found.push({
          severity: 'error',
          file,
          line: source.lineOf(s.path) ?? 1,
          message: `the zh-TW rendering has "${m.text}" (${m.why}); Taiwan says "${m.instead}": add the zh-CN term to ${GLOSSARY_FILE} or reword. Rendered: ${rendered[i]!.slice(0, 80)}`,
        });
      }
    });
    cache.set(file, { text, glossary: glossaryKey, found });
    out.push(...found);
  }
  return out;
}
