import { AuthoredLocale } from '../i18n/locale.js';
import { normalizeAuthoredText } from '../text/tokenize.js';
import { checkApprovalChat } from './approval-chat.js';
import { checkTaiwanRenderings } from './check-zh-tw.js';
import { checkTaiwanSearchWords } from './check-zh-tw-search.js';
import { checkSearchSynonyms } from './check-search-synonyms.js';
import type { Diagnostic } from './diagnostics.js';
import type { KnowledgeFiles, SourceFile } from './load-files.js';
import { Phrasebook } from './phrasebook.js';
import type { ScriptFile } from './schema.js';
import { checkTimeWords } from './time-words.js';

/**
 * Rules that span files: categories exist, every id has its locale twin with the same kind
 * and category, aliases are unique per locale, `say` lines pass the phrasebook, and reviews
 * are not overdue. `today` is YYYY-MM-DD in the team's time zone.
 */
export function checkKnowledge(files: KnowledgeFiles, today: string): Diagnostic[] {
  return [
    ...checkCategories(files),
    ...checkTwins(files.scripts, new Set(files.broken)),
    ...checkAliases(files.scripts),
    ...checkSayLines(files),
    ...checkTimeWords(files.scripts),
    ...checkReviews(files.scripts, today),
    ...checkApprovalChat(files.scripts),
    ...checkTaiwanRenderings(files.dir),
    ...checkTaiwanSearchWords(files.dir),
    ...checkSearchSynonyms(files.dir),
  ];
}

function checkCategories(files: KnowledgeFiles): Diagnostic[] {
  if (!files.categories) return [];
  const known = new Set(files.categories.value.map((c) => c.id));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  files.categories.value.forEach((c, i) => {
    if (seen.has(c.id)) out.push(error(files.categories!, [i, 'id'], `category "${c.id}" is listed twice`));
    seen.add(c.id);
  });
  for (const s of files.scripts) {
    if (!known.has(s.value.category)) {
      out.push(error(s, ['category'], `unknown category "${s.value.category}"; use one of ${[...known].join(', ')} or add it to categories.yaml`));
    }
  }
  return out;
}

function checkTwins(scripts: readonly SourceFile<ScriptFile>[], broken: ReadonlySet<string>): Diagnostic[] {
  const byId = new Map<string, SourceFile<ScriptFile>[]>();
  for (const s of scripts) byId.set(s.value.id, [...(byId.get(s.value.id) ?? []), s]);
  const out: Diagnostic[] = [];
  for (const [id, twins] of byId) {
    for (const locale of AuthoredLocale.options) {
      const twinFile = `scripts/${id}.${locale}.yaml`;
      if (!twins.some((t) => t.value.locale === locale) && !broken.has(twinFile)) {
        out.push(error(twins[0]!, ['id'], `"${id}" has no ${locale} twin; add ${twinFile}`));
      }
    }
    const [first, ...rest] = twins;
    for (const other of rest) {
      for (const field of ['kind', 'category', 'status'] as const) {
        if (other.value[field] !== first!.value[field]) {
          out.push(error(other, [field], `${field} "${other.value[field]}" differs from its twin ${first!.file} ("${first!.value[field]}")`));
        }
      }
    }
  }
  return out;
}

function checkAliases(scripts: readonly SourceFile<ScriptFile>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const owners = new Map<string, { source: SourceFile<ScriptFile>; index: number }>();
  for (const source of scripts) {
    if (source.value.status === 'retired') continue;
    source.value.aliases.forEach((alias, index) => {
      const key = `${source.value.locale}\u0000${normalizeAuthoredText(alias).replace(/\s+/g, ' ').trim()}`;
      const owner = owners.get(key);
      if (!owner) {
        owners.set(key, { source, index });
      } else if (owner.source === source) {
        out.push(error(source, ['aliases', index], `alias "${alias}" is listed twice in this file`));
      } else {
        out.push(error(source, ['aliases', index], `alias "${alias}" is also an alias of "${owner.source.value.id}" (${owner.source.file}:${owner.source.lineOf(['aliases', owner.index]) ?? 1}); an alias must point at one case`));
      }
    });
  }
  return out;
}

function checkSayLines(files: KnowledgeFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const books = new Map(files.phrasebooks.map((p) => [p.value.locale, new Phrasebook(p.value)] as const));
  for (const locale of AuthoredLocale.options) {
    if (!books.has(locale) && !files.broken.includes(`phrasebook/${locale}.yaml`)) out.push({ severity: 'error', file: `phrasebook/${locale}.yaml`, message: `the ${locale} phrasebook is missing` });
  }
  for (const source of files.scripts) {
    const book = books.get(source.value.locale);
    if (!book) continue;
    source.value.say.forEach((line, index) => {
      for (const hit of book.findIn(line, { authored: true })) {
        out.push({
          severity: hit.severity === 'banned' ? 'error' : 'warning',
          file: source.file,
          line: source.lineOf(['say', index]),
          message: `say line uses ${hit.severity} phrase "${hit.found}" (${hit.entry.id}); try: ${hit.entry.rewrite}`,
        });
      }
    });
  }
  return out;
}

function checkReviews(scripts: readonly SourceFile<ScriptFile>[], today: string): Diagnostic[] {
  return scripts
    .filter((s) => s.value.status === 'approved' && s.value.reviewBy < today)
    .map((s) => ({
      severity: 'warning' as const,
      file: s.file,
      line: s.lineOf(['reviewBy']),
      message: `review was due on ${s.value.reviewBy}; it is still served, marked as due for review`,
    }));
}

function error(source: SourceFile<unknown>, path: readonly PropertyKey[], message: string): Diagnostic {
  return { severity: 'error', file: source.file, line: source.lineOf(path), message };
}
