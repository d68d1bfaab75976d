import type { DataSource, EntityManager } from 'typeorm';
import { ValidationFailed } from '../errors/domain-error';

/**
 * Opaque keyset cursor: the sort key of the last row of a page. Base64url JSON so clients
 * treat it as a token and we can change its content without breaking them.
 */
export interface Cursor {
  /** ISO timestamp of the sort column */
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(token: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      !Number.isNaN(Date.parse(parsed[0])) &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    ) {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailed([{ field: 'cursor', code: 'invalidCursor', message: 'cursor is not a value returned by this API' }]);
}

export interface Page<T> {
  items: T[];
  /** pass as ?cursor= to get the next page; null on the last page */
  nextCursor: string | null;
}

/**
 * The cursor after a row whose sort column PostgreSQL wrote (a `now()` default): read back as text, since
 * it has microseconds and a JS Date keeps milliseconds. A cursor cut to milliseconds would skip the rows
 * that share the row's millisecond (all the cases opened by one analysis transaction, for example).
 * `table` and `column` are names from the code, never from a request.
 */
export async function cursorAfterRow(db: Pick<DataSource | EntityManager, 'query'>, table: string, column: string, id: string): Promise<string> {
  const rows: { at: string }[] = await db.query(
    `SELECT to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM ${table} WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw new Error(`cursorAfterRow: no ${table} row ${id}`);
  return encodeCursor({ at: rows[0].at, id });
}
