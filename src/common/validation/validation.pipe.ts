import { ValidationPipe } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-error';
import { toFieldProblems } from './field-problems';

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  // one problem per field: a missing field is "required", not three complaints about its type and length
  stopAtFirstError: true,
  transform: true,
  validationError: { target: false, value: false },
} as const;

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    exceptionFactory: (errors) => new ValidationFailed(toFieldProblems(errors)),
  });
}
