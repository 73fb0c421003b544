import type { AuthoredLocale, Locale } from '../i18n/locale.js';
import { toTraditional } from '../text/chinese-script.js';
import type { KnowledgeFiles } from './load-files.js';
import { Phrasebook } from './phrasebook.js';
import type { ScriptFile } from './schema.js';
import { fuseRankings, LEXICAL_CANDIDATES } from './search-fusion.js';
import { SearchIndex, type LexicalRanking, type SearchDocument, type SearchHit } from './search-index.js';
import type { SearchModel } from './search-model.js';
import { shippedSearchModel } from './shipped-search-model.js';

/** The learned second opinion of search: none, or one read on the first search (idle memory). */
export type SearchModelSource = SearchModel | null | (() => SearchModel);

/** A script as served: hand-written (zh-CN, en) or derived (zh-TW). */
export type Script = Omit<ScriptFile, 'locale'> & { locale: Locale; file: string };

export interface Category {
  id: string;
  name: Record<Locale, string>;
}

export interface Entry {
  id: string;
  kind: ScriptFile['kind'];
  category: string;
  scripts: Partial<Record<Locale, Script>>;
}

const FALLBACK: Record<Locale, Locale[]> = {
  'zh-CN': ['zh-CN', 'en'],
  'zh-TW': ['zh-TW', 'zh-CN', 'en'],
  en: ['en', 'zh-CN'],
};

/** An immutable snapshot of the approved knowledge: what is served until the next reload. */
export class KnowledgeBase {
  readonly categories: readonly Category[];
  readonly #entries: Map<string, Entry>;
  readonly #index: SearchIndex;
  readonly #phrasebooks: Map<AuthoredLocale, Phrasebook>;
  #model: SearchModelSource;

  private constructor(categories: Category[], entries: Map<string, Entry>, phrasebooks: Map<AuthoredLocale, Phrasebook>, model: SearchModelSource) {
    this.categories = categories;
    this.#model = model;
    this.#entries = entries;
    this.#phrasebooks = phrasebooks;
    this.#index = SearchIndex.build([...entries.values()].map(searchDocumentOf));
  }

  /** `model`: the learned second opinion of search (the shipped one unless told; null for the lexical ranking alone). */
  static build(files: KnowledgeFiles, model: SearchModelSource = shippedSearchModel): KnowledgeBase {
    const categories = (files.categories?.value ?? []).map<Category>((c) => ({
      id: c.id,
      name: { 'zh-CN': c.name['zh-CN'], 'zh-TW': toTraditional(c.name['zh-CN']), en: c.name.en },
    }));
    const entries = new Map<string, Entry>();
    for (const { file, value } of files.scripts) {
      if (value.status !== 'approved') continue;
      const entry = entries.get(value.id) ?? { id: value.id, kind: value.kind, category: value.category, scripts: {} };
      entry.scripts[value.locale] = { ...value, file };
      entries.set(value.id, entry);
    }
    const phrasebooks = new Map(files.phrasebooks.map((p) => [p.value.locale, new Phrasebook(p.value)] as const));
    return new KnowledgeBase(categories, entries, phrasebooks, model);
  }

  get size(): number {
    return this.#entries.size;
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** The script in the locale asked for, or its nearest hand-written twin. */
  get(id: string, locale: Locale): Script | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    for (const candidate of FALLBACK[locale]) {
      const script = candidate === 'zh-TW' ? this.#traditional(entry) : entry.scripts[candidate];
      if (script) return script;
    }
    return undefined;
  }

  /** The case a query names by id (`/script parcel-delayed`), whatever its case; ids are opened, not searched. */
  idNamedBy(query: string): string | undefined {
    const id = query.trim().toLowerCase();
    return this.#entries.has(id) ? id : undefined;
  }

  /** What the index searches, one document per case (for benchmarks against other engines). */
  searchDocuments(): SearchDocument[] {
    return [...this.#entries.values()].map(searchDocumentOf);
  }

  /** Resolves once the background build of a large base's search index is done (at once for a small one). */
  whenSearchIndexed(): Promise<void> {
    return this.#index.whenSoundsIndexed();
  }

  /**
   * Best cases first, or none for "no match". The /script answer (strict, the default) combines the
   * lexical ranking with the learned model (search-fusion.ts); the loose list for autocomplete is lexical.
   */
  search(query: string, limit = 3, options?: { strict?: boolean }): SearchHit[] {
    if (options?.strict === false || this.#model === null) return this.#index.search(query, limit, options);
    if (typeof this.#model === 'function') this.#model = this.#model();
    return fuseRankings(this.lexicalRanking(query), this.#model.opinion(query, (id) => this.#entries.has(id)), this.#model.fusion, limit);
  }

  /** The lexical ranking alone: the best LEXICAL_CANDIDATES cases with no floor, and whether its floor would show the best. */
  lexicalRanking(query: string): LexicalRanking {
    return this.#index.rank(query, LEXICAL_CANDIDATES);
  }

  /** Entries grouped by category, in the order of categories.yaml, then by id. */
  entriesByCategory(): { category: Category | undefined; categoryId: string; entries: Entry[] }[] {
    const groups = new Map<string, Entry[]>();
    for (const c of this.categories) groups.set(c.id, []);
    for (const entry of [...this.#entries.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      const list = groups.get(entry.category) ?? [];
      list.push(entry);
      groups.set(entry.category, list);
    }
    return [...groups.entries()]
      .filter(([, entries]) => entries.length > 0)
      .map(([categoryId, entries]) => ({ categoryId, category: this.categories.find((c) => c.id === categoryId), entries }));
  }

  /** zh-TW is converted from zh-CN on first use and kept with the snapshot (OpenCC, Taiwan phrasing). */
  #traditional(entry: Entry): Script | undefined {
    const source = entry.scripts['zh-CN'];
    if (!source) return undefined;
    return (entry.scripts['zh-TW'] ??= traditionalOf(source));
  }

  phrasebook(locale: Locale): Phrasebook | undefined {
    return this.#phrasebooks.get(locale === 'en' ? 'en' : 'zh-CN');
  }
}

function searchDocumentOf(entry: Entry): SearchDocument {
  const authored = [entry.scripts['zh-CN'], entry.scripts.en].filter((s): s is Script => s !== undefined);
  const join = (pick: (s: Script) => readonly (string | undefined)[]) => authored.flatMap(pick).filter(Boolean).join('\n');
  return {
    id: entry.id,
    title: join((s) => [s.title]),
    aliases: join((s) => s.aliases),
    utterances: join((s) => s.utterances),
    body: join((s) => [s.appliesWhen, s.goal, ...s.steps, ...s.say]),
  };
}

function traditionalOf(script: Script): Script {
  const convert = (text: string) => toTraditional(text);
  return {
    ...script,
    locale: 'zh-TW',
    title: convert(script.title),
    aliases: script.aliases.map(convert),
    utterances: script.utterances.map(convert),
    appliesWhen: convert(script.appliesWhen),
    goal: convert(script.goal),
    steps: script.steps.map(convert),
    say: script.say.map(convert),
    neverSay: script.neverSay.map(convert),
    escalate: script.escalate === undefined ? undefined : convert(script.escalate),
    legal: script.legal === undefined ? undefined : convert(script.legal),
    approvedBy: script.approvedBy === undefined ? undefined : convert(script.approvedBy),
  } as Script;
}
