/**
 * Empirical-Bayes maths for proportions: a beta prior fitted across a shop's subjects by the method of moments,
 * each subject's history shrunk toward it, and the beta-binomial posterior predictive's upper tail.
 * Pure functions, no I/O: the service and `bench:alerts` call the same code.
 */

/** Reviews and bad reviews of one subject over some span. */
export interface Counts {
  reviews: number;
  bad: number;
}

/** Beta(alpha, beta) with alpha, beta > 0. */
export interface BetaPrior {
  alpha: number;
  beta: number;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln of the beta-binomial probability of k successes in n trials with a Beta(alpha, beta) rate. */
export function betaBinomialLogPmf(k: number, n: number, prior: BetaPrior): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + logBeta(k + prior.alpha, n - k + prior.beta) - logBeta(prior.alpha, prior.beta);
}

/**
 * P(Y >= k) for Y ~ BetaBinomial(n, alpha, beta): the chance of at least k bad reviews among n if the subject's rate
 * is as uncertain as the posterior says. Summed from k up with the pmf's ratio recurrence (one log-gamma call).
 */
export function betaBinomialUpperTail(k: number, n: number, prior: BetaPrior): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = Math.exp(betaBinomialLogPmf(k, n, prior));
  let sum = term;
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * ((j + prior.alpha) / (n - j - 1 + prior.beta));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

/** Bounds of the fitted prior's strength alpha + beta (in reviews' worth of evidence). */
export const PRIOR_STRENGTH = { min: 2, max: 1000 } as const;

/**
 * Beta prior by the method of moments over subjects' counts (Kleinman's weighted estimator): the pooled rate is the
 * mean; the spread of the subjects' rates beyond what binomial noise explains is the prior's variance. With no
 * excess spread the subjects look alike and the prior is as strong as PRIOR_STRENGTH.max allows.
 * `fallbackRate` is used when there is nothing to fit (no reviews at all).
 */
export function fitBetaPrior(subjects: readonly Counts[], fallbackRate = 0.05): BetaPrior {
  let total = 0;
  let bad = 0;
  let sumSquares = 0;
  let groups = 0;
  for (const s of subjects) {
    if (s.reviews <= 0) continue;
    total += s.reviews;
    bad += s.bad;
    sumSquares += s.reviews * s.reviews;
    groups++;
  }
  if (total === 0) return priorFrom(fallbackRate, PRIOR_STRENGTH.min * 5);
  // Half a bad review of pseudo-count keeps a shop with no bad review from a zero rate (every bad one a miracle).
  const mean = (bad + 0.5) / (total + 1);
  let spread = 0;
  for (const s of subjects) if (s.reviews > 0) spread += s.reviews * (s.bad / s.reviews - mean) ** 2;
  const binomial = mean * (1 - mean);
  const denominator = total - sumSquares / total;
  const between = denominator > 0 ? (spread - (groups - 1) * binomial) / denominator : 0;
  const strength = between > 0 ? binomial / between - 1 : PRIOR_STRENGTH.max;
  return priorFrom(mean, Math.min(PRIOR_STRENGTH.max, Math.max(PRIOR_STRENGTH.min, strength)));
}

function priorFrom(mean: number, strength: number): BetaPrior {
  const m = Math.min(1 - 1e-4, Math.max(1e-4, mean));
  return { alpha: m * strength, beta: (1 - m) * strength };
}

/** The subject's posterior: the prior updated with its own history. */
export function posterior(prior: BetaPrior, history: Counts): BetaPrior {
  return { alpha: prior.alpha + history.bad, beta: prior.beta + history.reviews - history.bad };
}

export function betaMean(prior: BetaPrior): number {
  return prior.alpha / (prior.alpha + prior.beta);
}
