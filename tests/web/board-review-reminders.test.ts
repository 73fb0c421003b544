import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { ManualTimers } from '../../src/core/timers.js';
import { FileReviewReminderStore } from '../../src/knowledge/file-review-reminder-store.js';
import { LiveKnowledge } from '../../src/knowledge/live-knowledge.js';
import { ReviewReminders, reviewNoticeDelivery } from '../../src/knowledge/review-reminders.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { checkKnowledge } from '../../src/knowledge/check.js';
import { formatDiagnostic } from '../../src/knowledge/diagnostics.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import type { Locale } from '../../src/i18n/locale.js';
import { webStrings } from '../../src/web/web-strings.js';
import type { Outbox, Recipient } from '../../src/core/outbox.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { retryDelayMs } from '../../src/promises/retry-delay.js';
import { reviewNotice } from '../../src/web/review-notice.js';
import { RecordingOutbox } from '../helpers/bot-context.js';
import { tempDir } from '../helpers/temp-dir.js';
import { boardHarness, DRAFT_ID, knowledgeCopy, type BoardHarness } from './board-harness.js';

const log = pino({ level: 'silent' });
const DAY = 86_400_000;
const APPROVER = { platform: 'slack' as const, userId: 'UQA' };

/** The wiring of main.ts: each notice kept by the desk before it is sent, in the approver's language, else the default (en here). */
const notices = (desk: PromiseDesk, outbox: Outbox, knowledge: () => KnowledgeBase) =>
  reviewNoticeDelivery({
    write: (locale, script) => reviewNotice(locale, 'https://bot.example.com', script),
    defaultLocale: 'en',
    knowledge,
    keep: (to, script, message) => desk.notify({ kind: 'review', to, script }, message, outbox),
  });
const sendThrough = (desk: PromiseDesk, outbox: Outbox, knowledge: () => KnowledgeBase) => notices(desk, outbox, knowledge).send;

describe('review-date reminders for approvers', () => {
  it('DMs the approvers once per script version when a script is 14 days from review, checked daily on the clock, remembered across a restart', async () => {
    const knowledgeDir = knowledgeCopy();
    const probe = new LiveKnowledge({ dir: knowledgeDir, clock: new ManualClock('2026-01-01T00:00:00Z'), timeZone: 'Asia/Shanghai', log });
    await probe.reload();
    const approved = probe.current.entriesByCategory().flatMap((c) => c.entries).map((e) => e.scripts['zh-CN'] ?? e.scripts.en!).filter((s) => s.status === 'approved');
    const first = approved.sort((a, b) => a.reviewBy.localeCompare(b.reviewBy))[0]!;
    const sameDay = approved.filter((s) => s.reviewBy === first.reviewBy).length;
    // Noon in Shanghai, 20 days before the earliest review date.
    const clock = new ManualClock(new Date(Date.parse(`${first.reviewBy}T04:00:00Z`) - 20 * DAY).toISOString());
    const timers = new ManualTimers(clock);
    const knowledge = new LiveKnowledge({ dir: knowledgeDir, clock, timeZone: 'Asia/Shanghai', log });
    await knowledge.reload();
    const outbox = new RecordingOutbox();
    const dataDir = tempDir('review-reminders-');
    const desk = await PromiseDesk.open({ dataDir, clock });
    const start = async () => {
      const reminders = new ReviewReminders({
        knowledge: () => knowledge.current,
        store: await FileReviewReminderStore.open({ dataDir, log }),
        send: sendThrough(desk, outbox, () => knowledge.current),
        approvers: async () => [APPROVER],
        clock,
        timers,
        timeZone: 'Asia/Shanghai',
        log,
      });
      // The daily check runs unawaited on the timers; keep each run so the test waits for it instead of sleeping.
      const check = reminders.check.bind(reminders);
      reminders.check = () => {
        const run = check();
        checks.push(run);
        return run;
      };
      reminders.start();
      return reminders;
    };
    const checks: Promise<number>[] = [];
    const checksDone = () => Promise.all(checks);
    const about = () => outbox.sent.filter((d) => JSON.stringify(d.reply).includes(first.title));

    let reminders = await start();
    await timers.advance(5 * DAY); // 15 days before: nothing yet
    expect(about()).toEqual([]);
    await timers.advance(1 * DAY); // 14 days before: told
    await expect.poll(() => about().length).toBe(1);
    expect(about()[0]!.to).toEqual(APPROVER);
    expect(JSON.stringify(about()[0]!.reply)).toContain(`due for review by ${first.reviewBy}`);
    expect(JSON.stringify(about()[0]!.reply)).toContain(`/board/knowledge/script?id=${first.id}`);
    // Each notice is kept (a store write) before it goes out, and forgotten after: a batch takes a moment.
    await expect.poll(() => outbox.sent.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(sameDay);
    await timers.advance(6 * DAY); // the daily checks go on, nothing is sent twice
    await checksDone();
    expect(about()).toHaveLength(1);

    // A restart: the same version is not told again.
    reminders.stop();
    reminders = await start();
    await timers.advance(2 * DAY);
    await checksDone();
    expect(checks.length).toBeGreaterThanOrEqual(9);
    expect(about()).toHaveLength(1);
    reminders.stop();
    await desk.close();
  });

  it('keeps a notice the platform refused and delivers it by the retry pass, exactly once', async () => {
    const knowledgeDir = knowledgeCopy();
    const clock = new ManualClock('2030-01-01T04:00:00Z'); // every shipped script is past its review date by then
    const timers = new ManualTimers(clock);
    const knowledge = new LiveKnowledge({ dir: knowledgeDir, clock, timeZone: 'Asia/Shanghai', log });
    await knowledge.reload();
    const outbox = new RecordingOutbox();
    const dataDir = tempDir('review-reminders-');
    const desk = await PromiseDesk.open({ dataDir, clock });
    const reminders = new ReviewReminders({ knowledge: () => knowledge.current, store: await FileReviewReminderStore.open({ dataDir, log }), send: sendThrough(desk, outbox, () => knowledge.current), approvers: async () => [APPROVER], clock, timers, timeZone: 'Asia/Shanghai', log });
    const pending = new PendingDeliveries({ desk, outbox, clock, log, digest: async () => ({ private: false, blocks: [] }), render: { review: (s) => reviewNotice('en', 'https://bot.example.com', s) } });
    outbox.failing = 10_000;
    const told = await reminders.check();
    expect(told).toBeGreaterThan(0);
    expect(outbox.sent).toEqual([]);
    expect((await desk.pendingDeliveries()).map((p) => p.kind)).toEqual(Array(told).fill('review'));

    outbox.failing = 0;
    clock.advance(retryDelayMs(1));
    await pending.retryDue();
    expect(outbox.sent).toHaveLength(told);
    expect(outbox.sent.every((d) => d.to.platform === APPROVER.platform && 'userId' in d.to && d.to.userId === APPROVER.userId)).toBe(true);
    expect(JSON.stringify(outbox.sent[0]!.reply)).toContain('/board/knowledge/script?id=');
    // Delivered and forgotten: neither the next pass nor the next day's check sends it again.
    clock.advance(DAY);
    await pending.retryDue();
    expect(await reminders.check()).toBe(0);
    expect(outbox.sent).toHaveLength(told);
    expect(await desk.pendingDeliveries()).toEqual([]);
    await desk.close();
  });

  it('tries again the next day when the notice could not even be kept', async () => {
    const knowledgeDir = knowledgeCopy();
    const clock = new ManualClock('2030-01-01T04:00:00Z');
    const timers = new ManualTimers(clock);
    const knowledge = new LiveKnowledge({ dir: knowledgeDir, clock, timeZone: 'Asia/Shanghai', log });
    await knowledge.reload();
    let storeDown = true;
    const sent: string[] = [];
    const send = async (_to: unknown, script: { id: string }) => {
      if (storeDown) throw new Error('store unavailable (test)');
      sent.push(script.id);
    };
    const reminders = new ReviewReminders({ knowledge: () => knowledge.current, store: await FileReviewReminderStore.open({ dataDir: tempDir('review-reminders-'), log }), send, approvers: async () => [APPROVER], clock, timers, timeZone: 'Asia/Shanghai', log });
    expect(await reminders.check()).toBe(0);
    storeDown = false;
    expect(await reminders.check()).toBeGreaterThan(0);
    expect(await reminders.check()).toBe(0);
  });
});

describe('who hears that a script approved on the board is due for review', () => {
  let h: BoardHarness | undefined;
  afterEach(async () => h?.stop());

  it('tells the lead who approved it on the page, at the chat address they signed in with, and nobody else', async () => {
    h = await approvedOnTheBoard();
    const approved = h.knowledge.current.get(DRAFT_ID, 'zh-CN')!;
    expect(approved.approvedByChat).toEqual({ platform: 'slack', userId: 'ULEAD', locale: 'en', approvedBy: approved.approvedBy, approvedOn: approved.approvedOn });

    const everyApprover: Recipient[] = [APPROVER, { platform: 'slack', userId: 'ULEAD' }, { platform: 'discord', userId: '700000000000000077' }];
    const stillApprovers = new Set(['ULEAD', 'UQA', '700000000000000077']);
    const outbox = await remindedNearReview(h, everyApprover, async (to) => stillApprovers.has(to.userId));
    const about = (title: string) => outbox.sent.filter((d) => JSON.stringify(d.reply).includes(title)).map((d) => d.to);
    expect(about(approved.title)).toEqual([{ platform: 'slack', userId: 'ULEAD' }]);
    // A script approved by editing YAML (a name, no chat address) still goes to every approver.
    const byHand = h.knowledge.current.entriesByCategory().flatMap((c) => c.entries).map((e) => e.scripts['zh-CN'] ?? e.scripts.en!).find((s) => s.id !== DRAFT_ID && s.status === 'approved')!;
    expect(about(byHand.title)).toEqual(everyApprover);
  });

  it('writes the notice in the language the lead used on the board when approving, also when it is retried from the outbox', async () => {
    h = await approvedOnTheBoard('zh-TW');
    const approved = h.knowledge.current.get(DRAFT_ID, 'zh-CN')!;
    const inChinese = webStrings('zh-TW').chat.reviewTitle;
    const lead = { platform: 'slack', userId: 'ULEAD' };
    const told = (outbox: RecordingOutbox) => outbox.sent.filter((d) => JSON.stringify(d.reply).includes(approved.title)).map((d) => ({ to: d.to, title: d.reply.title }));
    expect(told(await remindedNearReview(h, [APPROVER, lead], async () => true))).toEqual([{ to: lead, title: inChinese }]);

    h.clock.advance(-(180 - 14) * DAY);
    // Every first try fails: what goes out comes from the retry pass.
    const retried = await remindedNearReview(h, [APPROVER, lead], async () => true, 10_000);
    expect(retried.sent.length).toBeGreaterThan(1);
    expect(told(retried)).toEqual([{ to: lead, title: inChinese }]);
    // A script approved by hand is told in the default language.
    expect(retried.sent.some((d) => d.reply.title === webStrings('en').chat.reviewTitle)).toBe(true);
    // A notice kept before its language was stored is written in the approver's recorded language.
    const { id, title, version, reviewBy } = approved;
    const keptBefore = reviewNoticeDelivery({ write: (l, s) => reviewNotice(l, 'https://bot.example.com', s), defaultLocale: 'en', knowledge: () => h!.knowledge.current, keep: () => Promise.reject(new Error('unused')) });
    expect(keptBefore.retry({ id, title, version, reviewBy: reviewBy! }).title).toBe(inChinese);
  });

  it('tells every approver, in the default language, when the approval was edited by hand after the board recorded the approver, and knowledge check warns', async () => {
    h = await approvedOnTheBoard('zh-TW');
    const files = ['zh-CN', 'en'].map((l) => path.join(h!.knowledgeDir, 'scripts', `${DRAFT_ID}.${l}.yaml`));
    // The quality team re-signs it in the YAML: another name, another day; approvedByChat is left as it was.
    for (const file of files) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^approvedBy: .*$/m, 'approvedBy: Quality owner').replace(/^approvedOn: .*$/m, 'approvedOn: 2026-12-03'));
    }
    await h.knowledge.reload();
    const approved = h.knowledge.current.get(DRAFT_ID, 'zh-CN')!;
    expect(approved.approvedBy).toBe('Quality owner');

    const loaded = await loadKnowledgeFiles(h.knowledgeDir);
    const warnings = checkKnowledge(loaded.files, '2026-12-03').map(formatDiagnostic).filter((d) => d.includes('approvedByChat'));
    expect(warnings).toEqual(['en', 'zh-CN'].map((l) => expect.stringMatching(new RegExp(`^scripts/${DRAFT_ID}\\.${l}\\.yaml:\\d+: warning: approvedByChat was recorded for the approval on 2026-12-01, not 2026-12-03; its review reminder goes to every approver`))));

    const everyApprover: Recipient[] = [APPROVER, { platform: 'slack', userId: 'ULEAD' }];
    h.clock.advance(2 * DAY);
    const outbox = await remindedNearReview(h, everyApprover, async () => true);
    const told = outbox.sent.filter((d) => JSON.stringify(d.reply).includes(approved.title));
    expect(told.map((d) => d.to)).toEqual(everyApprover);
    expect(told.every((d) => d.reply.title === webStrings('en').chat.reviewTitle)).toBe(true);
  });

  it('retries a notice that fell back to every approver in the language its first try was written in, not the former approver\'s', async () => {
    h = await approvedOnTheBoard('zh-TW');
    const title = h.knowledge.current.get(DRAFT_ID, 'zh-CN')!.title;
    const lead = { platform: 'slack', userId: 'ULEAD' };
    // ULEAD approved it in zh-TW but no longer approves scripts: every approver is told, in the default language.
    const retried = await remindedNearReview(h, [APPROVER], async (to) => to.userId === APPROVER.userId, 10_000);
    const told = retried.sent.filter((d) => JSON.stringify(d.reply).includes(title));
    expect(told.map((d) => d.to)).toEqual([APPROVER]);
    expect(told.map((d) => d.reply.title)).toEqual([webStrings('en').chat.reviewTitle]);
    expect(told.map((d) => d.to)).not.toContainEqual(lead);
  });

  it('tells every approver when the one who approved it no longer approves scripts', async () => {
    h = await approvedOnTheBoard();
    const outbox = await remindedNearReview(h, [APPROVER], async (to) => to.userId === APPROVER.userId);
    const title = h.knowledge.current.get(DRAFT_ID, 'zh-CN')!.title;
    expect(outbox.sent.filter((d) => JSON.stringify(d.reply).includes(title)).map((d) => d.to)).toEqual([APPROVER]);
  });
});

/** A board whose lead ULEAD has approved the draft on the page (review in 180 days), reading it in `locale`. */
async function approvedOnTheBoard(locale: Locale = 'en'): Promise<BoardHarness> {
  const h = await boardHarness({ now: '2026-12-01T02:00:00Z' });
  const cookie = await h.signIn('ULEAD', locale === 'zh-TW' ? 'zh-CN' : locale);
  if (locale === 'zh-TW') {
    // Switched on the page after signing in from a zh-CN chat: the page's language is the one that counts.
    const switched = await fetch(`${h.base}/board/language`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ _csrf: await h.csrfOf(cookie), locale }) });
    expect(switched.status).toBe(303);
  }
  const approve = await fetch(`${h.base}/board/knowledge/approve`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ _csrf: await h.csrfOf(cookie), id: DRAFT_ID }) });
  expect(approve.status).toBe(303);
  return h;
}

/** 14 days before the approved draft's review date, one check of the reminders: what was sent (and what is kept to retry). */
async function remindedNearReview(h: BoardHarness, approvers: Recipient[], isApprover: (to: Recipient) => Promise<boolean>, failing = 0): Promise<RecordingOutbox> {
  const outbox = new RecordingOutbox();
  outbox.failing = failing;
  const dataDir = tempDir('review-reminders-');
  const desk = await PromiseDesk.open({ dataDir, clock: h.clock });
  const reminders = new ReviewReminders({
    knowledge: () => h.knowledge.current,
    store: await FileReviewReminderStore.open({ dataDir, log }),
    send: sendThrough(desk, outbox, () => h.knowledge.current),
    approvers: async () => approvers,
    isApprover,
    clock: h.clock,
    timers: new ManualTimers(h.clock),
    timeZone: 'Asia/Shanghai',
    log,
  });
  h.clock.advance((180 - 14) * DAY);
  await reminders.check();
  if (failing) {
    expect(outbox.sent).toEqual([]);
    // The retry pass as main.ts wires it: written again from what the outbox kept.
    outbox.failing = 0;
    h.clock.advance(retryDelayMs(1));
    const render = { review: notices(desk, outbox, () => h.knowledge.current).retry };
    await new PendingDeliveries({ desk, outbox, clock: h.clock, log, digest: async () => ({ private: false, blocks: [] }), render }).retryDue();
  }
  await desk.close();
  return outbox;
}
