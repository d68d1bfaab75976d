import type { OpenAPIObject } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
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
    description: 'VALIDATION_FAILED (errors names each field at fault), MALFORMED_JSON, INVALID_UTF8 or BAD_REQUEST',
  },
  '401': { when: (op) => op.secured, description: 'UNAUTHORIZED: no API key, or one that is not valid or has been revoked' },
  '404': { when: (op) => op.hasPathId, description: "NOT_FOUND (or a specific *_NOT_FOUND code): no such resource in the key's shop" },
  '413': { when: (op) => op.hasBody, description: 'PAYLOAD_TOO_LARGE: the body is larger than the limit' },
  '415': { when: (op) => op.hasBody, description: 'UNSUPPORTED_MEDIA_TYPE: the body is not one of the media types this operation consumes' },
  '429': {
    when: (op) => op.secured,
    description: 'RATE_LIMITED: too many requests for this API key',
    headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
  },
};

interface OperationFacts {
  secured: boolean;
  hasInput: boolean;
  hasBody: boolean;
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

/** `type: object` with nothing else is a free-form object (generators would read it as an empty one). */
function markFreeFormObjects(schema: unknown, seen = new Set<unknown>()): void {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
  seen.add(schema);
  const object = schema as SchemaObject;
  if (object.type === 'object' && !object.properties && object.additionalProperties === undefined && !object.allOf && !object.oneOf && !object.anyOf) {
    object.additionalProperties = true;
  }
  for (const value of Object.values(object)) markFreeFormObjects(value, seen);
}

/** class-validator keeps every decorated class in this map; the public API looks classes up but cannot list them. */
function validatedClasses(): Map<string, ValidationMetadata[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<abstract new (...args: never[]) => unknown, ValidationMetadata[]> };
  const byName = new Map<string, ValidationMetadata[]>();
  for (const target of storage.validationMetadatas.keys()) {
    byName.set(target.name, getMetadataStorage().getTargetValidationMetadatas(target, '', true, false));
  }
  return byName;
}

/** The schema keyword each validator proves, so that the document states the limits the API enforces. */
function applyValidator(schema: SchemaObject, rule: ValidationMetadata): void {
  const [first] = (rule.constraints ?? []) as unknown[];
  const target = rule.each && schema.type === 'array' && schema.items && !isReference(schema.items) ? schema.items : schema;
  switch (rule.name) {
    case 'maxLength':
      target.maxLength ??= first as number;
      break;
    case 'minLength':
      target.minLength ??= first as number;
      break;
    case 'max':
      target.maximum ??= first as number;
      break;
    case 'min':
      target.minimum ??= first as number;
      break;
    case 'isInt':
      if (target.type === 'number') target.type = 'integer';
      break;
    case 'arrayMaxSize':
      schema.maxItems ??= first as number;
      break;
    case 'arrayMinSize':
      schema.minItems ??= first as number;
      break;
    case 'isUuid':
      target.format ??= 'uuid';
      break;
    case 'isTimestamp':
      target.description ??= 'ISO 8601 timestamp; without an offset, read in the shop time zone';
      break;
  }
}

/** Request schemas get the limits of their class-validator rules; response timestamps are Date.toISOString(). */
function completeSchemas(schemas: Record<string, SchemaObject | ReferenceObject>, rules: Map<string, ValidationMetadata[]>): void {
  for (const [name, schema] of Object.entries(schemas)) {
    if (isReference(schema) || !schema.properties) continue;
    for (const rule of rules.get(name) ?? []) {
      const property = schema.properties[rule.propertyName];
      if (property && !isReference(property)) applyValidator(property, rule);
    }
    if (!name.endsWith('Response')) continue;
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!isReference(property) && property.type === 'string' && !property.format && /At$/.test(key)) property.format = 'date-time';
    }
  }
}

/**
 * Query parameters lose their DTO class on the way into the document; the class is found again as the one
 * validated class whose properties are exactly the operation's query parameters (none when that is ambiguous).
 */
function completeQueryParameters(parameters: ParameterObject[], rules: Map<string, ValidationMetadata[]>): void {
  const query = parameters.filter((parameter) => parameter.in === 'query');
  if (query.length === 0) return;
  const names = new Set(query.map((parameter) => parameter.name));
  const matches = [...rules.values()].filter((classRules) => {
    const properties = new Set(classRules.map((rule) => rule.propertyName));
    return properties.size === names.size && [...names].every((name) => properties.has(name));
  });
  if (matches.length !== 1) return;
  for (const rule of matches[0]) {
    const parameter = query.find((candidate) => candidate.name === rule.propertyName);
    if (parameter?.schema && !isReference(parameter.schema)) applyValidator(parameter.schema, rule);
  }
}

/**
 * What @nestjs/swagger cannot say from the decorators: the shared error responses, the opaque bearer key,
 * public routes, path ids, the limits the validators enforce, and that text/* bodies (CSV uploads, rendered reports) are strings.
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

  const rules = validatedClasses();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => !isReference(parameter));
      for (const parameter of parameters) {
        // every id in a path goes through ParseIdPipe, which answers 400 unless it is a UUID
        if (parameter.in === 'path' && parameter.name === 'id' && parameter.schema && !isReference(parameter.schema)) parameter.schema.format = 'uuid';
      }
      completeQueryParameters(parameters, rules);
      const extended = operation as OperationObject & { [PUBLIC_OPERATION]?: boolean };
      if (extended[PUBLIC_OPERATION]) {
        operation.security = [];
        delete extended[PUBLIC_OPERATION];
      }
      const facts: OperationFacts = {
        secured: operation.security === undefined || operation.security.length > 0,
        hasInput: parameters.length > 0 || operation.requestBody !== undefined,
        hasBody: operation.requestBody !== undefined,
        hasPathId: /\{id\}/.test(path),
      };
      const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
      for (const [status, standard] of Object.entries(STANDARD_ERRORS)) {
        if (standard.when(facts) && !responses[status])
          responses[status] = { description: standard.description, ...(standard.headers ? { headers: standard.headers } : {}) };
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
  completeSchemas(document.components.schemas ?? {}, rules);
  markFreeFormObjects(document.components.schemas);
  markFreeFormObjects(document.paths);
  addNullToNullableEnums(document.components.schemas);
  addNullToNullableEnums(document.paths);
  return document;
}
