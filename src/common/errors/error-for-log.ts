/** What a log line may say about an error: its kind and shape, never the values it was about. */
export interface LoggedError {
  name: string;
  message: string;
  /** SQLSTATE of a database error, e.g. 23505 */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
}

const MESSAGE_MAX = 500;

// A quoted word after one of these is a schema name ("relation \"reviews\""); any other quoted text in a
// PostgreSQL message is a value from the row or the request ("for type uuid: \"...\"", "value \"...\" is out of range").
const IDENTIFIER_BEFORE_QUOTE =
  /(relation|constraint|column|table|type|index|schema|function|encoding|sequence|trigger|database|role|extension|operator|view|domain|savepoint|cursor|statement|portal|parameter)\s+$/i;

/** PostgreSQL messages quote the offending values; a log keeps the message's shape without them. */
export function redactErrorMessage(message: string): string {
  let redacted = message
    .replace(/Key \(([^)]*)\)=\((?:[^()]|\([^()]*\))*\)/g, 'Key ($1)=(…)')
    .replace(/Failing row contains \(.*\)/gs, 'Failing row contains (…)');
  redacted = redacted.replace(/"[^"]*"/g, (quoted, offset: number) =>
    IDENTIFIER_BEFORE_QUOTE.test(redacted.slice(Math.max(0, offset - 40), offset)) ? quoted : '"…"',
  );
  return redacted.length > MESSAGE_MAX ? `${redacted.slice(0, MESSAGE_MAX)}…` : redacted;
}

interface DriverErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  driverError?: unknown;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 128 ? value : undefined;
}

/**
 * An error as logs may carry it. Database errors (pg's, and TypeORM's QueryFailedError around them) hold
 * the query parameters and a `detail` quoting the row: only the SQLSTATE and the names of the constraint,
 * table and column are kept, and quoted values are cut from the message and the stack.
 */
export function errorForLog(error: unknown, withStack = false): LoggedError {
  if (!(error instanceof Error)) return { name: 'NonError', message: redactErrorMessage(String(error)) };
  const fields = error as DriverErrorFields;
  const driver = (fields.driverError instanceof Error ? fields.driverError : error) as DriverErrorFields;
  const message = redactErrorMessage(error.message);
  const logged: LoggedError = { name: error.name, message };
  const code = stringField(driver.code);
  if (code) logged.code = code;
  const constraint = stringField(driver.constraint);
  if (constraint) logged.constraint = constraint;
  const table = stringField(driver.table);
  if (table) logged.table = table;
  const column = stringField(driver.column);
  if (column) logged.column = column;
  if (withStack && error.stack) {
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    logged.stack = [`${error.name}: ${message}`, ...frames].join('\n');
  }
  return logged;
}
