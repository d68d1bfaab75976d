import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { JobQueue } from '../jobs/job-queue';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { ClassifierTrainingProcessor, DEFAULT_RECLASSIFY_DAYS } from './classifier-training.processor';
import { ShopClassifiers } from './shop-classifiers.service';

/**
 * Starts the `models` processor where this process runs workers, loads the shipped model before the first
 * review arrives, and sweeps for shops whose retraining is due (a retraining job lost with Redis is found again)
 * or whose reviews were tagged by an earlier shipped model.
 */
@Injectable()
export class ClassificationWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ClassificationWorkers.name);
  private readonly sweeper = new PeriodicSweep<number>('retraining sweep', this.logger, async () => {
    const due = await this.classifiers.shopsDueForTraining(this.config.env.retrainAfterCorrections);
    for (const shopId of due) await this.jobs.add('retrain-classifier', [{ shopId }], { jobId: `retrain-classifier-${shopId}` });
    if (due.length) this.logger.log({ msg: 'retraining due', shops: due.length });
    // a new shipped model: the other shops' reviews are classified again too (a retraining reclassifies its own)
    const retraining = new Set(due);
    const outdated = (await this.classifiers.shopsWithOutdatedTags(DEFAULT_RECLASSIFY_DAYS)).filter((shopId) => !retraining.has(shopId));
    for (const shopId of outdated) {
      await this.jobs.add('reclassify-reviews', [{ shopId, sinceDays: DEFAULT_RECLASSIFY_DAYS }], { jobId: `reclassify-reviews-${shopId}` });
    }
    if (outdated.length) this.logger.log({ msg: 'reclassification due after a model change', shops: outdated.length });
    return due.length + outdated.length;
  });

  constructor(
    private readonly config: AppConfig,
    private readonly processor: ClassifierTrainingProcessor,
    private readonly classifiers: ShopClassifiers,
    private readonly jobs: JobQueue,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    const started = Date.now();
    const base = this.classifiers.warmUp();
    this.logger.log({ msg: 'classifier ready', version: base.version, ms: Date.now() - started });
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'models', this.processor, this.inProcess, this.logger);
    // retraining is rarely due: a tenth as often as the analysis sweep
    this.sweeper.start(this.config.env.analysisSweepIntervalMs * 10);
  }

  /** Enqueues a retraining for every shop that is due; returns how many. Safe in many processes at once. */
  sweep(): Promise<number> {
    return this.sweeper.run();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
