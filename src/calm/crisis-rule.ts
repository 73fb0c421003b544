/**
 * The shape of one language's crisis rules. A rule is one concept (wanting to die, a plan, a
 * way of hurting oneself, someone waiting outside) written as the ways people say it; the
 * detector decides who it is about and whether the context makes it ordinary.
 */
export interface CrisisRule {
  /** A short name for reports and tests; never shown to the person. */
  id: string;
  pattern: RegExp;
  /** The whole message makes this rule say nothing (e.g. a farewell on someone's last day at work). */
  unless?: RegExp;
  /** Says nothing when the message is about a complaint or a lawsuit ("你等着，我去投诉你"). */
  unlessComplaint?: boolean;
  /** The words only make sense about the writer (wanting to join someone who died), whoever is named before them. */
  writerOnly?: boolean;
}

export interface CrisisRules {
  /** Everyday hyperbole (累死了, "this job is killing me"), removed before any rule runs unless the writer says they mean it (global patterns). */
  hyperbole: readonly RegExp[];
  /** "I'm not suicidal", "我不会想不开": plain negations, removed before any rule runs (global patterns). */
  negation: readonly RegExp[];
  /** "不是说说而已", "I mean it": the writer says they mean it, so hyperbole is read literally. */
  sincere: RegExp;
  /**
   * The message says why its words are ordinary (leaving the job, a holiday, a transfer): the rules still read it,
   * but the learned model, which cannot see such reasons, is not asked.
   */
  ordinaryContext?: RegExp;
  /** The writer may be in danger from themselves. */
  self: readonly CrisisRule[];
  /**
   * The writer says the scare turned out harmless ("结果是在等他女朋友下班，是我想太多", "turns out it's the baker next
   * door, lol"): the threat rules say nothing (and where one of them read the words, the model is not asked).
   */
  allClear?: RegExp;
  /** Someone else threatens the writer's safety. */
  threat: readonly CrisisRule[];
  /** A complaint, a lawsuit, the press: pressure on the writer, not danger. */
  complaint: RegExp;
  /** Words for another person as the subject (global); after the writer's last "I" they make a self rule about someone else. */
  someoneElse: RegExp;
  /**
   * Another person named only as the one who did something to the writer ("被客户骂了一天",
   * "客人骂我骂了半小时", "the customer screamed at me"): the feelings that follow are the writer's,
   * so these mentions are not taken as the subject (global).
   */
  actsOnWriter?: RegExp;
  /** The writer as subject (global). */
  writer: RegExp;
  /** How far before a match the subject is looked for, in characters. */
  window: number;
  /** Where a clause ends: a subject before it does not count. */
  clauseEnd: RegExp;
  /** Rewrites that turn a sentence about someone else into the writer's words ("kill himself" → "kill myself"); what only matches then is about someone else. */
  retell?: readonly (readonly [RegExp, string])[];
}

/** The global copy of each rule pattern, compiled once: compiling the long rule patterns on every message was most of a check's time. */
const globalCopies = new WeakMap<RegExp, RegExp>();

function globalCopyOf(pattern: RegExp): RegExp {
  let global = globalCopies.get(pattern);
  if (!global) {
    global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    globalCopies.set(pattern, global);
  }
  return global;
}

/** Every match of a rule's pattern, with where it starts (an exec loop: `matchAll` clones, and so recompiles, the pattern). */
export function matchesOf(pattern: RegExp, text: string): number[] {
  const global = globalCopyOf(pattern);
  const starts: number[] = [];
  global.lastIndex = 0;
  for (let m = global.exec(text); m; m = global.exec(text)) {
    starts.push(m.index);
    if (m[0] === '') global.lastIndex++;
  }
  return starts;
}
