import { Injectable, Logger } from '@nestjs/common';
import { errorForLog } from '../common/errors/error-for-log';
import { WorkerRegistry } from '../jobs/worker-registry';
import { AlertDetectionService, DetectionSummary } from './alert-detection.service';

export interface AlertSweepResult extends DetectionSummary {
  shops: number;
}

/**
 * The alert sweep, on a timer in processes that run workers: refits each shop's priors and decides every subject
 * that could have an alert, so an alert whose window emptied resolves without a new review, and an analysis whose
 * after-commit detection failed is caught up.
 */
@Injectable()
export class AlertWorkers {
  private readonly logger = new Logger(AlertWorkers.name);
  private readonly periodic;

  constructor(
    registry: WorkerRegistry,
    private readonly detection: AlertDetectionService,
  ) {
    this.periodic = registry.sweep<AlertSweepResult, Date>('alert sweep', { intervalMs: (config) => config.env.alertSweepIntervalMs }, (now) =>
      this.sweepAll(now ?? new Date()),
    );
  }

  /** One sweep at a time per process. */
  sweep(now?: Date): Promise<AlertSweepResult> {
    return this.periodic.run(now);
  }

  private async sweepAll(now: Date): Promise<AlertSweepResult> {
    const result: AlertSweepResult = { shops: 0, decided: 0, opened: 0, updated: 0, resolved: 0 };
    for (const shopId of await this.detection.shopsToSweep(now)) {
      try {
        const summary = await this.detection.sweepShop(shopId, now);
        result.shops++;
        result.decided += summary.decided;
        result.opened += summary.opened;
        result.updated += summary.updated;
        result.resolved += summary.resolved;
      } catch (error) {
        // one shop's failure does not stop the others; the next sweep tries it again
        this.logger.warn({ msg: 'alert sweep of a shop failed', shopId, err: errorForLog(error) });
      }
    }
    return result;
  }
}
