import type { ReviewAnalysis } from './review-analyzer';

/**
 * Sparse binary features of one review for the linear model:
 * - `R:tag`, `R:tag.sub` complaints the rules found; `U:tag` the same said with no aspect ("太差了"),
 *   `W:tag` said in a hypothetical, `N:tag` negated complaints, `P:tag` praise;
 * - `g:` unit unigrams and bigrams of every clause that is not pure praise, so the model can learn words the
 *   lexicon lacks without learning "质量" from "质量没问题";
 * - a few shape features: very short, meta complaints ("差评"), emoji, nothing found.
 */
export interface ReviewFeatures {
  names: string[];
  /** 1 for rule and shape features; n-grams share a budget that shrinks with length, so long texts don't drown the rules. */
  values: number[];
  /** Where an n-gram or rule feature shows in the normalised text, for evidence. */
  phraseOf(feature: string): string | undefined;
}

const NGRAM_BUDGET = 3;

export function reviewFeatures(analysis: ReviewAnalysis): ReviewFeatures {
  const { tokens, hits, negated, praised, clauses } = analysis;
  const names = new Set<string>();
  const rulePhrases = new Map<string, string>();

  for (const hit of hits) {
    const prefix = hit.weak ? 'W:' : hit.unanchored ? 'U:' : 'R:';
    const keys = [`${prefix}${hit.tag}`];
    if (hit.subTag) keys.push(`${prefix}${hit.tag}.${hit.subTag}`);
    for (const key of keys) {
      names.add(key);
      if (!rulePhrases.has(key)) rulePhrases.set(key, hit.phrase);
    }
  }
  for (const hit of negated) names.add(`N:${hit.tag}`);
  for (const tag of praised) names.add(`P:${tag}`);
  if (analysis.meta) names.add('M');
  if (tokens.negativeEmoji) names.add('E-');
  if (tokens.positiveEmoji) names.add('E+');
  if (!hits.length) names.add('H0');
  // Very short texts ("差评", "ok") rarely name a cause; longer ones get no length feature, which the combined
  // training texts would otherwise teach to mean "several causes".
  if (tokens.units.length <= 4) names.add('L1');

  const { units } = tokens;
  const before = names.size;
  for (const clause of clauses) {
    if (clause.praise) continue;
    for (let i = clause.from; i < clause.to; i++) {
      const unit = units[i] ?? '';
      names.add(`g:${unit}`);
      if (i + 1 < clause.to) names.add(`g:${unit}|${units[i + 1] ?? ''}`);
    }
  }

  const list = [...names];
  const ngramValue = Math.min(1, NGRAM_BUDGET / Math.sqrt(Math.max(1, names.size - before)));
  return {
    names: list,
    values: list.map((name) => (name.startsWith('g:') ? ngramValue : 1)),
    phraseOf(feature: string): string | undefined {
      const rule = rulePhrases.get(feature);
      if (rule !== undefined) return rule;
      // only asked for when no rule found the evidence, so looked up then rather than recorded for every review
      if (!feature.startsWith('g:')) return undefined;
      const wanted = feature.slice(2).split('|');
      for (const clause of clauses) {
        if (clause.praise) continue;
        for (let i = clause.from; i + wanted.length <= clause.to; i++) {
          if (wanted.every((unit, k) => units[i + k] === unit)) {
            return tokens.text.slice(tokens.starts[i] ?? 0, tokens.ends[i + wanted.length - 1] ?? 0).trim();
          }
        }
      }
      return undefined;
    },
  };
}
