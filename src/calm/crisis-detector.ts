import { hasHan, toSimplified } from '../text/chinese-script.js';
import type { CrisisModel } from './crisis-model.js';
import { matchesOf, type CrisisRule, type CrisisRules } from './crisis-rule.js';
import { EN_RULES } from './crisis-rules.en.js';
import { PINYIN_RULES, TYPED_PINYIN_RULES } from './crisis-rules.pinyin.js';
import { ZH_RULES } from './crisis-rules.zh.js';
import { readCrisisText, soundOf } from './crisis-text.js';
import { givesTheModelEnough } from './model-evidence.js';
import { shippedCrisisModel } from './shipped-crisis-model.js';

/**
 * What the words suggest:
 * - `self`: the writer may be in danger from themselves (suicidal thoughts, self-harm, a plan or means);
 *   also the writer meaning to hurt someone (crisis-harm-others.ts): either way they need a person now;
 * - `threat`: someone (a caller, a customer) threatens the writer's safety;
 * - `other`: someone else, usually a caller, may harm themselves ("客户说要跳楼");
 * - `none`: nothing of the kind, including everyday hyperbole and complaint threats.
 */
export type CrisisKind = 'self' | 'threat' | 'other' | 'none';

export interface CrisisFinding {
  kind: CrisisKind;
  /** Which rules fired (rule ids, `phrase` for a phrase from the crisis files, `model` for the learned second opinion); for tests and reports, never logged with the text. */
  rules: string[];
  /**
   * Only with `none`: the rules found nothing and the model is unsure (crisis-model.ts checkInThreshold), or the rules
   * explained the words away where the model would have alarmed. The person gets what they asked for, with a direct
   * question about their safety and the offer to tell their lead.
   */
  checkIn?: true;
}

/** Extra phrases from the reviewed crisis files: `self` ones about the writer, `threat` ones about their safety. */
export interface CrisisPhrases {
  self?: readonly string[];
  threat?: readonly string[];
  /**
   * The /calm menu's own feeling words (labels and match phrases): a message that is only one of them
   * (不想再接了, "drained") is that feeling, so the model is not asked. Otherwise the model's threshold
   * would have to sit above every menu word, and the highest one set it for every message.
   */
  menu?: readonly string[];
}

interface CompiledPhrases {
  han: string[];
  latin: string[];
}

type Form = 'han' | 'latin' | 'sound' | 'typed';

/** Each rule set and the form of the text it reads; the sound form is built from the other two once they are cleaned. */
const LANGUAGES: readonly { rules: CrisisRules; form: Form }[] = [
  { rules: ZH_RULES, form: 'han' },
  { rules: EN_RULES, form: 'latin' },
  { rules: PINYIN_RULES, form: 'sound' },
  { rules: TYPED_PINYIN_RULES, form: 'typed' },
];

/**
 * Says whether typed text suggests someone may be in danger, in Chinese (Simplified or
 * Traditional) and English, by general rules (crisis-rules.zh.ts, crisis-rules.en.ts) plus
 * the phrases in the crisis files; where they find nothing, a learned model (crisis-model.ts)
 * gives a second opinion on wordings no rule was written for. It errs towards yes: a false alarm
 * costs a kind message, a miss costs far more.
 */
export class CrisisDetector {
  readonly #self: CompiledPhrases;
  readonly #threat: CompiledPhrases;
  readonly #menu: ReadonlySet<string>;
  #model: CrisisModel | null | (() => CrisisModel);

  /**
   * `model`: the rescue asked when the rules say nothing; the shipped one unless given, `null` for
   * the rules alone. Given as a function it is loaded on first need, so a bot that never runs
   * /calm never holds the weights (idle memory).
   */
  constructor(phrases: CrisisPhrases = {}, model: CrisisModel | null | (() => CrisisModel) = shippedCrisisModel) {
    this.#self = compile(phrases.self ?? []);
    this.#threat = compile(phrases.threat ?? []);
    this.#menu = new Set((phrases.menu ?? []).map(menuKey));
    this.#model = model;
  }

  #rescue(): CrisisModel | null {
    if (typeof this.#model === 'function') this.#model = this.#model();
    return this.#model;
  }

  /** True when the text suggests anyone may be in danger. */
  test(text: string): boolean {
    return this.assess(text).kind !== 'none';
  }

  assess(text: string): CrisisFinding {
    const { finding: byRules, explained, denied } = this.#readByRules(text);
    if (!this.#modelMayWeigh(text, byRules)) return byRules;
    const model = this.#rescue();
    if (!model) return byRules;
    const { verdict: kind, sure } = model.assess(text);
    // Where the rules explained the death words as ordinary (hyperbole, a negation, a laugh), the model's word
    // statistics mostly second-guess them (that was most of its false alarms): where it would have raised the alarm,
    // the person gets the safety question instead, unless the model is sure (its overrule threshold): a new writer's
    // "lol" or "not joking this time" after a real plan is what those scores were (bench/crisis-model.ts OVERRULE_FROM).
    // A plain negation ("我没想自杀，只是太累了", "I'm not suicidal") is never overruled: the person said what they meant,
    // and at most gets the question (round 14, when the model trained on more writers scored such denials over 0.5).
    if (explained && (!sure || denied)) return kind === 'self' || kind === 'threat' ? { ...byRules, checkIn: true } : byRules;
    if (kind === 'unsure') return { ...byRules, checkIn: true };
    return kind === 'none' ? byRules : { kind, rules: ['model'] };
  }

  /** The rules found nothing, and the message is more than a menu word and has enough of the writer's own words. */
  #modelMayWeigh(text: string, byRules: CrisisFinding): boolean {
    return byRules.kind === 'none' && givesTheModelEnough(text) && !this.#menu.has(menuKey(text));
  }

  /** The rules' answer alone, without the model. */
  assessByRules(text: string): CrisisFinding {
    return this.#readByRules(text).finding;
  }

  /** The rules' answer, and whether `assess` would ask the model at all (it does not where the rules explained words away). */
  readByRules(text: string): { finding: CrisisFinding; asksModel: boolean } {
    const { finding, explained } = this.#readByRules(text);
    return { finding, asksModel: !explained && this.#modelMayWeigh(text, finding) };
  }

  /** The rules' answer, whether their hyperbole or negation step explained some of the words away, and whether a plain negation did. */
  #readByRules(text: string): { finding: CrisisFinding; explained: boolean; denied: boolean } {
    if (!text.trim()) return { finding: { kind: 'none', rules: [] }, explained: false, denied: false };
    const read = readCrisisText(text);
    const cleaned: Record<Form, string> = { han: '', latin: '', sound: '', typed: '' };
    const self: string[] = [];
    const other: string[] = [];
    const threat: string[] = [];
    let explained = false;
    let denied = false;
    for (const { rules, form } of LANGUAGES) {
      if (!worthReading(read, form)) continue;
      const source = form === 'sound' ? soundOf(cleaned.han, cleaned.latin) : form === 'typed' ? cleaned.latin : read[form];
      const masked = (cleaned[form] = withoutOrdinary(source, rules));
      if (masked !== source || rules.ordinaryContext?.test(source)) explained = true;
      if (rules.negation.some((pattern) => source.search(pattern) >= 0)) denied = true;
      let retold: string | undefined;
      for (const rule of rules.self) {
        if (!applies(rule, masked, rules)) {
          explained ||= rule.pattern.test(masked);
          continue;
        }
        const starts = matchesOf(rule.pattern, masked);
        for (const at of starts) {
          // The sound form repeats what the Chinese said: when the Chinese reading found it is about someone else, so is the sound.
          const elsewhere = form === 'sound' && other.length > 0;
          (elsewhere || (!rule.writerOnly && isAboutSomeoneElse(masked, at, rules)) ? other : self).push(rule.id);
        }
        if (rules.retell && starts.length === 0) {
          retold ??= rules.retell.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), masked);
          if (retold !== masked && rule.pattern.test(retold)) other.push(rule.id);
        }
      }
      const allClear = rules.allClear?.test(masked) ?? false;
      for (const rule of rules.threat) {
        if (!rule.pattern.test(masked)) continue;
        if (!allClear && applies(rule, masked, rules)) threat.push(rule.id);
        else explained = true;
      }
      const phrases = form === 'sound' || form === 'typed' ? { self: [], threat: [] } : { self: this.#self[form], threat: this.#threat[form] };
      for (const phrase of phrases.self) {
        // A phrase a built-in rule already reads is left to that rule, with its ordinary exceptions (活着好累 after a long shift).
        if (coveredByRules(phrase, rules)) continue;
        const at = masked.indexOf(phrase);
        if (at >= 0) (isAboutSomeoneElse(masked, at, rules) ? other : self).push('phrase');
      }
      if (phrases.threat.some((p) => masked.includes(p))) {
        // A scare the writer says turned out harmless, as for the threat rules.
        if (allClear) explained = true;
        else threat.push('phrase');
      }
    }
    const finding: CrisisFinding = self.length
      ? { kind: 'self', rules: unique(self) }
      : threat.length
        ? { kind: 'threat', rules: unique(threat) }
        : other.length
          ? { kind: 'other', rules: unique(other) }
          : { kind: 'none', rules: [] };
    return { finding, explained, denied };
  }
}

/** Chinese rules read only text with Chinese (or a grave emoji) in it, English and pinyin rules only text with Latin words: speed, not meaning. */
function worthReading(read: { han: string; latin: string }, form: Form): boolean {
  if (form === 'han') return /\p{Script=Han}|\u{1FAA6}|\u26B0/u.test(read.han);
  if (form === 'sound') return /\p{Script=Han}/u.test(read.han) || /[a-z]{2}/.test(read.latin);
  return /[a-z]{2}/.test(read.latin);
}

const covered = new WeakMap<CrisisRules, Map<string, boolean>>();
function coveredByRules(phrase: string, rules: CrisisRules): boolean {
  const known = covered.get(rules) ?? new Map<string, boolean>();
  covered.set(rules, known);
  let found = known.get(phrase);
  if (found === undefined) known.set(phrase, (found = rules.self.some((rule) => rule.pattern.test(phrase))));
  return found;
}

/** A menu word as typed: Simplified, lower case, letters, digits and single spaces only. */
function menuKey(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function compile(phrases: readonly string[]): CompiledPhrases {
  const han: string[] = [];
  const latin: string[] = [];
  for (const phrase of phrases) {
    if (hasHan(phrase)) han.push(toSimplified(phrase.normalize('NFKC').toLowerCase()).replace(/\s+/gu, ''));
    else {
      const words = readCrisisText(phrase).latin.trim();
      if (words) latin.push(` ${words} `);
    }
  }
  return { han: han.filter(Boolean), latin };
}

/** Hyperbole (unless the writer says they mean it) and plain negations become a gap, so no rule reads them or across them. */
function withoutOrdinary(text: string, rules: CrisisRules): string {
  const ordinary = rules.sincere.test(text) ? rules.negation : [...rules.hyperbole, ...rules.negation];
  return ordinary.reduce((t, pattern) => t.replace(pattern, ' _ '), text);
}

function applies(rule: CrisisRule, text: string, rules: CrisisRules): boolean {
  if (rule.unless?.test(text)) return false;
  return !(rule.unlessComplaint && rules.complaint.test(text));
}

/** True when, just before the words, another person is the subject after the writer's last "I". */
function isAboutSomeoneElse(text: string, at: number, rules: CrisisRules): boolean {
  const clause = text.slice(Math.max(0, at - rules.window), at).split(rules.clauseEnd).pop() ?? '';
  const before = rules.actsOnWriter ? clause.replace(rules.actsOnWriter, (m) => '_'.repeat(m.length)) : clause;
  const last = (pattern: RegExp) => Math.max(-1, ...[...before.matchAll(pattern)].map((m) => m.index));
  return last(rules.someoneElse) > last(rules.writer);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
