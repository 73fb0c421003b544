import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The committed text of knowledge files at the point this work started from, when git can tell. */
export type GitBaseline =
  | { ok: true; commit: string; label: string; texts: Map<string, string> }
  | { ok: false; reason: string };

/** Branches whose merge-base with HEAD is "the shipped version"; without them, HEAD is. */
const MAINLINES = ['origin/main', 'main'];

// A hook or a wrapper may export these; they would point git at another repository.
const gitEnv = () => {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete env[name];
  return env;
};

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, env: gitEnv(), maxBuffer: 1 << 20 });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * Reads `files` (paths relative to `dir`) as committed at the merge-base of HEAD with the
 * main line (origin/main, else main), or at HEAD when there is no main line. A folder outside
 * git, a repository without commits, or no git at all gives `ok: false` with the reason.
 */
export async function readGitBaseline(dir: string, files: readonly string[]): Promise<GitBaseline> {
  const prefix = await git(dir, ['rev-parse', '--show-prefix']);
  if (prefix === undefined) return { ok: false, reason: 'not in a git repository (or git is not installed)' };
  const head = await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head) return { ok: false, reason: 'the repository has no commits yet' };
  let commit = head;
  let label = 'HEAD';
  for (const ref of MAINLINES) {
    const base = await git(dir, ['merge-base', 'HEAD', ref]);
    if (base) {
      commit = base;
      label = base === head ? 'HEAD' : `the merge-base with ${ref} (${base.slice(0, 7)})`;
      break;
    }
  }
  const texts = await catFiles(dir, commit, files.map((file) => `${prefix}${file}`));
  if (!texts) return { ok: false, reason: 'git could not read the committed files' };
  const byFile = new Map<string, string>();
  files.forEach((file, i) => {
    const text = texts[i];
    if (text !== undefined) byFile.set(file, text);
  });
  return { ok: true, commit, label, texts: byFile };
}

/** Every path's blob at `commit` in one `git cat-file --batch`; undefined for a path not there. */
function catFiles(cwd: string, commit: string, paths: readonly string[]): Promise<(string | undefined)[] | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      resolve(parseBatch(Buffer.concat(chunks), paths.length));
    });
    child.stdin.end(paths.map((p) => `${commit}:${p}\n`).join(''));
  });
}

function parseBatch(out: Buffer, count: number): (string | undefined)[] | undefined {
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) return undefined;
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const blob = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!blob) {
      texts.push(undefined);
      continue;
    }
    const size = Number(blob[1]);
    texts.push(out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}
