import { betaBinomialUpperTail, fitBetaPrior, logGamma, posterior } from './beta-binomial';
import { CUSUM_START, advanceCusum, badStep, cusumArl, designCusum, runCusum } from './bernoulli-cusum';
import { DEFAULT_ALERT_SETTINGS, Decision, cusumDesignFor, decide, decideCauses, naiveAlarm } from './alert-detector';

/** Seeded uniform generator (mulberry32) so the simulated checks are repeatable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, 0.5 * Math.log(Math.PI)],
    [101, 363.73937555556347],
  ])('ln Γ(%p)', (x, expected) => expect(logGamma(x)).toBeCloseTo(expected, 10));
});

describe('betaBinomialUpperTail', () => {
  // reference values from scipy.stats.betabinom.sf(k - 1, n, a, b) and binom.sf
  it.each([
    [5, 10, 2, 3, 0.4055944055944056],
    [8, 40, 0.9, 29.1, 0.007401573121768479],
    [2, 20, 0.5, 0.5, 0.8103366520626878],
  ])('P(Y >= %p | n=%p, a=%p, b=%p)', (k, n, a, b, expected) => {
    expect(betaBinomialUpperTail(k, n, { alpha: a, beta: b })).toBeCloseTo(expected, 12);
  });

  it('is uniform on 0..n under Beta(1, 1)', () => {
    for (const k of [0, 1, 7, 30]) expect(betaBinomialUpperTail(k, 30, { alpha: 1, beta: 1 })).toBeCloseTo((30 - k + 1) / 31, 12);
  });

  it('tends to the binomial tail under a very strong prior', () => {
    expect(betaBinomialUpperTail(5, 50, { alpha: 0.04 * 1e7, beta: 0.96 * 1e7 })).toBeCloseTo(0.04897147188451279, 6);
  });

  it('is 1 for no bad reviews and 0 beyond the window', () => {
    expect(betaBinomialUpperTail(0, 10, { alpha: 1, beta: 9 })).toBe(1);
    expect(betaBinomialUpperTail(11, 10, { alpha: 1, beta: 9 })).toBe(0);
  });
});

describe('fitBetaPrior', () => {
  it('recovers the mean and strength of the beta the subjects were drawn from', () => {
    const random = rng(7);
    // Beta(2, 48) drawn as a ratio of gamma(2) and gamma(48) sums of exponentials
    const gamma = (shape: number) => Array.from({ length: shape }, () => -Math.log(1 - random())).reduce((a, b) => a + b, 0);
    const subjects = Array.from({ length: 3000 }, () => {
      const x = gamma(2);
      const rate = x / (x + gamma(48));
      const reviews = 20 + Math.floor(random() * 80);
      let bad = 0;
      for (let i = 0; i < reviews; i++) if (random() < rate) bad++;
      return { reviews, bad };
    });
    const prior = fitBetaPrior(subjects);
    expect(prior.alpha / (prior.alpha + prior.beta)).toBeCloseTo(0.04, 2);
    expect(prior.alpha + prior.beta).toBeGreaterThan(35);
    expect(prior.alpha + prior.beta).toBeLessThan(70);
  });

  it('is as strong as allowed when the subjects do not differ beyond binomial noise', () => {
    const subjects = Array.from({ length: 200 }, () => ({ reviews: 100, bad: 5 }));
    const prior = fitBetaPrior(subjects);
    expect(prior.alpha + prior.beta).toBe(1000);
    expect(prior.alpha / (prior.alpha + prior.beta)).toBeCloseTo(0.05, 3);
  });

  it('falls back to the given rate with nothing to fit, and keeps a zero-bad shop above zero', () => {
    const fallback = fitBetaPrior([], 0.03);
    expect(fallback.alpha / (fallback.alpha + fallback.beta)).toBeCloseTo(0.03, 10);
    const clean = fitBetaPrior([{ reviews: 500, bad: 0 }]);
    expect(clean.alpha).toBeGreaterThan(0);
  });

  it('shrinks a subject with little history toward the prior, not one with much', () => {
    const prior = { alpha: 2, beta: 48 };
    const few = posterior(prior, { reviews: 2, bad: 1 });
    const many = posterior(prior, { reviews: 2000, bad: 400 });
    expect(few.alpha / (few.alpha + few.beta)).toBeLessThan(0.06);
    expect(many.alpha / (many.alpha + many.beta)).toBeGreaterThan(0.19);
  });
});

describe('Bernoulli CUSUM', () => {
  // references from a dense solve of (I - Q) L = 1 (numpy)
  it.each([
    [0.05, 5, 12, 3701.135655914253],
    [0.02, 30, 90, 1655.8809218649158],
  ])('ARL(p=%p, m=%p, h=%p)', (p, m, h, expected) => expect(cusumArl(p, m, h)).toBeCloseTo(expected, 6));

  it('signals at the first bad review when one step reaches h: a geometric run length 1/p', () => {
    expect(cusumArl(0.04, 10, 9)).toBeCloseTo(25, 9);
    expect(cusumArl(0.04, 10, 5)).toBeCloseTo(25, 9);
  });

  it('matches a simulated run length', () => {
    const random = rng(3);
    const design = { m: 4, h: 8 };
    let total = 0;
    const runs = 4000;
    for (let r = 0; r < runs; r++) {
      let s = 0;
      let n = 0;
      do {
        n++;
        s = Math.max(0, s + (random() < 0.1 ? design.m : 0) - 1);
      } while (s < design.h);
      total += n;
    }
    const exact = cusumArl(0.1, design.m, design.h);
    expect(Math.abs(total / runs - exact) / exact).toBeLessThan(0.05);
  });

  it('designs the smallest interval that reaches the in-control ARL, and the rounded p1 has an integer step', () => {
    const design = designCusum(0.03, 3, 5000);
    expect(design.arl0).toBeGreaterThanOrEqual(5000);
    expect(cusumArl(design.p0, design.m, design.h - 1)).toBeLessThan(5000);
    expect(badStep(design.p0, design.p1)).toBeCloseTo(design.m, 6);
    expect(design.p1 / design.p0).toBeGreaterThan(2.7);
    expect(design.p1 / design.p0).toBeLessThan(3.3);
    // detects the rise it was designed for far sooner than it false-alarms
    expect(cusumArl(design.p1, design.m, design.h)).toBeLessThan(design.arl0 / 20);
  });

  it('resets after a signal and reports where it signalled', () => {
    const outcomes = [false, true, true, false, true, false];
    expect(runCusum(outcomes, { m: 5, h: 7 })).toEqual({ statistic: 3, lastSignal: 2 });
    expect(runCusum([false, false], { m: 5, h: 7 })).toEqual({ statistic: 0, lastSignal: -1 });
  });
});

describe('decide', () => {
  const prior = { alpha: 1.2, beta: 38.8 };
  const settings = { ...DEFAULT_ALERT_SETTINGS, threshold: 0.0005, cusumArlDays: 0 };

  it('alarms on 8 bad of the last 40 against about 3 % usually', () => {
    const decision = decide(prior, { history: { reviews: 300, bad: 9 }, window: { reviews: 40, bad: 8 }, cusum: null, reviewsPerDay: 1 }, settings);
    expect(decision.alarm).toBe(true);
    expect(decision.method).toBe('beta-binomial');
    expect(decision.window).toEqual({ reviews: 40, bad: 8 });
    expect(decision.baselineRate).toBeCloseTo(10.2 / 340, 6);
    expect(decision.probability).toBeLessThan(settings.threshold);
  });

  it('does not alarm on one bad review, however unlikely, nor on a usual window', () => {
    expect(decide(prior, { history: { reviews: 300, bad: 0 }, window: { reviews: 1, bad: 1 }, cusum: null, reviewsPerDay: 1 }, settings).alarm).toBe(false);
    const usual = decide(prior, { history: { reviews: 300, bad: 9 }, window: { reviews: 40, bad: 2 }, cusum: null, reviewsPerDay: 1 }, settings);
    expect(usual.alarm).toBe(false);
    expect(usual.clear).toBe(true);
  });

  it('does not alarm on a SKU that is always this bad', () => {
    expect(decide(prior, { history: { reviews: 1000, bad: 200 }, window: { reviews: 40, bad: 8 }, cusum: null, reviewsPerDay: 1 }, settings).alarm).toBe(false);
  });

  it('lets the CUSUM catch a slow rise the window test misses', () => {
    // one bad review in every 11 (9 %) against a well-known 3 %: no 40-review window is improbable enough
    const drift = Array.from({ length: 300 }, (_, i) => i % 11 === 10);
    const history = { reviews: 2000, bad: 60 };
    const cusumSettings = { ...settings, cusumArlDays: 5000 };
    const design = cusumDesignFor(prior, history, 1, cusumSettings)!;
    const signal = runCusum(drift, design).lastSignal;
    expect(signal).toBeGreaterThan(40);
    const lastForty = drift.slice(signal - 39, signal + 1);
    const evidence = { history, window: { reviews: 40, bad: lastForty.filter(Boolean).length }, reviewsPerDay: 1 };
    // kept running review by review, or run in one go: the same state
    let run = CUSUM_START;
    for (const bad of drift.slice(0, signal + 1)) run = advanceCusum(run, [bad], design);
    expect(run).toEqual(advanceCusum(CUSUM_START, drift.slice(0, signal + 1), design));
    expect(run.sinceSignal).toBe(0);
    const decision = decide(prior, { ...evidence, cusum: run }, cusumSettings);
    expect(decision.probability).toBeGreaterThan(settings.threshold);
    expect(decision.alarm).toBe(true);
    expect(decision.method).toBe('cusum');
    expect(decision.clear).toBe(false);
    expect(decide(prior, { ...evidence, cusum: null }, settings).alarm).toBe(false);
    // once the signalling review has left the window, the CUSUM no longer holds the alarm
    expect(decide(prior, { ...evidence, cusum: advanceCusum(run, Array<boolean>(40).fill(false), design) }, cusumSettings).alarm).toBe(false);
  });
});

describe('decideCauses', () => {
  const decision = (alarm: boolean): Decision => ({
    alarm,
    clear: !alarm,
    method: alarm ? 'beta-binomial' : null,
    window: { reviews: 10, bad: alarm ? 5 : 0 },
    baselineRate: 0.03,
    probability: alarm ? 1e-6 : 1,
    cusum: null,
  });

  it("decides the cause first: while it has the subject's alert, 'any' opens none beside it", () => {
    const both = decideCauses(
      ['any', 'quality'],
      () => decision(true),
      () => false,
    );
    expect(both.map((d) => [d.cause, d.transition])).toEqual([
      ['quality', 'open'],
      ['any', 'none'],
    ]);
    const kept = decideCauses(
      ['any', 'quality'],
      () => decision(true),
      (cause) => cause === 'quality',
    );
    expect(kept.map((d) => d.transition)).toEqual(['update', 'none']);
    const anyOnly = decideCauses(
      ['any', 'quality'],
      (cause) => decision(cause === 'any'),
      () => false,
    );
    expect(anyOnly.map((d) => d.transition)).toEqual(['none', 'open']);
  });
});

describe('naiveAlarm', () => {
  it('fires above twice the history rate, on the shop rate without history', () => {
    expect(naiveAlarm({ reviews: 100, bad: 5 }, { reviews: 10, bad: 2 }, 0.05)).toBe(true);
    expect(naiveAlarm({ reviews: 100, bad: 5 }, { reviews: 10, bad: 1 }, 0.05)).toBe(false);
    expect(naiveAlarm({ reviews: 0, bad: 0 }, { reviews: 3, bad: 1 }, 0.05)).toBe(true);
    expect(naiveAlarm({ reviews: 0, bad: 0 }, { reviews: 0, bad: 0 }, 0.05)).toBe(false);
  });
});
