import { plainToInstance } from 'class-transformer';
import { ReviewInputDto } from './dto/review-input.dto';
import { changedFieldNames, hashReviewFields, normalizeReview } from './review-fields';
import { gradeOf } from './review.types';

const NOW = new Date('2026-11-25T12:00:00Z');
const input = (overrides: Partial<ReviewInputDto> = {}) =>
  plainToInstance(ReviewInputDto, { platform: 'tmall', externalId: ' TM-1 ', rating: 2, reviewedAt: '2026-11-20 10:00:00', ...overrides });

describe('gradeOf', () => {
  it.each([
    [1, 'bad'],
    [2, 'bad'],
    [3, 'medium'],
    [4, 'good'],
    [5, 'good'],
  ])('rating %i is %s', (rating, grade) => expect(gradeOf(rating)).toBe(grade));
});

describe('normalizeReview', () => {
  it('trims, fills defaults and resolves local time in the shop zone', () => {
    const result = normalizeReview(input({ orderAmount: 12.5, content: '  ok  ', buyerNick: '  ', images: ['https://img.example/1.jpg'] }), 'Asia/Shanghai', NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toMatchObject({
      externalId: 'TM-1',
      content: 'ok',
      buyerNick: null,
      orderAmount: '12.50',
      currency: 'CNY',
      imageCount: 1,
      reviewedAt: '2026-11-20T02:00:00.000Z',
    });
    expect(result.grade).toBe('bad');
  });

  it.each([
    ['shipped before ordered', { orderedAt: '2026-11-10T00:00:00Z', shippedAt: '2026-11-09T00:00:00Z' }, 'shippedAt', 'dateOrder'],
    ['reviewed before ordered', { orderedAt: '2026-11-21T00:00:00Z' }, 'reviewedAt', 'dateOrder'],
    ['follow-up before review', { followUpAt: '2026-11-19T00:00:00Z', followUpContent: 'x' }, 'followUpAt', 'dateOrder'],
    ['reviewed in the future', { reviewedAt: '2026-12-01T00:00:00Z' }, 'reviewedAt', 'inFuture'],
    ['amount without currency off the Chinese platforms', { platform: 'other' as const, orderAmount: 10 }, 'currency', 'required'],
  ])('rejects %s', (_name, overrides, field, code) => {
    const result = normalizeReview(input(overrides), 'Asia/Shanghai', NOW, 'items[2]');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ field: `items[2].${field}`, code })]);
  });

  it('reads null in an optional field as the field left out', () => {
    const nulls = { buyerNick: null, productId: null, content: null, images: null, orderAmount: null, currency: null, deliveredAt: null, hasVideo: null };
    const result = normalizeReview(input(nulls as unknown as Partial<ReviewInputDto>), 'Asia/Shanghai', NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toMatchObject({ buyerNick: null, productId: null, content: '', imageUrls: [], orderAmount: null, currency: null, deliveredAt: null, hasVideo: false });
  });

  it('a review delivered after it was reviewed is accepted: that is a signal, not an input error', () => {
    expect(normalizeReview(input({ deliveredAt: '2026-11-21T00:00:00Z' }), 'Asia/Shanghai', NOW).ok).toBe(true);
  });
});

describe('hashReviewFields and changedFieldNames', () => {
  const fields = (overrides: Partial<ReviewInputDto> = {}) => {
    const result = normalizeReview(input(overrides), 'Asia/Shanghai', NOW);
    if (!result.ok) throw new Error('invalid fixture');
    return result.fields;
  };

  it('the same review written differently hashes the same', () => {
    expect(hashReviewFields(fields({ reviewedAt: '2026-11-20 10:00:00' }))).toBe(hashReviewFields(fields({ reviewedAt: '2026-11-20T02:00:00Z', externalId: 'TM-1' })));
  });

  it('a changed rating or follow-up changes the hash and is named', () => {
    const before = fields();
    const after = fields({ rating: 5, followUpContent: '换货后很满意' });
    expect(hashReviewFields(before)).not.toBe(hashReviewFields(after));
    expect(changedFieldNames(before, after)).toEqual(['rating', 'followUpContent']);
  });
});
