import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { RescoreReviewersProcessor } from './rescore-reviewers.processor';
import { ReviewerSettingsService } from './reviewer-settings.service';

/**
 * Starts the rescoring processor where this process runs workers, and a sweeper (on the analysis sweep
 * interval) that re-enqueues a shop's rescoring when its job was lost: the settings' version, not Redis, says
 * what is pending.
 */
@Injectable()
export class ReviewerRiskWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReviewerRiskWorkers.name);
  private readonly sweeper = new PeriodicSweep<number, number>('rescoring sweep', this.logger, async (overdueMs = this.config.env.analysisOverdueMs) => {
    const shopIds = await this.settings.claimOverdueRescoring(overdueMs);
    if (shopIds.length) {
      await this.settings.enqueueRescoring(shopIds);
      this.logger.log({ msg: 're-enqueued overdue reviewer rescoring', shops: shopIds.length });
    }
    return shopIds.length;
  });

  constructor(
    private readonly config: AppConfig,
    private readonly processor: RescoreReviewersProcessor,
    private readonly settings: ReviewerSettingsService,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'rescoring', this.processor, this.inProcess, this.logger);
    this.sweeper.start(this.config.env.analysisSweepIntervalMs);
  }

  /** Re-enqueues rescorings pending for longer than the analysis overdue time; returns how many shops. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
