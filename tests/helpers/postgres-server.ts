import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Where Debian puts the server binaries; PG_LIB_ROOT overrides it, as for .ci/ensure-postgres. */
export const PG_LIB_ROOT = process.env.PG_LIB_ROOT || '/usr/lib/postgresql';
/** initdb and postgres refuse to run as root; as root the cluster runs as this user. */
const UNPRIVILEGED_USER = { name: 'nobody', uid: 65534, gid: 65534 };

/** Whether tests that need PostgreSQL must fail (CI) rather than be skipped when none can be started. */
export function postgresRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1' || env.FRONTLINE_REQUIRE_POSTGRES === '1';
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The bin folder of the highest installed PostgreSQL major version under `root` that has initdb, pg_ctl and postgres. */
export function findPostgresBin(root = PG_LIB_ROOT): string | undefined {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return undefined;
  }
  const versions = names
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => b - a);
  for (const version of versions) {
    const bin = path.join(root, String(version), 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((tool) => executable(path.join(bin, tool)))) return bin;
  }
  return undefined;
}

/** Installs the binaries with .ci/ensure-postgres (Debian packages; root only). Returns the bin folder or why not. */
export async function installPostgres(repoRoot: string): Promise<{ bin: string } | { error: string }> {
  try {
    await run('bash', [path.join(repoRoot, '.ci/ensure-postgres')], { timeout: 600_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return { error: (e.stderr || e.message).trim() };
  }
  const bin = findPostgresBin();
  return bin ? { bin } : { error: `.ci/ensure-postgres finished but no initdb under ${PG_LIB_ROOT}` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPostgres {
  /** Superuser URL of the maintenance database; make a database per suite with createTestDatabase(). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway cluster in a temp dir on a free port, fsync off (its data is thrown away).
 * As root, the cluster is made and run as `nobody`, since initdb refuses root. `durable` keeps
 * fsync on, for benchmarks that time durable writes.
 */
export async function startPostgres(bin: string, { durable = false }: { durable?: boolean } = {}): Promise<RunningPostgres> {
  const dir = await mkdtemp(path.join(tmpdir(), 'frontline-pg-'));
  const dataDir = path.join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const exec = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', UNPRIVILEGED_USER.name, '--', path.join(bin, tool), ...args], { cwd: dir, timeout: 60_000 })
      : run(path.join(bin, tool), args, { cwd: dir, timeout: 60_000 });
  let started = false;
  try {
    if (asRoot) await chown(dir, UNPRIVILEGED_USER.uid, UNPRIVILEGED_USER.gid);
    await exec('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      const port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${dir}`,
        ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
        '-c max_connections=200',
      ].join(' ');
      try {
        await exec('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
        started = true;
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        return {
          url,
          async stop() {
            await exec('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
            await rm(dir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        lastError = error; // most likely the port was taken meanwhile; try another
      }
    }
    const log = await readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '');
    throw new Error(`could not start PostgreSQL from ${bin}: ${(lastError as Error).message}\n${log.slice(-2000)}`);
  } finally {
    if (!started) await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh, empty database on the server for one suite; drop() removes it. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
