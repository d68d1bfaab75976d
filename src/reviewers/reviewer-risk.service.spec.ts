import { contactOutcomeProblems, ContactOutcomeInput, templateNeighbours } from './reviewer-risk.service';
import type { ScoringReview } from './reviewer-risk.queries';
import { DEFAULT_RISK_CONFIG } from './risk-config';
import { TextTemplateIndex } from './text-template-index';

const REVIEW_ID = '0b6f2c1e-52f4-4d0b-9d55-3b0c8f0e8a11';

describe('contact outcomes from the recovery queue', () => {
  const valid: ContactOutcomeInput = { reviewId: REVIEW_ID, kind: 'no_answer', at: new Date('2026-11-05T10:00:00Z') };

  it('accepts a complete outcome, with or without amount and contact id', () => {
    expect(contactOutcomeProblems(valid)).toEqual([]);
    expect(contactOutcomeProblems({ ...valid, kind: 'demanded_excess_compensation', demandedAmount: 500, contactId: 'c-1' })).toEqual([]);
    expect(contactOutcomeProblems({ ...valid, demandedAmount: null, contactId: null })).toEqual([]);
  });

  it.each([
    [{ reviewId: 'r-1' }, 'reviewId', 'isUuid'],
    [{ kind: 'answered' }, 'kind', 'isIn'],
    [{ at: new Date('nope') }, 'at', 'isDate'],
    [{ at: '2026-11-05' }, 'at', 'isDate'],
    [{ demandedAmount: -1 }, 'demandedAmount', 'isAmount'],
    [{ demandedAmount: Number.POSITIVE_INFINITY }, 'demandedAmount', 'isAmount'],
    [{ contactId: '' }, 'contactId', 'length'],
    [{ contactId: 'x'.repeat(129) }, 'contactId', 'length'],
  ])('reports %j at %s', (change, field, code) => {
    expect(contactOutcomeProblems({ ...valid, ...(change as Partial<ContactOutcomeInput>) })).toEqual([expect.objectContaining({ field, code })]);
  });
});

describe('template neighbours', () => {
  const TEMPLATE = '刚拆开就发现外壳有划痕和使用痕迹，明显是退货翻新的二手货，大家千万不要买';
  const HONEST = '尺码偏小一码，颜色也比图片暗一些，不太满意，希望下次改进';
  const review = (key: string, reviewId: string, text: string, rating = 1): ScoringReview => ({ key, reviewId, rating, reviewedAt: new Date(), text });
  const history = (key: string, ...reviews: ScoringReview[]) => new Map([[key, { reviews }]]);

  function index(...authors: string[]): TextTemplateIndex {
    const templates = new TextTemplateIndex({ similarity: 0.6, minLength: 15 });
    authors.forEach((author, i) => templates.add(`old-${i}`, author, i % 2 ? `${TEMPLATE}！！` : TEMPLATE));
    templates.add('honest', 'taobao:honest', HONEST);
    return templates;
  }

  it('finds the earlier authors of a text a new medium/bad review repeats', () => {
    const templates = index('taobao:ring-1', 'jd:ring:2');
    const found = templateNeighbours(
      templates,
      history('taobao:new', review('taobao:new', 'new-1', TEMPLATE)),
      new Set(['new-1']),
      new Set(['taobao:new']),
      DEFAULT_RISK_CONFIG,
    );
    // buyer ids may contain the separator
    expect(found).toEqual([
      { platform: 'taobao', buyerId: 'ring-1' },
      { platform: 'jd', buyerId: 'ring:2' },
    ]);
  });

  it('leaves a text alone that more than otherBuyersFull buyers wrote before: they are at full strength already', () => {
    const templates = index('taobao:ring-1', 'jd:ring:2', 'anon:r-9');
    expect(
      templateNeighbours(
        templates,
        history('taobao:new', review('taobao:new', 'new-1', TEMPLATE)),
        new Set(['new-1']),
        new Set(['taobao:new']),
        DEFAULT_RISK_CONFIG,
      ),
    ).toEqual([]);
  });

  it('skips reviews without a buyer, old reviews, good reviews, buyers already being scored, and stops at the bound', () => {
    const templates = index('taobao:ring-1', 'anon:r-9');
    const fresh = history('taobao:new', review('taobao:new', 'new-1', TEMPLATE));
    expect(templateNeighbours(templates, fresh, new Set(['new-1']), new Set(['taobao:new']), DEFAULT_RISK_CONFIG)).toEqual([
      { platform: 'taobao', buyerId: 'ring-1' },
    ]);
    expect(
      templateNeighbours(
        templates,
        history('taobao:new', review('taobao:new', 'old-review', TEMPLATE)),
        new Set(['new-1']),
        new Set(['taobao:new']),
        DEFAULT_RISK_CONFIG,
      ),
    ).toEqual([]);
    expect(
      templateNeighbours(
        templates,
        history('taobao:new', review('taobao:new', 'new-1', TEMPLATE, 5)),
        new Set(['new-1']),
        new Set(['taobao:new']),
        DEFAULT_RISK_CONFIG,
      ),
    ).toEqual([]);
    expect(templateNeighbours(templates, fresh, new Set(['new-1']), new Set(['taobao:new', 'taobao:ring-1']), DEFAULT_RISK_CONFIG)).toEqual([]);
    const two = index('taobao:ring-1', 'taobao:ring-2');
    expect(templateNeighbours(two, fresh, new Set(['new-1']), new Set(['taobao:new']), DEFAULT_RISK_CONFIG, 1)).toHaveLength(1);
  });
});
