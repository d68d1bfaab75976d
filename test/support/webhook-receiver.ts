import { createHmac } from 'node:crypto';
import { verifyWebhook } from '../../src/events/webhook-signature';
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

/**
 * A receiver of catalogue events that does what docs/events.md tells integrators to: verify the signature and the
 * timestamp's age, then de-duplicate on the event id (answer 200 to a duplicate without acting on it again).
 */
export class EventReceiver {
  /** every request, as it came */
  readonly requests: Received[] = [];
  /** the events acted upon: verified and seen for the first time, in arrival order */
  readonly events: { id: string; event: string; body: Record<string, unknown>; received: Received }[] = [];
  readonly rejected: { reason: string; received: Received }[] = [];
  /** status codes to answer, in order; the normal answer once they run out (a failing endpoint: fill it) */
  answers: number[] = [];
  /** answer nothing at all to the first request (a hung endpoint) */
  hangFirst = false;
  private readonly seen = new Set<string>();
  private server!: Server;

  constructor(public secrets: string[]) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(received);
        if (this.hangFirst) {
          this.hangFirst = false;
          return;
        }
        const forced = this.answers.shift();
        if (forced !== undefined) {
          response.statusCode = forced;
          response.end();
          return;
        }
        const verdict = this.accept(received);
        response.statusCode = verdict === 'ok' || verdict === 'duplicate' ? 200 : 400;
        response.end(verdict);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/events`;
  }

  /** docs/events.md's receiver: signature, replay window, then the event id. */
  accept(received: Received, nowSeconds = Date.now() / 1000): 'ok' | 'duplicate' | 'bad signature' {
    const timestamp = String(received.headers['x-rrs-timestamp']);
    const signature = String(received.headers['x-rrs-signature']);
    if (!this.secrets.some((secret) => verifyWebhook(secret, timestamp, received.body, signature, nowSeconds))) {
      this.rejected.push({ reason: 'bad signature', received });
      return 'bad signature';
    }
    const body = JSON.parse(received.body) as Record<string, unknown> & { id: string; event: string };
    if (this.seen.has(body.id)) return 'duplicate';
    this.seen.add(body.id);
    this.events.push({ id: body.id, event: body.event, body, received });
    return 'ok';
  }

  /** The events acted upon about one subject (review, case and reply events carry the review id). */
  about(reviewId: string): { id: string; event: string; body: Record<string, unknown>; received: Received }[] {
    return this.events.filter((e) => {
      const subject = Object.values(e.body).find((v) => typeof v === 'object' && v !== null) as Record<string, unknown> | undefined;
      return subject?.id === reviewId || subject?.reviewId === reviewId;
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
