import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { closeOnSignals, configOrExit, modeOf } from './bootstrap';
import { serveMetrics } from './metrics/metrics-server';
import { Metrics } from './metrics/metrics.service';

/** Workers only: no HTTP. Scale these separately from API processes (RUN_WORKERS=false there). */
async function main(): Promise<void> {
  const config = configOrExit({ runWorkers: true });
  if (config.inProcessJobs || config.embeddedDatabase) {
    process.stderr.write('worker.js needs DATABASE_URL and REDIS_URL: without them, jobs run inside the API process (main.js)\n');
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { http: false, logTo: 'stdout' }), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, logger, config.env.shutdownTimeoutMs);
  await app.init();
  if (config.env.metricsEnabled && config.env.metricsPort > 0) {
    await serveMetrics(app.get(Metrics), config.env.metricsPort, config.env.host, config.env.metricsToken);
  }
  logger.log({
    msg: 'review recovery worker started',
    ...modeOf(config),
    concurrency: config.env.workerConcurrency,
    metricsPort: config.env.metricsPort || null,
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
