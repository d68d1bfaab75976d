import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'rrs_';

/** A new random key: "rrs_" + 32 random bytes, base64url. Shown once; only its hash is kept. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

// The key carries 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length > 20 && value.length < 100;
}
