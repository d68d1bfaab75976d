import { estimateSimilarity, minHashSignature, normaliseTemplateText, TextTemplateIndex } from './text-template-index';

const TEMPLATE = '收到货就发现是二手的，包装破旧还有使用痕迹，大家千万别买，这家店就是骗子';

function index(): TextTemplateIndex {
  return new TextTemplateIndex({ similarity: 0.6, minLength: 15 });
}

describe('template text normalisation', () => {
  it.each([
    ['收到货就发现是二手的！！！', '收到货就发现是二手的'],
    ['ＡＢＣ　ｄｅｆ', 'abcdef'],
    ['赔我500块，电话13800138000', '赔我00块电话00'],
    ['太太太太差了', '太太差了'],
    ['Terrible!!! Quality...', 'terriblequality'],
  ])('%p -> %p', (text, normalised) => {
    expect(normaliseTemplateText(text)).toBe(normalised);
  });
});

describe('MinHash similarity', () => {
  it('is 1 for the same text and low for unrelated texts', () => {
    const a = minHashSignature(normaliseTemplateText(TEMPLATE));
    const b = minHashSignature(normaliseTemplateText('物流很快，包装也很好，衣服质量不错，尺码合适，下次还会再来'));
    if (!a || !b) throw new Error('no signature');
    expect(estimateSimilarity(a, a)).toBe(1);
    expect(estimateSimilarity(a, b)).toBeLessThan(0.2);
  });

  it('has no signature for a text shorter than a shingle', () => {
    expect(minHashSignature('差评')).toBeNull();
  });
});

describe('TextTemplateIndex', () => {
  it.each([
    ['the same text with other punctuation', '收到货就发现是二手的！包装破旧，还有使用痕迹！！大家千万别买，这家店就是骗子！'],
    ['a few words changed', '刚收到货就发现是二手的，包装破旧还有使用痕迹，大家千万别买，这家店是骗子'],
    ['full-width and spacing', '收到货 就发现是二手的 包装破旧 还有使用痕迹 大家千万别买 这家店就是骗子'],
    ['an English template with another amount', 'Arrived used and scratched, do NOT buy, this seller is a scam. Lost $40.'],
  ])('finds a near-duplicate: %s', (_label, text) => {
    const templates = index();
    templates.add('r1', 'buyer-1', TEMPLATE);
    templates.add('r2', 'buyer-2', 'Arrived used and scratched, do not buy, this seller is a scam. Lost $25.');
    const matches = templates.findSimilar(text, {});
    expect(matches.length).toBe(1);
    expect(matches[0].similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('leaves different complaints about the same product apart', () => {
    const templates = index();
    templates.add('r1', 'buyer-1', '杯子收到就有裂痕，倒水就漏，太失望了');
    expect(templates.findSimilar('杯子的颜色和图片差别很大，而且有一股怪味', {})).toEqual([]);
  });

  it('ignores texts too short to be a template', () => {
    const templates = index();
    expect(templates.add('r1', 'buyer-1', '质量太差了，差评')).toBe(false);
    expect(templates.size).toBe(0);
    expect(templates.findSimilar('质量太差了，差评', {})).toEqual([]);
  });

  it('excludes the asking buyer and reports the owners of the matches', () => {
    const templates = index();
    templates.add('r1', 'buyer-1', TEMPLATE);
    templates.add('r2', 'buyer-2', TEMPLATE);
    templates.add('r3', 'buyer-3', TEMPLATE);
    const owners = templates.findSimilar(TEMPLATE, { excludeOwner: 'buyer-1' }).map((m) => m.ownerId);
    expect(owners.sort()).toEqual(['buyer-2', 'buyer-3']);
  });

  it('stops at the limit when a template is shared by many buyers', () => {
    const templates = index();
    for (let i = 0; i < 2000; i++) templates.add(`r${i}`, `buyer-${i}`, TEMPLATE);
    expect(templates.findSimilar(TEMPLATE, { limit: 5 })).toHaveLength(5);
  });
});
