import { ValidationFailed } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips', () => {
    const cursor = { at: '2026-11-01T10:00:00.000Z', id: '3f1f8a4e-1111-4222-8333-444455556666' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'abc', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')])('rejects a forged cursor %p', (token) => {
    expect(() => decodeCursor(token)).toThrow(ValidationFailed);
  });
});
