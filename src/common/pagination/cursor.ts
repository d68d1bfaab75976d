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
