import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const MAIN = path.join(ROOT, 'dist/src/main.js');
const PROBE = new URL('./idle-rss-probe.js', import.meta.url).pathname;

/**
 * Resident memory of the bot at rest: a fresh process started in console mode with the shipped
 * knowledge (scripts and /calm) loaded, measured after start-up has settled and after gc.
 */
export async function measureIdleRss(settleMs = 1500): Promise<{ rssMb: number; heapMb: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'frontline-bench-idle-'));
  const child = spawn(process.execPath, ['--expose-gc', '--import', PROBE, MAIN], {
    cwd: ROOT,
    env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', CONSOLE: 'on', LOG_LEVEL: 'warn', DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  try {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const until = async (seen: () => boolean, what: string) => {
      const deadline = Date.now() + 60_000;
      while (!seen()) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`idle RSS: bot never ${what}\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    // The banner names the chat settings once the knowledge is loaded and the console is up.
    await until(() => stdout.includes('SLACK_BOT_TOKEN'), 'showed its console');
    await new Promise((r) => setTimeout(r, settleMs));
    child.kill('SIGUSR2');
    await until(() => /idle-rss (\{.*\})/.test(stderr), 'reported its memory');
    return JSON.parse(/idle-rss (\{.*\})/.exec(stderr)![1]!) as { rssMb: number; heapMb: number };
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
