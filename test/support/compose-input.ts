import { DEFAULT_REMEDY_POLICY } from '../../src/replies/remedy-policy';
import type { ComposeInput } from '../../src/replies/reply-composer';

/** What the composer drafts from for a slow delivery on Taobao, in simplified Chinese; override what the test is about. */
export function composeInput(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    reviewId: '00000000-0000-4000-8000-000000000001',
    grade: 'bad',
    rating: 1,
    platform: 'taobao',
    language: 'zh-Hans',
    causes: [{ tag: 'logistics', subTag: 'slow_delivery' }],
    buyerNick: '小蓝鲸',
    productName: '纯棉圆领T恤',
    shopName: '棉语家居',
    carrier: '中通快递',
    orderAmount: 59.9,
    highRisk: false,
    widespreadSubTags: new Set(),
    sameProblemBuyers: 1,
    policy: { ...DEFAULT_REMEDY_POLICY },
    maxLength: 500,
    templates: [],
    recent: [],
    knownPersonalData: [],
    ...overrides,
  };
}
