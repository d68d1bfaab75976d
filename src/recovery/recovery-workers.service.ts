import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RecoverySweepService, SweepResult } from './recovery-sweep.service';

/** Runs the recovery sweep on a timer in processes that run workers. */
@Injectable()
export class RecoveryWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RecoveryWorkers.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly sweeper: RecoverySweepService,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.env.recoverySweepIntervalMs;
    if (!this.config.env.runWorkers || interval <= 0) return;
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ msg: 'recovery sweep failed', err: String(error) })), interval);
    this.timer.unref();
  }

  /** One sweep at a time per process. */
  async sweep(now?: Date): Promise<SweepResult> {
    if (this.running) return this.running;
    this.running = this.sweeper.sweep(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
