/** A field-level problem reported back to the caller. */
export interface FieldProblem {
  /** path of the field at fault, e.g. "rating" or "items[3].reviewedAt" */
  field: string;
  /** stable machine-readable code, e.g. "max", "isIso8601" */
  code: string;
  message: string;
}

/**
 * Errors the domain raises on purpose. Each has a stable code and an HTTP status; the global
 * filter turns them into the response body. Anything else is an unexpected 500.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(problems: FieldProblem[], message = 'The request is not valid') {
    super('VALIDATION_FAILED', 400, message, problems);
  }
}

export class NotFound extends DomainError {
  constructor(resource: string, id: string) {
    super(`${resource.toUpperCase()}_NOT_FOUND`, 404, `${resource} ${id} does not exist`);
  }
}

export class ReviewNotFound extends NotFound {
  constructor(id: string) {
    super('review', id);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'A valid API key is required: Authorization: Bearer <key>') {
    super('UNAUTHORIZED', 401, message);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(limitBytes: number) {
    super('PAYLOAD_TOO_LARGE', 413, `The request body is larger than ${limitBytes} bytes`);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(message: string) {
    super('UNSUPPORTED_MEDIA_TYPE', 415, message);
  }
}

export class CsvMalformed extends DomainError {
  constructor(line: number | null, detail: string) {
    super(
      'CSV_MALFORMED',
      422,
      line === null ? `The CSV file is malformed: ${detail}` : `The CSV file is malformed at line ${line}: ${detail}`,
      line === null ? [] : [{ field: `line ${line}`, code: 'csvMalformed', message: detail }],
    );
  }
}

export class CsvMissingColumns extends DomainError {
  constructor(columns: string[]) {
    super(
      'CSV_MISSING_COLUMNS',
      422,
      `The CSV header lacks required column(s): ${columns.join(', ')}`,
      columns.map((column) => ({ field: column, code: 'missingColumn', message: `column ${column} is required` })),
    );
  }
}

/** An import file with no header row (an empty sheet, a workbook without sheets): nothing was stored. */
export class ImportEmpty extends DomainError {
  constructor(detail: string) {
    super('IMPORT_EMPTY', 422, `The file has nothing to import: ${detail}`);
  }
}

/** `?format=` names a shape the file cannot have (a JSON API format for a spreadsheet, or the other way round). */
export class ImportFormatMismatch extends DomainError {
  constructor(format: string, kind: string) {
    super('IMPORT_FORMAT_MISMATCH', 422, `format ${format} is not read from a ${kind} file`, [
      { field: 'format', code: 'formatMismatch', message: `format ${format} is not read from a ${kind} file` },
    ]);
  }
}

/** A file whose shape matches no supported format and none was named. */
export class ImportFormatUnknown extends DomainError {
  constructor(detail: string) {
    super('IMPORT_FORMAT_UNKNOWN', 422, `The import format is not recognised: ${detail}`, [{ field: 'format', code: 'formatUnknown', message: detail }]);
  }
}

/** A JSON or xlsx file that cannot be parsed at all: nothing was stored. */
export class ImportMalformed extends DomainError {
  constructor(kind: 'json' | 'xlsx', detail: string) {
    super(kind === 'json' ? 'JSON_MALFORMED' : 'XLSX_MALFORMED', 422, `The ${kind} file is malformed: ${detail}`);
  }
}
