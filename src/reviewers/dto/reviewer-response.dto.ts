import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewResponse } from './review-response.dto';
import { PLATFORMS } from '../../reviews/review.types';
import type { Platform } from '../../reviews/review.types';
import type { ReviewerContactOutcome } from '../reviewer-contact-outcome.entity';
import { DECISION_ACTIONS } from '../reviewer-decision.entity';
import type { DecisionAction, ReviewerDecision } from '../reviewer-decision.entity';
import { EFFECTIVE_DECISIONS, WATCH_STATUSES } from '../reviewer-profile.entity';
import type { EffectiveDecision, ReviewerProfile, StoredDismissal, WatchStatus } from '../reviewer-profile.entity';
import { FLAG_LEVELS } from '../reviewer-risk-settings.entity';
import type { FlagLevel } from '../reviewer-risk-settings.entity';
import { CONTACT_OUTCOME_KINDS, RISK_LEVELS, SIGNAL_CODES } from '../reviewer-risk.types';
import type { ContactOutcomeKind, RiskLevel, RiskSignal, SignalCode } from '../reviewer-risk.types';
import type { RiskConfig, RiskConfigOverride } from '../risk-config';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class ExplanationResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class RiskSignalResponse {
  @ApiProperty({ enum: SIGNAL_CODES }) code!: SignalCode;
  @ApiProperty({ description: 'Strength of the evidence, 0-1' }) value!: number;
  @ApiProperty({ description: 'Weight after any dismissal' }) weight!: number;
  @ApiProperty({ description: 'Points of the score (negative for mitigating signals); they sum to the score' }) contribution!: number;
  @ApiProperty({ type: ExplanationResponse }) explanation!: ExplanationResponse;
  @ApiProperty({ type: [String], description: 'Reviews that carry the evidence' }) reviewIds!: string[];
  @ApiPropertyOptional({ enum: ['covered', 'reduced'], description: 'covered: a person dismissed this evidence; reduced: new evidence of a dismissed kind' })
  dismissal?: 'covered' | 'reduced';
}

export class ReviewerResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
  @ApiProperty() buyerId!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Nick of the latest review' }) buyerNick!: string | null;
  @ApiProperty() reviewCount!: number;
  @ApiProperty({ description: 'Medium and bad reviews' }) negativeReviewCount!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) firstReviewedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastReviewedAt!: string | null;
  @ApiProperty({ description: '0-100' }) riskScore!: number;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: RiskLevel;
  @ApiProperty({ type: [RiskSignalResponse], description: 'Strongest first' }) signals!: RiskSignal[];
  @ApiPropertyOptional({ type: String, nullable: true }) scoredAt!: string | null;
  @ApiProperty({ enum: WATCH_STATUSES }) status!: WatchStatus;
  @ApiProperty({ description: 'Confirmed: on the watchlist' }) watchlisted!: boolean;
  @ApiPropertyOptional({ enum: EFFECTIVE_DECISIONS, nullable: true, description: 'The confirm or dismiss in force' }) decision!: EffectiveDecision | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(profile: ReviewerProfile): ReviewerResponse {
    return {
      id: profile.id,
      platform: profile.platform,
      buyerId: profile.buyerId,
      buyerNick: profile.buyerNick,
      reviewCount: profile.reviewCount,
      negativeReviewCount: profile.negativeReviewCount,
      firstReviewedAt: iso(profile.firstReviewedAt),
      lastReviewedAt: iso(profile.lastReviewedAt),
      riskScore: Number(profile.riskScore),
      riskLevel: profile.riskLevel,
      signals: profile.signals,
      scoredAt: iso(profile.scoredAt),
      status: profile.status,
      watchlisted: profile.status === 'confirmed',
      decision: profile.decision,
      decidedBy: profile.decidedBy,
      decidedAt: iso(profile.decidedAt),
      decisionReason: profile.decisionReason,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
    };
  }
}

export class ReviewerDecisionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DECISION_ACTIONS }) action!: DecisionAction;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: SIGNAL_CODES, isArray: true, description: 'The risk signals when the person decided' }) evidenceCodes!: SignalCode[];
  @ApiProperty() riskScore!: number;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: RiskLevel;
  @ApiProperty({ enum: WATCH_STATUSES }) fromStatus!: WatchStatus;
  @ApiProperty({ enum: WATCH_STATUSES }) toStatus!: WatchStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'For a reopen: the decision it undid' }) revertsId!: string | null;
  @ApiProperty({ description: 'Who: staff:<id> or api:<key id>' }) decidedBy!: string;
  @ApiProperty() decidedAt!: string;

  static of(decision: ReviewerDecision): ReviewerDecisionResponse {
    return {
      id: decision.id,
      action: decision.action,
      reason: decision.reason,
      evidenceCodes: decision.evidenceCodes,
      riskScore: Number(decision.riskScore),
      riskLevel: decision.riskLevel,
      fromStatus: decision.fromStatus,
      toStatus: decision.toStatus,
      revertsId: decision.revertsId,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt.toISOString(),
    };
  }
}

export class ContactOutcomeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() reviewId!: string;
  @ApiProperty({ enum: CONTACT_OUTCOME_KINDS }) kind!: ContactOutcomeKind;
  @ApiProperty() at!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) demandedAmount!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The recovery queue's contact" }) contactId!: string | null;

  static of(outcome: ReviewerContactOutcome): ContactOutcomeResponse {
    return {
      id: outcome.id,
      reviewId: outcome.reviewId,
      kind: outcome.kind,
      at: outcome.at.toISOString(),
      demandedAmount: outcome.demandedAmount === null ? null : Number(outcome.demandedAmount),
      contactId: outcome.contactId,
    };
  }
}

export class DismissedEvidenceResponse implements StoredDismissal {
  @ApiProperty({ enum: SIGNAL_CODES }) code!: SignalCode;
  @ApiProperty() dismissedAt!: string;
}

export class ReviewerDetailResponse extends ReviewerResponse {
  @ApiProperty({ type: [DismissedEvidenceResponse], description: 'Kinds of evidence a dismissal in force covers' }) dismissedEvidence!: StoredDismissal[];
  @ApiProperty({ type: [ReviewerDecisionResponse], description: 'Oldest first' }) decisions!: ReviewerDecisionResponse[];
  @ApiProperty({ type: [ContactOutcomeResponse], description: 'Oldest first' }) contactOutcomes!: ContactOutcomeResponse[];
  @ApiProperty({ type: [ReviewResponse], description: "The buyer's reviews in this shop, newest first (at most 200)" }) reviews!: ReviewResponse[];
}

export class ReviewerPageResponse {
  @ApiProperty({ type: [ReviewerResponse] }) items!: ReviewerResponse[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor!: string | null;
}

export class DecisionResponse {
  @ApiProperty({ type: ReviewerDecisionResponse }) decision!: ReviewerDecisionResponse;
  @ApiProperty({ type: ReviewerResponse }) reviewer!: ReviewerResponse;
}

export class ReviewerSettingsResponse {
  @ApiProperty({ enum: FLAG_LEVELS }) flagLevel!: FlagLevel;
  @ApiProperty({ type: Object, description: "The shop's override as stored ({} = the defaults)" }) override!: RiskConfigOverride;
  @ApiProperty({ type: Object, description: 'The configuration in use: the defaults with the override merged in' }) effective!: RiskConfig;
  @ApiProperty({ type: Object }) defaults!: RiskConfig;
  @ApiProperty({ description: 'Goes up with every change' }) version!: number;
  @ApiProperty({ description: 'True while the reviewers are being scored again with the latest settings' }) rescoring!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) updatedAt!: string | null;
}
