import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are UUIDs; anything else is a 400 naming the parameter, not a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!UUID.test(value)) {
      throw new ValidationFailed([{ field: this.field, code: 'isUuid', message: `${this.field} must be a UUID` }]);
    }
    return value.toLowerCase();
  }
}
