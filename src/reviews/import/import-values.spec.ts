import { derivedId, fromEpoch, fromExcelSerial, hashedBuyerId, platformTime, urlList } from './import-values';

describe('platform values', () => {
  it.each([
    [1792310400, '2026-10-18T08:00:00.000Z'],
    [1792310400000, '2026-10-18T08:00:00.000Z'],
    ['1792310400', '2026-10-18T08:00:00.000Z'],
    ['1792310400123', '2026-10-18T08:00:00.123Z'],
  ])('epoch %p in seconds or milliseconds is %s', (value, iso) => {
    expect(fromEpoch(value)).toBe(iso);
  });

  it.each([
    ['2026-10-21 14:30:00', '2026-10-21T14:30:00+08:00'],
    ['2026年10月22日 09:05:00', '2026-10-22T09:05:00+08:00'],
    ['2026年1月2日', '2026-01-02T00:00:00+08:00'],
    ['2026-10-21T14:30:00Z', '2026-10-21T14:30:00Z'],
    ['2026-10-10 09:30:00 UTC', '2026-10-10 09:30:00Z'],
    ['yesterday', 'yesterday'],
  ])('China text time %p reads as %p', (text, expected) => {
    expect(platformTime(text, '+08:00')).toBe(expected);
  });

  it('numbers are epochs in JSON and Excel serials in a sheet', () => {
    expect(platformTime(1792310400, '+08:00')).toBe('2026-10-18T08:00:00.000Z');
    // 46316.6041666 is 2026-10-21 14:30 on Excel's calendar
    expect(fromExcelSerial(46316 + 14.5 / 24, '+08:00')).toBe('2026-10-21T14:30:00+08:00');
    expect(platformTime('46316.5', '+08:00', true)).toBe('2026-10-21T12:00:00+08:00');
    expect(platformTime(new Date('2026-10-21T14:30:00Z'), '+08:00', true)).toBe('2026-10-21T14:30:00+08:00');
  });

  it('a wrong type is passed on for validation to name', () => {
    const value = { seconds: 1 };
    expect(platformTime(value, '+08:00')).toBe(value);
  });

  it('ids derived from parts are stable and do not show an e-mail', () => {
    expect(derivedId('dy', ['1', '2', '3'])).toBe(derivedId('dy', ['1', '2', '3']));
    expect(derivedId('dy', ['1', '2', '3'])).not.toBe(derivedId('dy', ['1', '23', '']));
    expect(hashedBuyerId(' Sam.K@Example.com ')).toBe(hashedBuyerId('sam.k@example.com'));
    expect(hashedBuyerId('sam.k@example.com')).toMatch(/^email-[0-9a-f]{24}$/);
  });

  it('URL lists from arrays of objects, protocol-relative URLs and separated cells', () => {
    expect(urlList([{ imgUrl: '//img.example.com/a.jpg' }], 'imgUrl')).toEqual(['https://img.example.com/a.jpg']);
    expect(urlList('https://a.example.com/1.jpg, https://a.example.com/2.jpg')).toEqual(['https://a.example.com/1.jpg', 'https://a.example.com/2.jpg']);
  });
});
