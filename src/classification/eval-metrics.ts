import { Tag, TAGS } from '../reviews/taxonomy';

export const MACRO_TAGS = ['quality', 'logistics', 'service'] as const;

export interface TagScore {
  gold: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  reviews: number;
  /** Tags with gold labels or predictions; the others are not scored. */
  tags: Partial<Record<Tag, TagScore>>;
  /** Mean F1 over the scored tags among quality, logistics and service. */
  macroF1: number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

export function scoreTags(pairs: ReadonlyArray<{ gold: readonly string[]; predicted: readonly string[] }>): EvalReport {
  const tags: Partial<Record<Tag, TagScore>> = {};
  for (const tag of TAGS) {
    let gold = 0;
    let predicted = 0;
    let truePositives = 0;
    for (const pair of pairs) {
      const inGold = pair.gold.includes(tag);
      const inPredicted = pair.predicted.includes(tag);
      if (inGold) gold++;
      if (inPredicted) predicted++;
      if (inGold && inPredicted) truePositives++;
    }
    if (!gold && !predicted) continue;
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, gold);
    tags[tag] = {
      gold,
      predicted,
      truePositives,
      precision: round4(precision),
      recall: round4(recall),
      f1: round4(ratio(2 * precision * recall, precision + recall)),
    };
  }
  const macro = MACRO_TAGS.map((tag) => tags[tag]).filter((score): score is TagScore => score !== undefined);
  return {
    reviews: pairs.length,
    tags,
    macroF1: round4(
      ratio(
        macro.reduce((sum, score) => sum + score.f1, 0),
        macro.length,
      ),
    ),
  };
}

export function formatReport(report: EvalReport): string {
  const header = `${'tag'.padEnd(10)}${'gold'.padStart(7)}${'pred'.padStart(7)}${'tp'.padStart(7)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'f1'.padStart(9)}`;
  const rows = TAGS.flatMap((tag) => {
    const score = report.tags[tag];
    if (!score) return [];
    return [
      `${tag.padEnd(10)}${String(score.gold).padStart(7)}${String(score.predicted).padStart(7)}${String(score.truePositives).padStart(7)}` +
        `${score.precision.toFixed(3).padStart(11)}${score.recall.toFixed(3).padStart(9)}${score.f1.toFixed(3).padStart(9)}`,
    ];
  });
  return [`reviews: ${report.reviews}`, header, ...rows, `macro-F1 (${MACRO_TAGS.join(', ')}): ${report.macroF1.toFixed(3)}`].join('\n');
}
