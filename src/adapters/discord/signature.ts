import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A request signed longer ago than this (or this far in the future) is taken for a replay. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

/** The application's public key (Developer Portal → General Information, 64 hex digits) as a key object. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('a Discord public key is 64 hex digits');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type SignatureVerdict = 'ok' | 'missing' | 'forged' | 'stale';

/**
 * Discord signs every interaction: X-Signature-Ed25519 is the Ed25519 signature of
 * X-Signature-Timestamp followed by the raw body. A good signature on an old timestamp is a
 * replay and is refused as well.
 */
export function checkDiscordSignature(key: KeyObject, headers: { signature?: string; timestamp?: string }, body: Buffer, now: Date): SignatureVerdict {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'forged';
  if (!verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'))) return 'forged';
  return Math.abs(now.getTime() - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS ? 'stale' : 'ok';
}
