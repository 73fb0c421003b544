import type { ServerResponse } from 'node:http';
import type { Timers } from '../core/timers.js';
import type { PromiseDesk } from '../promises/desk.js';
import { boardFingerprint } from './board-model.js';

/** How soon after a change the pages hear of it; changes within it are told once. */
export const COALESCE_MS = 150;
/** Escalations are written by the reminder scheduler without the desk's listener; a cheap look this often catches them. */
export const LOOK_EVERY_MS = 2000;
/** A comment line this often keeps proxies from closing a quiet stream, and re-checks the session. */
export const HEARTBEAT_MS = 20_000;

interface Listener {
  res: ServerResponse;
  /** False when the session ended or the person is no longer a lead: the stream is closed. */
  stillAllowed: () => Promise<boolean>;
}

/**
 * Server-sent events for the open boards: an event `changed` whenever any promise changes
 * (created, done, moved, handed over, escalated). The page then fetches its list again, so
 * the stream carries no promise data at all.
 */
export class LiveUpdates {
  readonly #desk: PromiseDesk;
  readonly #timers: Timers;
  readonly #listeners = new Set<Listener>();
  #pending: (() => void) | undefined;
  /** The board as last looked at; undefined until the first look has read the store. */
  #fingerprint: string | undefined;
  #stopLook: (() => void) | undefined;
  #stopBeat: (() => void) | undefined;
  #closed = false;

  constructor(options: { desk: PromiseDesk; timers: Timers }) {
    this.#desk = options.desk;
    this.#timers = options.timers;
    void this.#fingerprintNow().then((now) => (this.#fingerprint ??= now), () => undefined);
    this.#desk.onChange(() => this.#soon());
    this.#look();
    this.#beat();
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  add(res: ServerResponse, stillAllowed: () => Promise<boolean>): void {
    const listener = { res, stillAllowed };
    this.#listeners.add(listener);
    res.on('close', () => this.#listeners.delete(listener));
    res.write('retry: 2000\n\n');
  }

  close(): void {
    this.#closed = true;
    this.#pending?.();
    this.#stopLook?.();
    this.#stopBeat?.();
    for (const l of this.#listeners) l.res.end();
    this.#listeners.clear();
  }

  #soon(): void {
    if (this.#pending || this.#closed) return;
    this.#pending = this.#timers.after(COALESCE_MS, () => {
      this.#pending = undefined;
      void this.#fingerprintNow().then(
        (now) => {
          this.#fingerprint = now;
          this.#broadcast('event: changed\ndata: 1\n\n');
        },
        () => undefined,
      );
    });
  }

  #look(): void {
    if (this.#closed) return;
    this.#stopLook = this.#timers.after(LOOK_EVERY_MS, () => {
      void this.#fingerprintNow()
        .then((now) => {
          if (this.#fingerprint !== undefined && now !== this.#fingerprint) this.#soon();
          this.#fingerprint ??= now;
        }, () => undefined)
        .finally(() => this.#look());
    });
  }

  /** The open promises as a fingerprint; another replica's changes show up here, not through onChange. */
  async #fingerprintNow(): Promise<string> {
    return boardFingerprint(await this.#desk.allOpen());
  }

  #beat(): void {
    if (this.#closed) return;
    this.#stopBeat = this.#timers.after(HEARTBEAT_MS, () => {
      for (const l of this.#listeners) {
        void l.stillAllowed().then((ok) => (ok ? l.res.write(': ping\n\n') : l.res.end()), () => l.res.end());
      }
      this.#beat();
    });
  }

  #broadcast(text: string): void {
    for (const l of this.#listeners) l.res.write(text);
  }
}
