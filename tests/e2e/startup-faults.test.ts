import { afterEach, describe, expect, it } from 'vitest';
import { RunningProcess } from '../helpers/process.js';

const QUIET_CONSOLE = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', CONSOLE: 'on', KNOWLEDGE_WATCH: 'false' };

/** The lines a person reads on stderr: everything but the structured log. */
const plainLines = (stderr: string) => stderr.trim().split('\n').filter((line) => line && !line.startsWith('{'));

const running: RunningProcess[] = [];
afterEach(() => running.splice(0).forEach((p) => p.kill()));

describe('start-up faults end the process at once with one line', () => {
  it.each([
    ['a folder the kernel will not create (/proc)', `/proc/frontline-${process.pid}`, 'could not create the promise store folder'],
    ['a path through a file', '/etc/hostname/data', 'could not create the promise store folder'],
  ])('DATA_DIR under %s', async (_what, dataDir, expected) => {
    const bot = new RunningProcess(process.execPath, ['dist/src/main.js'], { ...QUIET_CONSOLE, DATA_DIR: dataDir });
    running.push(bot);
    expect(await bot.exited).toBe(2);
    const lines = plainLines(bot.stderr);
    expect(lines, bot.stderr).toHaveLength(1);
    expect(lines[0]).toContain(expected);
    expect(lines[0]).toContain(dataDir);
  });
});
