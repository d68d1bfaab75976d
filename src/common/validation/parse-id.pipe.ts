import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-error';
import { isUuid } from './uuid';

/** Path ids are UUIDs; anything else is a 400 naming the parameter, not a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw new ValidationFailed([{ field: this.field, code: 'isUuid', message: `${this.field} must be a UUID` }]);
    }
    return value.toLowerCase();
  }
}
