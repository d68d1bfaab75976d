import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configOrExit } from './bootstrap';
import { runClassify, runEvalClassify } from './classification/classify.cli';
import { DomainError } from './common/errors/domain-error';
import { AppConfig } from './config/app-config';
import { diffEntitiesAgainstMigrations, writeMigration } from './database/migration-tools';
import { ENTITIES } from './entities';
import { enableVersioning, openApiDocument } from './http';
import { AutoDraftWorkers } from './replies/auto-draft-workers.service';
import { renderReplySamples } from './replies/reply-samples';
import { ReportWorkers } from './reports/report-workers.service';
import { WebhookWorkers } from './replies/webhook-workers.service';
import { runReviewerRisk } from './reviewers/reviewer-risk.cli';
import { RecoveryWorkers } from './recovery/recovery-workers.service';
import { AnalysisWorkers } from './analysis/analysis-workers.service';
import { CsvImportService } from './reviews/csv/csv-import.service';
import { STAFF_ROLES, StaffRole } from './shops/staff-member.entity';
import { ShopsService } from './shops/shops.service';
import { StaffService } from './shops/staff.service';
import type { INestApplicationContext } from '@nestjs/common';

/**
 * Operator commands. Results go to stdout as JSON lines and nothing else does: logs go to stderr,
 * so the output can be piped into other tools.
 */
type Command = (args: string[]) => Promise<number>;

const USAGE = `usage: npm run --silent cli -- <command> [options]

  shop:create --name NAME [--timezone Asia/Shanghai] [--locale zh|en]
                                                       create a shop and its first API key
  apikey:create --shop SHOP_ID --name NAME             another API key for a shop
  apikey:revoke --shop SHOP_ID --key KEY_ID            revoke an API key
  import --shop SHOP_ID --file F [--format auto|FORMAT] [--platform P] [--encoding gbk]
                                                       import a review file (CSV, JSON, xlsx; docs/platform-formats.md)
  staff:create --shop SHOP_ID --name NAME --role lead|agent   add a staff member and print their API key
  analysis:sweep                                       re-enqueue overdue review analyses now
  recovery:sweep                                       mark missed promises, close passed windows, refresh queue urgency now
  webhooks:sweep                                       dispatch missed report.created events, re-enqueue deliveries whose job was lost
  replies:sweep                                        enqueue analysed medium/bad reviews whose automatic draft is overdue
  replies:samples [--out docs/reply-samples.md]        draft the sample reviews and write the samples page
  migration:run                                        apply pending migrations
  migration:check                                      fail when entities and migrations disagree
  migration:generate NAME                              write a migration for what the entities changed
  openapi [--out openapi.json]                         write the OpenAPI document
  reviewer-risk                                        score review-history JSON lines from stdin, one risk line per buyer
  classify                                             classify JSON lines {"id","text","rating"?,"lang"?} from stdin
  eval:classify --file F                               score the classifier on a labelled JSON lines file
`;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

async function withApp<T>(config: AppConfig, run: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { http: false, logTo: 'stderr' }), {
    bufferLogs: true,
    logger: ['error', 'warn'],
  });
  app.useLogger(app.get(Logger));
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

// Commands that never enqueue run without Redis: nothing to connect to, nothing to close on exit.
const cliConfig = () => configOrExit({ runWorkers: false, analysisSweepIntervalMs: 0, redisUrl: null }, { logLevel: 'warn' });
const cliConfigWithQueue = () => configOrExit({ runWorkers: false, analysisSweepIntervalMs: 0 }, { logLevel: 'warn' });

const commands: Record<string, Command> = {
  'shop:create': async (args) => {
    const { values } = parseArgs({ args, options: { name: { type: 'string' }, timezone: { type: 'string' }, locale: { type: 'string' } } });
    if (!values.name) return fail('shop:create needs --name NAME');
    const name = values.name;
    const locale = values.locale ?? 'zh';
    if (locale !== 'zh' && locale !== 'en') return fail('shop:create --locale must be zh or en');
    const { shop, key } = await withApp(cliConfig(), (app) => app.get(ShopsService).createShop(name, values.timezone, locale));
    print({ shopId: shop.id, apiKey: key });
    return 0;
  },
  'apikey:create': async (args) => {
    const { values } = parseArgs({ args, options: { shop: { type: 'string' }, name: { type: 'string' } } });
    if (!values.shop || !values.name) return fail('apikey:create needs --shop SHOP_ID --name NAME');
    const [shopId, name] = [values.shop, values.name];
    const created = await withApp(cliConfig(), async (app) => {
      const shops = app.get(ShopsService);
      await shops.getShop(shopId);
      return shops.createApiKey(shopId, name);
    });
    print({ shopId, keyId: created.apiKey.id, apiKey: created.key });
    return 0;
  },
  'apikey:revoke': async (args) => {
    const { values } = parseArgs({ args, options: { shop: { type: 'string' }, key: { type: 'string' } } });
    if (!values.shop || !values.key) return fail('apikey:revoke needs --shop SHOP_ID --key KEY_ID');
    const [shopId, keyId] = [values.shop, values.key];
    const revoked = await withApp(cliConfig(), (app) => app.get(ShopsService).revokeApiKey(shopId, keyId));
    print({ keyId: revoked.id, revokedAt: revoked.revokedAt });
    return 0;
  },
  'staff:create': async (args) => {
    const { values } = parseArgs({ args, options: { shop: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } });
    if (!values.shop || !values.name?.trim() || !values.role) return fail('staff:create needs --shop SHOP_ID --name NAME --role lead|agent');
    if (!(STAFF_ROLES as readonly string[]).includes(values.role)) return fail('--role must be lead or agent');
    const [shopId, name, role] = [values.shop, values.name, values.role as StaffRole];
    const created = await withApp(cliConfig(), async (app) => {
      await app.get(ShopsService).getShop(shopId);
      const staff = app.get(StaffService);
      const member = await staff.create(shopId, name, role);
      const { key } = await staff.createKey(shopId, member.id);
      return { staffId: member.id, apiKey: key };
    });
    print(created);
    return 0;
  },
  import: async (args) => {
    const options = {
      shop: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string' },
      platform: { type: 'string' },
      encoding: { type: 'string' },
    } as const;
    const { values } = parseArgs({ args, options });
    if (!values.shop || !values.file) return fail('import needs --shop SHOP_ID --file F [--format auto|FORMAT] [--platform P] [--encoding gbk]');
    const file = values.file;
    const shopId = values.shop;
    if (!existsSync(file)) return fail(`import: no file ${file}`);
    const result = await withApp(cliConfigWithQueue(), async (app) => {
      const shop = await app.get(ShopsService).getShop(shopId);
      // the same reading, validation and idempotency as POST /v1/reviews/import
      return app.get(CsvImportService).importBytes({ shopId: shop.id, apiKeyId: 'cli', timezone: shop.timezone }, createReadStream(file), {
        format: values.format,
        platform: values.platform,
        encoding: values.encoding,
      });
    });
    print(result);
    return result.summary.rejected ? 1 : 0;
  },
  'recovery:sweep': async () => {
    const result = await withApp(cliConfig(), (app) => app.get(RecoveryWorkers).sweep());
    print(result);
    return 0;
  },
  'analysis:sweep': async () => {
    const count = await withApp(cliConfigWithQueue(), (app) => app.get(AnalysisWorkers).sweep());
    print({ reenqueued: count });
    return 0;
  },
  'webhooks:sweep': async () => {
    // missed report.created events first: their deliveries are enqueued as they are written
    const { dispatched, reenqueued } = await withApp(cliConfigWithQueue(), async (app) => ({
      dispatched: await app.get(ReportWorkers).sweepEvents(),
      reenqueued: await app.get(WebhookWorkers).sweep(),
    }));
    print({ reenqueued, reportEventsDispatched: dispatched });
    return 0;
  },
  'replies:sweep': async () => {
    const count = await withApp(cliConfigWithQueue(), (app) => app.get(AutoDraftWorkers).sweep());
    print({ reenqueued: count });
    return 0;
  },
  'replies:samples': async (args) => {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    const page = renderReplySamples();
    if (values.out) {
      writeFileSync(values.out, page);
      print({ written: values.out });
    } else {
      process.stdout.write(page);
    }
    return 0;
  },
  'migration:run': async () => {
    // booting the app context applies pending migrations (RUN_MIGRATIONS defaults to true)
    await withApp(
      configOrExit({ runWorkers: false, analysisSweepIntervalMs: 0, runMigrations: true, redisUrl: null }, { logLevel: 'warn' }),
      async () => undefined,
    );
    print({ migrated: true });
    return 0;
  },
  'migration:check': async () => {
    const diff = await diffEntitiesAgainstMigrations(ENTITIES);
    if (diff.up.length) {
      process.stderr.write(`entities and migrations disagree; run npm run migration:generate -- NAME\n${diff.up.join('\n')}\n`);
      return 1;
    }
    print({ migrationsMatchEntities: true });
    return 0;
  },
  'migration:generate': async (args) => {
    const name = args[0];
    if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return fail('migration:generate needs a CamelCase NAME');
    const diff = await diffEntitiesAgainstMigrations(ENTITIES);
    if (!diff.up.length) {
      print({ generated: null, reason: 'entities and migrations already agree' });
      return 0;
    }
    print({ generated: writeMigration(name, diff) });
    return 0;
  },
  classify: async () => runClassify(process.stdin, process.stdout),
  'eval:classify': async (args) => {
    const { values } = parseArgs({ args, options: { file: { type: 'string' } } });
    if (!values.file) return fail('eval:classify needs --file F');
    return runEvalClassify(values.file, process.stdout);
  },
  'reviewer-risk': async () => {
    await runReviewerRisk(process.stdin, process.stdout);
    return 0;
  },
  openapi: async (args) => {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    const config = cliConfig();
    // preview mode builds the module graph without connecting to anything
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { http: true, logTo: 'stderr' }), {
      preview: true,
      logger: false,
    });
    enableVersioning(app);
    const document = openApiDocument(app);
    const json = `${JSON.stringify(document, null, 2)}\n`;
    if (values.out) writeFileSync(values.out, json);
    else process.stdout.write(json);
    return 0;
  },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    process.exit(name ? 2 : 0);
  }
  try {
    process.exitCode = await command(args);
  } catch (error) {
    if (error instanceof DomainError) {
      process.stderr.write(`${error.code}: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
