import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { closeOnSignals, configOrExit, modeOf } from './bootstrap';
import { configureHttp } from './http';
import { ShopsService } from './shops/shops.service';

async function main(): Promise<void> {
  const config = configOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { http: true, logTo: 'stdout' }), {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, logger, config.env.shutdownTimeoutMs);
  configureHttp(app, config);
  await app.listen(config.env.port, config.env.host);

  logger.log({ msg: 'review recovery service listening', ...modeOf(config), workers: config.env.runWorkers, port: config.env.port });
  if (config.embeddedDatabase && config.env.createDemoShop) {
    const shops = app.get(ShopsService);
    if ((await shops.countShops()) === 0) {
      const { shop, key } = await shops.createShop('Demo shop');
      // Printed once, for the person who just started the service locally; only its hash is stored.
      logger.log({ msg: 'created a demo shop: use this API key as "Authorization: Bearer <apiKey>"', shopId: shop.id, apiKey: key });
    }
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
