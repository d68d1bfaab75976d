import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { behaviourFingerprint } from './behaviour-fingerprint';
import { CauseModelJson, causeModelVersion } from './cause-model';
import { trainCauseModel } from './cause-training';
import { baseModelFromCauseJson, shippedModel, shopModelFromJson, shopModelToJson, trainShopModel, Correction } from './classifier-model';
import { parseCorpus } from './corpus/training-corpus';
import { classify } from './review-classifier';

// A frozen-food shop: "化了" (melted on the way) is a cold-chain delivery failure for its staff, which the
// shipped model, trained on no such reviews, does not know.
const MELTED: Correction[] = [
  { text: '雪糕收到的时候全化了', tags: ['logistics'], subTags: ['damaged_parcel'] },
  { text: '冰淇淋到手已经化成水了', tags: ['logistics'], subTags: ['damaged_parcel'] },
  { text: '送来的冰棍都化了，没法吃', tags: ['logistics'], subTags: ['damaged_parcel'] },
  { text: '打开箱子冰淇淋化了一半', tags: ['logistics'], subTags: ['damaged_parcel'] },
  { text: '到的时候雪糕化得软趴趴的', tags: ['logistics'], subTags: ['damaged_parcel'] },
  { text: '冰袋没了，东西都化了', tags: ['logistics'], subTags: ['damaged_parcel'] },
];
const SIMILAR = ['收到的雪糕全都化了', '冰淇淋送到都化了'];

describe('base model', () => {
  const shippedJson = (): CauseModelJson => JSON.parse(readFileSync(join(__dirname, 'resources', 'cause-model.json'), 'utf8')) as CauseModelJson;

  it('ships weights whose version is the hash of their content', () => {
    const json = shippedJson();
    expect(json.version).toMatch(/^base-[0-9a-f]{12}$/);
    expect(causeModelVersion(json)).toBe(json.version);
    expect(shippedModel().version).toBe(json.version);
    expect(classify({ text: '很好' }).modelVersion).toBe(json.version);
  });

  // A rule or scoring change that moves any tag of the probe reviews fails here until the model file is
  // rewritten (npm run train:classifier): the new version is what makes existing reviews get classified again.
  it('was written by the code that classifies today: the probe reviews get the tags its version stands for', () => {
    const json = shippedJson();
    expect(json.behaviour).toMatch(/^[0-9a-f]{12}$/);
    expect(behaviourFingerprint(json)).toBe(json.behaviour);
  });

  it('gives another version to the same weights when the code tags the probes differently', () => {
    const json = shippedJson();
    expect(causeModelVersion({ ...json, behaviour: 'another' })).not.toBe(json.version);
    expect(behaviourFingerprint(json, ['物流太慢了'])).not.toBe(behaviourFingerprint(json, ['客服不理人']));
  });

  it('refuses weights changed without a new version', () => {
    const json = shippedJson();
    const tampered = { ...json, weights: json.weights.map((weight, i) => (i === 0 ? weight + 1 : weight)) };
    expect(() => baseModelFromCauseJson(tampered)).toThrow(/does not match/);
    expect(() => baseModelFromCauseJson({ ...json, bias: [0] })).toThrow();
  });

  it('trains to byte-identical JSON and the same version from the same data', () => {
    const corpus = parseCorpus(`
      quality.defect_broken | 拉链坏了
      logistics.slow_delivery | 物流太慢
      service.attitude | 客服态度差
      price.overpriced | 太贵了
      - | 很好
      quality.defect_broken | It broke after a week
      logistics.slow_delivery | Shipping was slow
      - | Great product
    `);
    const aspectReviews = [
      {
        text: '发货速度挺快，味道不好闻',
        aspects: [
          { tag: 'logistics', polarity: 'positive', aspect: '发货速度', opinion: '挺快' },
          { tag: 'quality', polarity: 'negative', aspect: '味道', opinion: '不好闻' },
        ],
      },
    ];
    const settings = { options: { stemmer: 'none' as const, charBigrams: false, ruleFeatures: true }, complaintWeight: 10 };
    const first = JSON.stringify(trainCauseModel({ aspectReviews, corpus }, settings));
    const second = JSON.stringify(trainCauseModel({ aspectReviews, corpus }, settings));
    expect(second).toBe(first);
  });

  it('classifies the same after a round trip through JSON', () => {
    const loaded = baseModelFromCauseJson(shippedJson());
    const model = shippedModel();
    for (const text of ['质量没问题就是快递太慢', 'The battery dies fast and support never answered', '差评']) {
      expect(classify({ text }, { base: loaded })).toEqual(classify({ text }, { base: model }));
    }
  });
});

describe('shop model', () => {
  const base = shippedModel();

  it('learns from corrections: similar texts the base model misreads come out as the staff tagged them', () => {
    for (const text of SIMILAR) expect(classify({ text }, { base }).tags).not.toContain('logistics');
    const shop = trainShopModel(base, MELTED);
    for (const text of SIMILAR) {
      const result = classify({ text }, { base, shop });
      expect(result.tags).toEqual(['logistics']);
      expect(result.subTags).toEqual(['damaged_parcel']);
      expect(result.evidence[0]?.tag).toBe('logistics');
    }
  });

  it('leaves unrelated reviews alone', () => {
    const shop = trainShopModel(base, MELTED);
    for (const text of ['客服态度很差', '质量没问题就是快递太慢', 'The zipper broke']) {
      expect(classify({ text }, { base, shop }).tags).toEqual(classify({ text }, { base }).tags);
    }
  });

  it('can take a cause away too', () => {
    // a shop selling distressed jeans: "破洞" is the style, not a defect
    const corrections: Correction[] = [
      { text: '破洞很好看', tags: ['other'], subTags: [] },
      { text: '膝盖的破洞位置正好', tags: ['other'], subTags: [] },
      { text: '破洞有点大，但是挺好看', tags: ['other'], subTags: [] },
      { text: '喜欢这个破洞设计', tags: ['other'], subTags: [] },
    ];
    const shop = trainShopModel(base, corrections);
    expect(classify({ text: '这条裤子的破洞好看' }, { base, shop }).tags).toEqual(['other']);
  });

  it('is deterministic and versioned on top of its base', () => {
    const first = trainShopModel(base, MELTED);
    const second = trainShopModel(base, MELTED);
    expect(JSON.stringify(shopModelToJson(second))).toBe(JSON.stringify(shopModelToJson(first)));
    expect(first.version).toMatch(/^shop-[0-9a-f]{12}$/);
    expect(first.baseVersion).toBe(base.version);
    expect(first.corrections).toBe(MELTED.length);
    expect(trainShopModel(base, MELTED.slice(1)).version).not.toBe(first.version);
  });

  it('round-trips through JSON', () => {
    const shop = trainShopModel(base, MELTED);
    const loaded = shopModelFromJson(JSON.stringify(shopModelToJson(shop)));
    expect(loaded).toEqual(shop);
    expect(classify({ text: SIMILAR[0] ?? '' }, { base, shop: loaded })).toEqual(classify({ text: SIMILAR[0] ?? '' }, { base, shop }));
    expect(classify({ text: '化了' }, { base, shop: loaded }).modelVersion).toBe(`${base.version}+${shop.version}`);
  });
});
