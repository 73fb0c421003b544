import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyKnowledge } from '../helpers/calm-bot.js';
import { RunningProcess } from '../helpers/process.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function check(dir?: string) {
  const cli = new RunningProcess('node', ['bin/frontline.js', 'knowledge', 'check', ...(dir ? ['--dir', dir] : [])], { LOG_LEVEL: 'warn' });
  cli.child.stdin.end();
  return { code: await cli.exited, stdout: cli.stdout };
}

describe('frontline knowledge check covers knowledge/calm/', () => {
  it('passes on the shipped folder and says what the calm folder holds', async () => {
    const { code, stdout } = await check();
    expect(stdout).toContain('calm: 18 feeling files (9 feelings), 2 practices files, 2 crisis files');
    expect(code).toBe(0);
  });

  it('exits 1 naming file and line of a broken calm file', async () => {
    const dir = copyKnowledge();
    dirs.push(dir);
    const file = path.join(dir, 'calm', 'drained.en.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^label: .*$/m, 'label: Drained beyond any words I could put on a button'));
    const { code, stdout } = await check(dir);
    expect(stdout).toMatch(/^calm\/drained\.en\.yaml:\d+: error: label: keep the menu label to 24 characters or fewer/m);
    expect(stdout).toMatch(/1 error\(s\)/);
    expect(code).toBe(1);
  });
});
