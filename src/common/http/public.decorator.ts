import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_OPERATION } from './openapi-contract';

/** The metadata key ApiKeyGuard (shops/auth.ts) reads to let a route through without a key. */
export const PUBLIC_ROUTE = 'rrs:public';

/** Marks a route that needs no API key (health, docs); the OpenAPI document says so with `security: []`. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));
