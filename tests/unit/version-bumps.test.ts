import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/knowledge/diagnostics.js';
import { loadKnowledgeFiles } from '../../src/knowledge/load-files.js';
import { checkVersionBumpsInGit } from '../../src/knowledge/version-bumps.js';
import { caseScript, lineIn, removeKnowledge, updateKnowledge, writeKnowledge } from '../helpers/knowledge-fixture.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeKnowledge));

const { GIT_DIR: _d, GIT_WORK_TREE: _w, GIT_INDEX_FILE: _i, ...cleanEnv } = process.env;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: cleanEnv,
    stdio: 'pipe',
  });

const EN_SAY = ['Thank you for waiting, let me check now.', 'I will call you back by [reply time].'];

/** A repository whose `knowledge/` folder holds one committed, approved pair (version 1) on main. */
function committedRepo(): { repo: string; kb: string } {
  const repo = writeKnowledge({ scripts: [] });
  dirs.push(repo);
  const kb = path.join(repo, 'knowledge');
  mkdirSync(kb);
  updateKnowledge(kb, { categories: [{ id: 'general-service', name: { 'zh-CN': '通用', en: 'General' } }] });
  updateKnowledge(kb, { scripts: [caseScript('parcel-late', 'zh-CN'), caseScript('parcel-late', 'en', { say: EN_SAY })] });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'scripts');
  return { repo, kb };
}

async function check(kb: string) {
  const { files } = await loadKnowledgeFiles(kb);
  const result = await checkVersionBumpsInGit(kb, files.scripts);
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
}

const edited = (overrides: Record<string, unknown>) => caseScript('parcel-late', 'en', { say: EN_SAY, ...overrides });

describe('knowledge check: a changed shipped script needs a new version', () => {
  it('flags say-lines edited without a version bump, on the version line', async () => {
    const { kb } = committedRepo();
    updateKnowledge(kb, { scripts: [edited({ say: [EN_SAY[0], 'I will call you back by [reply time] with the result.'] })] });
    const { lines, info } = await check(kb);
    const file = 'scripts/parcel-late.en.yaml';
    expect(lines).toEqual([`${file}:${lineIn(kb, file, 'version:')}: error: say lines changed since HEAD but version is still 1; raise version to 2`]);
    expect(info).toBe('version check: compared with HEAD');
  });

  it('accepts the same edit with the version raised', async () => {
    const { kb } = committedRepo();
    updateKnowledge(kb, { scripts: [edited({ version: 2, say: [EN_SAY[0], 'I will call you back by [reply time] with the result.'] })] });
    expect((await check(kb)).lines).toEqual([]);
  });

  it("takes the board's approval record (chat address, language, the approval it belongs to) as no content change", async () => {
    const { kb } = committedRepo();
    const approval = { status: 'approved', approvedBy: 'Lead Wang', approvedOn: '2026-12-01', reviewBy: '2027-05-30' };
    const chat = { platform: 'slack', userId: 'ULEAD', locale: 'zh-TW', approvedBy: 'Lead Wang', approvedOn: '2026-12-01' };
    updateKnowledge(kb, { scripts: [edited({ ...approval, approvedByChat: chat, version: 2 })] });
    expect((await check(kb)).lines).toEqual([]);
    git(kb, 'commit', '-qam', 'approved on the board');
    // A later hand edit of the record alone (another language) is still not content.
    updateKnowledge(kb, { scripts: [edited({ ...approval, approvedByChat: { ...chat, locale: 'en' }, version: 2 })] });
    expect((await check(kb)).lines).toEqual([]);
  });

  it('warns on other content changed without a bump, and rejects a version that goes down', async () => {
    const { kb } = committedRepo();
    updateKnowledge(kb, { scripts: [edited({ goal: 'The customer knows exactly what happens next.' })] });
    expect((await check(kb)).lines).toEqual([expect.stringContaining('warning: content changed since HEAD but version is still 1')]);
    updateKnowledge(kb, { scripts: [edited({ version: 2 })] });
    git(kb, 'commit', '-qam', 'v2');
    updateKnowledge(kb, { scripts: [edited({ version: 1 })] });
    expect((await check(kb)).lines).toEqual([expect.stringContaining('error: version went down from 2 (in HEAD) to 1')]);
  });

  it('compares a branch with where it left main, so a committed edit without a bump is still caught', async () => {
    const { repo, kb } = committedRepo();
    git(repo, 'checkout', '-q', '-b', 'rewording');
    updateKnowledge(kb, { scripts: [edited({ say: ['Thanks for holding; I am checking now.', EN_SAY[1]] })] });
    git(repo, 'commit', '-qam', 'reword');
    const { lines, info } = await check(kb);
    expect(info).toMatch(/^version check: compared with the merge-base with main \([0-9a-f]{7}\)$/);
    expect(lines).toEqual([expect.stringContaining('error: say lines changed since the merge-base with main')]);
  });

  it('skips quietly, with a reason, outside git', async () => {
    const dir = writeKnowledge();
    dirs.push(dir);
    const { lines, info } = await check(dir);
    expect(lines).toEqual([]);
    expect(info).toMatch(/^version check skipped: /);
  });
});
