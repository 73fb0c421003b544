import { describe, expect, it } from 'vitest';
import { RunningProcess } from '../helpers/process.js';

async function run(args: string[], stdin?: string, env: Record<string, string> = {}) {
  const cli = new RunningProcess('npx', ['--no-install', 'frontline', ...args], { LOG_LEVEL: 'warn', ...env });
  cli.child.stdin.end(stdin ?? '');
  const code = await cli.exited;
  return { code, stdout: cli.stdout, stderr: cli.stderr };
}

// Each case starts a process (npx); on a busy machine that alone can take seconds.
const SLOW = 90_000;

// Wednesday 2 December 2026, 14:10 in Shanghai.
const AT = ['--now', '2026-12-02T14:10:00+08:00', '--tz', 'Asia/Shanghai'];

describe('npx frontline promise parse', () => {
  it('prints what /promise would record, with the zone offset', async () => {
    const { code, stdout } = await run(['promise', 'parse', '--json', ...AT, '--locale', 'zh-CN', '明天3点 王先生 退款进度']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ text: '明天3点 王先生 退款进度', at: '2026-12-03T15:00:00+08:00', note: '王先生 退款进度' });
  }, SLOW);

  it('--batch answers one line per input line; a line the bot would refuse has at null', async () => {
    const input = '下午3点 3号包裹 7731\n\n两点 回电\n今晚 回电\n4pm tomorrow\'s delivery\n下班前 回电\n';
    const { code, stdout } = await run(['promise', 'parse', '--json', '--batch', ...AT], input);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { text: '下午3点 3号包裹 7731', at: '2026-12-02T15:00:00+08:00', note: '3号包裹 7731' },
      { text: '两点 回电', at: null, note: null }, // 14:00 has passed; never moved to another day
      { text: '今晚 回电', at: null, note: null },
      { text: "4pm tomorrow's delivery", at: '2026-12-02T16:00:00+08:00', note: "tomorrow's delivery" },
      { text: '下班前 回电', at: '2026-12-02T18:00:00+08:00', note: '回电' },
    ]);
  }, SLOW);

  it('uses TEAM_DAY_END and TEAM_WORKDAYS exactly as the bot does', async () => {
    const env = { TEAM_DAY_END: '17:30', TEAM_WORKDAYS: '1-6' };
    const { stdout } = await run(['promise', 'parse', '--json', '--batch', ...AT], 'EOD call back\n3个工作日内 回电\n', env);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l).at)).toEqual(['2026-12-02T17:30:00+08:00', '2026-12-05T17:30:00+08:00']);
  }, SLOW);

  it('says what to type for a bad --now or --tz', async () => {
    const badNow = await run(['promise', 'parse', '--json', '--now', 'yesterday', '--tz', 'Asia/Shanghai', '3pm x']);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now "yesterday" is not an ISO 8601 time');
    const badZone = await run(['promise', 'parse', '--json', '--now', '2026-12-02T14:10:00+08:00', '--tz', 'Mars/Base', '3pm x']);
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toContain('--tz "Mars/Base" is not an IANA time zone');
  }, SLOW);
});
