/**
 * Bernoulli CUSUM for a slow rise in a subject's bad-review rate (Reynolds & Stoumbos 1999, "A CUSUM chart for
 * monitoring a proportion when inspecting continuously", Journal of Quality Technology 31(1), 87-108).
 *
 * Each review adds its log-likelihood ratio of "rate p1" against "rate p0". Divided by ln((1-p0)/(1-p1)) the step is
 * `m` for a bad review and -1 for a good one, with m = ln(p1(1-p0)/(p0(1-p1))) / ln((1-p0)/(1-p1)) rounded to an
 * integer (the paper adjusts p1 the same way), so the statistic lives on integers and its in-control average run
 * length is exact from a Markov chain: the decision interval h is the smallest one whose ARL0 reaches the target.
 */

export interface CusumDesign {
  /** in-control bad rate */
  p0: number;
  /** the out-of-control rate the rounding of m implies (close to multiple x p0) */
  p1: number;
  /** a bad review's step; a good one's is -1 */
  m: number;
  /** signal when the statistic reaches h */
  h: number;
  /** in-control average run length (reviews) of this design */
  arl0: number;
}

/** The step of a bad review for rates p0 -> p1, before rounding. */
export function badStep(p0: number, p1: number): number {
  return Math.log((p1 * (1 - p0)) / (p0 * (1 - p1))) / Math.log((1 - p0) / (1 - p1));
}

/** p1 with exactly the integer step m (bisection on the monotone badStep). */
function rateForStep(p0: number, m: number): number {
  let lo = p0 * (1 + 1e-9);
  let hi = 1 - 1e-9;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    // badStep falls as p1 rises
    if (badStep(p0, mid) > m) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Average run length of the integer CUSUM S' = max(0, S' + m·X - 1), signal at S' >= h, started at 0, when each
 * review is bad with probability p. Solves (I - Q) L = 1 over the states 0..h-1: a bad review moves up k = m - 1, a
 * good one down 1, so the matrix has one sub-diagonal and forward elimination leaves each row with at most k entries
 * to its right: O(h·k).
 */
export function cusumArl(p: number, m: number, h: number): number {
  if (h <= 0) return 1;
  const k = m - 1;
  if (k < 1) throw new RangeError('a bad review must move the CUSUM up (m >= 2)');
  const q = 1 - p;
  // row i after elimination: L_i = c[i] + sum_{d=1..k} u[i*k + d-1] * L_{i+d}  (L_j = 0 for j >= h)
  const c = new Float64Array(h);
  const u = new Float64Array(h * k);
  // row 0: L_0 = 1 + q L_0 + p L_k  ->  L_0 = 1/p + L_k
  c[0] = 1 / p;
  u[k - 1] = 1;
  for (let i = 1; i < h; i++) {
    // L_i - q L_{i-1} - p L_{i+k} = 1, with L_{i-1} = c[i-1] + sum_d u[i-1][d] L_{i-1+d}
    const prev = (i - 1) * k;
    const diag = 1 - q * u[prev];
    const row = i * k;
    c[i] = (1 + q * c[i - 1]) / diag;
    for (let d = 1; d < k; d++) u[row + d - 1] = (q * u[prev + d]) / diag;
    u[row + k - 1] = p / diag;
  }
  const L = new Float64Array(h);
  for (let i = h - 1; i >= 0; i--) {
    let value = c[i];
    const row = i * k;
    for (let d = 1; d <= k && i + d < h; d++) value += u[row + d - 1] * L[i + d];
    L[i] = value;
  }
  return L[0];
}

const designs = new Map<string, CusumDesign>();

/**
 * The design for in-control rate p0, out-of-control at `multiple` x p0, with an in-control ARL of at least `arl0`
 * reviews. p0 is rounded to two significant digits first, so designs can be cached and shared by subjects.
 */
export function designCusum(p0: number, multiple: number, arl0: number): CusumDesign {
  const rounded = Number(Math.min(0.5, Math.max(1e-4, p0)).toPrecision(2));
  const key = `${rounded}|${multiple}|${arl0}`;
  const cached = designs.get(key);
  if (cached) return cached;
  const target = Math.min(0.99, rounded * multiple);
  const m = Math.max(2, Math.round(badStep(rounded, target)));
  const p1 = rateForStep(rounded, m);
  // smallest h with ARL0(h) >= arl0: ARL grows with h, so double, then bisect
  let hi = 1;
  while (cusumArl(rounded, m, hi) < arl0 && hi < 1e7) hi *= 2;
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cusumArl(rounded, m, mid) >= arl0) hi = mid;
    else lo = mid;
  }
  const design: CusumDesign = { p0: rounded, p1, m, h: hi, arl0: cusumArl(rounded, m, hi) };
  if (designs.size > 20000) designs.clear();
  designs.set(key, design);
  return design;
}

/**
 * A subject's CUSUM between decisions: the statistic and how many reviews ago it last signalled (0: at the latest
 * review; Infinity: never). Kept running per subject and advanced by each decision's new reviews, so a decision
 * costs its new reviews, not a rescan.
 */
export interface CusumRun {
  statistic: number;
  sinceSignal: number;
}

export const CUSUM_START: CusumRun = { statistic: 0, sinceSignal: Infinity };

/** The run after these reviews (true = bad, oldest first); resets to 0 after a signal. */
export function advanceCusum(run: CusumRun, outcomes: Iterable<boolean>, design: Pick<CusumDesign, 'm' | 'h'>): CusumRun {
  let s = run.statistic;
  let since = run.sinceSignal;
  for (const bad of outcomes) {
    s = Math.max(0, s + (bad ? design.m : 0) - 1);
    since++;
    if (s >= design.h) {
      since = 0;
      s = 0;
    }
  }
  return { statistic: s, sinceSignal: since };
}

/** Where the statistic ends and the index of the last review at which it signalled (-1 if never), from 0. */
export function runCusum(outcomes: readonly boolean[], design: Pick<CusumDesign, 'm' | 'h'>): { statistic: number; lastSignal: number } {
  const run = advanceCusum(CUSUM_START, outcomes, design);
  return { statistic: run.statistic, lastSignal: Number.isFinite(run.sinceSignal) ? outcomes.length - 1 - run.sinceSignal : -1 };
}
