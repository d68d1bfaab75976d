import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Review } from '../reviews/review.entity';
import { ReviewsModule } from '../reviews/reviews.module';
import { ShopsModule } from '../shops/shops.module';
import { RescoreReviewersProcessor } from './rescore-reviewers.processor';
import { ReviewerContactOutcome } from './reviewer-contact-outcome.entity';
import { ReviewerDecision } from './reviewer-decision.entity';
import { ReviewerDecisionsService } from './reviewer-decisions.service';
import { ReviewerProfile } from './reviewer-profile.entity';
import { ReviewerRiskSettings } from './reviewer-risk-settings.entity';
import { ReviewerRiskWorkers } from './reviewer-risk-workers.service';
import { ReviewerRiskService } from './reviewer-risk.service';
import { ReviewerSettingsService } from './reviewer-settings.service';
import { ReviewReadsService } from './review-reads.service';
import { ReviewersController } from './reviewers.controller';
import { ReviewsController } from './reviews.controller';
import { ReviewersService } from './reviewers.service';
import { ShopContextCache } from './shop-context.cache';

/**
 * Professional bad-reviewer detection: scores every buyer as their reviews are analysed (an analysis step),
 * people's decisions, evidence packs and per-shop settings. Recovery records contact outcomes through
 * ReviewerRiskService.recordContactOutcome, in the contact's transaction.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewerProfile, ReviewerDecision, ReviewerContactOutcome, ReviewerRiskSettings, Review]), ReviewsModule, ShopsModule],
  controllers: [ReviewsController, ReviewersController],
  providers: [
    ReviewerRiskService,
    ReviewerSettingsService,
    ReviewerDecisionsService,
    ReviewersService,
    ReviewReadsService,
    ShopContextCache,
    RescoreReviewersProcessor,
    ReviewerRiskWorkers,
  ],
  exports: [ReviewerRiskService],
})
export class ReviewersModule {}
