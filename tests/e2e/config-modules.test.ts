import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunningProcess } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const RECORDER = new URL('../helpers/record-modules.mjs', import.meta.url).pathname;
const CONFIG = new URL('../../dist/src/config.js', import.meta.url).pathname;
const NODE_CRON = /node_modules\/node-cron\//;

/** Runs `code` (an ES module) with every module it resolves recorded; the recorded URLs. */
async function modulesOf(code: string): Promise<string> {
  const log = path.join(tempDir('frontline-config-modules-'), 'modules.txt');
  const probe = new RunningProcess('node', ['--import', RECORDER, '--input-type=module', '-e', code], { FRONTLINE_MODULE_LOG: log });
  probe.child.stdin.end();
  expect(await probe.exited).toBe(0);
  return readFileSync(log, 'utf8');
}

describe('reading the config loads no scheduler', () => {
  it('the recorder sees node-cron when it is imported (so the check below can fail)', async () => {
    expect(await modulesOf("await import('node-cron');")).toMatch(NODE_CRON);
  });

  it('checks PROMISE_DIGEST_CRON, good and bad, without resolving node-cron', async () => {
    const loaded = await modulesOf(
      `const { loadConfig } = await import(${JSON.stringify(CONFIG)});
       if (!loadConfig({ PROMISE_DIGEST_CRON: '0 9 * * 1-5' }).ok) process.exit(3);
       if (loadConfig({ PROMISE_DIGEST_CRON: '0 9 * * MON' }).ok) process.exit(4);`,
    );
    expect(loaded).toContain('/dist/src/config.js');
    expect(loaded.split('\n').filter((url) => NODE_CRON.test(url))).toEqual([]);
  });
});
