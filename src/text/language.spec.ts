import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['收到货了，颜色和图片不一样，有点失望', 'zh-Hans'],
    ['快递太慢了!!!', 'zh-Hans'],
    ['這個質量真的很差，客服態度也不好', 'zh-Hant'],
    ['物流很慢', 'zh-Hans'],
    ['iPhone壳子裂了，差评', 'zh-Hans'],
    ['The charger stopped working after two days and support never answered', 'en'],
    ['broken', 'en'],
    ['Terrible 👎👎', 'en'],
    ['届いた商品が壊れていました', 'other'],
    ['배송이 너무 늦어요', 'other'],
    ['El producto llegó roto y nadie responde', 'other'],
    ['', null],
    ['😡😡😡', null],
  ])('%s -> %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
