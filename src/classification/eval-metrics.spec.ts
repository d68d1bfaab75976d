import { formatReport, scoreTags } from './eval-metrics';

describe('scoreTags', () => {
  it('computes precision, recall and F1 per tag', () => {
    const report = scoreTags([
      { gold: ['quality'], predicted: ['quality'] },
      { gold: ['quality', 'logistics'], predicted: ['quality'] },
      { gold: ['logistics'], predicted: ['logistics', 'service'] },
      { gold: ['quality'], predicted: ['other'] },
    ]);
    expect(report.tags.quality).toEqual({ gold: 3, predicted: 2, truePositives: 2, precision: 1, recall: 0.6667, f1: 0.8 });
    expect(report.tags.logistics).toEqual({ gold: 2, predicted: 1, truePositives: 1, precision: 1, recall: 0.5, f1: 0.6667 });
    expect(report.tags.service).toEqual({ gold: 0, predicted: 1, truePositives: 0, precision: 0, recall: 0, f1: 0 });
    expect(report.macroF1).toBe(0.4889);
  });

  it('does not score a tag with neither gold labels nor predictions', () => {
    const report = scoreTags([
      { gold: ['quality'], predicted: ['quality'] },
      { gold: ['logistics'], predicted: ['logistics'] },
    ]);
    expect(report.tags.service).toBeUndefined();
    expect(report.tags.price).toBeUndefined();
    expect(report.macroF1).toBe(1);
  });

  it('formats a readable table', () => {
    const table = formatReport(scoreTags([{ gold: ['quality'], predicted: ['quality'] }]));
    expect(table).toContain('quality');
    expect(table).toContain('macro-F1 (quality, logistics, service): 1.000');
  });
});
