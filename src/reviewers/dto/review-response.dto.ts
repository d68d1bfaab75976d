import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem } from '../../common/errors/domain-error';
import { repliedOnPlatform } from '../../reviews/review-fields';
import type { ReviewFields } from '../../reviews/review-fields';
import type { ReviewRevision } from '../../reviews/review-revision.entity';
import { ANALYSIS_STATUSES, GRADES, INGEST_RESULTS, PLATFORMS, TAG_SOURCES } from '../../reviews/review.types';
import type { AnalysisStatus, Grade, IngestResult, Platform, TagEvidence, TagSource } from '../../reviews/review.types';
import { LANGUAGES } from '../../text/language';
import type { Language } from '../../text/language';
import type { ReviewWithReviewer } from '../review-reads.service';
import { WATCH_STATUSES } from '../reviewer-profile.entity';
import type { ReviewerProfile, WatchStatus } from '../reviewer-profile.entity';
import { RISK_LEVELS } from '../reviewer-risk.types';
import type { RiskLevel } from '../reviewer-risk.types';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The buyer's reviewer profile as a review shows it: how risky, and whether a person put them on the watchlist. */
export class ReviewerSummaryResponse {
  @ApiProperty({ description: 'Reviewer profile id (GET /v1/reviewers/:id)' }) id!: string;
  @ApiProperty({ description: 'Risk score 0-100' }) riskScore!: number;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: RiskLevel;
  @ApiProperty({ enum: WATCH_STATUSES, description: 'flagged: waits for a person; confirmed: on the watchlist' }) status!: WatchStatus;
  @ApiProperty({ description: 'A person confirmed this buyer as a professional bad-reviewer: the review is flagged' }) watchlisted!: boolean;

  static of(profile: ReviewerProfile): ReviewerSummaryResponse {
    return {
      id: profile.id,
      riskScore: Number(profile.riskScore),
      riskLevel: profile.riskLevel,
      status: profile.status,
      watchlisted: profile.status === 'confirmed',
    };
  }
}

export class TagEvidenceResponse {
  @ApiProperty() tag!: string;
  @ApiPropertyOptional() subTag?: string;
  @ApiProperty({ description: 'The phrase of the text; for a platform score, e.g. "logisticsScore 1/5"' }) phrase!: string;
  @ApiPropertyOptional({ enum: ['platform_score'], description: "platform_score: the evidence is the platform's per-dimension score, not the text" })
  source?: 'platform_score';
  @ApiPropertyOptional({ enum: ['quality', 'logistics', 'service', 'description'] }) dimension?: 'quality' | 'logistics' | 'service' | 'description';
  @ApiPropertyOptional({ type: 'integer' }) score?: number;
  @ApiPropertyOptional({ type: 'integer' }) max?: number;
}

export class ReviewResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
  @ApiProperty() externalId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) productId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sku!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) productName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) orderId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) buyerId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) buyerNick!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty({ enum: GRADES }) grade!: Grade;
  @ApiProperty() content!: string;
  @ApiProperty({ type: [String] }) images!: string[];
  @ApiProperty() imageCount!: number;
  @ApiProperty() hasVideo!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) orderAmount!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) currency!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) orderedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) shippedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deliveredAt!: string | null;
  @ApiProperty() reviewedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) carrier!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) serviceAgent!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) followUpContent!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) followUpAt!: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "The platform's product-quality score, 1-5" }) qualityScore!: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "The platform's logistics score, 1-5" }) logisticsScore!: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "The platform's seller-service score, 1-5" }) serviceScore!: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "The platform's as-described score, 1-5" }) descriptionScore!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The seller's public reply already on the platform" }) sellerReply!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sellerReplyAt!: string | null;
  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: "The platform's own flag that the seller replied (Douyin 商家是否回复, Kuaishou replied), apart from the reply's text; null: not given",
  })
  sellerReplied!: boolean | null;
  @ApiProperty({
    description: 'The seller already replied on the platform (its reply, or the platform says so): no automatic public draft unless asked',
  })
  repliedOnPlatform!: boolean;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) anonymous!: boolean | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Written by the platform (默认评价)' }) autoReview!: boolean | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'The platform judged it fraudulent (a reviewer-risk signal)' }) platformCheat!:
    boolean | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'A complaint is open with the platform (a reviewer-risk signal)' }) platformComplaint!:
    boolean | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) videoCount!: number | null;
  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, description: 'Set by the analysis job' }) language!: Language | null;
  @ApiProperty({ type: [String], description: 'Root-cause tags (quality, logistics, service, price, other)' }) tags!: string[];
  @ApiProperty({ type: [String], description: 'Root-cause sub-tags, e.g. slow_delivery' }) subTags!: string[];
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'Confidence 0-1 per tag' }) tagConfidence!: Record<string, number> | null;
  @ApiPropertyOptional({ type: [TagEvidenceResponse], nullable: true, description: 'Phrases that triggered each tag, and the platform scores that did' })
  tagEvidence!: TagEvidence[] | null;
  @ApiPropertyOptional({ enum: TAG_SOURCES, nullable: true, description: 'model, or staff once corrected' }) tagSource!: TagSource | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Classifier model version behind the tags' }) classifierVersion!: string | null;
  @ApiProperty({ description: '1 when created, +1 for each change' }) revision!: number;
  @ApiProperty({ enum: ANALYSIS_STATUSES }) analysisStatus!: AnalysisStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) analyzedAt!: string | null;
  @ApiPropertyOptional({
    type: ReviewerSummaryResponse,
    nullable: true,
    description: "The buyer's reviewer risk; null without a buyerId or before the first analysis",
  })
  reviewer!: ReviewerSummaryResponse | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(review: ReviewWithReviewer): ReviewResponse {
    return {
      id: review.id,
      platform: review.platform,
      externalId: review.externalId,
      productId: review.productId,
      sku: review.sku,
      productName: review.productName,
      orderId: review.orderId,
      buyerId: review.buyerId,
      buyerNick: review.buyerNick,
      rating: review.rating,
      grade: review.grade,
      content: review.content,
      images: review.imageUrls,
      imageCount: review.imageCount,
      hasVideo: review.hasVideo,
      orderAmount: review.orderAmount === null ? null : Number(review.orderAmount),
      currency: review.currency,
      orderedAt: iso(review.orderedAt),
      shippedAt: iso(review.shippedAt),
      deliveredAt: iso(review.deliveredAt),
      reviewedAt: review.reviewedAt.toISOString(),
      carrier: review.carrier,
      serviceAgent: review.serviceAgent,
      followUpContent: review.followUpContent,
      followUpAt: iso(review.followUpAt),
      qualityScore: review.qualityScore,
      logisticsScore: review.logisticsScore,
      serviceScore: review.serviceScore,
      descriptionScore: review.descriptionScore,
      sellerReply: review.sellerReply,
      sellerReplyAt: iso(review.sellerReplyAt),
      sellerReplied: review.sellerReplied,
      repliedOnPlatform: repliedOnPlatform(review),
      anonymous: review.anonymous,
      autoReview: review.autoReview,
      platformCheat: review.platformCheat,
      platformComplaint: review.platformComplaint,
      videoCount: review.videoCount,
      language: review.language,
      tags: review.tags,
      subTags: review.subTags,
      tagConfidence: review.tagConfidence,
      tagEvidence: review.tagEvidence,
      tagSource: review.tagSource,
      classifierVersion: review.classifierVersion,
      revision: review.revision,
      analysisStatus: review.analysisStatus,
      analyzedAt: iso(review.analyzedAt),
      reviewer: review.reviewer ? ReviewerSummaryResponse.of(review.reviewer) : null,
      createdAt: review.createdAt.toISOString(),
      updatedAt: review.updatedAt.toISOString(),
    };
  }
}

export class ReviewRevisionResponse {
  @ApiProperty() revision!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty({ enum: GRADES }) grade!: Grade;
  @ApiProperty() content!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) followUpContent!: string | null;
  @ApiProperty({ type: [String], description: 'What the next version changed' }) changedFields!: string[];
  @ApiProperty({ description: 'When the next version replaced this one' }) replacedAt!: string;
  @ApiProperty({ type: Object, description: 'All fields of this version' }) snapshot!: ReviewFields;

  static of(revision: ReviewRevision): ReviewRevisionResponse {
    return {
      revision: revision.revision,
      rating: revision.rating,
      grade: revision.grade,
      content: revision.snapshot.content,
      followUpContent: revision.snapshot.followUpContent,
      changedFields: revision.changedFields,
      replacedAt: revision.replacedAt.toISOString(),
      snapshot: revision.snapshot,
    };
  }
}

export class ReviewDetailResponse extends ReviewResponse {
  @ApiProperty({ type: [ReviewRevisionResponse], description: 'Earlier versions, oldest first' })
  revisions!: ReviewRevisionResponse[];
}

export class IngestResponse {
  @ApiProperty({ enum: INGEST_RESULTS }) result!: IngestResult;
  @ApiProperty({ type: ReviewResponse }) review!: ReviewResponse;
}

export class FieldProblemResponse implements FieldProblem {
  @ApiProperty({ example: 'items[3].rating' }) field!: string;
  @ApiProperty({ example: 'max' }) code!: string;
  @ApiProperty() message!: string;
}

export class BatchItemResult {
  @ApiProperty({ description: 'Position in the request (0-based)' }) index!: number;
  @ApiProperty({ enum: INGEST_RESULTS }) result!: IngestResult;
  @ApiPropertyOptional({ description: 'Id of the stored review (absent when rejected)' }) id?: string;
  @ApiPropertyOptional() revision?: number;
  @ApiPropertyOptional({ type: [FieldProblemResponse] }) errors?: FieldProblem[];
}

export class IngestSummary {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() rejected!: number;
}

export class BatchResponse {
  @ApiProperty({ type: IngestSummary }) summary!: IngestSummary;
  @ApiProperty({ type: [BatchItemResult] }) results!: BatchItemResult[];
}

export class ReviewPageResponse {
  @ApiProperty({ type: [ReviewResponse] }) items!: ReviewResponse[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor!: string | null;
}
