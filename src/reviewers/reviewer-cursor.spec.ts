import { ValidationFailed } from '../common/errors/domain-error';
import { decodeScoreCursor, encodeScoreCursor } from './reviewer-cursor';

describe('reviewer list cursor', () => {
  it('round-trips the sort key of the last row', () => {
    const cursor = { score: 87.3, id: '0b6f2c1e-52f4-4d0b-9d55-3b0c8f0e8a11' };
    expect(decodeScoreCursor(encodeScoreCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['a review-list cursor', Buffer.from(JSON.stringify(['2026-11-05T12:00:00.000Z', '0b6f2c1e-52f4-4d0b-9d55-3b0c8f0e8a11'])).toString('base64url')],
    ['a score that is not a number', Buffer.from(JSON.stringify(['12', '0b6f2c1e-52f4-4d0b-9d55-3b0c8f0e8a11'])).toString('base64url')],
    ['an id that is not a UUID', Buffer.from(JSON.stringify([12, "1' OR 1=1"])).toString('base64url')],
  ])('refuses %s with a 400 on the cursor field', (_name, token) => {
    expect(() => decodeScoreCursor(token)).toThrow(ValidationFailed);
    try {
      decodeScoreCursor(token);
    } catch (error) {
      expect((error as ValidationFailed).problems).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalidCursor' })]);
    }
  });
});
