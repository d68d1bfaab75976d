import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { ClassificationModule } from '../classification/classification.module';
import { RecoveryModule } from '../recovery/recovery.module';
import { RepliesModule } from '../replies/replies.module';
import { ReviewersModule } from '../reviewers/reviewers.module';
import { AnalysisPipeline } from './analysis-pipeline';
import { AnalysisWorkers } from './analysis-workers.service';
import { AnalyzeReviewsProcessor } from './analyze-reviews.processor';
import { ReviewAnalysisService } from './review-analysis.service';

/** The analysis job: classification, then the steps other modules contribute (analysis-pipeline.ts). */
@Module({
  imports: [ClassificationModule, RecoveryModule, ReviewersModule, RepliesModule, AlertsModule],
  providers: [AnalysisPipeline, ReviewAnalysisService, AnalyzeReviewsProcessor, AnalysisWorkers],
  exports: [AnalysisWorkers],
})
export class AnalysisModule {}
