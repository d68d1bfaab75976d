import { Injectable } from '@nestjs/common';
import { WorkerRegistry } from '../jobs/worker-registry';
import { RecoverySweepService, SweepResult } from './recovery-sweep.service';

/** The recovery sweep (promised revisions, follow-ups, missed deadlines), on RECOVERY_SWEEP_INTERVAL_MS. */
@Injectable()
export class RecoveryWorkers {
  private readonly periodic;

  constructor(registry: WorkerRegistry, sweeper: RecoverySweepService) {
    this.periodic = registry.sweep<SweepResult, Date>('recovery sweep', { intervalMs: (config) => config.env.recoverySweepIntervalMs }, (now) =>
      sweeper.sweep(now),
    );
  }

  /** One sweep at a time per process. */
  sweep(now?: Date): Promise<SweepResult> {
    return this.periodic.run(now);
  }
}
