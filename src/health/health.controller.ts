import { Controller, Get, HttpStatus, Optional, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { QueueHealth } from '../jobs/queue-health';
import { Public } from '../common/http/public.decorator';

interface Check {
  status: 'up' | 'down';
  mode: string;
  latencyMs?: number;
  error?: string;
}

class HealthCheckResponse implements Check {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ example: 'postgres', description: 'database: embedded or postgres; queue: in-process or redis' }) mode!: string;
  @ApiPropertyOptional({ type: 'integer' }) latencyMs?: number;
  @ApiPropertyOptional() error?: string;
}

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: HealthCheckResponse }) database!: HealthCheckResponse;
  @ApiProperty({ type: HealthCheckResponse }) queue!: HealthCheckResponse;
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref())]);
}

@ApiTags('operations')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queueHealth: QueueHealth,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Database and queue status: 200 when both are up, 503 otherwise' })
  @ApiOkResponse({ type: HealthResponse, description: 'both up' })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'the database or the queue is down' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [database, queue] = await Promise.all([this.checkDatabase(), this.checkQueue()]);
    const ok = database.status === 'up' && queue.status === 'up';
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, queue };
  }

  private async checkDatabase(): Promise<Check> {
    const mode = this.config.embeddedDatabase ? 'embedded' : 'postgres';
    const started = Date.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'));
      return { status: 'up', mode, latencyMs: Date.now() - started };
    } catch (error) {
      return { status: 'down', mode, error: error instanceof Error ? error.message : 'unreachable' };
    }
  }

  private async checkQueue(): Promise<Check> {
    if (this.inProcess) return { status: 'up', mode: 'in-process', latencyMs: 0 };
    const started = Date.now();
    try {
      await withTimeout(this.queueHealth.ping());
      return { status: 'up', mode: 'redis', latencyMs: Date.now() - started };
    } catch (error) {
      return { status: 'down', mode: 'redis', error: error instanceof Error ? error.message : 'unreachable' };
    }
  }
}
