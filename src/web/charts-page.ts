import { personLabel } from '../promises/promise-card.js';
import type { PromiseDesk } from '../promises/desk.js';
import type { Clock } from '../core/clock.js';
import { html } from './html.js';
import { keptDays, rate, type DayTally } from './kept-days.js';
import { signedInPage } from './layout.js';
import { sendHtml } from './http-kit.js';
import { barChart } from './svg-chart.js';
import type { SignedInPage } from './signed-in.js';
import { webStrings } from './web-strings.js';

/** The anonymous /calm count per day, or undefined when it is turned off. Nothing else of /calm. */
export type CalmCounts = (days: number) => Promise<{ day: string; count: number }[] | undefined>;

const pct = (v: number | undefined) => (v === undefined ? undefined : `${Math.round(v)}%`);

/** /board/charts: kept on time (team or one agent, 14 or 30 days) and the team's weather. */
export function chartsPage(deps: { desk: PromiseDesk; clock: Clock; teamTimeZone: string; calmCounts?: CalmCounts }): SignedInPage {
  return async ({ res, url, session }) => {
    const s = webStrings(session.person.locale).charts;
    const days = url.searchParams.get('days') === '30' ? 30 : 14;
    const data = await keptDays(deps.desk, deps.clock.now(), deps.teamTimeZone, days);
    const chosen = data.agents.find((a) => a.key === url.searchParams.get('agent'));
    const series: DayTally[] = chosen ? chosen.days : data.team;
    const who = chosen ? personLabel(chosen.owner) : s.team;
    const counts = await deps.calmCounts?.(days);
    const maxCount = Math.max(4, ...(counts ?? []).map((c) => c.count));
    const body = html`<form method="get" action="/board/charts" class="filters">
<label>${s.who} <select name="agent"><option value="">${s.team}</option>${data.agents.map((a) => html`<option value="${a.key}"${chosen?.key === a.key ? html` selected` : ''}>${personLabel(a.owner)}</option>`)}</select></label>
<label>${s.range} <select name="days"><option value="14"${days === 14 ? html` selected` : ''}>14</option><option value="30"${days === 30 ? html` selected` : ''}>30</option></select></label>
<button>${s.show}</button></form>
<section aria-labelledby="kept-h"><h2 id="kept-h">${s.chartTitle(who, days)}</h2>
${barChart({ id: 'kept-chart', tableId: 'kept-table', title: s.chartTitle(who, days), bars: series.map((d) => ({ label: d.day.slice(5), value: rate(d) })), max: 100, unit: '%' })}
<table id="kept-table" class="sr-table"><caption>${s.chartTitle(who, days)}</caption>
<thead><tr><th scope="col">${s.day}</th><th scope="col">${s.kept}</th><th scope="col">${s.late}</th><th scope="col">${s.rate}</th></tr></thead>
<tbody>${series.map((d) => html`<tr><th scope="row">${d.day}</th><td>${d.kept}</td><td>${d.late}</td><td>${pct(rate(d)) ?? s.none}</td></tr>`)}</tbody></table></section>
<section aria-labelledby="agents-h"><h2 id="agents-h">${s.agentsHeading}</h2>
<table id="agents-table"><thead><tr><th scope="col">${s.agent}</th><th scope="col">${s.kept}</th><th scope="col">${s.late}</th><th scope="col">${s.rate}</th></tr></thead>
<tbody>${data.agents.map((a) => html`<tr><th scope="row"><a href="/board/charts?agent=${encodeURIComponent(a.key)}&amp;days=${days}">${personLabel(a.owner)}</a></th><td>${a.kept}</td><td>${a.late}</td><td>${pct(rate(a)) ?? s.none}</td></tr>`)}</tbody></table></section>
<section aria-labelledby="weather-h"><h2 id="weather-h">${s.weatherHeading}</h2><p>${s.weatherExplain}</p>
${counts
  ? html`${barChart({ id: 'weather-chart', tableId: 'weather-table', title: s.weatherTitle(days), bars: counts.map((c) => ({ label: c.day.slice(5), value: c.count })), max: maxCount })}
<table id="weather-table" class="sr-table"><caption>${s.weatherTitle(days)}</caption><thead><tr><th scope="col">${s.day}</th><th scope="col">${s.uses}</th></tr></thead>
<tbody>${counts.map((c) => html`<tr><th scope="row">${c.day}</th><td>${c.count}</td></tr>`)}</tbody></table>`
  : html`<p>${s.weatherOff}</p>`}
</section>`;
    sendHtml(res, 200, signedInPage(session, 'charts', s.heading, body));
  };
}
