import { DEFAULT_RISK_CONFIG, RiskConfig } from './risk-config';
import { findSignals, SignalFinding } from './risk-signals';
import { isMitigating, RiskAssessment, RiskLevel, ReviewerRiskInput, RiskSignal, ShopRiskContext, SignalCode } from './reviewer-risk.types';

/**
 * Combination rule. Each signal i has a strength v_i (0-1) and a weight w_i, its evidence is w_i x v_i.
 *
 *   R = sum of risk evidence, M = sum of mitigating evidence
 *   score = 100 x (1 - e^-(R x e^-M))
 *
 * so evidence adds up with diminishing returns, never passes 100, and mitigating evidence discounts the risk
 * evidence by a factor (it cannot push a buyer below 0 and it keeps the order among buyers it applies to).
 * Contributions: the risk-only score 100 x (1 - e^-R) is split between risk signals in proportion to their
 * evidence; the reduction from mitigation is split between mitigating signals the same way; rounded to tenths
 * so that they sum to the score exactly.
 */
export function scoreFromEvidence(risk: number, mitigation: number): number {
  return 100 * (1 - Math.exp(-risk * Math.exp(-mitigation)));
}

export function riskLevel(score: number, config: RiskConfig = DEFAULT_RISK_CONFIG): RiskLevel {
  if (score >= config.levels.high) return 'high';
  if (score >= config.levels.medium) return 'medium';
  return 'low';
}

interface Weighted {
  finding: SignalFinding;
  weight: number;
  dismissal?: 'covered' | 'reduced';
}

function applyDismissals(findings: SignalFinding[], input: ReviewerRiskInput, config: RiskConfig): Weighted[] {
  const dismissedAt = new Map<SignalCode, number>();
  for (const dismissal of input.dismissed ?? []) {
    const at = dismissal.dismissedAt.getTime();
    dismissedAt.set(dismissal.code, Math.max(at, dismissedAt.get(dismissal.code) ?? -Infinity));
  }
  return findings.map((finding) => {
    const weight = config.signals[finding.code].weight;
    const at = dismissedAt.get(finding.code);
    if (at === undefined || isMitigating(finding.code)) return { finding, weight };
    // the person already saw this evidence: only what arrived after the dismissal may count, and then less
    if (finding.evidenceAt && finding.evidenceAt.getTime() <= at) return { finding, weight: 0, dismissal: 'covered' };
    return { finding, weight: weight * config.dismissedWeightFactor, dismissal: 'reduced' };
  });
}

/** Rounds to tenths keeping the sum equal to `total` (largest remainder). */
function roundToTotal(values: number[], total: number): number[] {
  const tenths = values.map((value) => value * 10);
  const floors = tenths.map(Math.floor);
  let missing = Math.round(total * 10) - floors.reduce((sum, value) => sum + value, 0);
  const order = tenths.map((value, i) => ({ i, remainder: value - floors[i] })).sort((a, b) => b.remainder - a.remainder);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]++;
    missing--;
  }
  return floors.map((value) => value / 10);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Risk score, level and the signals behind them for one buyer in one shop. */
export function assessReviewerRisk(input: ReviewerRiskInput, context: ShopRiskContext, config: RiskConfig = DEFAULT_RISK_CONFIG): RiskAssessment {
  const weighted = applyDismissals(findSignals(input, context, config), input, config);
  const evidenceOf = (w: Weighted) => w.weight * w.finding.value;
  const risk = weighted.filter((w) => !isMitigating(w.finding.code)).reduce((sum, w) => sum + evidenceOf(w), 0);
  const mitigation = weighted.filter((w) => isMitigating(w.finding.code)).reduce((sum, w) => sum + evidenceOf(w), 0);
  const exact = scoreFromEvidence(risk, mitigation);
  const riskOnly = scoreFromEvidence(risk, 0);
  const shares = weighted.map((w) => {
    if (isMitigating(w.finding.code)) return mitigation > 0 ? ((exact - riskOnly) * evidenceOf(w)) / mitigation : 0;
    return risk > 0 ? (riskOnly * evidenceOf(w)) / risk : 0;
  });
  const score = Math.round(exact * 10) / 10;
  const contributions = roundToTotal(shares, score);
  const signals: RiskSignal[] = weighted.map((w, i) => ({
    code: w.finding.code,
    value: round3(w.finding.value),
    weight: round3(w.weight),
    contribution: contributions[i],
    explanation: w.finding.explanation,
    reviewIds: w.finding.reviewIds,
    ...(w.dismissal ? { dismissal: w.dismissal } : {}),
  }));
  signals.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || b.weight * b.value - a.weight * a.value);
  return {
    buyerId: input.buyerId,
    score,
    level: riskLevel(score, config),
    signals,
    evidence: { risk: round3(risk), mitigation: round3(mitigation) },
  };
}
