/**
 * The event catalogue: every change another service can subscribe to. The database triggers of migration
 * EventOutbox write these names into outbox_events; docs/events.md and openapi.json's x-webhooks describe each
 * payload (event-schemas.ts). A name never changes meaning: a new payload shape is a new name.
 */
export const EVENT_TYPES = [
  'review.created',
  'review.updated',
  'review.analysed',
  'case.opened',
  'case.assigned',
  'case.status_changed',
  'case.contact_logged',
  'case.revised',
  'case.closed',
  'reply.drafted',
  'reply.approved',
  'reply.published',
  'reviewer.flagged',
  'reviewer.decided',
  'alert.opened',
  'alert.resolved',
  'report.created',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A subscription to `*` receives every event type, including ones added later. */
export const ALL_EVENTS = '*';
export const SUBSCRIBABLE_EVENT_TYPES: readonly string[] = [ALL_EVENTS, ...EVENT_TYPES];
