import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { RunningProcess } from '../helpers/process.js';

const running: RunningProcess[] = [];
const fakes: FakeDiscord[] = [];
afterEach(async () => {
  running.splice(0).forEach((p) => p.kill());
  await Promise.all(fakes.splice(0).map((f) => f.stop().catch(() => {})));
});

describe('SIGTERM', () => {
  it('ends the process within the shutdown deadline even when the platform went away', async () => {
    const discord = await new FakeDiscord().start();
    fakes.push(discord);
    const bot = new RunningProcess(process.execPath, ['dist/src/main.js'], {
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      CONSOLE: 'off',
      PORT: '0',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: 'fake.discord.shutdown.token',
      DISCORD_APPLICATION_ID: '200000000000000002',
      DISCORD_API_URL: discord.apiUrl,
      SHUTDOWN_TIMEOUT: '3s',
    });
    running.push(bot);
    await discord.waitForIdentify(30_000);
    await vi.waitFor(() => expect(bot.stderr).toContain('frontline-bot started'), { timeout: 30_000 });
    discord.silence(); // gateway and REST stop answering, connections stay open

    const sent = Date.now();
    bot.child.kill('SIGTERM');

    const code = await Promise.race([bot.exited, new Promise<string>((r) => setTimeout(() => r("still running"), 15_000))]);
    expect(code, bot.stderr.slice(-2000)).not.toBe("still running");
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(code).not.toBeNull();
    expect(bot.stderr).toContain('"msg":"shutting down"');
    expect(bot.stderr).toContain('shutdown took too long');
  }, 60_000);
});
