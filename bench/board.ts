import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { systemClock } from '../src/core/clock.js';
import { systemTimers } from '../src/core/timers.js';
import { ServiceServer } from '../src/http/service-server.js';
import { PromiseDesk } from '../src/promises/desk.js';
import { WebApp } from '../src/web/web-app.js';
import { FileBoardAuthStore } from '../src/web/file-board-auth-store.js';

const OPEN = 500;
const ROUNDS = 20;

export interface BoardBench {
  open: number;
  pageBytes: number;
  /** Full /board page over HTTP (server render + transfer), ms, sorted. */
  firstLoad: number[];
  /** In Chromium: navigation to the load event, ms, sorted; empty when Chromium is not installed. */
  browserLoad: number[];
  /** A promise created on the desk → the event reaches an open stream → the list is fetched again, ms, sorted. */
  liveUpdate: number[];
}

/** The leads' board with 500 open promises: first load and live-update latency. */
export async function benchBoard(): Promise<BoardBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontline-bench-board-'));
  const log = pino({ level: 'silent' });
  const desk = await PromiseDesk.open({ dataDir: dir, clock: systemClock });
  const now = Date.now();
  for (let i = 0; i < OPEN; i++) {
    const owner = { platform: 'slack' as const, userId: `U${String(i % 40).padStart(4, '0')}`, name: `Agent ${i % 40}` };
    await desk.create({ owner, dueAt: new Date(now + (i - 100) * 60_000), note: `order ${100000 + i} call back about the refund, customer 1381234${String(i).padStart(4, '0')}`, timeZone: 'Asia/Shanghai' });
  }
  const server = new ServiceServer({ port: 0, host: '127.0.0.1', log });
  const { port } = await server.start();
  const base = `http://127.0.0.1:${port}`;
  const app = new WebApp({ desk, clock: systemClock, timers: systemTimers, outbox: { sendDirect: async () => ({ platform: 'slack', channel: '', id: '' }), postToChannel: async () => ({ platform: 'slack', channel: '', id: '' }), update: async () => undefined }, log, authStore: await FileBoardAuthStore.open({ dataDir: dir, log }), isLead: async () => true, teamTimeZone: 'Asia/Shanghai', defaultLocale: 'zh-CN', proxy: { publicUrl: new URL(base), trustProxy: false } });
  server.mountPrefix('/board', async (req, res) => void (await app.handle(req, res)));
  const { url } = await app.links.issue({ platform: 'slack', userId: 'ULEAD', name: 'Lead', locale: 'zh-CN' });
  const signIn = await fetch(`${base}/board/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: new URL(url).searchParams.get('token')! }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

  const firstLoad: number[] = [];
  let pageBytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    const text = await (await fetch(`${base}/board`, { headers: { cookie } })).text();
    firstLoad.push(performance.now() - t);
    pageBytes = Buffer.byteLength(text);
  }

  const liveUpdate: number[] = [];
  const events = await fetch(`${base}/board/events`, { headers: { cookie } });
  const reader = events.body!.getReader();
  const decoder = new TextDecoder();
  await reader.read(); // retry: line
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await desk.create({ owner: { platform: 'slack', userId: 'U9999' }, dueAt: new Date(Date.now() + 3_600_000), note: `live ${i}`, timeZone: 'Asia/Shanghai' });
    let seen = '';
    while (!seen.includes('event: changed')) seen += decoder.decode((await reader.read()).value);
    await (await fetch(`${base}/board/list`, { headers: { cookie } })).text();
    liveUpdate.push(performance.now() - t);
  }
  void reader.cancel();

  const browserLoad: number[] = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    const { chromium: pw } = await import('playwright-core');
    const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    const context = await browser.newContext();
    await context.addCookies([{ name: cookie.split('=')[0]!, value: cookie.split('=').slice(1).join('='), url: base }]);
    const page = await context.newPage();
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await page.goto(`${base}/board`, { waitUntil: 'load' });
      browserLoad.push(performance.now() - t);
    }
    await browser.close();
  }
  app.close();
  await server.stop();
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
  const sort = (a: number[]) => a.sort((x, y) => x - y);
  return { open: OPEN, pageBytes, firstLoad: sort(firstLoad), browserLoad: sort(browserLoad), liveUpdate: sort(liveUpdate) };
}
