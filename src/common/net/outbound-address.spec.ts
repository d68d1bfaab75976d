import { guardedLookup, isInternalAddress, outboundUrlProblem } from './outbound-address';

describe('outbound addresses: what a shop webhook may reach', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['8.8.8.8', false],
    ['203.0.114.7', false],
    ['2606:4700:4700::1111', false],
  ])('%s internal: %s', (address, internal) => {
    expect(isInternalAddress(address)).toBe(internal);
  });

  it.each([
    ['https://hooks.example.com/rrs', null],
    ['http://hooks.example.com:8080/rrs', null],
    ['ftp://hooks.example.com/rrs', 'scheme'],
    ['https://user:secret@hooks.example.com/', 'credentials'],
    ['not a url', 'invalid_url'],
    ['http://localhost:3000/hook', 'internal_address'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'internal_address'],
    ['http://169.254.169.254/latest/meta-data/', 'internal_address'],
    ['http://[::1]:8080/', 'internal_address'],
    ['http://10.0.0.5/hook', 'internal_address'],
  ])('%s: %s', (url, problem) => {
    expect(outboundUrlProblem(url, false)).toBe(problem);
  });

  it('lets internal hosts through when the operator allows them (development, tests, a private integration)', () => {
    expect(outboundUrlProblem('http://127.0.0.1:9000/hook', true)).toBeNull();
    expect(outboundUrlProblem('ftp://127.0.0.1/hook', true)).toBe('scheme');
  });

  it('refuses to connect to a name that resolves to an internal address', async () => {
    const refused = await new Promise<NodeJS.ErrnoException | null>((done) => guardedLookup(false)('localhost', {}, (error) => done(error)));
    expect(refused?.code).toBe('EINTERNALADDRESS');
    const allowed = await new Promise<string>((done, fail) =>
      guardedLookup(true)('localhost', {}, (error, address) => (error ? fail(error) : done(address as string))),
    );
    expect(isInternalAddress(allowed)).toBe(true);
  });
});
