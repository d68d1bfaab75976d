import { Controller, Get, Header, Headers, Res, UnauthorizedException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { Public } from '../common/http/public.decorator';
import { Metrics } from './metrics.service';

/** Prometheus scrapes GET /metrics: without credentials unless METRICS_TOKEN is set (then as a bearer token). */
@ApiExcludeController()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    const token = this.config.env.metricsToken;
    if (token !== null && !sameSecret(authorization ?? '', `Bearer ${token}`))
      throw new UnauthorizedException('GET /metrics wants the METRICS_TOKEN as a bearer token');
    response.setHeader('Content-Type', this.metrics.contentType);
    response.send(await this.metrics.text());
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
