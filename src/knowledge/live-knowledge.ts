import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { isoDateIn } from '../core/dates.js';
import { checkKnowledge } from './check.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { KnowledgeBase } from './knowledge-base.js';
import { loadKnowledgeFiles, type KnowledgeFiles } from './load-files.js';

export interface LiveKnowledgeOptions {
  dir: string;
  clock: Clock;
  timeZone: string;
  log: Logger;
}

export interface LoadReport {
  scripts: number;
  diagnostics: Diagnostic[];
  ms: number;
}

/**
 * The knowledge being served right now. A reload swaps in a new snapshot; a file that no
 * longer parses keeps its last good version, so a broken edit never takes a script away.
 */
export class LiveKnowledge {
  readonly #options: LiveKnowledgeOptions;
  #files: KnowledgeFiles | undefined;
  #current: KnowledgeBase | undefined;
  #watcher: FSWatcher | undefined;
  #pending: Promise<LoadReport> | undefined;
  #again = false;

  constructor(options: LiveKnowledgeOptions) {
    this.#options = options;
  }

  get current(): KnowledgeBase {
    if (!this.#current) throw new Error('knowledge not loaded yet: call reload() first');
    return this.#current;
  }

  /** Loads the folder again; concurrent calls share one load and a change during it triggers one more. */
  reload(): Promise<LoadReport> {
    if (this.#pending) {
      this.#again = true;
      return this.#pending;
    }
    this.#pending = this.#load().finally(() => {
      this.#pending = undefined;
      if (this.#again) {
        this.#again = false;
        void this.reload();
      }
    });
    return this.#pending;
  }

  async #load(): Promise<LoadReport> {
    const { dir, clock, timeZone, log } = this.#options;
    const started = performance.now();
    const loaded = await loadKnowledgeFiles(dir, this.#files);
    const diagnostics = [...loaded.diagnostics, ...checkKnowledge(loaded.files, isoDateIn(clock.now(), timeZone))];
    this.#files = loaded.files;
    this.#current = KnowledgeBase.build(loaded.files);
    const ms = Math.round(performance.now() - started);
    for (const d of diagnostics) {
      log[d.severity === 'error' ? 'error' : 'warn']({ file: d.file, line: d.line }, `knowledge: ${formatDiagnostic(d)}`);
    }
    log.info({ scripts: this.#current.size, ms, errors: diagnostics.filter((d) => d.severity === 'error').length }, 'knowledge loaded');
    return { scripts: this.#current.size, diagnostics, ms };
  }

  /** Reloads shortly after files under the folder change (editors write in several steps). */
  watch(settleMs = 200): void {
    if (this.#watcher) return;
    let timer: NodeJS.Timeout | undefined;
    this.#watcher = watch(this.#options.dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.reload().catch((error) => this.#options.log.error({ err: error }, 'knowledge reload failed'));
      }, settleMs);
    });
    this.#watcher.on('error', (error) => this.#options.log.warn({ err: error }, 'knowledge watcher stopped'));
  }

  close(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }
}
