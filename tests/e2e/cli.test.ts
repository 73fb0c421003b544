import { describe, expect, it } from 'vitest';
import { caseScript, removeKnowledge, writeKnowledge } from '../helpers/knowledge-fixture.js';
import { RunningProcess } from '../helpers/process.js';

async function run(args: string[], stdin?: string, env: Record<string, string> = {}) {
  const cli = new RunningProcess('npx', ['--no-install', 'frontline', ...args], { LOG_LEVEL: 'warn', ...env });
  if (stdin !== undefined) cli.child.stdin.end(stdin);
  else cli.child.stdin.end();
  const code = await cli.exited;
  return { code, stdout: cli.stdout, stderr: cli.stderr };
}

describe('npx frontline', () => {
  it('script --json prints one object with ranked matches, best first', async () => {
    const { code, stdout } = await run(['script', '--json', '达量限速']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.query).toBe('达量限速');
    expect(result.matches[0]).toMatchObject({ id: 'unlimited-plan-throttling', title: expect.any(String) });
    const scores = result.matches.map((m: { score: number }) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('script --json --batch answers one line per query line', async () => {
    const { code, stdout } = await run(['script', '--json', '--batch', '--locale', 'en'], '限速\n\nparcel late\nzxqv blorf\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['限速', 'parcel late', 'zxqv blorf']);
    expect(lines[1].matches[0].id).toBe('parcel-delayed');
    expect(lines[2].matches).toEqual([]);
  });

  it('script prints the rendered reply in the locale asked for', async () => {
    const { code, stdout } = await run(['script', 'unlimited throttled', '--locale', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('Never say:');
  });

  it('script <id> opens that case, as /script <id> does in chat, in text and in JSON', async () => {
    const text = await run(['script', 'parcel-delayed', '--locale', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^== .*parcel.* ==$/im);
    expect(text.stdout).not.toContain("Nothing matched");
    const json = await run(['script', '--json', 'Parcel-Delayed']);
    expect(JSON.parse(json.stdout).matches).toEqual([{ id: 'parcel-delayed', score: null, exact: true, title: expect.any(String) }]);
    const batch = await run(['script', '--json', '--batch'], 'unlimited-plan-throttling\n');
    expect(JSON.parse(batch.stdout).matches[0]).toMatchObject({ id: 'unlimited-plan-throttling', exact: true });
  }, 60_000);

  it('script says the knowledge folder is empty instead of "no match" for everything', async () => {
    const { code, stderr } = await run(['script', 'parcel-delayed'], undefined, { KNOWLEDGE_DIR: '/nonexistent/knowledge' });
    expect(code).toBe(2);
    expect(stderr).toContain('No approved scripts found in /nonexistent/knowledge');
  });

  it('rejects an unknown locale with what to type instead', async () => {
    const { code, stderr } = await run(['script', 'x', '--locale', 'fr']);
    expect(code).toBe(2);
    expect(stderr).toContain('--locale must be one of zh-CN, zh-TW, en');
  });

  it('knowledge check passes on the shipped knowledge', async () => {
    const { code, stdout } = await run(['knowledge', 'check']);
    expect(stdout).toMatch(/knowledge check: \d+ script files \(54 ids\), 2 phrasebooks in .*: 0 error\(s\)/);
    expect(code).toBe(0);
  });

  it('knowledge check exits 1 and names file and line for a broken folder', async () => {
    const dir = writeKnowledge({ scripts: [caseScript('parcel-late', 'zh-CN', { say: ['你必须先签字。', '谢谢。'] })] });
    try {
      const { code, stdout } = await run(['knowledge', 'check', '--dir', dir]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^scripts\/parcel-late\.zh-CN\.yaml:\d+: error: say line uses banned phrase "你必须"/m);
      expect(stdout).toContain('"parcel-late" has no en twin');
      expect(stdout).toMatch(/2 error\(s\), 0 warning\(s\)/);
    } finally {
      removeKnowledge(dir);
    }
  });
});
