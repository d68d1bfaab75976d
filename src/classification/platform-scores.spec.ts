import { classify } from './review-classifier';
import { shippedModel } from './classifier-model';
import { isScoreEvidence, withPlatformScores } from './platform-scores';

const models = () => ({ base: shippedModel() });
const vague = () => classify({ text: '一般吧，没什么特别的。', rating: 2 }, models());

describe('withPlatformScores', () => {
  it('a vague text with a low logistics score is a logistics complaint, the score its evidence', () => {
    expect(vague().tags).toEqual(['other']);
    const result = withPlatformScores(vague(), { logisticsScore: 1, qualityScore: 4, serviceScore: 4 });
    expect(result.tags).toEqual(['logistics']);
    expect(result.evidence).toEqual([{ tag: 'logistics', phrase: 'logisticsScore 1/5', source: 'platform_score', dimension: 'logistics', score: 1, max: 5 }]);
    expect(result.confidence.logistics).toBeGreaterThanOrEqual(0.9);
    expect(result.confidence.other).toBeLessThan(0.5);
  });

  it('2 of 5 is low, 3 is not; absent scores change nothing', () => {
    expect(withPlatformScores(vague(), { logisticsScore: 2 }).tags).toEqual(['logistics']);
    expect(withPlatformScores(vague(), { logisticsScore: 3 })).toEqual(vague());
    expect(withPlatformScores(vague(), { logisticsScore: null, qualityScore: undefined })).toEqual(vague());
  });

  it('a cause the text names keeps its phrases; the score is added beside them; description counts as quality', () => {
    const text = classify({ text: '刀刃有个小缺口，切东西会卡。', rating: 1 }, models());
    expect(text.tags).toContain('quality');
    const result = withPlatformScores(text, { descriptionScore: 2, logisticsScore: 1 });
    expect(result.tags).toEqual(['quality', 'logistics']);
    expect(result.evidence.filter((e) => !isScoreEvidence(e)).length).toBe(text.evidence.length);
    expect(result.evidence.filter(isScoreEvidence).map((e) => [e.tag, e.dimension, e.score])).toEqual([
      ['logistics', 'logistics', 1],
      ['quality', 'description', 2],
    ]);
  });
});
