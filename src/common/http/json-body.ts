import type { IncomingMessage } from 'node:http';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, FieldProblem, UnsupportedMediaType, ValidationFailed } from '../errors/domain-error';

/** Deeper than any request body of the API; class-transformer and class-validator recurse, so depth is bounded first. */
export const JSON_MAX_DEPTH = 32;

/** What no text column can store, whatever the field: NUL and UTF-16 surrogates without their pair. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * body-parser's `verify`: refuses a body that is not valid UTF-8 instead of letting it decode to U+FFFD.
 * body-parser reports an error thrown here with status 403; the error filter maps its type to a 400.
 */
export function verifyUtf8(_request: IncomingMessage, _response: unknown, body: Buffer): void {
  try {
    fatalUtf8.decode(body);
  } catch {
    throw Object.assign(new Error('The request body is not valid UTF-8'), { type: 'entity.invalid.utf8' });
  }
}

/**
 * The first problem of a parsed JSON body that no DTO could accept: nesting deeper than JSON_MAX_DEPTH, or a
 * key or string with NUL or a lone surrogate. Iterative, so a body nested thousands deep cannot overflow the stack.
 */
export function jsonBodyProblem(body: unknown, maxDepth = JSON_MAX_DEPTH): FieldProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value, path);
      if (problem) return problem;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) {
      return { field: path || '(body)', code: 'maxDepth', message: `the request body must not nest objects and arrays more than ${maxDepth} deep` };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const problem = textProblem(key, childPath);
      if (problem) return { ...problem, message: `the name of ${problem.message}` };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function textProblem(text: string, path: string): FieldProblem | null {
  const field = path || '(body)';
  if (NUL.test(text)) return { field, code: 'noControlCharacters', message: `${field} must not contain control characters` };
  if (LONE_SURROGATE.test(text)) {
    return { field, code: 'wellFormedText', message: `${field} must be well-formed Unicode text (it has a UTF-16 surrogate without its pair)` };
  }
  return null;
}

/**
 * Express error middleware right after the JSON parser: a body that does not decompress as its Content-Encoding
 * says reaches here as zlib's error with a 400 but none of body-parser's error types, which the error filter
 * would answer with a 500.
 */
export function undecodableBody(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const parserError = error as { status?: unknown; type?: unknown; code?: unknown } | null;
  const undecodable =
    typeof parserError === 'object' &&
    parserError !== null &&
    parserError.status === 400 &&
    parserError.type === undefined &&
    typeof parserError.code === 'string';
  next(undecodable ? new DomainError('INVALID_CONTENT_ENCODING', 400, 'The request body could not be decoded as its Content-Encoding says') : error);
}

/** Express middleware after the JSON parser: a body jsonBodyProblem finds fault with is a 400 naming the field. */
export function checkJsonBody(request: Request, _response: Response, next: NextFunction): void {
  const problem = request.body === undefined ? null : jsonBodyProblem(request.body);
  next(problem ? new ValidationFailed([problem]) : undefined);
}

/**
 * A request body the handler cannot read is a 415, not a body-less request that then fails validation
 * ("platform is required"). A handler takes JSON unless it declares other media types with @ApiConsumes,
 * so the OpenAPI document and this check cannot disagree. Handlers without a body argument are left alone.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    const consumes = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]);
    if (!consumes && !takesBody(context)) return true;
    const accepted = consumes ?? ['application/json'];
    if (request.is(accepted)) return true;
    const sent = request.headers['content-type'];
    throw new UnsupportedMediaType(
      `This endpoint takes ${accepted.join(' or ')}; the request body was sent as ${sent ? sent.split(';')[0].trim() : 'no Content-Type'}`,
    );
  }
}

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

function takesBody(context: ExecutionContext): boolean {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) as Record<string, unknown> | undefined;
  return Object.keys(args ?? {}).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}
