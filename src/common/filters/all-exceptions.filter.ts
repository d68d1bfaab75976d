import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { DomainError, FieldProblem } from '../errors/domain-error';
import { DATABASE_RETRY_AFTER_S, isRetryableDatabaseError } from './retryable-database-error';
import { errorForLog } from '../errors/error-for-log';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldProblem[];
  requestId?: string;
}

/** body-parser errors arrive as plain errors carrying an http status and a type. */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && typeof (error as BodyParserError).status === 'number'
  );
}

const BODY_PARSER_CODES: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'MALFORMED_JSON', 'The request body is not valid JSON'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'],
  'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'The request body encoding is not supported'],
  'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', 'The request body charset is not supported'],
  'request.aborted': [400, 'REQUEST_ABORTED', 'The request was aborted by the client'],
  'request.size.invalid': [400, 'REQUEST_SIZE_INVALID', 'The request body size did not match Content-Length'],
  'entity.invalid.utf8': [400, 'INVALID_UTF8', 'The request body is not valid UTF-8'],
};

const JSON_SYNTAX = /JSON|Unexpected (token|end|non-whitespace)|Expected .*(after|property)|Bad (control|escaped)/;

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'RATE_LIMITED',
};

/**
 * The one place errors become HTTP responses: domain errors keep their code, framework errors get a
 * stable code, and anything unexpected is a generic 500 with the request id (the stack goes to the log only).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string | number }>();
    const body = this.toBody(exception);
    // body-parser errors happen before the request logger has given the request its id
    const requestId = request?.id ?? response.getHeader('X-Request-Id') ?? randomUUID();
    body.requestId = String(requestId);
    if (body.statusCode >= 500) {
      this.logger.error({ msg: 'unhandled error', err: errorForLog(exception, true), requestId: body.requestId });
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof ThrottlerException) response.setHeader('Retry-After', '60');
    if (body.code === 'DATABASE_UNAVAILABLE') response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    // Do not wait for the rest of an oversized upload: answer and close the connection.
    if (body.statusCode === 413) response.setHeader('Connection', 'close');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.problems.length ? { errors: exception.problems } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests for this API key; retry later' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
      // Nest turns body-parser's JSON SyntaxError into a BadRequestException carrying only its message
      if (status === 400 && exception.constructor.name === 'BadRequestException' && JSON_SYNTAX.test(message)) {
        return { statusCode: 400, code: 'MALFORMED_JSON', message: `The request body is not valid JSON: ${message.slice(0, 200)}` };
      }
      return { statusCode: status, code: HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'), message };
    }
    if (isBodyParserError(exception)) {
      const known = BODY_PARSER_CODES[exception.type];
      if (known) return { statusCode: known[0], code: known[1], message: known[2] };
      if (exception.status >= 400 && exception.status < 500) {
        return { statusCode: exception.status, code: HTTP_CODES[exception.status] ?? 'BAD_REQUEST', message: 'The request body could not be read' };
      }
    }
    if (isRetryableDatabaseError(exception)) {
      return {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database connection was lost or the transaction was aborted by a conflict; retry the request',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' };
  }
}
