import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedSize, toDiscordMessages, type DiscordMessage } from '../../src/adapters/discord/embeds.js';
import { SLACK_LIMITS, toSlackMessages, type SlackMessage } from '../../src/adapters/slack/block-kit.js';
import { renderText } from '../../src/adapters/console/render-text.js';
import { listReply, teamReply } from '../../commands/promise-replies.js';
import { draftCheckReply } from '../../commands/script-replies.js';
import type { PhraseHit } from '../../src/knowledge/phrasebook.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { Block, Reply, ReplyAction } from '../../src/core/reply.js';
import { messagesFor } from '../../src/i18n/index.js';
import type { PromiseRecord } from '../../src/promises/model.js';

/** Every documented Slack limit, on every message. */
function slackProblems(messages: SlackMessage[]): string[] {
  const problems: string[] = [];
  for (const [n, m] of messages.entries()) {
    if (m.blocks.length > SLACK_LIMITS.blocks) problems.push(`message ${n}: ${m.blocks.length} blocks`);
    if (m.text.length > SLACK_LIMITS.text || !m.text.trim()) problems.push(`message ${n}: fallback text ${m.text.length}`);
    if (/[\ud800-\udbff]$/.test(m.text)) problems.push(`message ${n}: fallback ends mid-character`);
    for (const b of m.blocks) {
      if (b.type === 'header' && b.text.text.length > SLACK_LIMITS.header) problems.push(`header ${b.text.text.length}`);
      if (b.type === 'section' && b.text.text.length > SLACK_LIMITS.section) problems.push(`section ${b.text.text.length}`);
      if (b.type === 'context' && b.elements.some((e) => e.text.length > SLACK_LIMITS.section)) problems.push('context too long');
      if (b.type === 'actions' && b.elements.length > SLACK_LIMITS.buttonsPerActions) problems.push(`actions ${b.elements.length}`);
    }
  }
  return problems;
}

/** Every documented Discord limit, on every message. */
function discordProblems(messages: DiscordMessage[]): string[] {
  const problems: string[] = [];
  for (const [n, m] of messages.entries()) {
    if (m.embeds.length > DISCORD_LIMITS.embeds) problems.push(`message ${n}: ${m.embeds.length} embeds`);
    const total = m.embeds.reduce((s, e) => s + embedSize(e), 0);
    if (total > DISCORD_LIMITS.embedsTotal) problems.push(`message ${n}: ${total} characters across embeds`);
    if (m.components.length > DISCORD_LIMITS.rows) problems.push(`message ${n}: ${m.components.length} rows`);
    if (m.components.some((r) => r.components.length > DISCORD_LIMITS.buttonsPerRow)) problems.push(`message ${n}: row over 5 buttons`);
    if (!m.embeds.length && !m.components.length) problems.push(`message ${n}: empty`);
    for (const e of m.embeds) {
      if ((e.title?.length ?? 0) > DISCORD_LIMITS.title) problems.push('title');
      if ((e.description?.length ?? 0) > DISCORD_LIMITS.description) problems.push(`description ${e.description!.length}`);
      if ((e.footer?.text.length ?? 0) > DISCORD_LIMITS.footer) problems.push('footer');
      if (e.fields.length > DISCORD_LIMITS.fields) problems.push(`${e.fields.length} fields`);
      for (const f of e.fields) {
        if (f.name.length > DISCORD_LIMITS.fieldName || !f.name) problems.push(`field name ${f.name.length}`);
        if (f.value.length > DISCORD_LIMITS.fieldValue || !f.value) problems.push(`field value ${f.value.length}`);
      }
    }
  }
  return problems;
}

/** The text pieces a person can read, one string per section / field / description / footer. */
function slackPieces(messages: SlackMessage[]): string[] {
  return messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' || b.type === 'header' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [])));
}
function discordPieces(messages: DiscordMessage[]): string[] {
  return messages.flatMap((m) => m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...e.fields.flatMap((f) => [f.name, f.value])]));
}
const buttonCount = {
  slack: (ms: SlackMessage[]) => ms.flatMap((m) => m.blocks).reduce((n, b) => n + (b.type === 'actions' ? b.elements.length : 0), 0),
  discord: (ms: DiscordMessage[]) => ms.flatMap((m) => m.components).reduce((n, r) => n + r.components.length, 0),
};

const NOW = new Date('2026-12-01T08:00:00Z');
/** A 500-character note, unique per promise, in words both platforms show as typed. */
function note(i: number): string {
  const head = `note ${i} 客户要求回电 `;
  return (head + '请在下班前确认退款进度并回电客户 confirm refund status '.repeat(30)).slice(0, 500).trimEnd();
}
function worstCasePromises(count: number, owners: number): PromiseRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `K${String(i).padStart(4, '0')}`,
    owner: { platform: 'slack' as const, userId: `U${i % owners}`, name: `Owner number ${i % owners} 李明`, locale: 'en' as const },
    createdAt: NOW.toISOString(),
    dueAt: new Date(NOW.getTime() + (i - 50) * 600_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    note: note(i),
    status: 'open' as const,
    reminders: {},
    history: [],
  })) as PromiseRecord[];
}

function assertWhole(reply: Reply, mustShow: string[]): void {
  const slack = toSlackMessages(reply);
  const discord = toDiscordMessages(reply);
  expect(slackProblems(slack)).toEqual([]);
  expect(discordProblems(discord)).toEqual([]);
  const sp = slackPieces(slack);
  const dp = discordPieces(discord);
  const lostSlack = mustShow.filter((t) => !sp.some((p) => p.includes(t)));
  const lostDiscord = mustShow.filter((t) => !dp.some((p) => p.includes(t)));
  expect(lostSlack.length, `lost in Slack: ${lostSlack[0]}`).toBe(0);
  expect(lostDiscord.length, `lost in Discord: ${lostDiscord[0]}`).toBe(0);
  const buttons = reply.blocks.reduce((n, b) => n + (b.type === 'actions' ? b.actions.length : 0), 0);
  expect(buttonCount.slack(slack)).toBe(buttons);
  expect(buttonCount.discord(discord)).toBe(buttons);
}

describe('worst-case replies fit every platform limit and lose nothing', () => {
  const records = worstCasePromises(200, 60);
  for (const locale of ['en', 'zh-CN'] as Locale[]) {
    const m = messagesFor(locale);
    for (const [name, render] of [['team', teamReply], ['list', listReply]] as const) {
      it(`${locale}: /promise ${name} with 200 promises across 60 owners and 500-character notes, page by page`, () => {
        const seen: string[] = [];
        for (let page = 1; page <= 10; page++) {
          const reply = render(records, NOW, locale, m, page);
          const shown = records.filter((r) => renderText(reply).includes(r.note));
          expect(shown.length).toBe(20);
          assertWhole(reply, shown.map((r) => r.note));
          expect(renderText(reply)).toContain(m.common.showing((page - 1) * 20 + 1, page * 20, 200));
          const nav = reply.blocks.find((b) => b.type === 'actions');
          expect(nav?.type === 'actions' && nav.actions.map((a) => a.typed)).toEqual(
            [page > 1 && `/promise ${name} page ${page - 1}`, page < 10 && `/promise ${name} page ${page + 1}`].filter(Boolean),
          );
          seen.push(...shown.map((r) => r.id));
        }
        expect(new Set(seen).size).toBe(200);
      });
    }
  }

  it('200 promises under 60 owner labels in one reply still fit both platforms, nothing lost', () => {
    const blocks: Block[] = Array.from({ length: 60 }, (_, o) => ({ type: 'list', label: `Owner ${o}`, items: records.filter((_, i) => i % 60 === o).map((r) => r.note) }));
    assertWhole({ private: true, title: 'Team', blocks }, records.map((r) => r.note));
  });

  it('/script check with 40 hits keeps every hit under its own label on Discord and Slack', () => {
    const hits = Array.from({ length: 40 }, (_, i) => ({
      entry: { why: `why number ${i} this phrase sounds like blame`, rewrite: `rewrite number ${i} let me check that for you` },
      found: `phrase${i}`,
      index: i,
      severity: i % 2 ? 'banned' : 'nonstandard',
    })) as unknown as PhraseHit[];
    const reply = draftCheckReply(hits, 'en');
    const discord = toDiscordMessages(reply);
    const fields = discord.flatMap((d) => d.embeds.flatMap((e) => e.fields));
    for (let i = 0; i < 40; i++) {
      const field = fields.find((f) => f.name.includes(`phrase${i}”`));
      expect(field?.value, `hit ${i}`).toContain(`why number ${i} `);
    }
    assertWhole(reply, hits.map((h) => `rewrite number ${h.index} `));
  });

  it('a script whose Steps run past 1,024 characters keeps its last step, in "Steps (cont.)"', () => {
    const steps = Array.from({ length: 30 }, (_, i) => `Step ${i}: listen, restate the problem and name the next action clearly`);
    const discord = toDiscordMessages({ private: true, title: 'Parcel late', blocks: [{ type: 'list', ordered: true, label: 'Steps', items: steps }] });
    const fields = discord.flatMap((d) => d.embeds.flatMap((e) => e.fields));
    expect(fields.length).toBeGreaterThan(1);
    expect(fields.slice(1).every((f) => f.name === 'Steps (cont.)')).toBe(true);
    expect(fields.at(-1)!.value).toContain('Step 29:');
    assertWhole({ private: true, blocks: [{ type: 'list', ordered: true, label: 'Steps', items: steps }] }, steps);
  });

  it('500 cases with 60 buttons, a 300-character title and a 7,000-character context', () => {
    const cases = Array.from({ length: 500 }, (_, i) => `case-${i} the caller says the parcel never came`);
    const actions: ReplyAction[] = Array.from({ length: 60 }, (_, i) => ({ command: 'script', id: 'open', value: `en:case-${i}`, label: `Case ${i}`, typed: `/script case-${i}` }));
    const title = `Browse ${'every category '.repeat(20)}`;
    const reply: Reply = {
      private: true,
      title,
      blocks: [{ type: 'text', text: 'x'.repeat(9000) }, { type: 'list', label: 'Cases', items: cases }, { type: 'context', text: 'hint '.repeat(1400) }, { type: 'actions', actions }],
    };
    assertWhole(reply, cases);
    expect(toSlackMessages(reply)[0]!.text.startsWith('== Browse')).toBe(true);
  });

  it('any reply at all renders within the limits with every item shown (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9一-龥]{1,12}$/);
    const item = fc.array(word, { minLength: 1, maxLength: 120 }).map((ws) => ws.join(' '));
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('list' as const), items: fc.array(item, { minLength: 1, maxLength: 80 }), label: fc.option(word, { nil: undefined }) }),
      fc.record({ type: fc.constant('text' as const), text: item, label: fc.option(word, { nil: undefined }) }),
      fc.record({ type: fc.constant('context' as const), text: item }),
      fc.constant({ type: 'divider' as const }),
    );
    fc.assert(
      fc.property(item, fc.array(block, { maxLength: 70 }), fc.option(item, { nil: undefined }), (first, rest, title) => {
        const blocks: Block[] = [{ type: 'text', text: first }, ...rest];
        const reply: Reply = { private: true, title, blocks };
        const items = blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
        const slack = toSlackMessages(reply);
        const discord = toDiscordMessages(reply);
        expect(slackProblems(slack)).toEqual([]);
        expect(discordProblems(discord)).toEqual([]);
        const sp = slackPieces(slack);
        const dp = discordPieces(discord);
        expect(items.filter((t) => !sp.some((p) => p.includes(t)))).toEqual([]);
        expect(items.filter((t) => !dp.some((p) => p.includes(t)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the Slack fallback text is a gist, not a cut', () => {
  it('carries the title and first lines, says how many lines follow, and escapes once', () => {
    const items = Array.from({ length: 400 }, (_, i) => `item ${i} <@U1> & more words to make the line longer than a short one`);
    const blocks: Block[] = Array.from({ length: 80 }, (_, b) => ({ type: 'list', items: items.slice(b * 5, b * 5 + 5) }));
    const messages = toSlackMessages({ private: true, title: 'Long list', blocks });
    const text = messages[0]!.text;
    expect(text.startsWith('== Long list ==\n- item 0 &lt;@U1&gt; &amp; more')).toBe(true);
    expect(text).toMatch(/\n… \(\+\d+\)$/);
    expect(text.length).toBeLessThanOrEqual(3000);
    for (const m of messages.slice(1)) {
      expect(m.text).not.toContain('&amp;amp;');
      expect(m.text).toMatch(/^Long list \(\d+\/\d+\)\n/);
    }
    expect(messages.length).toBeGreaterThan(1);
  });

  it('never ends mid-character even when the first line alone is too long', () => {
    const text = toSlackMessages({ private: true, blocks: [{ type: 'text', text: '😀'.repeat(4000) }] })[0]!.text;
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.replace(/\n… \(\+1\)$/, '')).toMatch(/^(😀)+$/u);
  });
});
