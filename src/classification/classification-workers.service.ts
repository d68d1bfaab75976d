import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { WorkerRegistry } from '../jobs/worker-registry';
import { ClassifierTrainingProcessor, DEFAULT_RECLASSIFY_DAYS } from './classifier-training.processor';
import { ShopClassifiers } from './shop-classifiers.service';

/**
 * Loads the shipped model before the first review arrives (every process), and registers the `models` processor
 * and a sweep for shops whose retraining is due (a retraining job lost with Redis is found again) or whose reviews
 * were tagged by an earlier shipped model.
 */
@Injectable()
export class ClassificationWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClassificationWorkers.name);
  private readonly sweeper;

  constructor(
    registry: WorkerRegistry,
    config: AppConfig,
    processor: ClassifierTrainingProcessor,
    private readonly classifiers: ShopClassifiers,
    jobs: JobQueue,
  ) {
    registry.processor('models', processor);
    // retraining is rarely due: a tenth as often as the analysis sweep
    this.sweeper = registry.sweep<number>('retraining sweep', { intervalMs: (c) => c.env.analysisSweepIntervalMs * 10 }, async () => {
      const due = await classifiers.shopsDueForTraining(config.env.retrainAfterCorrections);
      for (const shopId of due) await jobs.add('retrain-classifier', [{ shopId }], { jobId: `retrain-classifier-${shopId}` });
      if (due.length) this.logger.log({ msg: 'retraining due', shops: due.length });
      // a new shipped model: the other shops' reviews are classified again too (a retraining reclassifies its own)
      const retraining = new Set(due);
      const outdated = (await classifiers.shopsWithOutdatedTags(DEFAULT_RECLASSIFY_DAYS)).filter((shopId) => !retraining.has(shopId));
      for (const shopId of outdated) {
        await jobs.add('reclassify-reviews', [{ shopId, sinceDays: DEFAULT_RECLASSIFY_DAYS }], { jobId: `reclassify-reviews-${shopId}` });
      }
      if (outdated.length) this.logger.log({ msg: 'reclassification due after a model change', shops: outdated.length });
      return due.length + outdated.length;
    });
  }

  onApplicationBootstrap(): void {
    const started = Date.now();
    const base = this.classifiers.warmUp();
    this.logger.log({ msg: 'classifier ready', version: base.version, ms: Date.now() - started });
  }

  /** Enqueues a retraining for every shop that is due; returns how many. Safe in many processes at once. */
  sweep(): Promise<number> {
    return this.sweeper.run();
  }
}
