import functionWords from './resources/function-words.json';
import type { ReviewAnalysis } from './review-analyzer';
import { EnglishStemmer, piecesToWords, Word } from './word-segmenter';

/** How clauses are turned into features; part of the model, so training and classifying always agree. */
export interface FeatureOptions {
  stemmer: EnglishStemmer;
  /** Character bigrams inside Chinese words of three or more characters and across single-character runs. */
  charBigrams: boolean;
  /** Features of the rules' findings in the clause (R:tag, N:tag, C+, C-). */
  ruleFeatures: boolean;
}

export interface ClauseFeatures {
  /** Unit range of the clause in the analysis' tokens. */
  from: number;
  to: number;
  words: Word[];
  names: string[];
}

const FUNCTION_WORDS = functionWords as { zh: string[]; en: string[]; verdicts: string[]; describing: string[]; negators: string[] };
const VERDICTS = new Set(FUNCTION_WORDS.verdicts);
const STOP = new Set([...FUNCTION_WORDS.zh, ...FUNCTION_WORDS.en]);
const NEGATORS = new Set(FUNCTION_WORDS.negators);
// a negator reaches the next two content words: "不太好用", "not very responsive"
const NEGATION_REACH = 2;

/** A word that can carry a cause or a verdict: neither a particle, a pronoun nor a negator. */
export function isContentWord(word: Word): boolean {
  return !STOP.has(word.han ? word.key : word.surface) && !NEGATORS.has(word.surface) && word.key !== '#';
}

const DESCRIBING = new Set(FUNCTION_WORDS.describing.map((word) => `w:${word}`));

/** A word feature that says how something is but never what ("慢", "slow"): no evidence of a mention. */
export function isDescribingFeature(feature: string): boolean {
  return DESCRIBING.has(feature);
}

/** A clause that names something beyond a verdict ("差评", "terrible"): a complaint about it has a cause. */
export function namesSomething(words: readonly Word[]): boolean {
  return words.some((word) => isContentWord(word) && !VERDICTS.has(word.surface));
}

/**
 * The clauses of a review as the rules cut them (punctuation, spaces between Chinese words, contrast words), each
 * with its features:
 * - `w:` content words (jieba words for Chinese, stems for English), `b:` pairs of neighbouring content words;
 * - `n:` content words said under a negator ("不|慢" -> n:慢, "not slow" -> n:slow), so praise and complaint differ;
 * - `c:` character bigrams of Chinese words (optional);
 * - `R:tag`/`N:tag` complaints the rules found in this clause / found negated, `C+`/`C-` the rules' verdict,
 *   `AC` the clause follows a contrast word, `H` it is hypothetical.
 */
export function clauseFeatures(analysis: ReviewAnalysis, options: FeatureOptions): ClauseFeatures[] {
  const { tokens } = analysis;
  const out: ClauseFeatures[] = [];
  analysis.clauses.forEach((clause, index) => {
    if (clause.to <= clause.from) return;
    const start = tokens.starts[clause.from] ?? 0;
    const end = tokens.ends[clause.to - 1] ?? start;
    const words = piecesToWords(analysis.pieces, options.stemmer, start, end);
    const names = new Set<string>();
    let negation = 0;
    let previous: string | undefined;
    for (const word of words) {
      if (NEGATORS.has(word.surface)) {
        negation = NEGATION_REACH;
        continue;
      }
      if (!isContentWord(word)) continue;
      names.add(`w:${word.key}`);
      if (negation > 0) {
        names.add(`n:${word.key}`);
        negation--;
      }
      if (previous !== undefined) names.add(`b:${previous}|${word.key}`);
      previous = word.key;
      if (options.charBigrams && word.han && word.key.length >= 3) {
        for (let i = 0; i + 2 <= word.key.length; i++) names.add(`c:${word.key.slice(i, i + 2)}`);
      }
    }
    if (options.ruleFeatures) {
      for (const hit of analysis.hits) {
        if (hit.clause !== index) continue;
        // a delivery, service or price finding with nothing it is about ("等了半天", "好慢") is weaker evidence than
        // an anchored one ("物流好慢"): "对焦半天" names no delivery. A product fault read outright stays one ("shattered").
        const vague = hit.unanchored && hit.tag !== 'quality';
        names.add(hit.weak ? 'H' : vague ? `U:${hit.tag}` : `R:${hit.tag}`);
        if (!hit.weak && !vague && hit.subTag) names.add(`R:${hit.tag}.${hit.subTag}`);
      }
      for (const hit of analysis.negated) if (hit.clause === index) names.add(`N:${hit.tag}`);
      if (clause.complaint) names.add('C+');
      if (clause.praise) names.add('C-');
    }
    if (clause.afterContrast) names.add('AC');
    if (!names.size) return;
    out.push({ from: clause.from, to: clause.to, words, names: [...names] });
  });
  return out;
}
