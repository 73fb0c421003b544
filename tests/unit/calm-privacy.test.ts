import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalmDesk } from '../../src/calm/desk.js';
import type { Reply } from '../../src/core/reply.js';
import type { Router } from '../../src/core/router.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { action, FEELING_IDS } from '../helpers/calm-bot.js';
import { SHIPPED_KNOWLEDGE, botRouter } from '../helpers/router.js';
import { leadNoteFor } from '../../commands/calm-replies.js';
import type { PendingDelivery } from '../../src/promises/model.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { retryDelayMs } from '../../src/promises/retry-delay.js';

/** Distinctive words no log line or stored file may ever contain. */
const SECRET_WORDS = ['Quokkaberry', 'zebrafjord', '紫色长颈鹿', '13899990000'];
const TYPED = [
  'so angry Quokkaberry',
  '被客户骂了 紫色长颈鹿',
  'zebrafjord I messed up the refund for 13899990000',
  'I want to kill myself Quokkaberry',
  'Quokkaberry nothing matches this',
];

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

let bot: BotContext;
let desk: CalmDesk;
let router: Router;
const logLines: string[] = [];
const shown: string[] = [];
let kept: PendingDelivery[] = [];

beforeAll(async () => {
  const log = pino({ level: 'trace' }, new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
  bot = await botContext({ leadIds: ['ULEAD1'] });
  desk = await CalmDesk.open({ knowledgeDir: SHIPPED_KNOWLEDGE, counts: bot.fileStore, clock: bot.clock, timeZone: 'Asia/Shanghai', statsEnabled: true, log });
  router = botRouter({ ...bot.context, log, calm: desk });
  const user = { id: 'UPRIVATE42', name: 'Private Person', locale: 'en' as const, timeZone: 'Asia/Shanghai', isLead: false };
  const ask = (text: string) => router.handle({ kind: 'command', platform: 'slack', user, command: 'calm', text, localeExplicit: false });
  const press = (reply: Reply, id: string) => {
    const a = action(reply, id);
    return router.handle({ kind: 'action', platform: 'slack', user, command: 'calm', actionId: a.id, value: a.value, localeExplicit: false });
  };
  const keep = (reply: Reply) => (shown.push(JSON.stringify(reply)), reply);

  for (const text of TYPED) keep(await ask(text));
  const feeling = keep(await ask('so angry Quokkaberry'));
  keep(await press(feeling, 'feeling'));
  keep(await press(feeling, 'breathe'));
  await bot.timers.advance(20_000);
  keep(await ask('stop'));
  keep(await press(feeling, 'reset'));
  // Failures are logged: they must not carry content either.
  bot.outbox.failing = 5;
  keep(await press(feeling, 'breathe'));
  bot.clock.advance(60 * 60_000);
  keep(await press(feeling, 'reset'));
  bot.outbox.failing = 0;
  // The note the platform refused waits in the store for the retry pass; then it goes, and is forgotten.
  kept = await bot.promises.pendingDeliveries();
  bot.clock.advance(retryDelayMs(1));
  await new PendingDeliveries({ desk: bot.promises, outbox: bot.outbox, clock: bot.clock, log, digest: async () => ({ private: false, blocks: [] }), render: { leadNote: leadNoteFor } }).retryDue();
  await router.handle({ kind: 'command', platform: 'slack', user: { ...user, isLead: true }, command: 'calm', text: 'stats', localeExplicit: false });
});

afterAll(async () => {
  await desk.close();
  await bot.close();
  rmSync(bot.dataDir, { recursive: true, force: true });
});

describe('/calm privacy', () => {
  it('the run above did what it should (so the checks below mean something)', () => {
    expect(shown.join('')).toContain('Another way to see it');
    expect(bot.outbox.sent.some((s) => s.reply.title === 'Breathe with me · 1 minute')).toBe(true);
    expect(bot.outbox.sent.some((s) => s.reply.title === 'A 5-minute reset request')).toBe(true);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('')).toContain('could not');
  });

  it('no typed text, feeling, prompt or person reaches the logs', () => {
    const logged = logLines.join('');
    const library = desk.library!;
    const prompts = FEELING_IDS.flatMap((id) => library.feeling(id, 'en')!.prompts.map((p) => p.selfTalk));
    for (const word of [...SECRET_WORDS, ...FEELING_IDS, ...prompts, 'UPRIVATE42', 'Private Person', 'angry', 'refund']) {
      expect(logged, word).not.toContain(word);
    }
  });

  it('nothing but date → count is stored, and no typed text, feeling or person is on disk', () => {
    const files = allFiles(bot.dataDir);
    const stats = files.find((f) => path.basename(f) === 'calm-stats.json')!;
    expect(JSON.parse(readFileSync(stats, 'utf8'))).toEqual({ '2026-12-01': 6 });
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const word of [...SECRET_WORDS, ...FEELING_IDS, 'UPRIVATE42', 'Private Person']) expect(text, `${file}: ${word}`).not.toContain(word);
    }
  });

  it('a lead note waiting for a retry holds who asks and for what, nothing they typed; once delivered it is gone', () => {
    expect(kept.map((p) => p.kind)).toEqual(['lead-note']);
    expect(kept[0]!.leadNote).toEqual({ asker: { id: 'UPRIVATE42', name: 'Private Person' }, request: 'reset', locale: 'en' });
    for (const word of [...SECRET_WORDS, ...FEELING_IDS, 'angry', 'refund']) expect(JSON.stringify(kept), word).not.toContain(word);
    expect(bot.outbox.sent.filter((s) => s.reply.title === 'A 5-minute reset request')).toHaveLength(2);
  });

  it('in memory, only prompt numbers by pseudonym are kept; they fade within hours', () => {
    expect(desk.remembered).toBe(1);
    bot.clock.advance(5 * 60 * 60_000);
    expect(desk.remembered).toBe(0);
  });
});
