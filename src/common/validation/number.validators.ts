import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * True for a finite number with at most `places` decimals. class-validator's own maxDecimalPlaces reads the
 * decimals off toString() and throws on exponent forms such as 1e-7; rounding to `places` and comparing does not.
 */
export function hasAtMostDecimalPlaces(value: unknown, places: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * A finite number with at most `places` decimals (money: 2). Reported as isNumber, the code the
 * API has always given a number of the wrong form.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (object, propertyName) => {
    registerDecorator({
      name: 'isNumber',
      target: object.constructor,
      propertyName: propertyName as string,
      constraints: [places],
      options: { message: `$property must be a number with at most ${places} decimal places`, ...options },
      validator: { validate: (value: unknown) => hasAtMostDecimalPlaces(value, places) },
    });
  };
}
