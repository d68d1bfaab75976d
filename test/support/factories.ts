import { randomUUID } from 'node:crypto';

let sequence = 0;

/** A valid review input; override what the test is about. */
export function reviewInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
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
    orderedAt: '2026-11-01T09:00:00+08:00',
    shippedAt: '2026-11-02T09:00:00+08:00',
    deliveredAt: '2026-11-04T09:00:00+08:00',
    reviewedAt: '2026-11-05T20:00:00+08:00',
    carrier: '中通快递',
    serviceAgent: 'agent-1',
    ...overrides,
  };
}
