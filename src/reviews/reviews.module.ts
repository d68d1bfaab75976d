import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ShopsModule } from '../shops/shops.module';
import { CsvImportService } from './csv/csv-import.service';
import { ReviewIngestService } from './review-ingest.service';
import { ReviewRevision } from './review-revision.entity';
import { Review } from './review.entity';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [TypeOrmModule.forFeature([Review, ReviewRevision]), ShopsModule],
  providers: [ReviewsService, ReviewIngestService, CsvImportService],
  exports: [ReviewsService, ReviewIngestService, CsvImportService],
})
export class ReviewsModule {}
