import { ValidationFailed } from '../common/errors/domain-error';

/**
 * Keyset cursor of the reviewer list, which is sorted by risk score (highest first), then id: base64url JSON
 * of the last row's [score, id], opaque to clients like the review list's cursor.
 */
export interface ScoreCursor {
  score: number;
  id: string;
}

export function encodeScoreCursor(cursor: ScoreCursor): string {
  return Buffer.from(JSON.stringify([cursor.score, cursor.id]), 'utf8').toString('base64url');
}

export function decodeScoreCursor(token: string): ScoreCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'number' &&
      Number.isFinite(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(parsed[1])
    ) {
      return { score: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailed([{ field: 'cursor', code: 'invalidCursor', message: 'cursor is not a value returned by this API' }]);
}
