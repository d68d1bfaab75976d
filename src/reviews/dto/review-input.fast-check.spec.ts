import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { VALIDATION_OPTIONS } from '../../common/validation/validation.pipe';
import { REVIEW_FIELDS } from '../review-fields';
import { ReviewInputDto } from './review-input.dto';
import { fastAcceptReviewInput } from './review-input.fast-check';

const VALID = {
  platform: 'jd',
  externalId: 'JD-1',
  productId: 'p-1',
  sku: 'p-1-red',
  productName: '保温杯',
  orderId: 'o-1',
  buyerId: 'b-1',
  buyerNick: 'n***1',
  rating: 2,
  content: '杯盖拧不紧，漏水',
  images: ['https://img.example.com/a.jpg'],
  imageCount: 1,
  hasVideo: false,
  orderAmount: 49.9,
  currency: 'CNY',
  orderedAt: '2026-11-01 10:00:00',
  shippedAt: '2026-11-01T18:00:00+08:00',
  deliveredAt: '2026/11/03 09:30',
  reviewedAt: '2026-11-04 21:00:00',
  carrier: '京东物流',
  serviceAgent: 'agent-2',
  followUpContent: '换了一个还是漏',
  followUpAt: '2026-11-10 08:00:00',
};

// values each field may be replaced with: valid, borderline and wrong
const POOL: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  0,
  1,
  3,
  5,
  6,
  -1,
  2.5,
  1.005,
  49.999,
  1e12,
  Number.NaN,
  Infinity,
  true,
  false,
  [],
  {},
  ['x'],
  // each declared text limit and one character over it
  ...[...new Set(REVIEW_FIELDS.flatMap((spec) => (spec.kind === 'urls' ? [] : (spec.maxLength ?? []))))].flatMap((max) => [
    'a'.repeat(max),
    'a'.repeat(max + 1),
  ]),
  '😀'.repeat(70),
  'bad\u0000byte',
  'tab\tand\nnewline',
  'jd',
  'taobao',
  'JD',
  'CNY',
  'cny',
  'USDX',
  '2026-11-04 21:00:00',
  '2026-02-30 10:00:00',
  '2026-11-04T21:00:00Z',
  `2026-11-04T21:00:00.${'0'.repeat(40)}Z`,
  ['https://a.example/x.png'],
  ['ftp://a.example/x.png'],
  ['not a url'],
  [1],
  Array.from({ length: 51 }, () => 'https://a.example/x.png'),
  [`https://a.example/${'x'.repeat(2100)}`],
];
const FIELDS = [...Object.keys(VALID), 'unknownField', '__proto__', 'constructor'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function classValidatorAccepts(raw: object): boolean {
  return validateSync(plainToInstance(ReviewInputDto, raw), VALIDATION_OPTIONS).length === 0;
}

describe('fastAcceptReviewInput', () => {
  it('accepts a complete valid review, and a minimal one', () => {
    expect(fastAcceptReviewInput(VALID)).toBeInstanceOf(ReviewInputDto);
    expect(fastAcceptReviewInput({ platform: 'pdd', externalId: 'x', rating: 5, reviewedAt: '2026-11-04 21:00:00' })).not.toBeNull();
  });

  it.each([
    ['a missing required field', { ...VALID, rating: undefined }],
    ['an unknown field', { ...VALID, colour: 'red' }],
    ['a rating of 6', { ...VALID, rating: 6 }],
    ['three decimals', { ...VALID, orderAmount: 1.005 }],
    ['a control character', { ...VALID, content: 'a\u0007b' }],
    ['an impossible date', { ...VALID, reviewedAt: '2026-02-30 10:00:00' }],
    ['an ftp image', { ...VALID, images: ['ftp://a.example/x.png'] }],
  ])('leaves %s to class-validator', (_name, raw) => {
    expect(fastAcceptReviewInput(raw)).toBeNull();
    expect(classValidatorAccepts(raw)).toBe(false);
  });

  it('never accepts what class-validator rejects (20,000 mutated reviews)', () => {
    const next = random(42);
    let fastAccepted = 0;
    let slowAccepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const raw: Record<string, unknown> = { ...VALID };
      const mutations = 1 + Math.floor(next() * 3);
      for (let m = 0; m < mutations; m++) {
        const field = FIELDS[Math.floor(next() * FIELDS.length)]!;
        const value = POOL[Math.floor(next() * POOL.length)];
        if (value === undefined && next() < 0.5) delete raw[field];
        else Object.defineProperty(raw, field, { value, enumerable: true, writable: true, configurable: true });
      }
      const fast = fastAcceptReviewInput(raw);
      // class-transformer drops these two keys; the fast path leaves them to it
      const special = Object.keys(raw).some((key) => key === '__proto__' || key === 'constructor');
      if (!special && classValidatorAccepts(raw)) slowAccepted++;
      if (fast) {
        fastAccepted++;
        if (!classValidatorAccepts(raw)) {
          const errors = validateSync(plainToInstance(ReviewInputDto, raw), VALIDATION_OPTIONS);
          throw new Error(
            `fast path accepted an invalid review: ${JSON.stringify(errors.map((e) => [e.property, e.constraints, raw[e.property]])).slice(0, 400)}`,
          );
        }
      }
    }
    // the comparison means something only if the fast path takes a fair share of the inputs, and it is only
    // worth having if it takes nearly all the valid ones
    expect(fastAccepted).toBeGreaterThan(1_000);
    expect(fastAccepted / slowAccepted).toBeGreaterThan(0.95);
  });
});
