/**
 * PostgreSQL errors that say nothing about the request, only that this try failed: the connection was lost (a
 * restart, a failover, pg_terminate_backend), the server is starting or shutting down or out of connections, or the
 * transaction was aborted to resolve a serialization conflict or a deadlock. Retrying the same request is safe (the
 * API's writes are idempotent), so they answer 503 with Retry-After instead of 500.
 */
const RETRYABLE_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '53300', // too_many_connections
]);

const CONNECTION_MESSAGES =
  /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect|terminating connection/i;
/** TypeORM's errors when a transaction goes on (or commits) after its connection broke and was released */
const RELEASED_RUNNER = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

export function isRetryableDatabaseError(error: unknown): boolean {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return true;
    if (typeof code === 'string' && (RETRYABLE_SQLSTATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    // TypeORM's QueryFailedError keeps pg's error as driverError
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/** seconds a client is asked to wait before retrying */
export const DATABASE_RETRY_AFTER_S = 1;
