import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { USAGE_FILE } from '../../src/knowledge/file-usage-store.js';
import { textOf } from '../helpers/router.js';
import { boardHarness, DRAFT_ID, type BoardHarness } from './board-harness.js';

let h: BoardHarness;
afterEach(async () => h?.stop());

const post = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(body), headers });

const buttons = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));

describe('knowledge on the board', () => {
  it('lists every script with status, version, approver and review date, overdue reviews first, then drafts', async () => {
    h = await boardHarness({ now: '2026-12-01T02:00:00Z' });
    const cookie = await h.signIn('ULEAD');
    const page = await (await fetch(`${h.base}/board/knowledge`, { headers: { cookie } })).text();
    const rows = [...page.matchAll(/<tr id="s-([a-z0-9-]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: m[1]!, html: m[2]! }));
    expect(rows.length).toBeGreaterThan(50);
    const draft = rows.findIndex((r) => r.id === DRAFT_ID);
    expect(rows[draft]!.html).toContain('<td>draft</td><td>1</td>');
    const firstApprovedOnTime = rows.findIndex((r) => r.html.includes('<td>approved</td>') && !r.html.includes('overdue'));
    expect(draft).toBeLessThan(firstApprovedOnTime);
    expect(rows.slice(0, draft).every((r) => r.html.includes('review overdue'))).toBe(true);
  });

  it('shows a script in zh-CN, en and zh-TW side by side', async () => {
    h = await boardHarness();
    const cookie = await h.signIn('ULEAD');
    const page = await (await fetch(`${h.base}/board/knowledge/script?id=angry-abusive-customer`, { headers: { cookie } })).text();
    expect(page).toContain('<section lang="zh-CN"');
    expect(page).toContain('<section lang="en"');
    expect(page).toContain('<section lang="zh-TW"');
    expect(page).toContain('Customer is very anxious, angry or abusive');
    expect(page).toMatch(/<section lang="zh-TW"[\s\S]*[這個們說]/);
  });

  it('approves a draft: both files written and validated, served by /script at once', async () => {
    h = await boardHarness({ now: '2026-12-01T02:00:00Z' });
    expect(textOf(await h.script('UAMY', 'refund to cancelled card'))).not.toContain('Refund went to a closed bank card');
    const cookie = await h.signIn('ULEAD');
    const csrf = await h.csrfOf(cookie);
    const res = await post(`${h.base}/board/knowledge/approve`, { _csrf: csrf, id: DRAFT_ID }, { cookie });
    expect(res.status).toBe(303);
    const page = await (await fetch(`${h.base}${res.headers.get('location')}`, { headers: { cookie } })).text();
    expect(page).toContain(`${DRAFT_ID} is approved (version 2)`);
    for (const locale of ['zh-CN', 'en']) {
      const text = readFileSync(path.join(h.knowledgeDir, 'scripts', `${DRAFT_ID}.${locale}.yaml`), 'utf8');
      expect(text).toContain('# Draft written by the quality team.');
      expect(text).toMatch(/^status: approved$/m);
      expect(text).toMatch(/^approvedBy: Name ULEAD$/m);
      expect(text).toMatch(/^approvedOn: "?2026-12-01"?$/m);
      expect(text).toMatch(/^reviewBy: "?2027-05-30"?$/m);
      expect(text).toMatch(/^version: 2$/m);
    }
    const found = await h.script('UAMY', 'refund to cancelled card');
    expect(found.title).toBe('Refund went to a closed bank card');
    expect(textOf(found)).toContain('Name ULEAD');
  });

  it('refuses an approval that would not pass knowledge check, and writes nothing', async () => {
    h = await boardHarness();
    const file = path.join(h.knowledgeDir, 'scripts', `${DRAFT_ID}.en.yaml`);
    // An alias another script already owns: knowledge check's rule across files.
    writeFileSync(file, readFileSync(file, 'utf8').replace('refund closed card', 'angry customer'));
    const before = readFileSync(file, 'utf8');
    const cookie = await h.signIn('ULEAD');
    const res = await post(`${h.base}/board/knowledge/approve`, { _csrf: await h.csrfOf(cookie), id: DRAFT_ID }, { cookie });
    const page = await (await fetch(`${h.base}${res.headers.get('location')}`, { headers: { cookie } })).text();
    expect(page).toContain('was not approved');
    expect(page).toContain('alias &quot;angry customer&quot; is also an alias of');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('lets only APPROVER_IDS approve when set', async () => {
    h = await boardHarness({ approverIds: ['UQA'] });
    const cookie = await h.signIn('ULEAD');
    const page = await (await fetch(`${h.base}/board/knowledge/script?id=${DRAFT_ID}`, { headers: { cookie } })).text();
    expect(page).not.toContain('action="/board/knowledge/approve"');
    const res = await post(`${h.base}/board/knowledge/approve`, { _csrf: await h.csrfOf(cookie), id: DRAFT_ID }, { cookie });
    expect(res.status).toBe(303);
    expect(readFileSync(path.join(h.knowledgeDir, 'scripts', `${DRAFT_ID}.en.yaml`), 'utf8')).toMatch(/^status: draft$/m);
  });

  it('counts opens and "this helped"/"didn\'t help", and reports masked gaps grouped by wording, without who', async () => {
    h = await boardHarness();
    const answer = await h.script('UAMY', 'angry customer');
    const [helped, notHelped] = buttons(answer).filter((a) => a.id === 'helped' || a.id === 'not-helped');
    expect(helped!.label).toBe('This helped');
    expect(notHelped!.label).toBe('Didn’t help');
    const press = (id: string, value: string) => h.router.handle({ kind: 'action', platform: 'slack', user: { id: 'UBEN', locale: 'en', isLead: false }, command: 'script', actionId: id, value, localeExplicit: false });
    expect(textOf(await press('helped', helped!.value))).toContain('Thanks');
    await press('not-helped', notHelped!.value);
    await h.script('UAMY', 'kitten adoption paperwork 13812345678');
    await h.script('UBEN', 'paperwork for kitten adoption');
    await h.script('UCAT', 'kitten adoption');
    const cookie = await h.signIn('ULEAD');
    const list = await (await fetch(`${h.base}/board/knowledge`, { headers: { cookie } })).text();
    expect(list).toMatch(/<tr id="s-angry-abusive-customer">[\s\S]*?<td>1<\/td><td>1<\/td><td>1<\/td><\/tr>/);
    const gaps = await (await fetch(`${h.base}/board/gaps`, { headers: { cookie } })).text();
    const rows = [...gaps.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]);
    expect(rows[0]![1]).toBe(3);
    expect(rows).toContainEqual(['angry customer', 1]);
    expect(gaps).not.toContain('13812345678');
    const stored = readFileSync(path.join(h.dataDir, USAGE_FILE), 'utf8');
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toMatch(/UAMY|UBEN|UCAT/);
  });
});
