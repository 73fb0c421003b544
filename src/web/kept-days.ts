import { isoDateIn, startOfDayIn } from '../core/dates.js';
import type { PromiseDesk } from '../promises/desk.js';
import { personKey, type Person } from '../promises/model.js';

export interface DayTally {
  day: string;
  kept: number;
  late: number;
}

export interface KeptDays {
  team: DayTally[];
  agents: { key: string; owner: Person; days: DayTally[]; kept: number; late: number }[];
}

/**
 * Kept on time per team day for the last `days` days (today included), for the team and each
 * agent, by the desk's own rule (keptTally): done by the due time is kept; done after it or
 * still open past it is late; cancelled counts for neither.
 */
export async function keptDays(desk: PromiseDesk, now: Date, timeZone: string, days: number): Promise<KeptDays> {
  const today = isoDateIn(now, timeZone);
  const list: string[] = [];
  for (let i = days - 1; i >= 0; i--) list.push(new Date(Date.parse(`${today}T12:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10));
  const team: DayTally[] = [];
  const agents = new Map<string, KeptDays['agents'][number]>();
  const perDay: Map<string, DayTally>[] = [];
  for (const day of list) {
    const from = startOfDayIn(day, timeZone);
    const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const tally = await desk.keptTally(from, startOfDayIn(next, timeZone));
    team.push({ day, ...tally.team });
    const byAgent = new Map<string, DayTally>();
    for (const t of tally.byOwner) {
      const key = personKey(t.owner);
      byAgent.set(key, { day, kept: t.kept, late: t.late });
      const agent = agents.get(key) ?? { key, owner: t.owner, days: [], kept: 0, late: 0 };
      agent.kept += t.kept;
      agent.late += t.late;
      agents.set(key, agent);
    }
    perDay.push(byAgent);
  }
  for (const agent of agents.values()) agent.days = list.map((day, i) => perDay[i]!.get(agent.key) ?? { day, kept: 0, late: 0 });
  return { team, agents: [...agents.values()].sort((a, b) => (a.owner.name ?? a.owner.userId).localeCompare(b.owner.name ?? b.owner.userId)) };
}

export const rate = (t: { kept: number; late: number }): number | undefined => (t.kept + t.late ? (100 * t.kept) / (t.kept + t.late) : undefined);
