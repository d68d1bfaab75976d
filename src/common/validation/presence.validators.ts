import { registerDecorator, ValidateIf, ValidationOptions, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

@ValidatorConstraint({ name: 'isNotNull' })
class NotNullConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return value !== null;
  }

  defaultMessage(): string {
    return '$property must not be null; leave it out to keep the current value';
  }
}

/**
 * For update bodies where null is not a value: the field may be left out (no check runs), but null is an
 * error (isNotNull) instead of passing class-validator's IsOptional and reaching a NOT NULL column.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return (object, propertyName) => {
    ValidateIf((_object, value) => value !== undefined, options)(object, propertyName);
    // registered as an isDefined-type check so that it runs before the type checks, whatever the decorator order
    registerDecorator({
      name: 'isDefined',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: NotNullConstraint,
    });
  };
}
