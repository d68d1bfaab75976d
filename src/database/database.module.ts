import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions, EntityList, runMigrations } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';
import { guardPoolClients } from './pool-guard';
import { TableStatistics } from './table-statistics.service';

/** Starts the embedded PostgreSQL when DATABASE_URL is not set, and stops it after the data source closes. */
@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseLifecycle.name);
  private embedded: EmbeddedPostgres | null = null;

  constructor(private readonly config: AppConfig) {}

  async url(): Promise<string> {
    const { databaseUrl, embeddedDataDir } = this.config.env;
    if (databaseUrl) return databaseUrl;
    if (!this.embedded) {
      const started = Date.now();
      this.embedded = await EmbeddedPostgres.start(embeddedDataDir);
      this.logger.log({ msg: 'embedded PostgreSQL (PGlite) started', dataDir: embeddedDataDir, ms: Date.now() - started });
    }
    return this.embedded.url;
  }

  private dataSource: DataSource | null = null;

  /** The data source to close before the embedded database stops. */
  attach(dataSource: DataSource): void {
    this.dataSource = dataSource;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    // The data source must close before the database under it.
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.embedded.stop();
    this.embedded = null;
  }
}

@Global()
@Module({ providers: [DatabaseLifecycle], exports: [DatabaseLifecycle] })
class DatabaseLifecycleModule {}

@Global()
@Module({})
export class DatabaseModule {
  constructor(@Inject('DATABASE_READY') readonly ready: boolean) {}

  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        DatabaseLifecycleModule,
        TypeOrmModule.forRootAsync({
          inject: [AppConfig, DatabaseLifecycle],
          useFactory: async (config: AppConfig, lifecycle: DatabaseLifecycle) =>
            dataSourceOptions({
              url: await lifecycle.url(),
              entities,
              // PGlite is one session: a second connection would interleave transactions.
              poolSize: config.embeddedDatabase ? 1 : config.env.databasePoolSize,
              singleSession: config.embeddedDatabase,
            }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            return guardPoolClients(await new DataSource(options).initialize());
          },
        }),
      ],
      providers: [
        {
          provide: 'DATABASE_READY',
          inject: [AppConfig, DatabaseLifecycle, getDataSourceToken()],
          useFactory: async (config: AppConfig, lifecycle: DatabaseLifecycle, dataSource: DataSource) => {
            lifecycle.attach(dataSource);
            if (config.env.runMigrations) {
              const applied = await runMigrations(dataSource);
              if (applied.length) new Logger('Migrations').log({ msg: 'migrations applied', applied });
            }
            return true;
          },
        },
        TableStatistics,
      ],
      exports: ['DATABASE_READY', TableStatistics],
    };
  }
}
