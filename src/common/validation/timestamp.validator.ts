import { registerDecorator, ValidationOptions } from 'class-validator';
import { isTimestamp, TIMESTAMP_MAX_YEAR, TIMESTAMP_MIN_YEAR } from '../time/timestamps';

/** A real calendar timestamp in one of the formats of common/time/timestamps. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return (object, propertyName) => {
    registerDecorator({
      name: 'isTimestamp',
      target: object.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a real date-time between ${TIMESTAMP_MIN_YEAR} and ${TIMESTAMP_MAX_YEAR} such as 2026-11-03T14:05:00+08:00 or 2026-11-03 14:05:00`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length <= 40 && isTimestamp(value) },
    });
  };
}
