import { AppEnv, loadEnv } from './env';

/** Injectable holder of the validated environment. */
export class AppConfig {
  constructor(readonly env: AppEnv) {}

  static fromProcess(overrides: Partial<AppEnv> = {}, fallback: Partial<Pick<AppEnv, 'logLevel'>> = {}): AppConfig {
    return new AppConfig({ ...loadEnv(process.env, fallback), ...overrides });
  }

  get embeddedDatabase(): boolean {
    return this.env.databaseUrl === null;
  }

  get inProcessJobs(): boolean {
    return this.env.redisUrl === null;
  }
}
