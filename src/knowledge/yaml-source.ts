import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import { createRequire } from 'node:module';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.js';

type Path = readonly PropertyKey[];

/** A parsed YAML file that can say on which line any value sits. */
export interface YamlSource<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
  lineOf(path: Path): number | undefined;
}

/**
 * Parses and validates one YAML file. The common case (a valid file) takes the fast parser
 * (js-yaml, about five times quicker on our files); positions are worked out with the `yaml`
 * library only when a diagnostic needs a line, and every invalid file takes that path so its
 * messages carry exact lines.
 */
export function readYaml<S extends z.ZodType>(file: string, text: string, schema: S): YamlSource<z.infer<S>> {
  let data: unknown;
  try {
    data = loadFast(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return readYamlWithPositions(file, text, schema);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return readYamlWithPositions(file, text, schema);
  let positions: ((path: Path) => number | undefined) | undefined;
  return {
    value: parsed.data,
    diagnostics: [],
    lineOf: (path) => (positions ??= readYamlWithPositions(file, text, schema).lineOf)(path),
  };
}

/**
 * The `yaml` library (~9 MB resident) is loaded on the first file that needs line positions:
 * valid files at start-up never do. Loaded synchronously (its CommonJS build), as readYaml is.
 */
let yamlLib: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  return (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

function readYamlWithPositions<S extends z.ZodType>(file: string, text: string, schema: S): YamlSource<z.infer<S>> {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOf = (path: Path) => lineOfPath(doc, path, lineAt);

  const syntaxErrors = doc.errors.map<Diagnostic>((e) => ({
    severity: 'error',
    file,
    line: e.linePos?.[0]?.line ?? lineAt(e.pos[0]),
    message: `YAML syntax: ${firstLine(e.message)}`,
  }));
  if (syntaxErrors.length) return { value: undefined, diagnostics: syntaxErrors, lineOf };

  const data: unknown = doc.toJS();
  const parsed = schema.safeParse(data);
  if (parsed.success) return { value: parsed.data, diagnostics: [], lineOf };

  const diagnostics = parsed.error.issues.map<Diagnostic>((issue) => ({
    severity: 'error',
    file,
    line: lineOf(issue.path) ?? 1,
    message: describeIssue(issue, data),
  }));
  return { value: undefined, diagnostics, lineOf };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field = issue.path.length ? issue.path.map(String).join('.') : 'file';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${field}` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where} (check the spelling against knowledge/README.md)`;
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(data, issue.path);
    if (value === undefined) return `${field}: missing; this field is required`;
    if (issue.expected === 'string' && value !== null && typeof value === 'object') {
      return `${field}: expected text but YAML read a "key: value" pair; put the line in quotes (a colon followed by a space starts a key in YAML)`;
    }
  }
  return `${field}: ${issue.message}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Line of the deepest node on the path that exists (a missing field points at its parent). */
function lineOfPath(doc: Document, path: Path, lineAt: (offset: number) => number): number | undefined {
  const { isMap, isNode, isScalar } = yaml();
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    const node = prefix.length ? doc.getIn(prefix, true) : doc.contents;
    if (isNode(node) && node.range) return lineAt(node.range[0]);
    if (depth > 0) {
      const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[depth - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
      }
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
