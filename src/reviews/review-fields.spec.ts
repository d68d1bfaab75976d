import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getMetadataArgsStorage } from 'typeorm';
import { REVIEWS_PAGE, withReviewFieldTable } from '../../scripts/review-fields-doc';
import { ReviewInputDto } from './dto/review-input.dto';
import { changedFieldNames, hashReviewFields, normalizeReview, repliedOnPlatform, REVIEW_FIELDS } from './review-fields';
import { Review } from './review.entity';
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
    const result = normalizeReview(
      input({ orderAmount: 12.5, content: '  ok  ', buyerNick: '  ', images: ['https://img.example/1.jpg'] }),
      'Asia/Shanghai',
      NOW,
    );
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
    expect(result.fields).toMatchObject({
      buyerNick: null,
      productId: null,
      content: '',
      imageUrls: [],
      orderAmount: null,
      currency: null,
      deliveredAt: null,
      hasVideo: false,
    });
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
    expect(hashReviewFields(fields({ reviewedAt: '2026-11-20 10:00:00' }))).toBe(
      hashReviewFields(fields({ reviewedAt: '2026-11-20T02:00:00Z', externalId: 'TM-1' })),
    );
  });

  it('a changed rating or follow-up changes the hash and is named', () => {
    const before = fields();
    const after = fields({ rating: 5, followUpContent: '换货后很满意' });
    expect(hashReviewFields(before)).not.toBe(hashReviewFields(after));
    expect(changedFieldNames(before, after)).toEqual(['rating', 'followUpContent']);
  });

  // the hash as stored before issue 16 added the platform fields, written out here independently of the code
  const FIELDS_BEFORE_ISSUE_16 = [
    'platform',
    'externalId',
    'productId',
    'sku',
    'productName',
    'orderId',
    'buyerId',
    'buyerNick',
    'rating',
    'content',
    'imageUrls',
    'imageCount',
    'hasVideo',
    'orderAmount',
    'currency',
    'orderedAt',
    'shippedAt',
    'deliveredAt',
    'reviewedAt',
    'carrier',
    'serviceAgent',
    'followUpContent',
    'followUpAt',
  ] as const;
  const storedHash = (f: ReturnType<typeof fields>) =>
    createHash('sha256')
      .update(JSON.stringify(FIELDS_BEFORE_ISSUE_16.map((name) => f[name])))
      .digest('hex');

  it('a review without the platform fields hashes as it did before they existed: re-importing an old file is unchanged', () => {
    const old = fields({
      content: '盖子漏水',
      orderAmount: 59,
      images: ['https://img.example/1.jpg'],
      followUpContent: '还是漏',
      followUpAt: '2026-11-21 10:00:00',
    });
    expect(hashReviewFields(old)).toBe(storedHash(old));
    expect(old).toMatchObject({ qualityScore: null, logisticsScore: null, sellerReply: null, anonymous: null, platformCheat: null, videoCount: null });
  });

  it('each platform field changes the hash once it holds a value, and is named as changed', () => {
    const before = fields();
    const cases: Partial<ReviewInputDto>[] = [
      { logisticsScore: 1 },
      { qualityScore: 5 },
      { serviceScore: 3 },
      { descriptionScore: 2 },
      { sellerReply: '已为您补发' },
      { sellerReplyAt: '2026-11-21 09:00:00' },
      { anonymous: false },
      { autoReview: true },
      { platformCheat: true },
      { platformComplaint: false },
      { videoCount: 1 },
    ];
    const hashes = new Set([hashReviewFields(before)]);
    for (const overrides of cases) {
      const after = fields(overrides);
      hashes.add(hashReviewFields(after));
      expect(changedFieldNames(before, after)).toEqual(expect.arrayContaining(Object.keys(overrides)));
    }
    expect(hashes.size).toBe(cases.length + 1);
  });

  it("the platform's replied flag changes the hash only when true: 否 says no more than a file without the column", () => {
    const before = fields();
    expect(hashReviewFields(fields({ sellerReplied: false }))).toBe(hashReviewFields(before));
    const replied = fields({ sellerReplied: true });
    expect(hashReviewFields(replied)).not.toBe(hashReviewFields(before));
    expect(changedFieldNames(before, replied)).toEqual(['sellerReplied']);
    expect(repliedOnPlatform(replied)).toBe(true);
    expect(repliedOnPlatform(fields({ sellerReplied: false }))).toBe(false);
    // the reply's text is a reply whatever the flag says
    expect(repliedOnPlatform(fields({ sellerReply: '已为您补发', sellerReplied: false }))).toBe(true);
  });

  it('a blank seller reply is no reply; a reply before the review is rejected', () => {
    expect(hashReviewFields(fields({ sellerReply: '   ' }))).toBe(hashReviewFields(fields()));
    const result = normalizeReview(input({ sellerReply: '谢谢', sellerReplyAt: '2026-11-19 10:00:00' }), 'Asia/Shanghai', NOW);
    expect(result.ok).toBe(false);
  });
});

describe('REVIEW_FIELDS, the one declaration of the fields', () => {
  it('is what ReviewInputDto validates, field for field', () => {
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(ReviewInputDto, '', true, false)
        .map((m) => m.propertyName),
    );
    expect([...validated].sort()).toEqual(REVIEW_FIELDS.map((spec) => spec.input).sort());
  });

  it('names columns of the reviews table; a varchar column is as long as its field may be', () => {
    const columns = new Map(
      getMetadataArgsStorage()
        .columns.filter((c) => c.target === Review)
        .map((c) => [c.propertyName, c.options] as const),
    );
    for (const spec of REVIEW_FIELDS) {
      const column = columns.get(spec.name);
      expect({ field: spec.name, stored: column !== undefined }).toEqual({ field: spec.name, stored: true });
      if (column?.type === 'varchar' && spec.kind !== 'platform')
        expect({ field: spec.name, length: column.length }).toEqual({ field: spec.name, length: spec.maxLength });
    }
  });

  it('is the field table of docs/api/reviews.md (npm run docs:review-fields rewrites it)', () => {
    const page = readFileSync(REVIEWS_PAGE, 'utf8');
    expect(page).toBe(withReviewFieldTable(page));
  });
});
