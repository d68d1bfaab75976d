import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompensationType, ContactChannel, ContactOutcome } from './recovery.types';

/** The reviewer-risk view of a contact outcome (what ReviewerRiskService.recordContactOutcome takes). */
export const RISK_OUTCOME_KINDS = ['no_answer', 'refused_photos', 'demanded_excess_compensation', 'cooperative'] as const;
export type RiskOutcomeKind = (typeof RISK_OUTCOME_KINDS)[number];

/** a demand above the order's value is "far above the order value or normal remedies" (domain brief, section 5) */
export const EXCESS_DEMAND_RATIO = 1;

/**
 * Maps a logged outcome to a reviewer-risk kind, or null when it says nothing about the buyer's risk.
 * A demand counts as excessive only against a known order amount: without one there is no measure.
 */
export function riskKindOf(outcome: ContactOutcome, amounts: { demandedAmount?: number | null; orderAmount?: number | null } = {}): RiskOutcomeKind | null {
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

/** What a listener learns about a logged contact. Plain data: ids, no personal data. */
export interface ContactOutcomeEvent {
  shopId: string;
  caseId: string;
  contactId: string;
  reviewId: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  /** riskKindOf(outcome, ...) */
  riskKind: RiskOutcomeKind | null;
  compensationDemanded: number | null;
  compensationOffered: { type: CompensationType; amount: number | null; currency: string | null } | null;
  orderAmount: number | null;
  at: Date;
}

export interface ContactOutcomeListener {
  /** a short stable name, for logs and errors */
  readonly name: string;
  onContact(manager: EntityManager, event: ContactOutcomeEvent): Promise<void>;
}

/**
 * Modules that learn from contact outcomes (reviewer risk) register here in onModuleInit. Listeners run
 * inside the transaction that logs the contact, with its EntityManager: a listener that throws rolls the
 * contact back, so listeners must only write through `manager` and be quick.
 */
@Injectable()
export class ContactOutcomeListeners {
  private readonly logger = new Logger(ContactOutcomeListeners.name);
  private readonly listeners: ContactOutcomeListener[] = [];

  register(listener: ContactOutcomeListener): void {
    if (this.listeners.some((l) => l.name === listener.name)) throw new Error(`contact outcome listener ${listener.name} is registered twice`);
    this.listeners.push(listener);
  }

  async run(manager: EntityManager, event: ContactOutcomeEvent): Promise<void> {
    for (const listener of this.listeners) {
      const started = Date.now();
      await listener.onContact(manager, event);
      this.logger.debug({ msg: 'contact outcome listener', listener: listener.name, caseId: event.caseId, ms: Date.now() - started });
    }
  }

  names(): string[] {
    return this.listeners.map((l) => l.name);
  }
}
