import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { CategoryFile, PhrasebookFile, ScriptFile } from './schema.js';
import { readYaml } from './yaml-source.js';

type Path = readonly PropertyKey[];

export interface SourceFile<T> {
  /** Path relative to the knowledge folder, as shown in diagnostics. */
  file: string;
  value: T;
  lineOf(path: Path): number | undefined;
}

/** Every parsed file of a knowledge folder; a file that failed to parse keeps its last good version. */
export interface KnowledgeFiles {
  dir: string;
  categories: SourceFile<CategoryFile> | undefined;
  scripts: SourceFile<ScriptFile>[];
  phrasebooks: SourceFile<PhrasebookFile>[];
  /** Files present but not served because they have errors and no last good version. */
  broken: string[];
}

export interface LoadedFiles {
  files: KnowledgeFiles;
  diagnostics: Diagnostic[];
}

const SCRIPT_NAME = /^([a-z0-9-]+)\.(zh-CN|en)\.ya?ml$/;
const PHRASEBOOK_NAME = /^(zh-CN|en)\.ya?ml$/;

export async function loadKnowledgeFiles(dir: string, previous?: KnowledgeFiles): Promise<LoadedFiles> {
  const diagnostics: Diagnostic[] = [];
  const broken: string[] = [];
  const keepPrevious = <T>(list: SourceFile<T>[] | undefined, file: string) => list?.find((s) => s.file === file);

  const categoriesResult = await readOne(dir, 'categories.yaml', CategoryFile, diagnostics);
  const categories =
    categoriesResult ?? (previous?.categories && reportKept(previous.categories, diagnostics));

  const scripts: SourceFile<ScriptFile>[] = [];
  const scriptNames = await listYaml(dir, 'scripts', diagnostics);
  const texts = await readAll(dir, scriptNames.map((name) => `scripts/${name}`));
  for (const name of scriptNames) {
    const file = `scripts/${name}`;
    const naming = SCRIPT_NAME.exec(name);
    if (!naming) {
      diagnostics.push({
        severity: 'error',
        file,
        message: 'file name must be <id>.<locale>.yaml with locale zh-CN or en, e.g. parcel-delayed.en.yaml',
      });
      continue;
    }
    const parsed = await readOne(dir, file, ScriptFile, diagnostics, texts.get(file));
    if (parsed && (parsed.value.id !== naming[1] || parsed.value.locale !== naming[2])) {
      diagnostics.push({
        severity: 'error',
        file,
        line: parsed.lineOf(parsed.value.id !== naming[1] ? ['id'] : ['locale']),
        message: `id and locale inside (${parsed.value.id}, ${parsed.value.locale}) must match the file name`,
      });
    } else if (parsed) {
      scripts.push(parsed);
      continue;
    }
    const kept = keepPrevious(previous?.scripts, file);
    if (kept) scripts.push(reportKept(kept, diagnostics));
    else broken.push(file);
  }

  const phrasebooks: SourceFile<PhrasebookFile>[] = [];
  for (const name of await listYaml(dir, 'phrasebook', diagnostics)) {
    const file = `phrasebook/${name}`;
    const naming = PHRASEBOOK_NAME.exec(name);
    const parsed = await readOne(dir, file, PhrasebookFile, diagnostics);
    if (parsed && naming && parsed.value.locale === naming[1]) {
      phrasebooks.push(parsed);
      continue;
    }
    if (parsed) {
      diagnostics.push({ severity: 'error', file, message: 'phrasebook files are named <locale>.yaml and hold that locale' });
    }
    const kept = keepPrevious(previous?.phrasebooks, file);
    if (kept) phrasebooks.push(reportKept(kept, diagnostics));
    else broken.push(file);
  }

  return { files: { dir, categories, scripts, phrasebooks, broken }, diagnostics };
}

/** Reads many files at once (a few dozen in flight), keeping errors for readOne to report. */
async function readAll(dir: string, files: readonly string[]): Promise<Map<string, string | Error>> {
  const texts = new Map<string, string | Error>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      texts.set(file, await readFile(path.join(dir, file), 'utf8').catch((error: Error) => error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, files.length) }, worker));
  return texts;
}

async function readOne<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  diagnostics: Diagnostic[],
  preread?: string | Error,
): Promise<SourceFile<z.infer<S>> | undefined> {
  const text = preread ?? (await readFile(path.join(dir, file), 'utf8').catch((error: Error) => error));
  if (text instanceof Error) {
    diagnostics.push({ severity: 'error', file, message: `cannot read: ${(text as NodeJS.ErrnoException).code ?? text.message}` });
    return undefined;
  }
  const source = readYaml(file, text, schema);
  diagnostics.push(...source.diagnostics);
  return source.value === undefined ? undefined : { file, value: source.value, lineOf: source.lineOf };
}

async function listYaml(dir: string, sub: string, diagnostics: Diagnostic[]): Promise<string[]> {
  try {
    const names = await readdir(path.join(dir, sub));
    return names.filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    diagnostics.push({ severity: 'error', file: `${sub}/`, message: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? error}` });
    return [];
  }
}

function reportKept<T>(kept: SourceFile<T>, diagnostics: Diagnostic[]): SourceFile<T> {
  diagnostics.push({ severity: 'warning', file: kept.file, message: 'still serving the last good version of this file until the errors above are fixed' });
  return kept;
}
