import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import type { Router } from '../../src/core/router.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { JOURNAL_NAME } from '../../src/promises/journaled-store-file.js';
import { tempDir } from '../helpers/temp-dir.js';
import { botRouter } from '../helpers/router.js';
import { typedOn } from '../helpers/platforms.js';

let bot: BotContext | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** Personal numbers as agents paste them, and the digits that must not reach the disk. */
const PASTED = {
  mobileDots: ['138.1234.5678', '13812345678'],
  mobileGlued: ['tel13987654321', '13987654321'],
  mobileZeroWidth: ['136\u200B1234\u200C8888', '13612348888'],
  id18: ['440305-19850101-123X', '44030519850101123X'],
  id15: ['110101 850307 123', '110101850307123'],
  landline: ['(021) 6234 5678', '02162345678'],
  card: ['6222 0212 3456 7890 128', '6222021234567890128'],
  email: ['wang.lei@example.com', 'wang.lei'],
} as const;

/** Every text in the store files, with separators and invisible characters taken out, as a reader would piece a number together. */
function storedTexts(dataDir: string): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value.normalize('NFKC').replace(/[\s.()\-\u00AD\u200B-\u200F\u2060\uFEFF]/g, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(path.join(dataDir, 'promises.json'), 'utf8')));
  // Changes since the last snapshot are lines of the journal beside it.
  const journal = path.join(dataDir, JOURNAL_NAME);
  if (existsSync(journal)) for (const line of readFileSync(journal, 'utf8').split('\n')) if (line.trim()) walk(JSON.parse(line));
  return texts;
}

function expectNoneStored(dataDir: string, raws: readonly string[]): void {
  const texts = storedTexts(dataDir);
  for (const raw of raws) expect(texts.filter((t) => t.includes(raw.replace(/\./g, '')))).toEqual([]);
}

function asker(router: Router) {
  return (text: string, id = 'U1'): Promise<Reply> =>
    router.handle({
      kind: 'command',
      platform: 'slack',
      user: { id, name: id === 'U1' ? 'amy' : 'ben', locale: 'en', timeZone: 'Asia/Shanghai', isLead: false },
      command: 'promise',
      ...typedOn('slack', text),
      localeExplicit: false,
    });
}

const idOf = (reply: Reply): string => /Promise ([2-9A-Z]{5}) recorded/.exec(reply.title ?? '')![1]!;

describe('/promise stores no personal numbers', () => {
  it('in notes, renegotiation and cancel reasons, history, or messages waiting to be delivered', async () => {
    bot = await botContext({ now: '2026-12-01T02:00:00Z' });
    const ask = asker(botRouter(bot.context));
    const p = PASTED;
    const kept = idOf(await ask(`1h 4411 call back ${p.mobileDots[0]} or ${p.landline[0]}, mail ${p.email[0]}`));
    const moved = idOf(await ask(`2h 7731 refund to card ${p.card[0]}, ID ${p.id18[0]}`));
    const dropped = idOf(await ask(`3h 5520 old ID ${p.id15[0]}`));

    await ask(`renegotiate ${kept} 16:00 customer asked to use ${p.mobileGlued[0]} instead`);
    expect((await bot.promises.find(kept))!.history.at(-1)).toMatchObject({ event: 'renegotiated', reason: 'customer asked to use tel139****4321 instead' });
    await ask(`cancel ${dropped} duplicate of the one for ${p.mobileZeroWidth[0]}`);
    bot.outbox.failing = 1; // the handoff notice cannot go out yet, so it waits in the store
    await ask(`handoff ${moved} <@U9|ben>`);
    expect((await bot.promises.pendingDeliveries())).toHaveLength(1);

    expectNoneStored(bot.dataDir, Object.values(p).map(([, raw]) => raw));
    // What agents need to recognise the number is still there.
    const { dataDir } = bot;
    const file = ['promises.json', JOURNAL_NAME].map((f) => path.join(dataDir, f)).filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const kept4 of ['138.****.5678', '(021) **** 5678', 'w***@example.com', '**** **** **** ***0 128', '440305-********-123X', '110101 ****** 123']) expect(file).toContain(kept4);
  });

  it('masks promises an older version stored unmasked, when the store is opened', async () => {
    const dataDir = tempDir('frontline-bot-');
    const at = '2026-12-01T02:00:00.000Z';
    const record = (id: string, note: string, reason?: string) => ({
      id,
      owner: { platform: 'slack', userId: 'U1' },
      createdAt: at,
      dueAt: '2026-12-01T04:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      note,
      status: 'open',
      reminders: {},
      history: [{ at, by: 'U1', event: 'created' }, ...(reason ? [{ at, by: 'U1', event: 'renegotiated', from: at, to: '2026-12-01T04:00:00.000Z', reason }] : [])],
    });
    const store = { version: 1, promises: [record('K7Q2M', `call ${PASTED.mobileDots[0]}`, `new number ${PASTED.card[0]}`), record('K7Q2N', '4411 refund check')], people: {}, pending: [] };
    writeFileSync(path.join(dataDir, 'promises.json'), JSON.stringify(store));
    bot = await botContext({ dataDir });
    expectNoneStored(dataDir, [PASTED.mobileDots[1], PASTED.card[1]]);
    expect((await bot.promises.find('K7Q2N'))!.note).toBe('4411 refund check');
  });
});
