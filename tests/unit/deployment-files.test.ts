import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DB_USAGE } from '../../src/cli/db.js';
import { CONFIG_KEYS } from '../../src/config.js';
import { REPO_ROOT } from '../helpers/process.js';

/** Docker and systemd cannot run here; these checks hold the deployment files to the code they start. */
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
/** The file `npm start` runs: the container and the unit start the same one, without npm. */
const startEntry = /^node (\S+)$/.exec(pkg.scripts.start!)![1]!;
/** Set for Node itself, not read by the bot's config. */
const NOT_CONFIG = new Set(['NODE_ENV']);

type Service = { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; ports?: string[]; volumes?: string[]; depends_on?: Record<string, { condition: string }> };

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
  const bots = Object.entries(compose.services).filter(([name, s]) => s.build !== undefined && name !== 'migrate');

  it('runs PostgreSQL 15 and two bot replicas on it, after the schema is migrated once', () => {
    expect(compose.services.db?.image).toMatch(/^postgres:15/);
    expect(bots).toHaveLength(2);
    for (const [, bot] of bots) {
      expect(bot.environment?.DATABASE_URL).toMatch(/^postgres:\/\/\S+@db:5432\//);
      expect(bot.depends_on?.db?.condition).toBe('service_healthy');
      expect(bot.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    }
    const migrate = compose.services.migrate!;
    expect(migrate.command?.slice(0, 4)).toEqual(['node', 'bin/frontline.js', 'db', 'migrate']);
    expect(DB_USAGE).toContain('frontline db migrate');
  });

  it('gives each replica its own port and its own DATA_DIR volume (the file lock admits one process per folder)', () => {
    const hostPorts = bots.map(([, b]) => b.ports?.[0]?.split(':')[0]);
    expect(new Set(hostPorts).size).toBe(2);
    const volumes = bots.map(([, b]) => b.volumes?.find((v) => v.endsWith(`:${b.environment?.DATA_DIR}`)));
    expect(volumes.every(Boolean)).toBe(true);
    expect(new Set(volumes).size).toBe(2);
  });

  it('sets only environment variables the config schema knows', () => {
    for (const service of [...bots.map(([, b]) => b), compose.services.migrate!]) {
      for (const key of Object.keys(service.environment ?? {})) expect(CONFIG_KEYS, key).toContain(key);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile').replace(/\\\n\s*/g, ' ');
  const lines = dockerfile.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

  it('builds on node:20-slim in two stages with npm ci, and runs as a non-root user', () => {
    expect(lines.filter((l) => l.startsWith('FROM ')).map((l) => l.split(/\s+/)[1])).toEqual(['node:20-slim', 'node:20-slim']);
    expect(lines.some((l) => /^RUN npm ci\b/.test(l))).toBe(true);
    const user = lines.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
  });

  it('runs only npm scripts package.json has, and starts what `npm start` starts', () => {
    const scripts = [...dockerfile.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(Object.keys(pkg.scripts), script).toContain(script);
    expect(lines.find((l) => l.startsWith('CMD '))).toBe(`CMD ["node", "${startEntry}"]`);
  });

  it('copies folders that exist, sets only known settings, and checks /healthz on PORT', () => {
    for (const line of lines.filter((l) => l.startsWith('COPY --from=build'))) {
      for (const source of line.split(/\s+/).slice(2, -1)) {
        const inRepo = source.replace(/^\/app\//, '');
        if (inRepo !== 'node_modules' && inRepo !== 'dist') expect(existsSync(path.join(REPO_ROOT, inRepo)), inRepo).toBe(true);
      }
    }
    const env = lines.filter((l) => l.startsWith('ENV ')).flatMap((l) => [...l.matchAll(/(\w+)=/g)].map((m) => m[1]!));
    for (const key of env.filter((k) => !NOT_CONFIG.has(k))) expect(CONFIG_KEYS, key).toContain(key);
    expect(lines.find((l) => l.startsWith('HEALTHCHECK '))).toContain('/healthz');
  });
});

describe('deploy/frontline-bot.service', () => {
  const unit = read('deploy/frontline-bot.service');
  const directive = (name: string) => unit.split('\n').filter((l) => l.startsWith(`${name}=`)).map((l) => l.slice(name.length + 1));

  it('restarts on failure, reads an env file, closes stdin and starts what `npm start` starts', () => {
    expect(directive('Restart')).toEqual(['on-failure']);
    expect(directive('EnvironmentFile')).toHaveLength(1);
    expect(directive('StandardInput')).toEqual(['null']);
    expect(directive('ExecStart')).toEqual([`/usr/bin/node ${startEntry}`]);
    const env = directive('Environment').flatMap((v) => [...v.matchAll(/(\w+)=/g)].map((m) => m[1]!));
    for (const key of env.filter((k) => !NOT_CONFIG.has(k))) expect(CONFIG_KEYS, key).toContain(key);
  });
});
