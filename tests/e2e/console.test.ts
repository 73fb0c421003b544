import { afterEach, describe, expect, it } from 'vitest';
import { RunningProcess } from '../helpers/process.js';
import { loadBase } from '../helpers/router.js';

const running: RunningProcess[] = [];
afterEach(() => running.splice(0).forEach((p) => p.kill()));

const noPlatforms = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', LOG_LEVEL: 'warn', DEFAULT_LOCALE: 'zh-CN' };

describe('npm start with no chat credentials: the local console', () => {
  it('answers /script 达量限速 with the approved script, then exits cleanly when input ends', async () => {
    const kb = await loadBase();
    const bot = new RunningProcess('npm', ['start', '--silent'], noPlatforms);
    running.push(bot);
    await bot.waitFor('frontline-bot 控制台', 60_000);
    expect(bot.stdout).toContain('SLACK_BOT_TOKEN');

    bot.type('/script 达量限速');
    await bot.waitFor(`== ${kb.get('unlimited-plan-throttling', 'zh-CN')!.title} ==`);
    await bot.waitFor('可以这样说\uff1a');

    bot.type('/script check 让您久等了');
    await bot.waitFor('感谢您的耐心等待');

    bot.type('hello');
    await bot.waitFor('命令以斜杠开头');

    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);
  }, 90_000); // npm start compiles first, as the README's quick start does

  it('refuses to start on a bad setting with one line naming it', async () => {
    const bot = new RunningProcess('node', ['dist/src/main.js'], { ...noPlatforms, TEAM_TIMEZONE: 'Nowhere/Atlantis' });
    running.push(bot);
    expect(await bot.exited).toBe(2);
    expect(bot.stderr.trim()).toMatch(/^Configuration error: TEAM_TIMEZONE="Nowhere\/Atlantis"/);
  });

  it('stops with a clear line when the console is off and no platform is configured', async () => {
    const bot = new RunningProcess('node', ['dist/src/main.js'], { ...noPlatforms, CONSOLE: 'off' });
    running.push(bot);
    expect(await bot.exited).toBe(2);
    expect(bot.stderr).toContain('Nothing to serve: CONSOLE=off');
  });
});
