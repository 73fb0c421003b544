import { createHmac, randomBytes } from 'node:crypto';
import type { Platform } from '../core/request.js';

/**
 * Stands in for a person in /calm's short-lived memory: an HMAC of platform and user id
 * under a key made fresh at every start and never written anywhere. Within one run it tells
 * the same person apart from others; nothing outside the process can turn it back into an id.
 */
export class Pseudonyms {
  readonly #key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.#key = key;
  }

  of(platform: Platform, userId: string): string {
    return createHmac('sha256', this.#key).update(`${platform}\u0000${userId}`).digest('base64url');
  }
}
