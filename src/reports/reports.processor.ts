import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { NotFound } from '../common/errors/domain-error';
import { JobLike, WeeklyReportPayload } from '../jobs/queues';
import { parseIsoWeek } from './report-period';
import { ReportsService } from './reports.service';
import { isUuid } from '../common/validation/uuid';

function isPayload(data: unknown): data is WeeklyReportPayload {
  const payload = data as Partial<WeeklyReportPayload> | null;
  return typeof payload === 'object' && payload !== null && isUuid(payload.shopId) && typeof payload.week === 'string' && parseIsoWeek(payload.week) !== null;
}

/** Thin and idempotent: a week that already has a report is skipped by the service. */
@Processor('reports', { autorun: false })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(private readonly reports: ReportsService) {
    super();
  }

  async process(job: JobLike<WeeklyReportPayload>): Promise<{ reportId: string | null }> {
    if (job.name !== 'generate-weekly-report' || !isPayload(job.data)) {
      this.logger.error({ msg: 'discarding malformed report job', jobId: job.id, job: job.name });
      throw new UnrecoverableError(`malformed ${job.name} job`);
    }
    try {
      const report = await this.reports.generateScheduled(job.data.shopId, job.data.week);
      return { reportId: report?.id ?? null };
    } catch (error) {
      // the shop was deleted: nothing to report on, ever
      if (error instanceof NotFound) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
