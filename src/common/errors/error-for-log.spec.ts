import { errorForLog, redactErrorMessage } from './error-for-log';

describe('redactErrorMessage', () => {
  it.each([
    ['invalid input syntax for type uuid: "13812345678"', 'invalid input syntax for type uuid: "…"'],
    ['invalid input value for enum case_status: "小美"', 'invalid input value for enum case_status: "…"'],
    ['value "99999999999" is out of range for type integer', 'value "…" is out of range for type integer'],
    [
      'duplicate key value violates unique constraint "uq_reviews_shop_platform_external"',
      'duplicate key value violates unique constraint "uq_reviews_shop_platform_external"',
    ],
    ['Key (shop_id, buyer_nick)=(6f1c, t***8 (13812345678)) already exists.', 'Key (shop_id, buyer_nick)=(…) already exists.'],
    [
      'null value in column "rating" of relation "reviews" violates not-null constraint',
      'null value in column "rating" of relation "reviews" violates not-null constraint',
    ],
    ['Failing row contains (1, 小美, 13812345678).', 'Failing row contains (…).'],
  ])('%s', (message, expected) => {
    expect(redactErrorMessage(message)).toBe(expected);
  });
});

describe('errorForLog', () => {
  it('keeps a database error kind and names, not its detail, parameters or quoted values', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type json: "13812345678"'), {
      code: '22P02',
      table: 'reviews',
      detail: 'Token "13812345678" is invalid.',
    });
    const error = Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError, parameters: ['小美', '13812345678'] });
    const logged = errorForLog(error, true);
    expect(logged).toMatchObject({ name: 'QueryFailedError', code: '22P02', table: 'reviews', message: 'invalid input syntax for type json: "…"' });
    expect(JSON.stringify(logged)).not.toContain('13812345678');
    expect(JSON.stringify(logged)).not.toContain('小美');
  });
});
