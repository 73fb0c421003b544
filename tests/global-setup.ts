import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, installPostgres, postgresRequired, startPostgres, type RunningPostgres } from './helpers/postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the throwaway PostgreSQL server; empty when none could be started. */
    postgresUrl: string;
    /** Why there is no server (tests that need one are skipped, loudly). */
    postgresMissing: string;
  }
}

const run = promisify(execFile);
const REPO_ROOT = new URL('..', import.meta.url).pathname;

/** Only the end-to-end tests run the compiled bot (dist/); everything else runs from source. */
const NEEDS_BUILD = `${path.sep}tests${path.sep}e2e${path.sep}`;
/** Test files that use the server call this (tests/helpers/postgres-test.ts). */
const NEEDS_POSTGRES = 'testPostgresUrl(';

/**
 * Before the run: builds the bot once, only when a test in it starts the compiled bot, and
 * meanwhile starts a throwaway PostgreSQL server, only when a test in it uses one (stopped and
 * deleted after the run). So a loop over unit or adapter tests waits for neither. When the run
 * cannot be read, it does both (needless work is slow, missing work fails tests).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const needs = await whatTheRunNeeds(project);
  const [, postgres] = await Promise.all([
    needs.build ? run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']).catch((error: { stdout?: string }) => {
      process.stdout.write(error.stdout ?? '');
      throw error;
    }) : undefined,
    needs.postgres ? provisionPostgres() : { url: undefined, missing: 'no test in this run uses it' },
  ]);
  if (needs.postgres && !postgres.url) {
    const why = postgres.missing ?? 'unknown reason';
    if (postgresRequired()) throw new Error(`PostgreSQL is required here (CI) but could not be started: ${why}`);
    process.stderr.write(`\n!!! No PostgreSQL server: the PostgreSQL store tests will be SKIPPED.\n!!! ${why}\n\n`);
  }
  project.provide('postgresUrl', postgres.url ?? '');
  project.provide('postgresMissing', postgres.missing ?? '');
  return async () => {
    await ('server' in postgres ? postgres.server?.stop() : undefined);
  };
}

async function whatTheRunNeeds(project: TestProject): Promise<{ build: boolean; postgres: boolean }> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const specs = await project.vitest.globTestSpecifications(filters);
    const texts = await Promise.all(specs.map((spec) => readFile(spec.moduleId, 'utf8').catch(() => NEEDS_POSTGRES)));
    return { build: specs.some((spec) => spec.moduleId.includes(NEEDS_BUILD)), postgres: texts.some((text) => text.includes(NEEDS_POSTGRES)) };
  } catch {
    return { build: true, postgres: true };
  }
}

/** A server from TEST_DATABASE_URL, or a throwaway cluster (installing the binaries as root when missing). */
async function provisionPostgres(): Promise<{ server?: RunningPostgres; url?: string; missing?: string }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL };
  let bin = findPostgresBin();
  if (!bin) {
    const installed = await installPostgres(REPO_ROOT);
    if ('error' in installed) return { missing: `PostgreSQL is not installed and could not be installed: ${installed.error}` };
    bin = installed.bin;
  }
  try {
    const server = await startPostgres(bin);
    return { server, url: server.url };
  } catch (error) {
    return { missing: (error as Error).message };
  }
}
