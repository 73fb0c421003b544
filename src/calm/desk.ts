import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { isoDateIn } from '../core/dates.js';
import type { Locale } from '../i18n/locale.js';
import type { Outbox, Recipient } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import type { Timers } from '../core/timers.js';
import { formatDiagnostic, type Diagnostic } from '../knowledge/diagnostics.js';
import { BreathingSessions, breathingSteps, type BreathingView } from './breathing-session.js';
import { CalmLibrary, type Feeling } from './calm-library.js';
import { CrisisDetector, type CrisisFinding } from './crisis-detector.js';
import type { FeelingMatch } from './feeling-matcher.js';
import { CALM_FOLDER, checkCalm, loadCalmFiles, type CalmFiles } from './load-calm.js';
import { PromptPicker } from './prompt-picker.js';
import { Pseudonyms } from './pseudonyms.js';
import type { CalmPrompt, Practice } from './schema.js';
import { ShortMemory } from './short-memory.js';

/** Where the anonymous day counts are kept: the bot's store (DATA_DIR files or PostgreSQL, shared by every replica). */
export interface CalmUseCounts {
  addCalmUse(day: string): Promise<void>;
  calmUses(today: string, days: number): Promise<{ day: string; count: number }[]>;
}

export interface CalmDeskOptions {
  knowledgeDir: string;
  /** Without it nothing is counted, as with statsEnabled false. */
  counts?: CalmUseCounts;
  clock: Clock;
  timeZone: string;
  /** Who to reach in a crisis (CALM_SUPPORT_CONTACT); unset: local emergency services. */
  supportContact?: string;
  /** CALM_STATS: keep the anonymous count per day. Off: nothing is written at all. */
  statsEnabled: boolean;
  log: Logger;
}

/** A person, as /calm's short-lived memory knows them. */
export interface Person {
  platform: Platform;
  userId: string;
}

export interface CalmLoadReport {
  feelings: number;
  diagnostics: Diagnostic[];
}

/** What to show for one feeling: the prompt and the practice to go with it. */
export interface CalmAnswer {
  feeling: Feeling;
  prompt: CalmPrompt;
  practice: Practice | undefined;
}

/** Used while no calm content is loaded: the built-in crisis rules alone. */
const BUILT_IN_ONLY = new CrisisDetector();

/** How long after a reset note another one from the same person is held back. */
export const LEAD_NOTE_COOLDOWN_MS = 10 * 60_000;
/** Days `/calm stats` shows. */
export const STATS_DAYS = 14;

/**
 * Everything /calm needs besides the chat: the calm content (validated, last good kept),
 * matching, the prompt picker, guided breathing minutes and the anonymous day count.
 *
 * Privacy by construction: nothing here stores or logs what a person typed or which feeling
 * they picked. The only per-person memory is in this process, keyed by a pseudonym
 * (see Pseudonyms), and fades within hours: the last prompt number, a running breathing
 * minute, and when they last asked their lead for a reset.
 */
export class CalmDesk {
  readonly supportContact: string | undefined;
  readonly #options: CalmDeskOptions;
  readonly #log: Logger;
  readonly #pseudonyms = new Pseudonyms();
  readonly #picker: PromptPicker;
  readonly #breathing: BreathingSessions;
  readonly #leadNotes: ShortMemory<true>;
  readonly #counts: CalmUseCounts | undefined;
  #files: CalmFiles | undefined;
  #library: CalmLibrary | undefined;
  #reloading: Promise<CalmLoadReport> | undefined;
  #watcher: FSWatcher | undefined;
  #settle: NodeJS.Timeout | undefined;

  private constructor(options: CalmDeskOptions) {
    this.#options = options;
    this.#log = options.log.child({ component: 'calm' });
    this.supportContact = options.supportContact?.trim() || undefined;
    this.#picker = new PromptPicker({ clock: options.clock });
    this.#breathing = new BreathingSessions(this.#log);
    this.#leadNotes = new ShortMemory({ clock: options.clock, ttlMs: LEAD_NOTE_COOLDOWN_MS });
    // CALM_STATS=false: the store is never asked, so nothing is written at all.
    this.#counts = options.statsEnabled ? options.counts : undefined;
  }

  static async open(options: CalmDeskOptions): Promise<CalmDesk> {
    const desk = new CalmDesk(options);
    await desk.reload();
    return desk;
  }

  /**
   * Loads `knowledge/calm/` again. Problems are logged with file and line, never thrown: a file
   * that no longer validates keeps its last good version, and without any content /calm
   * says so instead of failing.
   */
  reload(): Promise<CalmLoadReport> {
    // One load at a time; a reload asked for during one runs after it.
    const next = (this.#reloading ?? Promise.resolve()).then(() => this.#load(), () => this.#load());
    this.#reloading = next;
    return next;
  }

  /** Reloads shortly after a file in `knowledge/calm/` changes (as KNOWLEDGE_WATCH does for scripts). */
  watch(settleMs = 200): void {
    if (this.#watcher) return;
    try {
      this.#watcher = watch(path.join(this.#options.knowledgeDir, CALM_FOLDER), () => {
        clearTimeout(this.#settle);
        this.#settle = setTimeout(() => void this.reload(), settleMs);
      });
    } catch (error) {
      this.#log.warn({ err: { name: (error as Error).name, code: (error as NodeJS.ErrnoException).code } }, 'calm: cannot watch the calm folder');
      return;
    }
    this.#watcher.on('error', (error) => this.#log.warn({ err: { name: error.name } }, 'calm: watcher stopped'));
  }

  async #load(): Promise<CalmLoadReport> {
    let diagnostics: Diagnostic[];
    try {
      const loaded = await loadCalmFiles(this.#options.knowledgeDir, this.#files);
      diagnostics = [...loaded.diagnostics, ...checkCalm(loaded.files, this.today())];
      if (!loaded.files.present) {
        diagnostics.push({ severity: 'error', file: 'calm/', message: `no calm folder in ${this.#options.knowledgeDir}; /calm has no content` });
      }
      const library = CalmLibrary.build(loaded.files);
      this.#files = loaded.files;
      if (library.size > 0 || !this.#library) this.#library = library;
      else diagnostics.push({ severity: 'error', file: 'calm/', message: 'no feeling could be served; still serving the previous content' });
    } catch (error) {
      diagnostics = [{ severity: 'error', file: 'calm/', message: `could not load: ${(error as Error).message}` }];
    }
    for (const d of diagnostics) this.#log[d.severity === 'error' ? 'error' : 'warn']({ file: d.file, line: d.line }, `calm content: ${formatDiagnostic(d)}`);
    const feelings = this.#library?.size ?? 0;
    this.#log.info({ feelings, errors: diagnostics.filter((d) => d.severity === 'error').length }, 'calm content loaded');
    return { feelings, diagnostics };
  }

  /** The content being served; undefined when none could be loaded. */
  get library(): CalmLibrary | undefined {
    return this.#library?.size ? this.#library : undefined;
  }

  get statsEnabled(): boolean {
    return this.#counts !== undefined;
  }

  /** Today's date (YYYY-MM-DD) for the team. */
  today(): string {
    return isoDateIn(this.#options.clock.now(), this.#options.timeZone);
  }

  /** True when the text suggests anyone may be in danger. Checked before anything else. */
  isCrisis(text: string): boolean {
    return this.crisis(text).kind !== 'none';
  }

  /** What kind of danger the text suggests, if any (the writer, a threat to them, someone else). */
  crisis(text: string): CrisisFinding {
    return (this.#library?.crisis ?? BUILT_IN_ONLY).assess(text);
  }

  /** The feeling closest to the typed words. */
  match(text: string): FeelingMatch {
    return this.library?.matcher.match(text) ?? { kind: 'none' };
  }

  /** A prompt for this feeling that this person did not get last time, with a practice to go with it. */
  answer(person: Person, feelingId: string, locale: Locale): CalmAnswer | undefined {
    const feeling = this.library?.feeling(feelingId, locale);
    if (!feeling || !feeling.prompts.length) return undefined;
    const index = this.#picker.pick(this.#pseudonyms.of(person.platform, person.userId), feeling.prompts.length);
    const practice = feeling.practices.length ? feeling.practices[index % feeling.practices.length] : undefined;
    return { feeling, prompt: feeling.prompts[index]!, practice };
  }

  /** Counts one use of /calm for the team's day; nothing about who or why. A failed write is logged and otherwise ignored. */
  async countUse(): Promise<void> {
    try {
      await this.#counts?.addCalmUse(this.today());
    } catch (error) {
      this.#log.warn({ err: { name: (error as Error).name, code: (error as NodeJS.ErrnoException).code } }, 'calm: could not save the anonymous count');
    }
  }

  /** The anonymous count for the last `days` days (STATS_DAYS unless told), oldest first; empty when counting is off. */
  async stats(days = STATS_DAYS): Promise<{ day: string; count: number }[]> {
    return (await this.#counts?.calmUses(this.today(), days)) ?? [];
  }

  /** Starts a guided minute for this person by direct message; 'running' when one already is. */
  async startBreathing(
    person: Person,
    options: { locale: Locale; practiceId?: string; view: BreathingView; outbox: Outbox; timers: Timers },
  ): Promise<'started' | 'running' | 'failed'> {
    const practice = this.library?.breathing(options.locale, options.practiceId);
    if (!practice?.breath) return 'failed';
    const to: Recipient = { platform: person.platform, userId: person.userId };
    return this.#breathing.start(this.#pseudonyms.of(person.platform, person.userId), {
      to,
      steps: breathingSteps(practice.breath),
      view: options.view,
      outbox: options.outbox,
      timers: options.timers,
    });
  }

  /** Stops this person's minute; false when none was running. */
  stopBreathing(person: Person, outbox: Outbox, stopped: Reply): Promise<boolean> {
    return this.#breathing.stop(this.#pseudonyms.of(person.platform, person.userId), outbox, stopped);
  }

  isBreathing(person: Person): boolean {
    return this.#breathing.isRunning(this.#pseudonyms.of(person.platform, person.userId));
  }

  /**
   * True when this person may send their lead this kind of note now (one of each kind per
   * LEAD_NOTE_COOLDOWN_MS, so a reset asked for earlier never holds back a crisis check-in); records it.
   */
  claimLeadNote(person: Person, request: 'reset' | 'checkIn' = 'reset'): boolean {
    const key = `${request}:${this.#pseudonyms.of(person.platform, person.userId)}`;
    if (this.#leadNotes.get(key)) return false;
    this.#leadNotes.set(key, true);
    return true;
  }

  /** Lets a person send again, e.g. after a note that did not go through. */
  releaseLeadNote(person: Person, request: 'reset' | 'checkIn' = 'reset'): void {
    this.#leadNotes.delete(`${request}:${this.#pseudonyms.of(person.platform, person.userId)}`);
  }

  /** Number of people /calm remembers anything about right now (prompt numbers); for tests. */
  get remembered(): number {
    return this.#picker.remembered;
  }

  async close(): Promise<void> {
    clearTimeout(this.#settle);
    this.#watcher?.close();
    this.#watcher = undefined;
    this.#breathing.close();
    this.#picker.clear();
    this.#leadNotes.clear();
  }
}
