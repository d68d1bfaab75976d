import { BetaPrior, Counts, betaBinomialUpperTail, betaMean, posterior } from './beta-binomial';
import { CusumDesign, CusumRun, designCusum } from './bernoulli-cusum';
import { CAUSE_TAGS, CauseTag } from '../reviews/taxonomy';

/**
 * The early-warning decision for one subject (a SKU, a carrier, a service agent or the whole shop) and one cause:
 * pure, so the analysis step, the sweep and `bench:alerts` run the same code. See docs/alerts.md.
 */

export const SUBJECT_TYPES = ['sku', 'carrier', 'agent', 'shop'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** 'any' is every medium or bad review; a cause tag, those of them carrying it. */
export type AlertCause = 'any' | CauseTag;

/** The causes watched per subject type: each subject's own department's cause, and all of the shop's. */
export const SUBJECT_CAUSES: Record<SubjectType, readonly AlertCause[]> = {
  sku: ['any', 'quality'],
  carrier: ['any', 'logistics'],
  agent: ['any', 'service'],
  shop: ['any', ...CAUSE_TAGS],
};

export interface SubjectTypeSettings {
  enabled: boolean;
  /**
   * alert when the window's upper-tail probability under the posterior predictive is below this; stricter for
   * carriers, agents and the shop, whose windows mix many SKUs (more spread than a binomial) and are decided often
   */
  threshold: number;
  /** the recent window: reviews of the last windowHours hours ... */
  windowHours: number;
  /** ... at most the last windowReviews of them ... */
  windowReviews: number;
  /**
   * ... and at least the last windowMinReviews (within the baseline), however old: a quiet SKU's 72 hours hold one or
   * two reviews, and a window that only loses its good reviews as they age would alarm on two bad ones of two
   */
  windowMinReviews: number;
}

export interface AlertSettings {
  /** alert only when the window holds at least this many bad reviews */
  minBad: number;
  /** the history the prior and each subject's baseline come from (before the window) */
  baselineDays: number;
  /** resolve an open alert once the window's tail probability is back above this (and no CUSUM signal) */
  resolveAbove: number;
  /** the CUSUM's out-of-control rate, as a multiple of the in-control one */
  cusumMultiple: number;
  /**
   * the CUSUM's in-control average run length in days of the subject's usual volume (0: no CUSUM): in reviews,
   * this many days' worth and at least this many, so a busy carrier false-alarms no more often than a quiet SKU
   */
  cusumArlDays: number;
  /** a subject's CUSUM runs on from decision to decision; a process without its state starts it over this many latest reviews */
  cusumReviews: number;
  subjects: Record<SubjectType, SubjectTypeSettings>;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  minBad: 2,
  baselineDays: 90,
  resolveAbove: 0.2,
  cusumMultiple: 2,
  cusumArlDays: 5000,
  cusumReviews: 300,
  subjects: {
    sku: { enabled: true, threshold: 0.003, windowHours: 72, windowReviews: 40, windowMinReviews: 20 },
    carrier: { enabled: true, threshold: 0.0001, windowHours: 24, windowReviews: 2000, windowMinReviews: 0 },
    agent: { enabled: true, threshold: 0.0001, windowHours: 24, windowReviews: 500, windowMinReviews: 0 },
    shop: { enabled: true, threshold: 0.0001, windowHours: 24, windowReviews: 5000, windowMinReviews: 0 },
  },
};

export type DecisionSettings = Pick<SubjectTypeSettings, 'threshold'> &
  Pick<AlertSettings, 'minBad' | 'resolveAbove' | 'cusumMultiple' | 'cusumArlDays' | 'cusumReviews'>;

/** What is known about a subject and cause at the time of the decision. */
export interface SubjectEvidence {
  /** reviews and bad ones before the window, within the baseline */
  history: Counts;
  /** the window: the subject's reviews of the last windowHours, at least the last windowMinReviews, at most the last windowReviews */
  window: Counts;
  /** the subject's running CUSUM, advanced with cusumDesignFor's design up to the latest review (null: no CUSUM) */
  cusum: CusumRun | null;
  /** the subject's usual reviews per day (from its history), to set the CUSUM's run length */
  reviewsPerDay: number;
}

export type DetectionMethod = 'beta-binomial' | 'cusum';

export interface Decision {
  /** an alert should be open */
  alarm: boolean;
  /** an open alert may be resolved */
  clear: boolean;
  method: DetectionMethod | null;
  window: Counts;
  /** the subject's shrunk baseline rate (posterior mean) */
  baselineRate: number;
  /** P(at least window.bad bad reviews in window.reviews | posterior predictive) */
  probability: number;
  cusum: { statistic: number; h: number; m: number; signalled: boolean } | null;
}

/**
 * The subject's CUSUM design: in-control rate its shrunk baseline, out of control at cusumMultiple x, and a decision
 * interval whose in-control run length is cusumArlDays of the subject's volume (null: CUSUM off). The caller advances
 * the subject's run with it before deciding.
 */
export function cusumDesignFor(
  prior: BetaPrior,
  history: Counts,
  reviewsPerDay: number,
  settings: Pick<AlertSettings, 'cusumMultiple' | 'cusumArlDays'>,
): CusumDesign | null {
  if (settings.cusumArlDays <= 0) return null;
  // volume rounded up to a power of two: never a shorter run length than asked, and few designs to cache
  const arl0 = settings.cusumArlDays * 2 ** Math.ceil(Math.log2(Math.max(1, reviewsPerDay)));
  return designCusum(betaMean(posterior(prior, history)), settings.cusumMultiple, arl0);
}

/**
 * Beta-binomial test of the window against the subject's posterior, and the subject's Bernoulli CUSUM with the
 * posterior mean as in-control rate; either one alarms, given at least `minBad` bad reviews in the window.
 */
export function decide(prior: BetaPrior, evidence: SubjectEvidence, settings: DecisionSettings): Decision {
  const window = evidence.window;
  const shrunk = posterior(prior, evidence.history);
  const baselineRate = betaMean(shrunk);
  const probability = betaBinomialUpperTail(window.bad, window.reviews, shrunk);
  const enoughBad = window.bad >= settings.minBad;
  let cusum: Decision['cusum'] = null;
  const design = evidence.cusum ? cusumDesignFor(prior, evidence.history, evidence.reviewsPerDay, settings) : null;
  if (design && evidence.cusum) {
    // a signal counts while the review it came at is still in the window
    cusum = { statistic: evidence.cusum.statistic, h: design.h, m: design.m, signalled: evidence.cusum.sinceSignal < window.reviews };
  }
  const bb = enoughBad && probability < settings.threshold;
  const cu = enoughBad && cusum !== null && cusum.signalled;
  return {
    alarm: bb || cu,
    clear: !bb && !cu && probability >= settings.resolveAbove,
    method: bb ? 'beta-binomial' : cu ? 'cusum' : null,
    window,
    baselineRate,
    probability,
    cusum,
  };
}

export interface CauseDecision {
  cause: AlertCause;
  decision: Decision;
  transition: AlertTransition;
}

/**
 * One subject's decisions, its causes before 'any': while a cause has the subject's alert (opened or kept now), 'any'
 * opens none beside it (the cause says more). The analysis step, the sweep and bench:alerts all decide through this.
 */
export function decideCauses(
  causes: readonly AlertCause[],
  decideCause: (cause: AlertCause) => Decision,
  isOpen: (cause: AlertCause) => boolean,
): CauseDecision[] {
  const out: CauseDecision[] = [];
  let causeAlerted = false;
  for (const cause of [...causes.filter((c) => c !== 'any'), ...causes.filter((c) => c === 'any')]) {
    const decision = decideCause(cause);
    let transition = alertTransition(isOpen(cause), decision);
    if (cause !== 'any' && (transition === 'open' || transition === 'update')) causeAlerted = true;
    if (transition === 'open' && cause === 'any' && causeAlerted) transition = 'none';
    out.push({ cause, decision, transition });
  }
  return out;
}

/** The naive rule the bench compares with: the window's bad rate above `multiple` x the subject's own history rate. */
export function naiveAlarm(history: Counts, window: Counts, fallbackRate: number, multiple = 2): boolean {
  if (window.reviews === 0 || window.bad === 0) return false;
  const baseline = history.reviews > 0 ? history.bad / history.reviews : fallbackRate;
  return window.bad / window.reviews > multiple * baseline;
}

export type AlertTransition = 'open' | 'update' | 'resolve' | 'none';

/** What a decision does to the subject's alert: one open alert per subject and cause, kept until the rate is back. */
export function alertTransition(isOpen: boolean, decision: Pick<Decision, 'alarm' | 'clear'>): AlertTransition {
  if (!isOpen) return decision.alarm ? 'open' : 'none';
  return decision.clear ? 'resolve' : 'update';
}
