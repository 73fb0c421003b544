import type { Logger } from 'pino';
import type { Outbox, Recipient, SentMessage } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import type { Timers } from '../core/timers.js';
import type { BreathPattern } from './schema.js';

export type BreathPhaseKind = 'in' | 'hold' | 'out';

export interface BreathPhase {
  kind: BreathPhaseKind;
  seconds: number;
}

/** What one message edit shows: one or more phases, for `ms`, during breath `breath` of `breaths`. */
export interface BreathingStep {
  phases: BreathPhase[];
  ms: number;
  breath: number;
  breaths: number;
}

/** Platforms throttle edits (Slack ~1/s per message, Discord 5 per 5 s per channel); stay well below. */
export const MIN_EDIT_MS = 4000;
export const BREATHING_SECONDS = 60;

/**
 * The guided minute as a list of message edits. A phase shorter than MIN_EDIT_MS shares an
 * edit with the next ("hold 2 s, then breathe out 6 s"), so edits are never closer than that.
 */
export function breathingSteps(pattern: BreathPattern, totalSeconds = BREATHING_SECONDS, minEditMs = MIN_EDIT_MS): BreathingStep[] {
  const phases: BreathPhase[] = [
    { kind: 'in' as const, seconds: pattern.inhale },
    { kind: 'hold' as const, seconds: pattern.hold },
    { kind: 'out' as const, seconds: pattern.exhale },
  ].filter((p) => p.seconds > 0);
  const groups: BreathPhase[][] = [];
  let current: BreathPhase[] = [];
  for (const phase of phases) {
    current.push(phase);
    if (current.reduce((sum, p) => sum + p.seconds, 0) * 1000 >= minEditMs) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) {
    if (groups.length) groups[groups.length - 1]!.push(...current);
    else groups.push(current);
  }
  const cycle = phases.reduce((sum, p) => sum + p.seconds, 0);
  const breaths = Math.max(1, Math.round(totalSeconds / cycle));
  const steps: BreathingStep[] = [];
  for (let breath = 1; breath <= breaths; breath++) {
    for (const group of groups) {
      steps.push({ phases: group, ms: group.reduce((sum, p) => sum + p.seconds, 0) * 1000, breath, breaths });
    }
  }
  return steps;
}

/** How a session looks; the desk supplies it in the person's language. */
export interface BreathingView {
  step(step: BreathingStep): Reply;
  done(): Reply;
  stopped(): Reply;
}

export interface BreathingStart {
  to: Recipient;
  steps: readonly BreathingStep[];
  view: BreathingView;
  outbox: Outbox;
  timers: Timers;
}

interface Session {
  stopped: boolean;
  cancel?: () => void;
  message?: SentMessage;
  /** Edits go out one after another, so a late phase can never overwrite "stopped". */
  edits: Promise<void>;
}

/**
 * Guided breathing minutes: a direct message that edits itself through the phases, at most
 * one per person (keyed by pseudonym). A failed send or edit ends the session quietly; the
 * log says only that it failed and why, never to whom or what it showed.
 */
export class BreathingSessions {
  readonly #log: Logger;
  readonly #sessions = new Map<string, Session>();

  constructor(log: Logger) {
    this.#log = log;
  }

  isRunning(person: string): boolean {
    return this.#sessions.has(person);
  }

  get running(): number {
    return this.#sessions.size;
  }

  async start(person: string, options: BreathingStart): Promise<'started' | 'running' | 'failed'> {
    if (this.#sessions.has(person)) return 'running';
    const { steps, view, outbox, timers } = options;
    if (!steps.length) return 'failed';
    // Claimed before the first await, so two quick presses cannot start two minutes.
    const session: Session = { stopped: false, edits: Promise.resolve() };
    this.#sessions.set(person, session);
    try {
      session.message = await outbox.sendDirect(options.to, view.step(steps[0]!));
    } catch (error) {
      if (this.#sessions.get(person) === session) this.#sessions.delete(person);
      this.#log.warn({ err: errorSummary(error), platform: options.to.platform }, 'calm: could not start a breathing minute');
      return 'failed';
    }
    if (session.stopped) {
      // Stop was pressed while the first message was on its way.
      this.#edit(session, outbox, view.stopped(), person);
      return 'started';
    }
    const schedule = (index: number) => {
      session.cancel = timers.after(steps[index - 1]!.ms, () => {
        if (session.stopped) return;
        if (index >= steps.length) {
          this.#end(person, session);
          this.#edit(session, outbox, view.done(), person);
          return;
        }
        this.#edit(session, outbox, view.step(steps[index]!), person);
        schedule(index + 1);
      });
    };
    schedule(1);
    return 'started';
  }

  /** Ends this person's minute and turns its message into a short closing line; false when none runs. */
  async stop(person: string, outbox: Outbox, stopped: Reply): Promise<boolean> {
    const session = this.#sessions.get(person);
    if (!session) return false;
    this.#end(person, session);
    if (session.message) {
      this.#edit(session, outbox, stopped, person);
      await session.edits;
    }
    return true;
  }

  /** Stops every timer; messages stay as they are. */
  close(): void {
    for (const [person, session] of this.#sessions) this.#end(person, session);
  }

  #end(person: string, session: Session): void {
    session.stopped = true;
    session.cancel?.();
    if (this.#sessions.get(person) === session) this.#sessions.delete(person);
  }

  #edit(session: Session, outbox: Outbox, reply: Reply, person: string): void {
    const message = session.message;
    if (!message) return;
    session.edits = session.edits.then(async () => {
      try {
        await outbox.update(message, reply);
      } catch (error) {
        this.#end(person, session);
        this.#log.warn({ err: errorSummary(error), platform: message.platform }, 'calm: a breathing edit failed; the minute ended');
      }
    });
  }
}

/** What may be logged about a failed send: its kind and code, never the request it carried. */
export function errorSummary(error: unknown): { name: string; code?: string | number; status?: number } {
  if (!(error instanceof Error)) return { name: typeof error };
  const e = error as Error & { code?: unknown; status?: unknown };
  return {
    name: e.name,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
  };
}
