import type { RequestHandler } from './service-server.js';

/** GET /metrics in the Prometheus text format, from whatever produces it (BotMetrics.scrape). */
export function metricsEndpoint(scrape: () => Promise<{ contentType: string; body: string }>): RequestHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { contentType, body } = await scrape();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
