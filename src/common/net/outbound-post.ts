import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, outboundUrlProblem } from './outbound-address';

export interface OutboundPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** let the request reach loopback and private networks (WEBHOOK_ALLOW_INTERNAL) */
  allowInternal: boolean;
}

/** Why a request was not even sent: retrying cannot help. */
export class OutboundRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OutboundRefused';
  }
}

/**
 * POSTs a body and answers the response's status code; the response body is read and dropped. Redirects are
 * not followed. The connection goes only to addresses the guard allows, checked after DNS resolution.
 */
export function postOutbound(post: OutboundPost): Promise<number> {
  const problem = outboundUrlProblem(post.url, post.allowInternal);
  if (problem)
    return Promise.reject(
      new OutboundRefused(problem === 'internal_address' ? 'the URL points to an internal address' : `the URL is not allowed (${problem})`),
    );
  const url = new URL(post.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        lookup: guardedLookup(post.allowInternal) as never,
      },
      (response: IncomingMessage) => {
        response.resume();
        response.on('end', () => {
          clearTimeout(deadline);
          resolve(response.statusCode ?? 0);
        });
        response.on('error', reject);
      },
    );
    // the whole exchange, not only an idle socket, has to finish in time
    const deadline = setTimeout(
      () => request.destroy(Object.assign(new Error(`no answer within ${post.timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      post.timeoutMs,
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      reject(error.code === 'EINTERNALADDRESS' ? new OutboundRefused('the host resolves to an internal address') : error);
    });
    request.end(post.body);
  });
}
