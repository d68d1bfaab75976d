import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ShopsModule } from '../shops/shops.module';
import { CsvImportService } from './csv/csv-import.service';
import { ReviewIngestService } from './review-ingest.service';
import { ReviewRevision } from './review-revision.entity';
import { Review } from './review.entity';
import { ReviewsService } from './reviews.service';
import { PlatformRuleOverrideRow } from './platform-rules/platform-rule-override.entity';
import { PlatformRulesController } from './platform-rules/platform-rules.controller';
import { PlatformRulesService } from './platform-rules/platform-rules.service';

@Module({
  imports: [TypeOrmModule.forFeature([Review, ReviewRevision, PlatformRuleOverrideRow]), ShopsModule],
  controllers: [PlatformRulesController],
  providers: [ReviewsService, ReviewIngestService, CsvImportService, PlatformRulesService],
  exports: [ReviewsService, ReviewIngestService, CsvImportService, PlatformRulesService],
})
export class ReviewsModule {}
