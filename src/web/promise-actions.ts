import type { Clock } from '../core/clock.js';
import { offsetMinutes } from '../core/dates.js';
import type { Outbox } from '../core/outbox.js';
import type { AddressBooks } from '../core/platform.js';
import type { Actor, PromiseDesk } from '../promises/desk.js';
import { handoffNotice, personLabel } from '../promises/promise-card.js';
import type { WebPerson } from './sign-in-links.js';
import { webStrings } from './web-strings.js';

export type PageAction = 'done' | 'move' | 'handoff';

/** A `datetime-local` value (2026-12-01T15:30) read in the team's zone; undefined when it is not one. */
export function localDateTime(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(naive)) return undefined;
  const guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  return new Date(naive - offsetMinutes(new Date(guess), timeZone) * 60_000);
}

/**
 * Close, move or hand over a promise from the page: the same desk rules and history as in
 * chat (the lead is the actor), and a handed-over promise's new owner is told the same way.
 */
export async function pageAction(
  what: PageAction,
  id: string,
  form: URLSearchParams,
  lead: WebPerson,
  deps: { desk: PromiseDesk; outbox: Outbox; clock: Clock; teamTimeZone: string; addresses?: AddressBooks },
): Promise<{ ok: boolean; message: string }> {
  const s = webStrings(lead.locale).board;
  const actor: Actor = { platform: lead.platform, userId: lead.userId, ...(lead.name ? { name: lead.name } : {}), isLead: true };
  const { desk } = deps;
  const refused = { ok: false, message: s.refused(id) };
  if (what === 'done') {
    const outcome = await desk.done(id, actor);
    return outcome.ok ? { ok: true, message: s.closed(outcome.value.id) } : refused;
  }
  if (what === 'move') {
    const due = localDateTime(form.get('due') ?? '', deps.teamTimeZone);
    if (!due || due.getTime() <= deps.clock.now().getTime()) return { ok: false, message: s.badTime };
    const outcome = await desk.renegotiate(id, actor, due);
    return outcome.ok ? { ok: true, message: s.moved(outcome.value.id) } : refused;
  }
  const record = await desk.find(id);
  if (!record) return refused;
  const typed = (form.get('to') ?? '').trim().replace(/^@/, '');
  // The platform's address book says what one of its people looks like (as for a bare id in chat).
  const book = deps.addresses?.of(record.owner.platform);
  const userId = book ? (book.colleague ?? book.person)(typed) : /^[A-Za-z0-9._-]{1,80}$/.test(typed) ? typed : undefined;
  if (!userId) return { ok: false, message: s.badPerson };
  const to = { platform: record.owner.platform, userId, locale: lead.locale };
  if ((await deps.outbox.knowsPerson?.({ platform: to.platform, userId })) === false) return { ok: false, message: s.badPerson };
  const outcome = await desk.handoff(id, actor, to);
  if (!outcome.ok) return refused;
  const from = personLabel(lead);
  await desk.notify(
    { kind: 'handoff', promiseId: outcome.value.id, from, sender: { platform: lead.platform, userId: lead.userId, locale: lead.locale }, to: { platform: to.platform, userId } },
    handoffNotice(outcome.value, from, deps.clock.now()),
    deps.outbox,
  );
  return { ok: true, message: s.handed(outcome.value.id, userId) };
}
