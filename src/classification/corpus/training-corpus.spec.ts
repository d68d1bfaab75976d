import { compileLexicon } from '../lexicon-trie';
import { EN_LEXICON } from '../en-lexicon';
import { ZH_LEXICON } from '../zh-lexicon';
import { SUB_TAGS } from '../../reviews/taxonomy';
import { augmentCorpus, parseCorpus, shippedCorpus, trainingCorpus } from './training-corpus';

describe('shipped corpus', () => {
  const corpus = shippedCorpus();

  it.each(['zh', 'en'] as const)('has many hundreds of %s reviews covering every sub-tag, with hard negatives', (language) => {
    const examples = corpus[language];
    expect(examples.length).toBeGreaterThanOrEqual(600);
    for (const sub of SUB_TAGS) expect(examples.filter((example) => example.subTags.includes(sub)).length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((example) => example.tags[0] === 'other').length).toBeGreaterThanOrEqual(50);
    expect(examples.filter((example) => example.tags.length > 1).length).toBeGreaterThanOrEqual(10);
  });

  it('combines lines the same way every time', () => {
    expect(trainingCorpus()).toEqual(trainingCorpus());
    expect(augmentCorpus(corpus.zh, 'zh', 50, 1)).not.toEqual(augmentCorpus(corpus.zh, 'zh', 50, 2));
  });
});

describe('parseCorpus', () => {
  it('reads labels, implied tags and "-" for no cause', () => {
    expect(parseCorpus('quality.smell logistics | 有味道，物流也慢\n# comment\n- | 很好')).toEqual([
      { text: '有味道，物流也慢', tags: ['quality', 'logistics'], subTags: ['smell'] },
      { text: '很好', tags: ['other'], subTags: [] },
    ]);
  });

  it.each(['quality.slow_delivery | x', 'taste | x', 'no bar'])('rejects %s', (line) => {
    expect(() => parseCorpus(line)).toThrow();
  });
});

describe('lexicon', () => {
  it('lists no term twice with different roles', () => {
    expect(compileLexicon([ZH_LEXICON, EN_LEXICON]).conflicts).toEqual([]);
  });
});
