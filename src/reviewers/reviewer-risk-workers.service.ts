import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
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
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly processor: RescoreReviewersProcessor,
    private readonly settings: ReviewerSettingsService,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'rescoring', this.processor, this.inProcess, this.logger);
    const interval = this.config.env.analysisSweepIntervalMs;
    if (interval > 0) {
      this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ msg: 'rescoring sweep failed', err: String(error) })), interval);
      this.timer.unref();
    }
  }

  /** Re-enqueues rescorings pending for longer than the analysis overdue time; returns how many shops. */
  async sweep(overdueMs = this.config.env.analysisOverdueMs): Promise<number> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = (async () => {
      const shopIds = await this.settings.claimOverdueRescoring(overdueMs);
      if (shopIds.length) {
        await this.settings.enqueueRescoring(shopIds);
        this.logger.log({ msg: 're-enqueued overdue reviewer rescoring', shops: shopIds.length });
      }
      return shopIds.length;
    })().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
