import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunningProcess } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const running: RunningProcess[] = [];
afterEach(() => running.splice(0).forEach((p) => p.kill()));

const RECORDER = new URL('../helpers/record-modules.mjs', import.meta.url).pathname;
const PLATFORM_CODE = /node_modules\/(@slack\/|discord\.js\/|@larksuiteoapi\/)|\/adapters\/(slack|discord|feishu)\//;

function moduleLog(): string {
  return path.join(tempDir('frontline-modules-'), 'modules.txt');
}

describe('the console process loads no chat platform SDK', () => {
  it('the module recorder sees a platform SDK when one is imported (so the check below can fail)', async () => {
    const log = moduleLog();
    const probe = new RunningProcess('node', ['--import', RECORDER, '--input-type=module', '-e', "await import('@slack/bolt'); await import('discord.js'); await import('@larksuiteoapi/node-sdk');"], {
      FRONTLINE_MODULE_LOG: log,
    });
    probe.child.stdin.end();
    expect(await probe.exited).toBe(0);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toMatch(/node_modules\/@slack\/bolt\//);
    expect(loaded).toMatch(/node_modules\/discord\.js\//);
    expect(loaded).toMatch(/node_modules\/@larksuiteoapi\/node-sdk\//);
  });

  it('answers /script in console mode without ever resolving @slack/bolt, discord.js, the Lark SDK or their adapters', async () => {
    const log = moduleLog();
    const bot = new RunningProcess('node', ['--import', RECORDER, 'dist/src/main.js'], {
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      DISCORD_TOKEN: '',
      FEISHU_APP_ID: '',
      FEISHU_APP_SECRET: '',
      LOG_LEVEL: 'warn',
      DEFAULT_LOCALE: 'en',
      FRONTLINE_MODULE_LOG: log,
    });
    running.push(bot);
    await bot.waitFor('SLACK_BOT_TOKEN', 60_000);
    bot.type('/script parcel-delayed');
    await bot.waitFor('== Parcel is late');
    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);
    const loaded = readFileSync(log, 'utf8').split('\n');
    expect(loaded.some((url) => url.endsWith('/adapters/console/console-adapter.js'))).toBe(true);
    expect(loaded.filter((url) => PLATFORM_CODE.test(url))).toEqual([]);
  });
});
