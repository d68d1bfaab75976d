import { randomUUID } from 'node:crypto';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let sequence = 0;

/**
 * When a review is posted unless the test says otherwise: two days before the test file started, on the hour.
 * Relative to today so that the review stays recent (recovery's revision window open) on any date, and fixed for
 * the file so that the same input built twice is the same review.
 */
const RECENT_REVIEW = Math.floor((Date.now() - 2 * DAY) / HOUR) * HOUR;

/** A valid review input; override what the test is about. */
export function reviewInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  // the order timeline leads up to the review, whenever the test has it posted
  const overridden = typeof overrides.reviewedAt === 'string' ? Date.parse(overrides.reviewedAt) : NaN;
  const reviewed = Number.isNaN(overridden) ? RECENT_REVIEW : overridden;
  const before = (ms: number) => new Date(reviewed - ms).toISOString();
  return {
    platform: 'taobao',
    externalId: `ext-${randomUUID()}`,
    productId: 'p-100',
    sku: 'p-100-black-M',
    productName: '纯棉T恤',
    orderId: `o-${sequence}`,
    // one buyer per review, as in most shops: a handful of buyers posting many bad reviews is what reviewer risk flags
    buyerId: `b-${randomUUID().slice(0, 13)}`,
    buyerNick: 'buyer',
    rating: 1,
    content: '衣服洗了一次就掉色了，质量太差',
    orderAmount: 59.9,
    orderedAt: before(4 * DAY + 11 * HOUR),
    shippedAt: before(3 * DAY + 11 * HOUR),
    deliveredAt: before(DAY + 11 * HOUR),
    reviewedAt: before(0),
    carrier: '中通快递',
    serviceAgent: 'agent-1',
    ...overrides,
  };
}

/** A review without an order timeline, so any reviewedAt is valid. */
export function untimedReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return reviewInput({ orderedAt: undefined, shippedAt: undefined, deliveredAt: undefined, ...overrides });
}
