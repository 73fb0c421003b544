import type { Locale } from '../i18n/locale.js';
import { messagesFor } from '../i18n/index.js';
import { dueLabel } from '../promises/format.js';
import { personKey, type Person } from '../promises/model.js';
import { personLabel } from '../promises/promise-card.js';
import { boardGroups, filterQuery, STATUS_FILTERS, type BoardFilter, type BoardItem } from './board-model.js';
import { html, type SafeHtml } from './html.js';
import type { PromiseRecord } from '../promises/model.js';
import { webSpan, webStrings, type WebStrings } from './web-strings.js';

/** One promise with its history, and the forms to move it or hand it over (kept off the board itself: 500 rows of forms make a slow page). */
export function promisePage(p: PromiseRecord, view: Omit<BoardView, 'open' | 'filter'>): SafeHtml {
  const s = webStrings(view.locale);
  const m = messagesFor(view.locale);
  const now = view.now;
  const overdueMs = now.getTime() - Date.parse(p.dueAt);
  const countdown = overdueMs > 0 ? s.board.overdueBy(webSpan(overdueMs, s)) : s.board.dueIn(webSpan(-overdueMs, s));
  const csrf = html`<input type="hidden" name="_csrf" value="${view.csrf}">`;
  return html`<p><a href="/board">${s.board.back}</a></p>
<dl class="facts"><dt>${s.board.owner}</dt><dd>${personLabel(p.owner)}</dd><dt>${s.board.note}</dt><dd class="note">${p.note}</dd>
<dt>${s.board.due}</dt><dd><time datetime="${p.dueAt}">${dueLabel(new Date(p.dueAt), now, view.teamTimeZone, view.locale, m)}</time> · <span class="countdown${overdueMs > 0 ? ' overdue' : ''}">${countdown}</span></dd></dl>
${p.status === 'open'
  ? html`<form method="post" action="/board/promises/${p.id}/done">${csrf}<button>${s.board.done}</button></form>
<form method="post" action="/board/promises/${p.id}/move">${csrf}<label>${s.board.move} (${view.teamTimeZone}) <input type="datetime-local" name="due" required></label> <button>${s.board.moveSubmit}</button></form>
<form method="post" action="/board/promises/${p.id}/handoff">${csrf}<label>${s.board.handTo} <input name="to" required size="14" autocomplete="off"></label> <button>${s.board.handSubmit}</button></form>`
  : ''}
<h2>${s.board.history}</h2>
<ol class="history">${p.history.map((h) => html`<li><time datetime="${h.at}">${dueLabel(new Date(h.at), now, view.teamTimeZone, view.locale, m)}</time> · ${h.event} · ${h.by}${h.from ? html` · ${h.from} → ${h.to ?? ''}` : ''}</li>`)}</ol>`;
}

export interface BoardView {
  open: readonly PromiseRecord[];
  now: Date;
  filter: BoardFilter;
  locale: Locale;
  csrf: string;
  teamTimeZone: string;
}

const statusLabel = (s: WebStrings, f: BoardFilter['status']) =>
  ({ all: s.board.all, overdue: s.board.overdue, 'due-soon': s.board.dueSoon, escalated: s.board.escalatedOnly })[f];

/** The filter form and the live region; the region's content is what /board/list sends on every change. */
export function boardBody(view: BoardView): SafeHtml {
  const s = webStrings(view.locale);
  const { owners } = boardGroups(view.open, view.now, { status: 'all' });
  return html`<form method="get" action="/board" class="filters" id="filters">
<label>${s.board.owner} <select name="owner"><option value="">${s.board.all}</option>${owners.map((o: Person) => {
    const key = personKey(o);
    return html`<option value="${key}"${view.filter.owner === key ? html` selected` : ''}>${personLabel(o)}</option>`;
  })}</select></label>
<label>${s.board.status} <select name="status">${STATUS_FILTERS.map((f) => html`<option value="${f}"${view.filter.status === f ? html` selected` : ''}>${statusLabel(s, f)}</option>`)}</select></label>
<button>${s.board.filter}</button>
<span id="live-state" class="live" data-live="${s.board.live}" data-reconnecting="${s.board.reconnecting}" role="status"></span>
</form>
<form method="post" id="row-act" class="act"><input type="hidden" name="_csrf" value="${view.csrf}"><input type="hidden" name="back" value="${filterQuery(view.filter)}"></form>
<div id="board" data-list="/board/list${filterQuery(view.filter)}">${boardList(view)}</div>`;
}

/**
 * Owners and their promises: what the live updates replace. Rows hold no forms of their own:
 * each Done button submits the one #row-act form (CSRF token, filter) to its own formaction,
 * which keeps 500 rows to a page the browser parses and lays out well under a second.
 */
export function boardList(view: BoardView): SafeHtml {
  const s = webStrings(view.locale);
  const { groups, total } = boardGroups(view.open, view.now, view.filter);
  if (!total) return html`<p class="empty">${s.board.none}</p>`;
  return html`${groups.map(
    (g) => html`<section class="owner${g.overdue ? ' late' : ''}" aria-labelledby="o-${cssId(g.key)}">
<h2 id="o-${cssId(g.key)}">${personLabel(g.owner)} <small>${s.board.ownerSummary(g.items.length, g.overdue)}</small></h2>
<table><thead><tr><th scope="col">${s.board.id}</th><th scope="col">${s.board.note}</th><th scope="col">${s.board.due}</th><th scope="col">${s.board.marks}</th><th scope="col">${s.board.actions}</th></tr></thead>
<tbody>${g.items.map((item) => row(item, view, s))}</tbody></table></section>`,
  )}`;
}

function row(item: BoardItem, view: Pick<BoardView, 'now' | 'teamTimeZone' | 'locale'>, s: WebStrings): SafeHtml {
  const p = item.record;
  const due = new Date(p.dueAt);
  const when = dueLabel(due, view.now, view.teamTimeZone, view.locale, messagesFor(view.locale));
  const countdown = item.overdueMs > 0 ? s.board.overdueBy(webSpan(item.overdueMs, s)) : s.board.dueIn(webSpan(-item.overdueMs, s));
  const marks = [item.escalated ? html`<span class="mark esc">${s.board.escalated}</span>` : '', item.handedOver ? html`<span class="mark">${s.board.handedOver}</span>` : '', item.moved ? html`<span class="mark">${s.board.renegotiated}</span>` : ''];
  // No whitespace between cells: 500 rows of it are thousands of text nodes the browser parses for nothing.
  return html`<tr id="p-${p.id}" class="${item.overdueMs > 0 ? 'late' : ''}"><th scope="row">${p.id}</th><td class="note">${p.note}</td>\
<td><time datetime="${p.dueAt}">${when}</time><span class="countdown${item.overdueMs > 0 ? ' overdue' : ''}">${countdown}</span></td><td>${marks}</td>\
<td class="acts"><button form="row-act" formaction="/board/promises/${p.id}/done" aria-label="${s.board.done} ${p.id}">${s.board.done}</button>\
<a href="/board/promises/${p.id}" aria-label="${s.board.moreFor(p.id)}">${s.board.more}</a></td></tr>`;
}

const cssId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '-');
