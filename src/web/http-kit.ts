import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Only our own files: no inline script or style, no framing, forms post only back to us.
 * The page's few lines of JavaScript are served as /board/app.js.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    // Not no-referrer: with it a browser posts `Origin: null`, and the same-origin check needs the origin.
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

export function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...securityHeaders(), 'content-type': type, ...extra });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, body: string, extra: Record<string, string | string[]> = {}): void {
  send(res, status, 'text/html; charset=utf-8', body, extra);
}

export function redirect(res: ServerResponse, to: string, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { ...securityHeaders(), location: to, ...extra });
  res.end();
}

export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A cookie we did not write; ignore it.
    }
  }
  return out;
}

const MAX_FORM_BYTES = 16 * 1024;

/** An application/x-www-form-urlencoded body (what a form posts); too large or another type gives undefined. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export interface ProxySettings {
  /** PUBLIC_URL: the address leads open; its origin is the only one allowed to post. */
  publicUrl: URL;
  /** TRUST_PROXY: X-Forwarded-Proto/Host are believed only then. */
  trustProxy: boolean;
}

/** Whether this request reached us over HTTPS: the socket, or the proxy's word when it is trusted. */
export function isHttps(req: IncomingMessage, settings: ProxySettings): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (settings.trustProxy) return String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() === 'https';
  return false;
}

/**
 * A state-changing request must come from our own page: a browser sends Origin on every POST
 * (Sec-Fetch-Site on all recent ones); anything from another site is refused before the token
 * is even looked at.
 */
export function sameOrigin(req: IncomingMessage, settings: ProxySettings): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === settings.publicUrl.origin) return true;
  // Opened by its direct address (no proxy in front): the host the browser used.
  const host = settings.trustProxy ? (req.headers['x-forwarded-host'] ?? req.headers.host) : req.headers.host;
  const proto = isHttps(req, settings) ? 'https' : 'http';
  return origin === `${proto}://${String(host)}`;
}
