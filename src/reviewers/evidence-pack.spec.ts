import type { Review } from '../reviews/review.entity';
import { buildEvidencePack, chooseLanguage, EvidencePackInput } from './evidence-pack';
import { escapeHtml, escapeMarkdown, formatTime, renderEvidenceHtml, renderEvidenceMarkdown } from './evidence-render';
import type { ReviewerContactOutcome } from './reviewer-contact-outcome.entity';
import type { ReviewerDecision } from './reviewer-decision.entity';
import type { ReviewerProfile } from './reviewer-profile.entity';
import type { RiskSignal } from './reviewer-risk.types';

const at = (iso: string) => new Date(iso);

function reviewFixture(overrides: Partial<Review>): Review {
  return {
    id: 'r-1',
    shopId: 's',
    platform: 'taobao',
    externalId: 'TB-1',
    productId: 'P1',
    sku: 'P1-red',
    productName: '保温杯',
    orderId: 'ORDER-778899',
    buyerId: 'buyer-1',
    buyerNick: 'nick',
    rating: 1,
    grade: 'bad',
    content: '',
    imageUrls: [],
    imageCount: 0,
    hasVideo: false,
    orderAmount: '59.00',
    currency: 'CNY',
    orderedAt: at('2026-11-01T01:00:00Z'),
    shippedAt: at('2026-11-02T01:00:00Z'),
    deliveredAt: at('2026-11-04T01:00:00Z'),
    reviewedAt: at('2026-11-04T01:05:00Z'),
    carrier: '中通快递',
    serviceAgent: null,
    followUpContent: null,
    followUpAt: null,
    ...overrides,
  } as Review;
}

const signals: RiskSignal[] = [
  {
    code: 'compensation_demand',
    value: 1,
    weight: 1.5,
    contribution: 60,
    explanation: { zh: '以差评相要挟索要钱款', en: 'threatens a bad review unless paid' },
    reviewIds: ['r-1'],
  },
  {
    code: 'off_platform_contact',
    value: 1,
    weight: 0,
    contribution: 0,
    explanation: { zh: '留有微信号', en: 'contains a WeChat id' },
    reviewIds: ['r-1'],
    dismissal: 'covered',
  },
  { code: 'photo_evidence', value: 0.5, weight: 0.3, contribution: -3, explanation: { zh: '附图', en: 'photos' }, reviewIds: ['r-2'] },
];

function input(lang: 'zh' | 'en'): EvidencePackInput {
  return {
    shop: { id: 'shop-1', name: 'Shop <b>&</b>', timezone: 'Asia/Shanghai' },
    profile: {
      id: 'profile-1',
      platform: 'taobao',
      buyerId: 'buyer-1',
      buyerNick: 'nick|name',
      reviewCount: 2,
      negativeReviewCount: 2,
      firstReviewedAt: at('2026-11-03T00:00:00Z'),
      lastReviewedAt: at('2026-11-04T01:05:00Z'),
      riskScore: 57,
      riskLevel: 'medium',
      signals,
      scoredAt: at('2026-11-05T00:00:00Z'),
      status: 'dismissed',
    } as ReviewerProfile,
    reviews: [
      reviewFixture({ id: 'r-1', content: '质量差，加我微信 wxid_ab12cd34 私聊，不赔钱就差评 <script>alert(1)</script>' }),
      reviewFixture({
        id: 'r-2',
        externalId: 'TB-2',
        rating: 2,
        content: '# 不是标题\n| 也不是表格 |',
        imageUrls: ['https://img.example/a.jpg'],
        imageCount: 1,
        deliveredAt: at('2026-11-03T10:00:00Z'),
        reviewedAt: at('2026-11-03T00:00:00Z'),
      }),
    ],
    decisions: [
      {
        id: 'd-1',
        action: 'dismiss',
        reason: 'called | it was a misunderstanding',
        evidenceCodes: ['off_platform_contact'],
        riskScore: 90,
        riskLevel: 'high',
        fromStatus: 'flagged',
        toStatus: 'dismissed',
        decidedBy: 'api:key-1',
        decidedAt: at('2026-11-05T02:00:00Z'),
      } as ReviewerDecision,
    ],
    outcomes: [
      { id: 'o-1', reviewId: 'r-1', kind: 'demanded_excess_compensation', at: at('2026-11-04T08:00:00Z'), demandedAmount: '500.00' } as ReviewerContactOutcome,
    ],
    lang,
    generatedAt: at('2026-11-06T00:00:00Z'),
  };
}

describe('evidence pack', () => {
  it.each([
    [undefined, undefined, 'zh'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'fr-FR, en;q=0.5, zh;q=0.8', 'zh'],
    [undefined, 'zh-TW', 'zh'],
    [undefined, 'de, fr', 'zh'],
    [undefined, 'en;q=0, zh;q=0.1', 'zh'],
    ['en', 'zh-CN', 'en'],
    ['zh', 'en', 'zh'],
  ] as const)('lang=%s with Accept-Language %s gives %s', (lang, header, expected) => {
    expect(chooseLanguage(lang, header)).toBe(expected);
  });

  it('puts each review with its order timeline, what its text contains and the signals it supports', () => {
    const pack = buildEvidencePack(input('en'));
    expect(pack.reviews.map((r) => r.id)).toEqual(['r-2', 'r-1']);
    const demand = pack.reviews[1];
    expect(demand).toMatchObject({
      orderId: 'ORDER-778899',
      orderAmount: 59,
      minutesAfterDelivery: 5,
      signals: ['compensation_demand', 'off_platform_contact'],
    });
    expect(demand.timeline).toEqual({
      orderedAt: '2026-11-01T01:00:00.000Z',
      shippedAt: '2026-11-02T01:00:00.000Z',
      deliveredAt: '2026-11-04T01:00:00.000Z',
      reviewedAt: '2026-11-04T01:05:00.000Z',
      followUpAt: null,
    });
    expect(demand.cues).toEqual(expect.arrayContaining(['WeChat id', 'threatens a bad review unless paid']));
    expect(pack.reviews[0].minutesAfterDelivery).toBe(-600);
    expect(pack.signals.map((s) => [s.code, s.mitigating, s.dismissal])).toEqual([
      ['compensation_demand', false, null],
      ['off_platform_contact', false, 'covered'],
      ['photo_evidence', true, null],
    ]);
    expect(pack.contactOutcomes).toEqual([
      expect.objectContaining({ label: 'demanded excess compensation', demandedAmount: 500, orderAmount: 59, externalId: 'TB-1' }),
    ]);
    expect(pack.decisions).toEqual([
      expect.objectContaining({ action: 'dismiss', label: 'dismissed the flag', evidence: ['Off-platform contact details in the review'] }),
    ]);
  });

  it('speaks the chosen language', () => {
    const zh = buildEvidencePack(input('zh'));
    expect(zh.summary).toContain('风险评分 57/100（中）');
    expect(zh.signals[0].explanation).toBe('以差评相要挟索要钱款');
    expect(buildEvidencePack(input('en')).summary).toContain('Risk score 57/100 (medium)');
  });

  it('formats times in the shop time zone', () => {
    expect(formatTime('2026-11-04T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-05 00:30');
    expect(formatTime('2026-11-04T16:30:00.000Z', 'UTC')).toBe('2026-11-04 16:30');
    expect(formatTime(null, 'UTC')).toBe('');
  });

  it.each([
    ['<script>', '\\<script\\>'],
    ['a|b', 'a\\|b'],
    ['*bold* _it_ `code` [link](x)', '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)'],
    ['# heading\n- item\n1. first', '\\# heading\n\\- item\n1\\. first'],
    ['1,299.00 元 2026-11-05', '1,299.00 元 2026-11-05'],
  ])('escapes Markdown %p', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('renders Markdown with escaped review text and one line per table row', () => {
    const md = renderEvidenceMarkdown(buildEvidencePack(input('zh')));
    expect(md).toMatch(/^# 差评申诉证据材料\n/);
    expect(md).toContain('订单号: ORDER-778899');
    expect(md).toContain('签收前 10小时 发表');
    expect(md).toContain('> \\# 不是标题\n> \\| 也不是表格 \\|');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('called \\| it was a misunderstanding');
    expect(md).toContain('（已由店铺人员驳回，不计分）');
    expect(md).toContain('`https://img.example/a.jpg`');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
  });

  it('renders one self-contained HTML page with everything escaped', () => {
    const html = renderEvidenceHtml(buildEvidencePack(input('en')));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Shop &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).toContain('<code>https://img.example/a.jpg</code>');
    expect(html).not.toMatch(/<script|<img|<link|<iframe|\ssrc=|href=|url\(/i);
    expect(html).toContain('class="covered"');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});
