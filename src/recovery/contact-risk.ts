import type { ContactOutcomeKind } from '../reviewers/reviewer-risk.types';
import type { ContactOutcome } from './recovery.types';

/** a demand above the order's value is "far above the order value or normal remedies" (domain brief, section 5) */
export const EXCESS_DEMAND_RATIO = 1;

/**
 * Maps a logged outcome to the reviewer-risk kind ReviewerRiskService.recordContactOutcome takes, or null when it says nothing about the buyer's risk.
 * A demand counts as excessive only against a known order amount: without one there is no measure.
 */
export function riskKindOf(outcome: ContactOutcome, amounts: { demandedAmount?: number | null; orderAmount?: number | null } = {}): ContactOutcomeKind | null {
  switch (outcome) {
    case 'no_answer':
      return 'no_answer';
    case 'refused_photos':
      return 'refused_photos';
    case 'demanded_compensation': {
      const { demandedAmount, orderAmount } = amounts;
      if (demandedAmount == null || orderAmount == null || orderAmount <= 0) return null;
      return demandedAmount > orderAmount * EXCESS_DEMAND_RATIO ? 'demanded_excess_compensation' : null;
    }
    case 'reached':
    case 'promised_revision':
    case 'sent_photos':
      return 'cooperative';
    case 'refused':
    case 'asked_off_platform':
      return null;
  }
}
