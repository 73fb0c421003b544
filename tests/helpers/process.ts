import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tempDir } from './temp-dir.js';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;

/** The bot on its console alone: no chat platform, no leads, English, UTC, info logs. */
export const CONSOLE_ONLY_ENV: Readonly<Record<string, string>> = {
  SLACK_BOT_TOKEN: '',
  SLACK_APP_TOKEN: '',
  SLACK_SIGNING_SECRET: '',
  DISCORD_TOKEN: '',
  LEAD_IDS: '',
  LEADS_CHANNEL: '',
  CONSOLE: 'on',
  KNOWLEDGE_WATCH: 'false',
  LOG_LEVEL: 'info',
  DEFAULT_LOCALE: 'en',
  TEAM_TIMEZONE: 'UTC',
};

/** A child process whose output can be awaited line by line, as a person at the terminal would read it. */
export class RunningProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(command: string, args: string[], env: Record<string, string> = {}) {
    // Each process gets its own data folder unless the test chooses one: tests never write into the repo.
    const dataDir = env.DATA_DIR ?? tempDir('frontline-e2e-');
    this.child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env }, stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Resolves once stdout contains the text; fails with what was printed if it never does. */
  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const seen = () => (typeof text === 'string' ? this.stdout.includes(text) : text.test(this.stdout));
    const deadline = Date.now() + timeoutMs;
    while (!seen()) {
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`never saw ${String(text)}\n--- stdout ---\n${this.stdout}\n--- stderr ---\n${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The port a bot process serves Slack's HTTP mode on, from its "slack connected" log line. */
export async function slackPortOf(bot: RunningProcess, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = bot.stderr.split('\n').find((l) => l.includes('"msg":"slack connected"'));
    if (line) return JSON.parse(line).port as number;
    if (Date.now() > deadline || bot.child.exitCode !== null) throw new Error(`bot did not connect:\n${bot.stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
