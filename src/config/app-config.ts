import { AppEnv, loadEnv } from './env';

/** Injectable holder of the validated environment. */
export class AppConfig {
  constructor(readonly env: AppEnv) {}

  static fromProcess(overrides: Partial<AppEnv> = {}): AppConfig {
    return new AppConfig({ ...loadEnv(), ...overrides });
  }

  get embeddedDatabase(): boolean {
    return this.env.databaseUrl === null;
  }

  get inProcessJobs(): boolean {
    return this.env.redisUrl === null;
  }
}
