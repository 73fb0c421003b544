import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FEELING_IDS } from '../helpers/calm-bot.js';
import { RunningProcess } from '../helpers/process.js';

const running: RunningProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  running.splice(0).forEach((p) => p.kill());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** Words nobody would type twice: if they show up anywhere, content leaked. */
const SECRETS = ['Quokkaberry', 'zebrafjord', 'xylophone991', '紫色长颈鹿', '13899990000'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('/calm privacy in the running bot', () => {
  it('keeps typed text and feelings out of the logs (LOG_LEVEL=trace) and out of DATA_DIR; stats hold only date → count', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'frontline-calm-e2e-'));
    dirs.push(dataDir);
    const bot = new RunningProcess('node', ['dist/src/main.js'], {
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      DISCORD_TOKEN: '',
      CONSOLE: 'on',
      DEFAULT_LOCALE: 'en',
      TEAM_TIMEZONE: 'Asia/Shanghai',
      LOG_LEVEL: 'trace',
      DATA_DIR: dataDir,
      CALM_STATS: 'true',
      CALM_SUPPORT_CONTACT: 'Care line 400-000-0000',
    });
    running.push(bot);
    await bot.waitFor('frontline-bot console', 60_000);
    // Start-up logs may name content files (e.g. a review falling due); what follows must not.
    const startupLogEnd = bot.stderr.length;

    bot.type('/calm so angry Quokkaberry');
    await bot.waitFor('== About to snap ==');
    bot.type('/calm 被客户骂了 紫色长颈鹿');
    await bot.waitFor('== 被骂被指责 ==');
    bot.type('/calm zebrafjord I messed up xylophone991 for 13899990000');
    await bot.waitFor('== I made a mistake ==');
    bot.type('/calm Quokkaberry I want to kill myself');
    await bot.waitFor('Someone you can talk to now: Care line 400-000-0000');
    bot.type('/calm checkin');
    await bot.waitFor('== Please check in on a team member now ==');
    bot.type('/calm the caller zebrafjord said he knows where I live');
    await bot.waitFor('== Your safety comes first ==');
    bot.type('/calm zebrafjord');
    await bot.waitFor('Pick the closest.');
    bot.type('/calm');
    await bot.waitFor('== How are you right now? ==');
    bot.type('/calm hurt');
    await bot.waitFor('== Feeling hurt ==');
    bot.type('/calm breathe');
    await bot.waitFor(/\[→ console #\d+\]\n== Breathe with me · 1 minute ==/);
    bot.type('/calm stop');
    await bot.waitFor('Stopped the breathing minute.');
    bot.type('/calm reset');
    await bot.waitFor('== A 5-minute reset request ==');
    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);

    // The logs were on (so their silence means something) …
    expect(bot.stderr).toContain('calm content loaded');
    // … and say nothing of what was typed, felt or shown.
    for (const secret of SECRETS) expect(bot.stderr, secret).not.toContain(secret);
    const afterStartup = bot.stderr.slice(startupLogEnd);
    for (const id of FEELING_IDS) expect(afterStartup, id).not.toContain(id);
    for (const label of ['About to snap', '被骂被指责', 'I made a mistake', 'Feeling hurt']) expect(afterStartup, label).not.toContain(label);

    const files = filesUnder(dataDir);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const word of [...SECRETS, ...FEELING_IDS, 'console']) expect(text, `${path.relative(dataDir, file)} holds ${word}`).not.toContain(word);
    }
    const stats = JSON.parse(readFileSync(path.join(dataDir, 'calm-stats.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(stats).length).toBeGreaterThanOrEqual(1);
    for (const [day, count] of Object.entries(stats)) {
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isInteger(count)).toBe(true);
    }
    // Six typed feelings (two of them a crisis) and the menu; button-like lines are not counted.
    expect(Object.values(stats).reduce((sum: number, n) => sum + (n as number), 0)).toBe(7);
  });
});
