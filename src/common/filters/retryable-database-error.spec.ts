import { isRetryableDatabaseError } from './retryable-database-error';

describe('isRetryableDatabaseError', () => {
  const driver = (code: string, message = 'x') => Object.assign(new Error('query failed'), { driverError: Object.assign(new Error(message), { code }) });
  it.each([
    ['pg_terminate_backend (57P01) through TypeORM', driver('57P01', 'terminating connection due to administrator command'), true],
    ['serialization failure', driver('40001'), true],
    ['deadlock', driver('40P01'), true],
    ['connection exception class 08', driver('08006'), true],
    ['too many connections', driver('53300'), true],
    ['a socket refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), true],
    ['pg losing the socket mid-query', new Error('Connection terminated unexpectedly'), true],
    [
      'a transaction going on after its connection broke',
      Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
      true,
    ],
    ['a commit after the connection broke', Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' }), true],
    ['a unique violation', driver('23505'), false],
    ['a syntax error', driver('42601'), false],
    ['a plain error', new Error('boom'), false],
    ['not an error', 'boom', false],
  ])('%s', (_name, error, expected) => {
    expect(isRetryableDatabaseError(error)).toBe(expected);
  });
});
