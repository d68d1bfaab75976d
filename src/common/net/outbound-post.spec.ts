import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundRefused, postOutbound } from './outbound-post';

describe('postOutbound', () => {
  let server: Server;
  let base: string;
  const received: { body: string; signature: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ body, signature: request.headers['x-signature'] as string | undefined });
        if (request.url === '/slow') return void setTimeout(() => response.writeHead(204).end(), 500);
        if (request.url === '/moved') return void response.writeHead(302, { location: 'http://169.254.169.254/' }).end();
        response.writeHead(request.url === '/fail' ? 503 : 204).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((done) => server.close(done)));

  const post = (path: string, allowInternal = true, timeoutMs = 2_000) =>
    postOutbound({
      url: `${base}${path}`,
      headers: { 'content-type': 'application/json', 'x-signature': 'sig' },
      body: '{"event":"test"}',
      timeoutMs,
      allowInternal,
    });

  it('sends the body and headers and answers the status code', async () => {
    await expect(post('/ok')).resolves.toBe(204);
    expect(received.at(-1)).toEqual({ body: '{"event":"test"}', signature: 'sig' });
    await expect(post('/fail')).resolves.toBe(503);
  });

  it('does not follow a redirect', async () => {
    await expect(post('/moved')).resolves.toBe(302);
  });

  it('gives up after the timeout', async () => {
    await expect(post('/slow', true, 100)).rejects.toThrow('no answer within 100 ms');
  });

  it('refuses an internal address unless allowed, without sending anything', async () => {
    const before = received.length;
    await expect(post('/ok', false)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(postOutbound({ url: 'http://localhost:1/hook', headers: {}, body: '{}', timeoutMs: 1_000, allowInternal: false })).rejects.toThrow(
      'internal address',
    );
    expect(received.length).toBe(before);
  });
});
