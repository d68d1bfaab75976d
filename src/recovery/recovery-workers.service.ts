import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { RecoverySweepService, SweepResult } from './recovery-sweep.service';

/** Runs the recovery sweep on a timer in processes that run workers. */
@Injectable()
export class RecoveryWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RecoveryWorkers.name);
  private readonly periodic = new PeriodicSweep<SweepResult, Date>('recovery sweep', this.logger, (now) => this.sweeper.sweep(now));

  constructor(
    private readonly config: AppConfig,
    private readonly sweeper: RecoverySweepService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env.runWorkers) this.periodic.start(this.config.env.recoverySweepIntervalMs);
  }

  /** One sweep at a time per process. */
  sweep(now?: Date): Promise<SweepResult> {
    return this.periodic.run(now);
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }
}
