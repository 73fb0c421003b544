import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** An application's Ed25519 key pair, as the Developer Portal holds it: the public key as 64 hex digits. */
export function discordKeyPair(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' });
  return { publicKeyHex: Buffer.from(x!, 'base64url').toString('hex'), privateKey };
}

/** POSTs an interaction the way Discord does: signed over timestamp + raw body. */
export async function postInteraction(
  url: string,
  payload: unknown,
  signer: { privateKey: KeyObject; at: Date; body?: string },
): Promise<{ status: number; body: { type?: number; data?: Record<string, unknown>; error?: string } }> {
  const raw = JSON.stringify(payload);
  const timestamp = String(Math.floor(signer.at.getTime() / 1000));
  const signature = sign(null, Buffer.from(timestamp + (signer.body ?? raw)), signer.privateKey).toString('hex');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as { type?: number; data?: Record<string, unknown> } };
}
