import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One readiness condition: true when ready, or a short reason why not. */
export type ReadinessCheck = () => boolean | string | Promise<boolean | string>;

export interface ServiceServerOptions {
  port: number;
  /** Bind address; undefined means every interface. */
  host?: string;
  log: Logger;
}

/**
 * The bot's one HTTP port: `/healthz` (the process answers), `/readyz` (every registered check
 * passes: platforms connected, store writable, knowledge loaded) and the platforms' webhook
 * endpoints mounted by path. A handler that throws answers 500 and is logged; it never ends
 * the process.
 */
export class ServiceServer {
  readonly #options: ServiceServerOptions;
  readonly #routes = new Map<string, RequestHandler>();
  readonly #checks = new Map<string, ReadinessCheck>();
  readonly #prefixes: { prefix: string; handler: RequestHandler }[] = [];
  #server: Server | undefined;

  constructor(options: ServiceServerOptions) {
    this.#options = options;
  }

  mount(path: string, handler: RequestHandler): void {
    this.#routes.set(path, handler);
  }

  /** A handler for a path and everything under it (`/board`, `/board/…`), e.g. the leads' web page. */
  mountPrefix(prefix: string, handler: RequestHandler): void {
    this.#prefixes.push({ prefix, handler });
  }

  addReadinessCheck(name: string, check: ReadinessCheck): void {
    this.#checks.set(name, check);
  }

  async start(): Promise<{ port: number }> {
    const server = createServer((req, res) => void this.#handle(req, res));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: this.#options.port, ...(this.#options.host ? { host: this.#options.host } : {}) }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    return { port: typeof address === 'object' && address ? address.port : this.#options.port };
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Each check's verdict, and whether all passed. */
  async readiness(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const checks: Record<string, string> = {};
    for (const [name, check] of this.#checks) {
      let verdict: boolean | string;
      try {
        verdict = await check();
      } catch (error) {
        verdict = error instanceof Error ? error.message : String(error);
      }
      checks[name] = verdict === true ? 'ok' : verdict === false ? 'not ready' : verdict;
    }
    return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (path === '/healthz' && isRead(req)) return json(res, 200, { status: 'ok' });
      if (path === '/readyz' && isRead(req)) {
        const { ready, checks } = await this.readiness();
        return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      }
      const handler = this.#routes.get(path) ?? this.#prefixes.find((p) => path === p.prefix || path.startsWith(`${p.prefix}/`))?.handler;
      if (!handler) return json(res, 404, { error: 'not found' });
      await handler(req, res);
    } catch (error) {
      this.#options.log.error({ err: error, path }, 'HTTP handler failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    }
  }
}

function isRead(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
