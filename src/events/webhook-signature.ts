import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-rrs-signature';
export const TIMESTAMP_HEADER = 'x-rrs-timestamp';
export const EVENT_HEADER = 'x-rrs-event';
export const DELIVERY_HEADER = 'x-rrs-delivery';
/** the stable id of the event (the same on every delivery of it): what receivers de-duplicate on */
export const EVENT_ID_HEADER = 'x-rrs-event-id';
/** how old a delivery's timestamp may be before a receiver rejects it (a replayed request) */
export const REPLAY_WINDOW_SECONDS = 300;

/**
 * `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` with the shop's shared secret. The timestamp (Unix
 * seconds, also sent as X-RRS-Timestamp) is signed with the body so a captured request cannot be replayed
 * later: receivers reject timestamps older than a few minutes.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The signature header of an event delivery: one signature per valid secret, newest first, separated by ", "
 * (during a rotation's overlap the old secret still verifies; with one secret it is exactly signWebhook's value).
 */
export function signatureHeader(secrets: string[], timestamp: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, timestamp, body)).join(', ');
}

/** What a receiver does (docs/events.md shows the same in a few lines): any listed signature made with its secret, recent enough. */
export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  nowSeconds = Date.now() / 1000,
  toleranceSeconds = REPLAY_WINDOW_SECONDS,
): boolean {
  const t = Number(timestamp);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, t, body));
  return signature.split(',').some((part) => {
    const given = Buffer.from(part.trim());
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
