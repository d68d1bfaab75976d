import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics.service';

/** Times every request by its route pattern (/v1/reviews/:id), never by its path: ids stay out of the labels. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      this.metrics.httpDuration.observe(
        {
          method: request.method,
          route: typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched',
          status: `${Math.floor(response.statusCode / 100)}xx`,
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  }
}
