import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { readBody } from '../../http/read-body.js';

export interface ReceiverSecrets {
  /** FEISHU_ENCRYPT_KEY: bodies are AES-256-CBC encrypted and every request is signed with it. */
  encryptKey?: string;
  /** FEISHU_VERIFICATION_TOKEN: carried inside every event and callback. */
  verificationToken?: string;
}

/** What a verified, decrypted delivery is handed to: the SDK's dispatcher; its answer is the response body. */
export type Dispatch = (payload: Record<string, unknown>) => Promise<unknown>;

const MAX_BODY_BYTES = 1_000_000;

/**
 * Feishu's event and callback delivery over HTTP (the request URL, `/feishu/events`).
 * Unlike the SDK's own adapters, it checks before it trusts: with an encrypt key, the
 * X-Lark-Signature (SHA-256 of timestamp + nonce + key + the raw body) must match before anything
 * is decrypted; a forged request gets 401, a body that does not decrypt or parse gets 400, a
 * wrong verification token 401. Only then is the plaintext handed to the dispatcher, which
 * therefore runs without the SDK's own (re-serialising) check. Nothing a sender puts in a body
 * can throw out of this handler.
 */
export function feishuEventHandler(secrets: ReceiverSecrets, dispatch: Dispatch, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return answer(res, 405, { error: 'use POST' });
    const raw = (await readBody(req, MAX_BODY_BYTES))?.toString('utf8');
    if (raw === undefined) return answer(res, 413, { error: 'body too large' });
    const verdict = verify(secrets, req.headers, raw);
    if (!verdict.ok) {
      log.warn({ component: 'feishu', reason: verdict.reason }, 'feishu request refused');
      return answer(res, verdict.status, { error: verdict.reason });
    }
    const payload = verdict.payload;
    if (payload.type === 'url_verification') return answer(res, 200, { challenge: payload.challenge });
    const result = await dispatch(payload);
    answer(res, 200, result && typeof result === 'object' ? result : {});
  };
}

type Verdict = { ok: true; payload: Record<string, unknown> } | { ok: false; status: 400 | 401; reason: string };

export function verify(secrets: ReceiverSecrets, headers: IncomingMessage['headers'], raw: string): Verdict {
  const { encryptKey, verificationToken } = secrets;
  const signature = header(headers, 'x-lark-signature');
  const timestamp = header(headers, 'x-lark-request-timestamp');
  const nonce = header(headers, 'x-lark-request-nonce');
  const signed = signature !== undefined && timestamp !== undefined && nonce !== undefined;
  if (encryptKey && signed && !sameText(signatureOf(encryptKey, timestamp, nonce, raw), signature)) {
    return { ok: false, status: 401, reason: 'signature does not match' };
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!isObject(body)) return { ok: false, status: 400, reason: 'body is not a JSON object' };
  let payload = body;
  if (typeof body.encrypt === 'string') {
    if (!encryptKey) return { ok: false, status: 400, reason: 'encrypted body, but FEISHU_ENCRYPT_KEY is not set' };
    const plain = decrypt(encryptKey, body.encrypt);
    if (!plain) return { ok: false, status: 400, reason: 'body does not decrypt with FEISHU_ENCRYPT_KEY' };
    payload = plain;
  } else if (encryptKey) {
    return { ok: false, status: 400, reason: 'body is not encrypted, but FEISHU_ENCRYPT_KEY is set' };
  }
  const token = tokenOf(payload);
  if (verificationToken && !sameText(token ?? '', verificationToken)) return { ok: false, status: 401, reason: 'verification token does not match' };
  // Only the one-time url_verification may arrive unsigned: decrypting it and the token prove the key.
  if (encryptKey && !signed && payload.type !== 'url_verification') return { ok: false, status: 401, reason: 'request is not signed' };
  return { ok: true, payload };
}

export function signatureOf(encryptKey: string, timestamp: string, nonce: string, raw: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + raw).digest('hex');
}

/** AES-256-CBC with the SHA-256 of the encrypt key; the first 16 bytes are the IV. Undefined when it does not decrypt to a JSON object. */
export function decrypt(encryptKey: string, encrypted: string): Record<string, unknown> | undefined {
  try {
    const bytes = Buffer.from(encrypted, 'base64');
    if (bytes.length < 32 || bytes.length % 16 !== 0) return undefined;
    const key = createHash('sha256').update(encryptKey).digest();
    const decipher = createDecipheriv('aes-256-cbc', key, bytes.subarray(0, 16));
    const text = Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Schema 2.0 events and callbacks carry the token in `header`; url_verification and 1.0 events at the top. */
function tokenOf(payload: Record<string, unknown>): string | undefined {
  const head = payload.header;
  if (isObject(head) && typeof head.token === 'string') return head.token;
  return typeof payload.token === 'string' ? payload.token : undefined;
}

function header(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
