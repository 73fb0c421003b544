import { personKey, type Person, type PromiseRecord } from '../promises/model.js';

export const STATUS_FILTERS = ['all', 'overdue', 'due-soon', 'escalated'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const HOUR_MS = 3_600_000;

export interface BoardFilter {
  /** `platform:userId` of one owner, or undefined for everyone. */
  owner?: string;
  status: StatusFilter;
}

export interface BoardItem {
  record: PromiseRecord;
  overdueMs: number;
  escalated: boolean;
  handedOver: boolean;
  moved: boolean;
}

export interface OwnerGroup {
  key: string;
  owner: Person;
  items: BoardItem[];
  overdue: number;
}

/** The escalation that went out for the due time the promise has now (a moved promise starts afresh). */
export function isEscalated(p: PromiseRecord): boolean {
  const sent = p.reminders.escalation;
  return Boolean(sent && !sent.inFlight && sent.nextAttemptAt === undefined && !sent.superseded && !sent.undelivered && sent.forDueAt === p.dueAt);
}

export function parseFilter(query: URLSearchParams): BoardFilter {
  const status = query.get('status');
  const owner = query.get('owner')?.trim();
  return {
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? '') ? (status as StatusFilter) : 'all',
    ...(owner ? { owner: owner.slice(0, 120) } : {}),
  };
}

export function filterQuery(filter: BoardFilter): string {
  const q = new URLSearchParams();
  if (filter.owner) q.set('owner', filter.owner);
  if (filter.status !== 'all') q.set('status', filter.status);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Open promises by owner: owners with overdue promises first (most overdue first), then by
 * their soonest due time; each owner's promises soonest first. Filters apply to promises, and
 * the owner list for the filter menu is everyone with an open promise.
 */
export function boardGroups(open: readonly PromiseRecord[], now: Date, filter: BoardFilter): { groups: OwnerGroup[]; owners: Person[]; total: number } {
  const t = now.getTime();
  const owners = new Map<string, Person>();
  const groups = new Map<string, OwnerGroup>();
  for (const record of open) {
    const key = personKey(record.owner);
    owners.set(key, record.owner);
    const item: BoardItem = {
      record,
      overdueMs: t - Date.parse(record.dueAt),
      escalated: isEscalated(record),
      handedOver: record.history.some((h) => h.event === 'handed-off'),
      moved: record.history.some((h) => h.event === 'renegotiated'),
    };
    if (filter.owner && filter.owner !== key) continue;
    if (filter.status === 'overdue' && item.overdueMs <= 0) continue;
    if (filter.status === 'due-soon' && (item.overdueMs > 0 || -item.overdueMs > HOUR_MS)) continue;
    if (filter.status === 'escalated' && !item.escalated) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, owner: record.owner, items: [], overdue: 0 }));
    group.items.push(item);
    if (item.overdueMs > 0) group.overdue++;
  }
  const list = [...groups.values()];
  for (const g of list) g.items.sort((a, b) => a.record.dueAt.localeCompare(b.record.dueAt));
  list.sort((a, b) => b.overdue - a.overdue || a.items[0]!.record.dueAt.localeCompare(b.items[0]!.record.dueAt));
  const people = [...owners.entries()].sort(([, a], [, b]) => (a.name ?? a.userId).localeCompare(b.name ?? b.userId)).map(([, p]) => p);
  return { groups: list, owners: people, total: list.reduce((n, g) => n + g.items.length, 0) };
}

/** A fingerprint of what the board shows, so changes made outside the desk's listener (an escalation) are noticed too. */
export function boardFingerprint(open: readonly PromiseRecord[]): string {
  let s = '';
  for (const p of open) s += `${p.id}${p.dueAt}${p.owner.userId}${isEscalated(p) ? 'E' : ''}${p.history.length};`;
  return s;
}
