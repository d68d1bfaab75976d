import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassificationModule } from '../classification/classification.module';
import { ShopsModule } from '../shops/shops.module';
import { AnalysisSteps } from './analysis-hooks';
import { AnalysisWorkers } from './analysis-workers.service';
import { AnalyzeReviewsProcessor } from './analyze-reviews.processor';
import { CsvImportService } from './csv/csv-import.service';
import { ReviewAnalysisService } from './review-analysis.service';
import { ReviewIngestService } from './review-ingest.service';
import { ReviewRevision } from './review-revision.entity';
import { Review } from './review.entity';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [TypeOrmModule.forFeature([Review, ReviewRevision]), ShopsModule, ClassificationModule],
  controllers: [ReviewsController],
  providers: [AnalysisSteps, ReviewsService, ReviewIngestService, ReviewAnalysisService, AnalyzeReviewsProcessor, AnalysisWorkers, CsvImportService],
  exports: [AnalysisSteps, ReviewsService, ReviewIngestService, AnalysisWorkers],
})
export class ReviewsModule {}
