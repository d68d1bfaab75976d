import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContactOutcomeEvent, ContactOutcomeListener, ContactOutcomeListeners } from '../recovery/contact-outcome-listeners';
import { ReviewerRiskService } from './reviewer-risk.service';

/**
 * What recovery contacts teach about a buyer (did not answer, refused photos, asked far more than the order,
 * cooperated) becomes a risk signal, in the transaction that logs the contact.
 */
@Injectable()
export class ContactOutcomeRiskListener implements ContactOutcomeListener, OnModuleInit {
  readonly name = 'reviewer-risk';

  constructor(
    private readonly listeners: ContactOutcomeListeners,
    private readonly risk: ReviewerRiskService,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async onContact(manager: EntityManager, event: ContactOutcomeEvent): Promise<void> {
    if (!event.riskKind) return;
    await this.risk.recordContactOutcome(manager, event.shopId, {
      reviewId: event.reviewId,
      kind: event.riskKind,
      at: event.at,
      demandedAmount: event.compensationDemanded,
      contactId: event.contactId,
    });
  }
}
