import { countSameProblemBuyers, SpreadOther, SpreadReview } from './same-problem-buyers';

const DAY = 86_400_000_000;
const review = (over: Partial<SpreadReview> = {}): SpreadReview => ({
  id: 'r',
  productId: 'p',
  sku: null,
  subTags: ['defect_broken'],
  since: 10 * DAY,
  ...over,
});
const other = (buyer: string, over: Partial<SpreadOther> = {}): SpreadOther => ({
  productId: 'p',
  sku: null,
  buyer,
  subTags: ['defect_broken'],
  at: 20 * DAY,
  ...over,
});

describe('countSameProblemBuyers', () => {
  it.each<[string, SpreadReview, SpreadOther[], Record<string, number> | undefined]>([
    ['distinct buyers, not reviews', review(), [other('a'), other('a'), other('b')], { defect_broken: 2 }],
    [
      'a review posted exactly at the window start counts, one a microsecond earlier does not',
      review(),
      [other('a', { at: 10 * DAY }), other('b', { at: 10 * DAY - 1 })],
      { defect_broken: 1 },
    ],
    ['later reviews count: the window has no end', review(), [other('a', { at: 400 * DAY })], { defect_broken: 1 }],
    ['another product does not count', review(), [other('a', { productId: 'q' })], undefined],
    ['another sub-tag does not count', review(), [other('a', { subTags: ['smell'] })], undefined],
    ['SKUs that differ do not count', review({ sku: 'red' }), [other('a', { sku: 'blue' }), other('b', { sku: 'red' }), other('c')], { defect_broken: 2 }],
    ['a review without a SKU counts every SKU', review(), [other('a', { sku: 'blue' }), other('b', { sku: 'red' })], { defect_broken: 2 }],
    [
      'each sub-tag on its own',
      review({ subTags: ['defect_broken', 'smell', 'smell'] }),
      [other('a', { subTags: ['smell', 'defect_broken'] }), other('b', { subTags: ['smell'] })],
      { defect_broken: 1, smell: 2 },
    ],
  ])('%s', (_name, batchReview, others, expected) => {
    const counts = countSameProblemBuyers([batchReview], others).get('r');
    expect(counts ? Object.fromEntries(counts) : undefined).toEqual(expected);
  });

  it('counts every review of a batch against the same read, whatever order the rows come in', () => {
    const others = [other('a', { at: 5 * DAY }), other('b', { at: 30 * DAY }), other('c', { at: 15 * DAY })];
    const counts = countSameProblemBuyers([review({ id: 'early', since: 0 }), review({ id: 'late', since: 20 * DAY })], others);
    expect(counts.get('early')?.get('defect_broken')).toBe(3);
    expect(counts.get('late')?.get('defect_broken')).toBe(1);
  });
});
