import type { Queryable } from '../database/sql';
import { sqlRows } from '../database/sql';
import type { EventType } from './event-catalogue';

/** One event for the outbox; the body is what receivers get under `key` (ids, states and numbers, no review text). */
export interface OutboxEventInput {
  shopId: string;
  type: EventType;
  /** deliveries of one subject go out in the order they were written (an alert's events: the alert id) */
  subjectId: string;
  key: string;
  body: Record<string, unknown>;
}

/**
 * Writes events to the outbox in the caller's transaction: pass the EntityManager of the transaction that makes the
 * change (`dataSource.transaction(async (manager) => { ...change...; await emitEvents(manager, [...]) })`), and the
 * events commit or roll back with it. Written in the given order, only for shops with an endpoint subscribed to the
 * type; answers the ids written (receivers see them as the events' ids). One statement whatever the count.
 */
export async function emitEvents(db: Queryable, events: OutboxEventInput[]): Promise<string[]> {
  if (!events.length) return [];
  const rows = await sqlRows<{ id: string }>(db, `SELECT outbox_emit($1::jsonb) AS id`, [JSON.stringify(events)]);
  return rows.map((row) => row.id);
}
