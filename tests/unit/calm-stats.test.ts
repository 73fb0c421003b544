import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DailyCount, STATS_FILE } from '../../src/calm/daily-count.js';
import { action, calmBot, type CalmBot } from '../helpers/calm-bot.js';
import { textOf } from '../helpers/router.js';

const bots: CalmBot[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setUp(options: { statsEnabled?: boolean; dataDir?: string } = {}): Promise<CalmBot> {
  // 10:00 in Shanghai on 1 December.
  const bot = await calmBot({ now: '2026-12-01T02:00:00Z', ...options });
  bots.push(bot);
  dirs.push(bot.dataDir);
  return bot;
}

const statsFile = (bot: CalmBot) => path.join(bot.dataDir, STATS_FILE);

describe('/calm stats', () => {
  it('is for leads only; an agent gets a polite refusal and no numbers', async () => {
    const bot = await setUp();
    await bot.ask('so angry');
    const reply = await bot.ask('stats', { locale: 'en', isLead: false });
    expect(textOf(reply).trim()).toBe('The /calm numbers are for team leads. Everything you do in /calm stays private to you.');
    expect(textOf(reply)).not.toMatch(/\d/);
  });

  it('shows a lead the last 14 days, oldest first, with today\'s anonymous count', async () => {
    const bot = await setUp();
    await bot.ask('so angry', { userId: 'U1' });
    await bot.ask('', { userId: 'U2' });
    await bot.ask('I want to die', { userId: 'U3', locale: 'en' });
    const reply = await bot.ask('stats', { locale: 'en', isLead: true });
    expect(reply.title).toBe('/calm over the last 14 days');
    const list = reply.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items).toHaveLength(14);
    expect(list?.type === 'list' && list.items[0]).toBe('2026-11-18 · 0');
    expect(list?.type === 'list' && list.items[13]).toBe('2026-12-01 · 3');
    expect(textOf(reply)).toContain('Total: 3');
  });

  it('counts per team day (TEAM_TIMEZONE), and only uses: not buttons, typed button ids or keywords', async () => {
    const bot = await setUp({ dataDir: mkdtempSync(path.join(tmpdir(), 'calm-stats-')) });
    const feeling = await bot.ask('so angry');
    await bot.press(action(feeling, 'feeling'));
    await bot.press(action(feeling, 'menu'));
    await bot.ask('about-to-snap');
    await bot.ask('stats', { isLead: true });
    await bot.ask('stop');
    // 23:30 in Shanghai is still 1 December; 00:30 is the 2nd.
    bot.clock.set('2026-12-01T15:30:00Z');
    await bot.ask('好累');
    bot.clock.set('2026-12-01T16:30:00Z');
    await bot.ask('好累');
    expect(JSON.parse(readFileSync(statsFile(bot), 'utf8'))).toEqual({ '2026-12-01': 2, '2026-12-02': 1 });
  });

  it('stores nothing but date → count', async () => {
    const bot = await setUp();
    for (const [text, userId] of [['被客户骂了', 'UALICE'], ['so angry', 'UBOB'], ['I want to kill myself', 'UCAROL']] as const) {
      await bot.ask(text, { userId, name: userId.toLowerCase() });
    }
    const raw = readFileSync(statsFile(bot), 'utf8');
    const data = JSON.parse(raw) as Record<string, unknown>;
    expect(Object.keys(data).every((k) => /^\d{4}-\d{2}-\d{2}$/.test(k))).toBe(true);
    expect(Object.values(data).every((v) => Number.isInteger(v))).toBe(true);
    for (const word of ['UALICE', 'alice', 'insulted', 'about-to-snap', '骂', 'angry', 'kill']) expect(raw).not.toContain(word);
  });

  it('survives a restart: counts are read back', async () => {
    const bot = await setUp();
    await bot.ask('so angry');
    await bot.ask('so angry');
    const again = await DailyCount.open({ dataDir: bot.dataDir, enabled: true, log: pino({ level: 'silent' }) });
    expect(again.lastDays('2026-12-01', 1)).toEqual([{ day: '2026-12-01', count: 2 }]);
  });

  it('with CALM_STATS=false writes nothing at all and tells leads counting is off', async () => {
    const bot = await setUp({ statsEnabled: false });
    await bot.ask('so angry');
    await bot.ask('');
    expect(existsSync(statsFile(bot))).toBe(false);
    expect(readdirSync(bot.dataDir).filter((f) => f.startsWith('calm'))).toEqual([]);
    const reply = await bot.ask('stats', { locale: 'en', isLead: true });
    expect(textOf(reply).trim()).toBe('Counting is turned off (CALM_STATS=false), so there are no numbers to show.');
  });

  it('sets an unreadable stats file aside and counts again from zero, without failing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'calm-stats-'));
    dirs.push(dataDir);
    writeFileSync(path.join(dataDir, STATS_FILE), '{"2026-12-01": "lots"}');
    const count = await DailyCount.open({ dataDir, enabled: true, log: pino({ level: 'silent' }) });
    await count.add('2026-12-01');
    expect(JSON.parse(readFileSync(path.join(dataDir, STATS_FILE), 'utf8'))).toEqual({ '2026-12-01': 1 });
    expect(readFileSync(path.join(dataDir, `${STATS_FILE}.unreadable`), 'utf8')).toContain('lots');
  });
});
