import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-rrs-signature';
export const TIMESTAMP_HEADER = 'x-rrs-timestamp';
export const EVENT_HEADER = 'x-rrs-event';
export const DELIVERY_HEADER = 'x-rrs-delivery';

/**
 * `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` with the shop's shared secret. The timestamp (Unix
 * seconds, also sent as X-RRS-Timestamp) is signed with the body so a captured request cannot be replayed
 * later: receivers reject timestamps older than a few minutes.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (docs/api/replies.md shows the same in a few lines). */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string, nowSeconds = Date.now() / 1000, toleranceSeconds = 300): boolean {
  const t = Number(timestamp);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, t, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
