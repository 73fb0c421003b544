import type { AuthoredLocale, Locale } from '../i18n/locale.js';
import { toTraditional } from '../text/chinese-script.js';
import { CrisisDetector } from './crisis-detector.js';
import type { CrisisModel } from './crisis-model.js';
import { FeelingMatcher } from './feeling-matcher.js';
import type { CalmFiles } from './load-calm.js';
import type { CalmPrompt, FeelingFile, Practice } from './schema.js';

/** A feeling as shown to a person in one locale, its practices resolved. */
export interface Feeling {
  id: string;
  order: number;
  label: string;
  prompts: readonly CalmPrompt[];
  practices: readonly Practice[];
}

interface LocaleContent {
  feelings: Map<string, Feeling>;
  practices: Map<string, Practice>;
  crisis: readonly string[] | undefined;
  threat: readonly string[] | undefined;
}

/**
 * What /calm serves: the approved calm files, per locale, zh-TW converted from zh-CN when
 * loaded. A locale a file is missing in falls back to the other authored locale.
 */
export class CalmLibrary {
  readonly matcher: FeelingMatcher;
  readonly crisis: CrisisDetector;
  readonly #byLocale: Record<Locale, LocaleContent>;
  readonly #ids: readonly string[];

  private constructor(byLocale: Record<Locale, LocaleContent>, ids: readonly string[], matcher: FeelingMatcher, crisis: CrisisDetector) {
    this.#byLocale = byLocale;
    this.#ids = ids;
    this.matcher = matcher;
    this.crisis = crisis;
  }

  /** `crisisModel`: the crisis check's learned second opinion; the shipped one unless given, `null` for the rules alone. */
  static build(files: CalmFiles, crisisModel?: CrisisModel | null): CalmLibrary {
    const approved = files.feelings.map((s) => s.value).filter((f) => f.status === 'approved');
    const practiceFiles = files.practices.map((s) => s.value).filter((p) => p.status === 'approved');
    const crisisFiles = files.crisis.map((s) => s.value).filter((c) => c.status === 'approved');

    const practicesIn = (locale: AuthoredLocale) => {
      const file = practiceFiles.find((p) => p.locale === locale) ?? practiceFiles.find((p) => p.locale !== locale);
      return new Map((file?.practices ?? []).map((p) => [p.id, p] as const));
    };
    const authored = (locale: AuthoredLocale): LocaleContent => {
      const practices = practicesIn(locale);
      const other = practicesIn(locale === 'en' ? 'zh-CN' : 'en');
      const feelings = new Map<string, Feeling>();
      const ids = [...new Set(approved.map((f) => f.id))];
      for (const id of ids) {
        const own = approved.find((f) => f.id === id && f.locale === locale);
        const file = own ?? approved.find((f) => f.id === id)!;
        const pool = own ? practices : other;
        feelings.set(id, toFeeling(file, pool));
      }
      const crisisFile = crisisFiles.find((c) => c.locale === locale) ?? crisisFiles.find((c) => c.locale !== locale);
      return { feelings, practices, crisis: crisisFile?.message, threat: crisisFile?.threatMessage };
    };
    const zhCN = authored('zh-CN');
    const byLocale: Record<Locale, LocaleContent> = { 'zh-CN': zhCN, en: authored('en'), 'zh-TW': traditional(zhCN) };

    const ids = [...byLocale.en.feelings.values()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).map((f) => f.id);
    const matcher = new FeelingMatcher(
      ids.map((id) => ({
        id,
        phrases: [id.replace(/-/g, ' '), ...approved.filter((f) => f.id === id).flatMap((f) => [f.label, ...f.match])],
      })),
    );
    const crisis = new CrisisDetector(
      {
        self: files.crisis.flatMap((c) => c.value.match),
        threat: files.crisis.flatMap((c) => c.value.threatMatch ?? []),
        menu: approved.flatMap((f) => [f.label, ...f.match]),
      },
      crisisModel,
    );
    return new CalmLibrary(byLocale, ids, matcher, crisis);
  }

  /** Number of feelings served. */
  get size(): number {
    return this.#ids.length;
  }

  has(id: string): boolean {
    return this.#ids.includes(id);
  }

  /** Every feeling in menu order. */
  feelings(locale: Locale): Feeling[] {
    const content = this.#byLocale[locale];
    return this.#ids.map((id) => content.feelings.get(id)!);
  }

  feeling(id: string, locale: Locale): Feeling | undefined {
    return this.#byLocale[locale].feelings.get(id);
  }

  practice(id: string, locale: Locale): Practice | undefined {
    return this.#byLocale[locale].practices.get(id);
  }

  /** The practice for a guided minute: the one asked for when it is a breathing practice, else the first breathing one. */
  breathing(locale: Locale, preferred?: string): Practice | undefined {
    const practices = this.#byLocale[locale].practices;
    const asked = preferred ? practices.get(preferred) : undefined;
    if (asked?.kind === 'breathing' && asked.breath) return asked;
    return [...practices.values()].find((p) => p.kind === 'breathing' && p.breath);
  }

  /** The crisis message lines, or undefined when no crisis file is served. */
  crisisMessage(locale: Locale): readonly string[] | undefined {
    return this.#byLocale[locale].crisis;
  }

  /** The lines for a threat to the person's safety, or undefined when no crisis file has them. */
  threatMessage(locale: Locale): readonly string[] | undefined {
    return this.#byLocale[locale].threat;
  }
}

function toFeeling(file: FeelingFile, practices: ReadonlyMap<string, Practice>): Feeling {
  return {
    id: file.id,
    order: file.order,
    label: file.label,
    prompts: file.prompts,
    practices: file.practices.map((id) => practices.get(id)).filter((p): p is Practice => p !== undefined),
  };
}

function traditional(content: LocaleContent): LocaleContent {
  const practice = (p: Practice): Practice => ({ ...p, title: toTraditional(p.title), steps: p.steps.map(toTraditional) });
  const feelings = new Map<string, Feeling>();
  for (const [id, f] of content.feelings) {
    feelings.set(id, {
      ...f,
      label: toTraditional(f.label),
      prompts: f.prompts.map((p) => ({ selfTalk: toTraditional(p.selfTalk), reframe: toTraditional(p.reframe) })),
      practices: f.practices.map(practice),
    });
  }
  return {
    feelings,
    practices: new Map([...content.practices].map(([id, p]) => [id, practice(p)] as const)),
    crisis: content.crisis?.map(toTraditional),
    threat: content.threat?.map(toTraditional),
  };
}
