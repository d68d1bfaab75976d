import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { EnvError } from './config/env';
import { errorForLog } from './common/errors/error-for-log';

/** Reads the environment or stops the process with a message naming the bad variable. */
export function configOrExit(overrides: Partial<AppConfig['env']> = {}, fallback: Partial<Pick<AppConfig['env'], 'logLevel'>> = {}): AppConfig {
  try {
    return AppConfig.fromProcess(overrides, fallback);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export function modeOf(config: AppConfig): { database: string; jobs: string } {
  return {
    database: config.embeddedDatabase ? `embedded PGlite (${config.env.embeddedDataDir})` : 'PostgreSQL (DATABASE_URL)',
    jobs: config.inProcessJobs ? 'in-process' : 'BullMQ on Redis (REDIS_URL)',
  };
}

/**
 * On SIGTERM/SIGINT: stop taking requests, let running jobs finish, close the queue and the
 * database (flushing the embedded one), then exit 0. A second signal exits at once. A close that takes longer than
 * SHUTDOWN_TIMEOUT_MS (BullMQ's Worker.close() waits for Redis forever) exits 1: what the process held is still
 * pending in PostgreSQL and the sweepers of the other processes, or of the next start, take it.
 */
export function closeOnSignals(app: INestApplicationContext, logger: LoggerService, timeoutMs: number): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    const started = Date.now();
    logger.log({ msg: 'shutting down', signal, timeoutMs });
    setTimeout(() => {
      logger.error({ msg: 'shutdown timed out: exiting with work in hand, left to the sweepers', timeoutMs });
      process.exit(1);
    }, timeoutMs);
    app
      .close()
      .then(() => {
        logger.log({ msg: 'shutdown complete', ms: Date.now() - started });
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ msg: 'shutdown failed', err: errorForLog(error) });
        process.exit(1);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
