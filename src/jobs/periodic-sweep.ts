import type { Logger } from '@nestjs/common';
import { errorForLog } from '../common/errors/error-for-log';

/**
 * A sweep of the database that worker processes run on a timer: the record of pending work is PostgreSQL, so a
 * sweep finds what a lost job, a crash or a Redis flush left behind. One run at a time per process (a call while
 * one runs gets that run); a failed run is logged and the next tick tries again; stop() clears the timer and waits
 * for the run in flight.
 */
export class PeriodicSweep<T, P = undefined> {
  private timer: NodeJS.Timeout | null = null;
  private firstRun: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  /** `name` says what failed in the log ("webhook sweep"); `work` gets the argument of run(), if any. */
  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    private readonly work: (arg?: P) => Promise<T>,
  ) {}

  run(arg?: P): Promise<T> {
    if (this.running) return this.running;
    this.running = this.work(arg).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs every `intervalMs` (never when it is 0 or less), and once after `firstAfterMs` when given. */
  start(intervalMs: number, firstAfterMs?: number): void {
    if (intervalMs <= 0) return;
    const tick = () => void this.run().catch((error: unknown) => this.logger.warn({ msg: `${this.name} failed`, err: errorForLog(error) }));
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    if (firstAfterMs !== undefined) {
      this.firstRun = setTimeout(tick, firstAfterMs);
      this.firstRun.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstRun) clearTimeout(this.firstRun);
    this.timer = null;
    this.firstRun = null;
    await this.running?.catch(() => undefined);
  }
}
