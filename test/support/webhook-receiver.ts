import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in for the shop's platform adapter: records what it receives, answers what it is told to. */
export class Receiver {
  readonly received: Received[] = [];
  /** status codes to answer, in order; 200 once they run out */
  answers: number[] = [];
  private server!: Server;

  async start(path = '/hooks/replies'): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = this.answers.shift() ?? 200;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  forDelivery(id: string): Received[] {
    return this.received.filter((r) => r.headers['x-rrs-delivery'] === id);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What docs/api/replies.md tells receivers to do. */
export function validSignature(received: Received, secret: string): boolean {
  const timestamp = String(received.headers['x-rrs-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest('hex')}`;
  return received.headers['x-rrs-signature'] === expected && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}
