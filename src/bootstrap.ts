import { AppConfig } from './config/app-config';
import { EnvError } from './config/env';

/** Reads the environment or stops the process with a message naming the bad variable. */
export function configOrExit(overrides: Partial<AppConfig['env']> = {}): AppConfig {
  try {
    return AppConfig.fromProcess(overrides);
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
