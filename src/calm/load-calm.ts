import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { AuthoredLocale } from '../i18n/locale.js';
import type { Diagnostic } from '../knowledge/diagnostics.js';
import type { SourceFile } from '../knowledge/load-files.js';
import { readYaml } from '../knowledge/yaml-source.js';
import { normalizeAuthoredText } from '../text/tokenize.js';
import { CrisisFile, FeelingFile, PracticesFile } from './schema.js';

/** The calm files live in this folder of the knowledge folder. */
export const CALM_FOLDER = 'calm';

/** Every parsed file of `knowledge/calm/`; a file that fails keeps its last good version. */
export interface CalmFiles {
  /** False when the knowledge folder has no `calm/` folder at all. */
  present: boolean;
  feelings: SourceFile<FeelingFile>[];
  practices: SourceFile<PracticesFile>[];
  crisis: SourceFile<CrisisFile>[];
  /** Files present but not served because they have errors and no last good version. */
  broken: string[];
}

export interface LoadedCalmFiles {
  files: CalmFiles;
  diagnostics: Diagnostic[];
}

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(zh-CN|en)\.ya?ml$/;

/** Reads and validates `<knowledgeDir>/calm/`: `<feeling>.<locale>.yaml`, `practices.<locale>.yaml`, `crisis.<locale>.yaml`. */
export async function loadCalmFiles(knowledgeDir: string, previous?: CalmFiles): Promise<LoadedCalmFiles> {
  const diagnostics: Diagnostic[] = [];
  const files: CalmFiles = { present: true, feelings: [], practices: [], crisis: [], broken: [] };
  let names: string[];
  try {
    names = (await readdir(path.join(knowledgeDir, CALM_FOLDER))).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { files: { ...files, present: false }, diagnostics };
    diagnostics.push({ severity: 'error', file: `${CALM_FOLDER}/`, message: `cannot read folder: ${code ?? String(error)}` });
    return { files: previous ?? files, diagnostics };
  }

  for (const name of names) {
    const file = `${CALM_FOLDER}/${name}`;
    const naming = FILE_NAME.exec(name);
    if (!naming) {
      diagnostics.push({
        severity: 'error',
        file,
        message: 'file name must be <feeling>.<locale>.yaml, practices.<locale>.yaml or crisis.<locale>.yaml with locale zh-CN or en',
      });
      continue;
    }
    const [, base, locale] = naming as unknown as [string, string, AuthoredLocale];
    const text = await readFile(path.join(knowledgeDir, file), 'utf8').catch((error: NodeJS.ErrnoException) => error);
    if (text instanceof Error) {
      diagnostics.push({ severity: 'error', file, message: `cannot read: ${(text as NodeJS.ErrnoException).code ?? text.message}` });
      keepOrBreak(files, previous, file, diagnostics);
      continue;
    }
    if (base === 'practices') {
      const parsed = parse(file, text, PracticesFile, diagnostics);
      if (parsed && checkLocale(parsed, locale, diagnostics)) files.practices.push(parsed);
      else keepOrBreak(files, previous, file, diagnostics);
    } else if (base === 'crisis') {
      const parsed = parse(file, text, CrisisFile, diagnostics);
      if (parsed && checkLocale(parsed, locale, diagnostics)) files.crisis.push(parsed);
      else keepOrBreak(files, previous, file, diagnostics);
    } else {
      const parsed = parse(file, text, FeelingFile, diagnostics);
      if (parsed && parsed.value.id !== base) {
        diagnostics.push({ severity: 'error', file, line: parsed.lineOf(['id']), message: `id "${parsed.value.id}" must match the file name (${base})` });
        keepOrBreak(files, previous, file, diagnostics);
      } else if (parsed && checkLocale(parsed, locale, diagnostics)) {
        files.feelings.push(parsed);
      } else {
        keepOrBreak(files, previous, file, diagnostics);
      }
    }
  }
  return { files, diagnostics };
}

function parse<S extends z.ZodType>(file: string, text: string, schema: S, diagnostics: Diagnostic[]): SourceFile<z.infer<S>> | undefined {
  const source = readYaml(file, text, schema);
  diagnostics.push(...source.diagnostics);
  return source.value === undefined ? undefined : { file, value: source.value, lineOf: source.lineOf };
}

function checkLocale(source: SourceFile<{ locale: AuthoredLocale }>, locale: AuthoredLocale, diagnostics: Diagnostic[]): boolean {
  if (source.value.locale === locale) return true;
  diagnostics.push({ severity: 'error', file: source.file, line: source.lineOf(['locale']), message: `locale "${source.value.locale}" must match the file name (${locale})` });
  return false;
}

function keepOrBreak(files: CalmFiles, previous: CalmFiles | undefined, file: string, diagnostics: Diagnostic[]): void {
  const lists = ['feelings', 'practices', 'crisis'] as const;
  for (const list of lists) {
    const kept = (previous?.[list] as SourceFile<unknown>[] | undefined)?.find((s) => s.file === file);
    if (kept) {
      (files[list] as SourceFile<unknown>[]).push(kept);
      diagnostics.push({ severity: 'warning', file, message: 'still serving the last good version of this file until the errors above are fixed' });
      return;
    }
  }
  files.broken.push(file);
}

/**
 * Rules across the calm files: every feeling has its zh-CN and en twin with the same order
 * and status, each practice it names exists in that locale, both practices and crisis files
 * exist with the same practices, a match phrase belongs to one feeling, reviews are not overdue.
 * `today` is YYYY-MM-DD in the team's time zone. A knowledge folder without `calm/` is not checked.
 */
export function checkCalm(files: CalmFiles, today: string): Diagnostic[] {
  if (!files.present) return [];
  const out: Diagnostic[] = [];
  const broken = new Set(files.broken);
  const err = (source: SourceFile<unknown>, at: readonly PropertyKey[], message: string, severity: Diagnostic['severity'] = 'error') =>
    out.push({ severity, file: source.file, line: source.lineOf(at), message });

  for (const kind of ['practices', 'crisis'] as const) {
    for (const locale of AuthoredLocale.options) {
      const file = `${CALM_FOLDER}/${kind}.${locale}.yaml`;
      if (!files[kind].some((s) => s.value.locale === locale) && !broken.has(file)) {
        out.push({ severity: 'error', file, message: `the ${locale} ${kind} file is missing; /calm needs it` });
      }
    }
  }

  const practiceIds = new Map<AuthoredLocale, Map<string, string>>();
  for (const source of files.practices) {
    const ids = new Map<string, string>();
    source.value.practices.forEach((p, i) => {
      if (ids.has(p.id)) err(source, ['practices', i, 'id'], `practice "${p.id}" is listed twice`);
      ids.set(p.id, p.kind);
    });
    practiceIds.set(source.value.locale, ids);
  }
  const [zhPractices, enPractices] = [practiceIds.get('zh-CN'), practiceIds.get('en')];
  if (zhPractices && enPractices) {
    for (const source of files.practices) {
      const other = source.value.locale === 'zh-CN' ? enPractices : zhPractices;
      source.value.practices.forEach((p, i) => {
        if (!other.has(p.id)) err(source, ['practices', i, 'id'], `practice "${p.id}" has no twin in the other locale's practices file`);
        else if (other.get(p.id) !== p.kind) err(source, ['practices', i, 'kind'], `practice "${p.id}" is "${p.kind}" here but "${other.get(p.id)}" in the other locale`);
      });
    }
  }

  const byId = new Map<string, SourceFile<FeelingFile>[]>();
  for (const s of files.feelings) byId.set(s.value.id, [...(byId.get(s.value.id) ?? []), s]);
  for (const [id, twins] of byId) {
    for (const locale of AuthoredLocale.options) {
      const twinFile = `${CALM_FOLDER}/${id}.${locale}.yaml`;
      if (!twins.some((t) => t.value.locale === locale) && !broken.has(twinFile)) err(twins[0]!, ['id'], `"${id}" has no ${locale} twin; add ${twinFile}`);
    }
    const [first, ...rest] = twins;
    for (const other of rest) {
      for (const field of ['order', 'status'] as const) {
        if (other.value[field] !== first!.value[field]) {
          err(other, [field], `${field} "${other.value[field]}" differs from its twin ${first!.file} ("${first!.value[field]}")`);
        }
      }
    }
  }

  const orders = new Map<string, string>();
  const phrases = new Map<string, { id: string; file: string }>();
  for (const source of files.feelings) {
    const { id, locale, order } = source.value;
    const orderKey = `${locale}\u0000${order}`;
    const orderOwner = orders.get(orderKey);
    if (orderOwner && orderOwner !== id) err(source, ['order'], `order ${order} is also used by "${orderOwner}"; the menu order would be arbitrary`, 'warning');
    orders.set(orderKey, id);

    const known = practiceIds.get(locale);
    source.value.practices.forEach((practice, i) => {
      if (known && !known.has(practice)) err(source, ['practices', i], `unknown practice "${practice}"; use one of ${[...known.keys()].join(', ')}`);
    });
    source.value.match.forEach((phrase, i) => {
      const key = `${locale}\u0000${normalizeAuthoredText(phrase).replace(/\s+/g, ' ').trim()}`;
      const owner = phrases.get(key);
      if (owner && owner.id === id) err(source, ['match', i], `"${phrase}" is listed twice`, 'warning');
      else if (owner) err(source, ['match', i], `"${phrase}" is also a match phrase of "${owner.id}" (${owner.file}); a phrase should point at one feeling`, 'warning');
      else phrases.set(key, { id, file: source.file });
    });
  }

  for (const source of [...files.feelings, ...files.practices, ...files.crisis] as SourceFile<{ status: string; reviewBy: string }>[]) {
    if (source.value.status === 'approved' && source.value.reviewBy < today) {
      err(source, ['reviewBy'], `review was due on ${source.value.reviewBy}; it is still served until it is reviewed`, 'warning');
    }
  }
  return out;
}

/** One line for `knowledge check`: what the calm folder holds. */
export function describeCalmFiles(files: CalmFiles): string {
  const ids = new Set(files.feelings.map((f) => f.value.id)).size;
  return `calm: ${files.feelings.length} feeling files (${ids} feelings), ${files.practices.length} practices files, ${files.crisis.length} crisis files`;
}
