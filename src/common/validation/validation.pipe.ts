import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationFailed } from '../errors/domain-error';
import { toFieldProblems } from './field-problems';
import { hasControlCharacters } from './text.validators';

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  // Every check of a field runs and toFieldProblems reports the most basic one ("required", then the type), so
  // the order of the decorators cannot make "abc" read as "must not be greater than 200".
  stopAtFirstError: false,
  transform: true,
  validationError: { target: false, value: false },
} as const;

/**
 * The global pipe: class-validator's ValidationPipe with the API's error shape. Query parameters are filters,
 * ids, dates and cursors: a control character in any of them (NUL cannot even be compared with a text column)
 * is refused here, once, rather than by a decorator on each query field.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query') {
      const problem = queryProblem(value, metadata.data ?? '');
      if (problem) throw new ValidationFailed([problem]);
    }
    return super.transform(value, metadata);
  }
}

function queryProblem(value: unknown, path: string): FieldProblem | null {
  if (typeof value === 'string') {
    return hasControlCharacters(value) ? { field: path, code: 'noControlCharacters', message: `${path} must not contain control characters` } : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const problem = queryProblem(child, path === '' ? key : Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    ...VALIDATION_OPTIONS,
    exceptionFactory: (errors) => new ValidationFailed(toFieldProblems(errors)),
  });
}
