import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../http/read-body.js';
import type { RequestHandler } from '../../http/service-server.js';

/** Slack's own limit for request bodies, as Bolt applies it. */
const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Reads the body once and rejects, with 400, shapes Bolt's receiver does not survive (a signed
 * `payload=null` made it read `.type` of null outside any handler and end the process). The
 * buffered body is handed on as `rawBody`, which Bolt uses instead of reading the stream again.
 */
export function guardSlackRequests(next: (req: IncomingMessage, res: ServerResponse) => void): RequestHandler {
  return async (req, res) => {
    const raw = await readBody(req, BODY_LIMIT);
    if (raw === undefined) return void res.writeHead(413).end();
    if (!isUsableBody(raw.toString('utf8'), req.headers['content-type'] ?? '')) return void res.writeHead(400).end();
    (req as IncomingMessage & { rawBody: Buffer }).rawBody = raw;
    next(req, res);
  };
}

function isUsableBody(text: string, contentType: string): boolean {
  if (contentType.startsWith('application/json')) return isObject(text);
  if (!contentType.startsWith('application/x-www-form-urlencoded')) return true;
  const payload = new URLSearchParams(text).get('payload');
  return payload === null || isObject(payload);
}

function isObject(json: string): boolean {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
