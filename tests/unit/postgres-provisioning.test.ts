import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBin, postgresRequired, startPostgres } from '../helpers/postgres-server.js';
import { REPO_ROOT } from '../helpers/process.js';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontline-pgprov-'));
  dirs.push(dir);
  return dir;
}

function fakeTool(file: string, body = 'exit 0'): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
  chmodSync(file, 0o755);
}

function fakeInstall(root: string, version: number): void {
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) fakeTool(path.join(root, String(version), 'bin', tool));
}

describe('finding the PostgreSQL binaries', () => {
  it('picks the highest complete major version, comparing versions as numbers', () => {
    const root = tempDir();
    fakeInstall(root, 9);
    fakeInstall(root, 15);
    fakeTool(path.join(root, '17', 'bin', 'initdb')); // only the client half: no pg_ctl, no postgres
    expect(findPostgresBin(root)).toBe(path.join(root, '15', 'bin'));
  });

  it('finds nothing when the folder is missing or holds no server', () => {
    const root = tempDir();
    expect(findPostgresBin(path.join(root, 'absent'))).toBeUndefined();
    fakeTool(path.join(root, '15', 'bin', 'psql'));
    expect(findPostgresBin(root)).toBeUndefined();
  });

  it('requires the server in CI', () => {
    expect(postgresRequired({ CI: 'true' })).toBe(true);
    expect(postgresRequired({ FRONTLINE_REQUIRE_POSTGRES: '1' })).toBe(true);
    expect(postgresRequired({})).toBe(false);
  });
});

describe('.ci/ensure-postgres', () => {
  /** Runs the script with a fake apt-get first on PATH, which records its arguments and "installs" version 16. */
  async function ensure(root: string) {
    const sandbox = tempDir();
    const calls = path.join(sandbox, 'apt-calls');
    fakeTool(
      path.join(sandbox, 'bin', 'apt-get'),
      `echo "$*" >> ${calls}\nif [[ "$*" == *install* ]]; then for t in initdb pg_ctl postgres; do mkdir -p ${root}/16/bin; printf '#!/bin/sh\\n' > ${root}/16/bin/$t; chmod +x ${root}/16/bin/$t; done; fi`,
    );
    const result = await run('bash', [path.join(REPO_ROOT, '.ci/ensure-postgres')], {
      env: { ...process.env, PATH: `${path.join(sandbox, 'bin')}:${process.env.PATH}`, PG_LIB_ROOT: root, PG_COMMON_CONF_DIR: path.join(sandbox, 'etc') },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    return { ...result, apt: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [], sandbox };
  }

  it('uses installed binaries without touching apt', async () => {
    const root = tempDir();
    fakeInstall(root, 15);
    const { stdout, apt } = await ensure(root);
    expect(stdout).toContain(`using ${root}/15/bin`);
    expect(apt).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)('installs the Debian package when the binaries are missing (as root), without a system cluster', async () => {
    const root = tempDir();
    const { stdout, apt, sandbox } = await ensure(root);
    expect(apt[0]).toMatch(/^update/);
    expect(apt[1]).toMatch(/^install -y .*\bpostgresql$/);
    expect(stdout).toContain(`installed, using ${root}/16/bin`);
    expect(readFileSync(path.join(sandbox, 'etc/createcluster.d/frontline-no-main-cluster.conf'), 'utf8')).toContain('create_main_cluster = false');
  });
});

describe('a throwaway cluster', () => {
  const bin = findPostgresBin();
  it.runIf(bin !== undefined)('starts on a free port with fsync off, answers, and leaves nothing behind when stopped', async () => {
    const server = await startPostgres(bin!);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const fsync = (await client.query<{ fsync: string }>('SHOW fsync')).rows[0]?.fsync;
    const dataDir = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory;
    await client.end();
    expect(fsync).toBe('off');
    await server.stop();
    expect(existsSync(path.dirname(dataDir!))).toBe(false);
  }, 60_000);
});
