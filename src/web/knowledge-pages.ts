import type { Clock } from '../core/clock.js';
import { isoDateIn } from '../core/dates.js';
import type { Locale } from '../i18n/locale.js';
import { derive } from '../i18n/index.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../knowledge/load-files.js';
import type { ScriptFile } from '../knowledge/schema.js';
import type { UsageLog } from '../knowledge/usage-log.js';
import { toTraditional } from '../text/chinese-script.js';
import { approveScript } from './approve-script.js';
import { gapGroups } from './gap-groups.js';
import { html, type SafeHtml } from './html.js';
import { redirect, sendHtml } from './http-kit.js';
import { signedInPage } from './layout.js';
import type { Session } from './sessions.js';
import type { SignedInPage } from './signed-in.js';
import { webStrings } from './web-strings.js';

export interface KnowledgeDeps {
  dir: string;
  knowledge: () => KnowledgeBase;
  reload: () => Promise<unknown>;
  usage?: UsageLog;
  clock: Clock;
  teamTimeZone: string;
  /** APPROVER_IDS; empty means every lead approves. */
  approverIds: readonly string[];
  reviewDays: number;
}

const isApprover = (deps: KnowledgeDeps, session: Session) => !deps.approverIds.length || deps.approverIds.includes(session.person.userId);

/** /board/knowledge, /board/knowledge/script, POST /board/knowledge/approve and /board/gaps. */
export function knowledgePages(deps: KnowledgeDeps): Map<string, SignedInPage> {
  const pages = new Map<string, SignedInPage>();
  const today = () => isoDateIn(deps.clock.now(), deps.teamTimeZone);

  pages.set('/board/knowledge', async ({ res, session }) => {
    const s = webStrings(session.person.locale).knowledge;
    const locale = session.person.locale;
    const { files } = await loadKnowledgeFiles(deps.dir);
    const totals = (await deps.usage?.totals()) ?? new Map();
    const byId = new Map<string, ScriptFile[]>();
    for (const f of files.scripts) byId.set(f.value.id, [...(byId.get(f.value.id) ?? []), f.value]);
    const day = today();
    const rows = [...byId.entries()].map(([id, twins]) => {
      const shown = twins.find((t) => t.locale === (locale === 'en' ? 'en' : 'zh-CN')) ?? twins[0]!;
      return { id, script: shown, overdue: shown.status === 'approved' && shown.reviewBy < day, counts: totals.get(id) ?? { opened: 0, helped: 0, notHelped: 0 } };
    });
    const rank = (r: (typeof rows)[number]) => (r.overdue ? 0 : r.script.status === 'draft' ? 1 : r.script.status === 'approved' ? 2 : 3);
    rows.sort((a, b) => rank(a) - rank(b) || a.script.reviewBy.localeCompare(b.script.reviewBy) || a.id.localeCompare(b.id));
    const title = (t: ScriptFile) => (locale === 'zh-TW' ? toTraditional(t.title) : t.title);
    const body = html`<table id="scripts"><thead><tr><th scope="col">${s.title}</th><th scope="col">${s.status}</th><th scope="col">${s.version}</th><th scope="col">${s.approver}</th><th scope="col">${s.reviewBy}</th><th scope="col">${s.opened}</th><th scope="col">${s.helped}</th><th scope="col">${s.notHelped}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr id="s-${r.id}"><th scope="row"><a href="/board/knowledge/script?id=${r.id}">${title(r.script)}</a></th><td>${s.statuses[r.script.status] ?? r.script.status}</td><td>${r.script.version}</td><td>${r.script.approvedBy ?? ''}</td>
<td${r.overdue ? html` class="overdue-review"` : ''}>${r.script.reviewBy}${r.overdue ? html` (${s.overdue})` : ''}</td><td>${r.counts.opened}</td><td>${r.counts.helped}</td><td>${r.counts.notHelped}</td></tr>`)}</tbody></table>`;
    sendHtml(res, 200, signedInPage(session, 'knowledge', s.heading, body));
  });

  pages.set('/board/knowledge/script', async ({ res, url, session }) => {
    const s = webStrings(session.person.locale).knowledge;
    const id = url.searchParams.get('id') ?? '';
    const { files } = await loadKnowledgeFiles(deps.dir);
    const twins = files.scripts.filter((f) => f.value.id === id).map((f) => f.value);
    const zh = twins.find((t) => t.locale === 'zh-CN');
    const en = twins.find((t) => t.locale === 'en');
    if (!zh && !en) {
      sendHtml(res, 404, signedInPage(session, 'knowledge', s.notFound, html`<p><a href="/board/knowledge">${s.back}</a></p>`));
      return;
    }
    const first = (zh ?? en)!;
    // zh-TW as agents get it: the served derivation when approved, else the same conversion.
    const tw = deps.knowledge().get(id, 'zh-TW') ?? (zh ? derive(zh, toTraditional) : undefined);
    const columns: { locale: Locale; label: string; script: ScriptFile | undefined }[] = [
      { locale: 'zh-CN', label: '简体中文 (zh-CN)', script: zh },
      { locale: 'en', label: 'English (en)', script: en },
      { locale: 'zh-TW', label: '繁體中文 (zh-TW)', script: tw as ScriptFile | undefined },
    ];
    const approver = isApprover(deps, session);
    const body = html`<p><a href="/board/knowledge">${s.back}</a></p>
<p>${s.status}: ${s.statuses[first.status] ?? first.status} · ${s.version} ${first.version} · ${s.approver}: ${first.approvedBy ?? '–'} · ${s.reviewBy}: ${first.reviewBy}</p>
${approver && first.status !== 'retired'
  ? html`<form method="post" action="/board/knowledge/approve"><input type="hidden" name="_csrf" value="${session.csrf}"><input type="hidden" name="id" value="${id}"><p>${s.approveNote(deps.reviewDays)}</p><button>${first.status === 'draft' ? s.approve : s.reapprove}</button></form>`
  : ''}
<div class="side-by-side">${columns.map((c) => html`<section lang="${c.locale}" aria-labelledby="col-${c.locale}"><h2 id="col-${c.locale}">${c.label}</h2>${c.script ? scriptBody(c.script, s) : html`<p>–</p>`}</section>`)}</div>`;
    sendHtml(res, 200, signedInPage(session, 'knowledge', first.title, body));
  });

  pages.set('POST /board/knowledge/approve', async ({ res, form, session, flash }) => {
    const s = webStrings(session.person.locale).knowledge;
    const id = form?.get('id') ?? '';
    if (!isApprover(deps, session)) {
      await flash(s.notApprover);
      redirect(res, `/board/knowledge/script?id=${encodeURIComponent(id)}`);
      return;
    }
    const result = await approveScript({ dir: deps.dir, id, approver: session.person.name ?? session.person.userId, approverChat: { platform: session.person.platform, userId: session.person.userId, locale: session.person.locale }, today: today(), reviewDays: deps.reviewDays, reload: deps.reload });
    await flash(result.ok ? s.approved(id, result.version, result.reviewBy) : `${s.refused(id)} ${result.problems.join('; ')}`);
    redirect(res, `/board/knowledge/script?id=${encodeURIComponent(id)}`);
  });

  pages.set('/board/gaps', async ({ res, session }) => {
    const s = webStrings(session.person.locale).gaps;
    const groups = gapGroups((await deps.usage?.gaps()) ?? []);
    const body = html`<p>${s.explain}</p>${groups.length
      ? html`<table id="gaps"><thead><tr><th scope="col">${s.wording}</th><th scope="col">${s.times}</th><th scope="col">${s.noHit}</th><th scope="col">${s.notHelped}</th><th scope="col">${s.also}</th></tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${g.wording}</th><td>${g.count}</td><td>${g.noHit}</td><td>${g.notHelped}</td><td>${g.variants.slice(0, 5).join(' · ')}</td></tr>`)}</tbody></table>`
      : html`<p>${s.none}</p>`}`;
    sendHtml(res, 200, signedInPage(session, 'gaps', s.heading, body));
  });
  return pages;
}

function scriptBody(script: ScriptFile, s: ReturnType<typeof webStrings>['knowledge']): SafeHtml {
  return html`<h3>${script.title}</h3>
<h4>${s.appliesWhen}</h4><p>${script.appliesWhen}</p>
<h4>${s.goal}</h4><p>${script.goal}</p>
<h4>${s.steps}</h4><ol>${script.steps.map((x) => html`<li>${x}</li>`)}</ol>
<h4>${s.say}</h4><ul>${script.say.map((x) => html`<li>${x}</li>`)}</ul>
<h4>${s.neverSay}</h4><ul>${script.neverSay.map((x) => html`<li>${x}</li>`)}</ul>
${script.escalate ? html`<h4>${s.escalate}</h4><p>${script.escalate}</p>` : ''}
${script.legal ? html`<h4>${s.legal}</h4><p>${script.legal}</p>` : ''}`;
}
