import { INestApplication, VersioningType } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { checkJsonBody, MediaTypeGuard, undecodableBody, verifyUtf8 } from './common/http/json-body';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { ErrorResponse } from './common/filters/error-response';
import { completeContract } from './common/http/openapi-contract';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { webhooksSection } from './events/event-schemas';

/** Everything about the HTTP surface that is not a controller; main.ts and the e2e tests share it. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useBodyParser('json', { limit: config.env.bodyLimitBytes, verify: verifyUtf8 });
  app.use(undecodableBody);
  app.use(checkJsonBody);
  enableVersioning(app);
  app.useGlobalGuards(new MediaTypeGuard(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
}

/** /v1/... routes; /health and /docs stay unversioned. */
export function enableVersioning(app: INestApplication): void {
  app.enableVersioning({ type: VersioningType.URI });
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Review Recovery Service')
    .setDescription('Ingests shop reviews and runs medium/bad review recovery. Authenticate with Authorization: Bearer <API key>.')
    .setVersion('1')
    .build();
  const document = completeContract(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] }));
  // the event catalogue (docs/events.md): OpenAPI 3.0 has no webhooks section, Redoc reads x-webhooks
  return { ...document, 'x-webhooks': webhooksSection() } as OpenAPIObject;
}
