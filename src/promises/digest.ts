import { isoDateIn, startOfDayIn } from '../core/dates.js';
import type { Locale } from '../i18n/locale.js';
import type { Reply } from '../core/reply.js';
import { messagesFor } from '../i18n/index.js';
import type { PromiseDesk } from './desk.js';
import { percent } from './format.js';
import { openBoardAction } from '../web/board-link.js';

const SHIFT_MS = 8 * 3_600_000;

export interface DigestFigures {
  open: number;
  dueThisShift: number;
  overdue: number;
  yesterday: { kept: number; late: number };
}

/** Yesterday in the team's zone, as [start, end). */
function yesterdayBounds(now: Date, timeZone: string): { from: Date; to: Date } {
  const to = startOfDayIn(isoDateIn(now, timeZone), timeZone);
  const from = startOfDayIn(isoDateIn(new Date(to.getTime() - 3_600_000), timeZone), timeZone);
  return { from, to };
}

export async function digestFigures(desk: PromiseDesk, now: Date, timeZone: string): Promise<DigestFigures> {
  const open = await desk.allOpen();
  const t = now.getTime();
  const { from, to } = yesterdayBounds(now, timeZone);
  const tally = await desk.keptTally(from, to);
  return {
    open: open.length,
    dueThisShift: open.filter((p) => Date.parse(p.dueAt) >= t && Date.parse(p.dueAt) < t + SHIFT_MS).length,
    overdue: open.filter((p) => Date.parse(p.dueAt) < t).length,
    yesterday: tally.team,
  };
}

/** The shift-start message to the leads. */
export function digestReply(figures: DigestFigures, locale: Locale, options: { boardButton?: boolean } = {}): Reply {
  const d = messagesFor(locale).promise.digest;
  const total = figures.yesterday.kept + figures.yesterday.late;
  return {
    title: d.title,
    blocks: [
      {
        type: 'list',
        items: [
          d.open(figures.open),
          d.dueThisShift(figures.dueThisShift),
          d.overdue(figures.overdue),
          total ? d.yesterday(percent(figures.yesterday.kept, total), figures.yesterday.kept, total) : d.yesterdayNone,
        ],
      },
      { type: 'context', text: d.hint },
      ...(options.boardButton ? [{ type: 'actions' as const, actions: [openBoardAction(locale)] }] : []),
    ],
    private: false,
    tone: figures.overdue ? 'warning' : 'info',
  };
}
