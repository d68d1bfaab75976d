import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { WorkerRegistry } from '../jobs/worker-registry';
import { RescoreReviewersProcessor } from './rescore-reviewers.processor';
import { ReviewerSettingsService } from './reviewer-settings.service';

/**
 * The rescoring processor, and a sweeper (on the analysis sweep interval) that re-enqueues a shop's rescoring when
 * its job was lost: the settings' version, not Redis, says what is pending.
 */
@Injectable()
export class ReviewerRiskWorkers {
  private readonly logger = new Logger(ReviewerRiskWorkers.name);
  private readonly sweeper;

  constructor(registry: WorkerRegistry, config: AppConfig, processor: RescoreReviewersProcessor, settings: ReviewerSettingsService) {
    registry.processor('rescoring', processor);
    this.sweeper = registry.sweep<number, number>(
      'rescoring sweep',
      { intervalMs: (c) => c.env.analysisSweepIntervalMs },
      async (overdueMs = config.env.analysisOverdueMs) => {
        const shopIds = await settings.claimOverdueRescoring(overdueMs);
        if (shopIds.length) {
          await settings.enqueueRescoring(shopIds);
          this.logger.log({ msg: 're-enqueued overdue reviewer rescoring', shops: shopIds.length });
        }
        return shopIds.length;
      },
    );
  }

  /** Re-enqueues rescorings pending for longer than the analysis overdue time; returns how many shops. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }
}
