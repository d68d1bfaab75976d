import { Module } from '@nestjs/common';
import { ReviewersModule } from '../reviewers/reviewers.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { ShopsModule } from '../shops/shops.module';
import { ProductPopularityCache } from './product-popularity.cache';
import { QueueCountsCache } from './queue-counts.cache';
import { RecoveryCaseStep } from './recovery-case.step';
import { RecoveryCasesService } from './recovery-cases.service';
import { RecoveryContactsService } from './recovery-contacts.service';
import { RecoveryController } from './recovery.controller';
import { RecoveryFiguresService } from './recovery-figures.service';
import { RecoveryQueueService } from './recovery-queue.service';
import { RecoverySettingsService } from './recovery-settings.service';
import { RecoverySweepService } from './recovery-sweep.service';
import { RecoveryWorkers } from './recovery-workers.service';

/** Recovery of medium/bad reviews: cases, the daily queue, contacts, settings, figures and the sweep. */
@Module({
  imports: [ShopsModule, ReviewsModule, ReviewersModule],
  controllers: [RecoveryController],
  providers: [
    QueueCountsCache,
    { provide: ProductPopularityCache, useFactory: () => new ProductPopularityCache() },
    RecoveryCaseStep,
    RecoverySettingsService,
    RecoveryCasesService,
    RecoveryContactsService,
    RecoveryQueueService,
    RecoveryFiguresService,
    RecoverySweepService,
    RecoveryWorkers,
  ],
  exports: [RecoveryCaseStep, RecoveryCasesService, RecoverySettingsService, RecoveryWorkers],
})
export class RecoveryModule {}
