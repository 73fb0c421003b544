import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceServer } from '../../src/http/service-server.js';

const servers: ServiceServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.stop())));

async function serve(configure: (s: ServiceServer) => void): Promise<string> {
  const server = new ServiceServer({ port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) });
  configure(server);
  servers.push(server);
  const { port } = await server.start();
  return `http://127.0.0.1:${port}`;
}

describe('the service HTTP server', () => {
  it('answers /healthz while the process runs, whatever the checks say', async () => {
    const base = await serve((s) => s.addReadinessCheck('store', () => 'last write failed: ENOSPC'));
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 503 and the reason of each failing check, 200 when all pass', async () => {
    let storeOk: true | string = 'last write failed: ENOSPC';
    const base = await serve((s) => {
      s.addReadinessCheck('knowledge', () => true);
      s.addReadinessCheck('store', () => storeOk);
      s.addReadinessCheck('discord', async () => false);
      s.addReadinessCheck('slack', () => {
        throw new Error('token revoked');
      });
    });
    const failing = await fetch(`${base}/readyz`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({
      status: 'not ready',
      checks: { knowledge: 'ok', store: 'last write failed: ENOSPC', discord: 'not ready', slack: 'token revoked' },
    });
    storeOk = true;
    const base2 = await serve((s) => s.addReadinessCheck('store', () => storeOk));
    expect((await fetch(`${base2}/readyz`)).status).toBe(200);
  });

  it('routes mounted paths, answers 404 elsewhere, and turns a throwing handler into a 500', async () => {
    const base = await serve((s) => {
      s.mount('/hook', (_req, res) => void res.writeHead(204).end());
      s.mount('/broken', () => {
        throw new Error('boom');
      });
    });
    expect((await fetch(`${base}/hook`, { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/broken`, { method: 'POST' })).status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
