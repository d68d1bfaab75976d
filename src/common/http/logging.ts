import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';

/**
 * Structured JSON logs. Requests are logged by method, path (without the query string, which can
 * carry buyer ids), status and duration; headers and bodies never, since they carry keys and
 * personal data.
 */
export function loggerParams(config: AppConfig, destination: 'stdout' | 'stderr'): Params {
  return {
    pinoHttp: {
      level: config.env.logLevel,
      stream: destination === 'stderr' ? process.stderr : process.stdout,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const incoming = request.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (request) => request.url === '/health' },
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
    },
  };
}
