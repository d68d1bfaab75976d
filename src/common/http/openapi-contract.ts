import type { OpenAPIObject } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ErrorResponse } from '../filters/error-response';

export const BEARER_SCHEME = 'bearer';
/** The extension @Public() puts on an operation; the finished document says `security: []` instead. */
export const PUBLIC_OPERATION = 'x-public';

const ERROR_CONTENT = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } };

/** The errors every operation of a kind can answer, written once instead of on each route. */
const STANDARD_ERRORS: Record<string, { when: (op: OperationFacts) => boolean; description: string; headers?: ResponseObject['headers'] }> = {
  '400': {
    when: (op) => op.hasInput,
    description: 'VALIDATION_FAILED (errors names each field at fault), MALFORMED_JSON or BAD_REQUEST',
  },
  '401': { when: (op) => op.secured, description: 'UNAUTHORIZED: no API key, or one that is not valid or has been revoked' },
  '404': { when: (op) => op.hasPathId, description: "NOT_FOUND (or a specific *_NOT_FOUND code): no such resource in the key's shop" },
  '429': {
    when: (op) => op.secured,
    description: 'RATE_LIMITED: too many requests for this API key',
    headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
  },
};

interface OperationFacts {
  secured: boolean;
  hasInput: boolean;
  hasPathId: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** OpenAPI 3.0 validators only accept null for a nullable enum when the enum lists it. */
function addNullToNullableEnums(schema: unknown, seen = new Set<unknown>()): void {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
  seen.add(schema);
  const object = schema as SchemaObject;
  if (object.nullable && Array.isArray(object.enum) && !object.enum.includes(null)) object.enum = [...object.enum, null];
  for (const value of Object.values(object)) addNullToNullableEnums(value, seen);
}

/**
 * What @nestjs/swagger cannot say from the decorators: the shared error responses, the opaque bearer key,
 * public routes, path ids, and that text/* bodies (CSV uploads, rendered reports) are strings.
 */
export function completeContract(document: OpenAPIObject): OpenAPIObject {
  document.servers = [{ url: '/', description: 'this server' }];
  document.info.license = { name: 'UNLICENSED' };
  document.components = document.components ?? {};
  document.components.securitySchemes = {
    [BEARER_SCHEME]: {
      type: 'http',
      scheme: 'bearer',
      description: 'An opaque API key: the shop integration key or a staff member key (not a JWT)',
    },
  };
  // secure by default: a route opts out with @Public(), which documents security: []
  document.security = [{ [BEARER_SCHEME]: [] }];

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => !isReference(parameter));
      for (const parameter of parameters) {
        // every id in a path goes through ParseIdPipe, which answers 400 unless it is a UUID
        if (parameter.in === 'path' && parameter.name === 'id' && parameter.schema && !isReference(parameter.schema)) parameter.schema.format = 'uuid';
      }
      const extended = operation as OperationObject & { [PUBLIC_OPERATION]?: boolean };
      if (extended[PUBLIC_OPERATION]) {
        operation.security = [];
        delete extended[PUBLIC_OPERATION];
      }
      const facts: OperationFacts = {
        secured: operation.security === undefined || operation.security.length > 0,
        hasInput: parameters.length > 0 || operation.requestBody !== undefined,
        hasPathId: /\{id\}/.test(path),
      };
      const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
      for (const [status, standard] of Object.entries(STANDARD_ERRORS)) {
        if (standard.when(facts) && !responses[status]) responses[status] = { description: standard.description, ...(standard.headers ? { headers: standard.headers } : {}) };
      }
      for (const [status, response] of Object.entries(responses)) {
        if (isReference(response)) continue;
        if (/^[45]\d\d$/.test(status) && !response.content) response.content = ERROR_CONTENT;
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (type.startsWith('text/')) media.schema = { type: 'string' };
        }
      }
      const body = operation.requestBody;
      if (body && !isReference(body)) {
        for (const [type, media] of Object.entries(body.content)) {
          if (type.startsWith('text/')) media.schema = { type: 'string' };
        }
      }
      operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  addNullToNullableEnums(document.components.schemas);
  addNullToNullableEnums(document.paths);
  return document;
}
