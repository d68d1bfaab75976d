import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecoveryModule } from '../recovery/recovery.module';
import { Review } from '../reviews/review.entity';
import { ReviewsModule } from '../reviews/reviews.module';
import { ShopsModule } from '../shops/shops.module';
import { ContactOutcomeRiskListener } from './contact-outcome-risk.listener';
import { RescoreReviewersProcessor } from './rescore-reviewers.processor';
import { ReviewerContactOutcome } from './reviewer-contact-outcome.entity';
import { ReviewerDecision } from './reviewer-decision.entity';
import { ReviewerDecisionsService } from './reviewer-decisions.service';
import { ReviewerProfile } from './reviewer-profile.entity';
import { ReviewerRiskSettings } from './reviewer-risk-settings.entity';
import { ReviewerRiskWorkers } from './reviewer-risk-workers.service';
import { ReviewerRiskService } from './reviewer-risk.service';
import { ReviewerSettingsService } from './reviewer-settings.service';
import { ReviewersController } from './reviewers.controller';
import { ReviewersService } from './reviewers.service';
import { ShopContextCache } from './shop-context.cache';

/**
 * Professional bad-reviewer detection: scores every buyer as their reviews are analysed (an AnalysisStep),
 * people's decisions, evidence packs and per-shop settings. Recovery contacts feed it their outcomes
 * (ContactOutcomeRiskListener).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewerProfile, ReviewerDecision, ReviewerContactOutcome, ReviewerRiskSettings, Review]), ReviewsModule, ShopsModule, RecoveryModule],
  controllers: [ReviewersController],
  providers: [
    ReviewerRiskService,
    ReviewerSettingsService,
    ReviewerDecisionsService,
    ReviewersService,
    ShopContextCache,
    RescoreReviewersProcessor,
    ReviewerRiskWorkers,
    ContactOutcomeRiskListener,
  ],
  exports: [ReviewerRiskService],
})
export class ReviewersModule {}
