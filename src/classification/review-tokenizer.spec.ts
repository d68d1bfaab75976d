import { normalizeReviewText, stemWord, tokenizeReview } from './review-tokenizer';

describe('normalizeReviewText', () => {
  it.each([
    ['traditional to simplified', '這個質量真的很差，物流也太慢了', '这个质量真的很差,物流也太慢了'],
    ['full-width letters and digits', 'ＯＫ　１２３', 'ok 123'],
    ['homophone slang', '辣鸡东西，块递也慢', '垃圾东西,快递也慢'],
    ['lower case', 'Shipping Was SLOW', 'shipping was slow'],
  ])('%s', (_name, text, normalized) => {
    expect(normalizeReviewText(text)).toBe(normalized);
  });
});

describe('tokenizeReview', () => {
  it.each([
    ['one unit per Chinese character', '物流太慢', ['物', '流', '太', '慢']],
    ["n't becomes not", "wasn't slow", ['was', 'not', 'slow']],
    ['apostrophe-less contractions', 'didnt work', ['did', 'not', 'work']],
    ['misspellings', 'recieved brokn', ['receiv', 'broken']],
    ['numbers', 'took 10 days', ['took', '#', 'day']],
    ['mixed scripts', '质量不错 but slow', ['质', '量', '不', '错', 'but', 'slow']],
  ])('%s', (_name, text, units) => {
    expect(tokenizeReview(text).units).toEqual(units);
  });

  it('cuts segments at punctuation, emoji and spaces between Chinese words', () => {
    const { segments, units, negativeEmoji } = tokenizeReview('东西很好 物流太慢😡客服，不回');
    expect(segments.map(([from, to]) => units.slice(from, to).join(''))).toEqual(['东西很好', '物流太慢', '客服', '不回']);
    expect(negativeEmoji).toBe(1);
  });

  it('keeps offsets into the normalised text for evidence', () => {
    const tokens = tokenizeReview('Shipping was SLOW');
    expect(tokens.text.slice(tokens.starts[2], tokens.ends[2])).toBe('slow');
  });
});

describe('stemWord', () => {
  it.each([
    ['arrived', 'arrive'],
    ['shipping', 'shipped'],
    ['batteries', 'battery'],
    ['packaging', 'packaging'],
  ])('%s and %s share a stem, or keep their own', (a, b) => {
    if (a === 'packaging') expect(stemWord(a)).not.toBe(stemWord('package'));
    else expect(stemWord(a)).toBe(stemWord(b));
  });
});
