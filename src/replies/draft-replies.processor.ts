import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DraftRepliesPayload, JobLike } from '../jobs/queues';
import { AutoDrafts, DraftRunResult } from './auto-drafts.service';
import { isUuid } from '../common/validation/uuid';

/**
 * Thin and idempotent: validates the payload and delegates; a review already drafted is not drafted again.
 * autorun is off so that API-only processes never consume; AutoDraftWorkers starts it.
 */
@Processor('drafts', { autorun: false })
export class DraftRepliesProcessor extends WorkerHost {
  private readonly logger = new Logger(DraftRepliesProcessor.name);

  constructor(private readonly drafts: AutoDrafts) {
    super();
  }

  async process(job: JobLike<DraftRepliesPayload>): Promise<DraftRunResult> {
    if (job.name !== 'draft-replies' || !isPayload(job.data)) {
      this.logger.error({ msg: 'discarding malformed drafting job', jobId: job.id, job: job.name });
      throw new UnrecoverableError(`malformed ${job.name} job`);
    }
    return this.drafts.run(job.data);
  }
}

function isPayload(data: unknown): data is DraftRepliesPayload {
  const payload = data as Partial<DraftRepliesPayload> | null;
  const optionalCount = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
  return (
    typeof payload === 'object' &&
    payload !== null &&
    isUuid(payload.shopId) &&
    Array.isArray(payload.reviewIds) &&
    payload.reviewIds.every(isUuid) &&
    optionalCount(payload.deferrals) &&
    optionalCount(payload.deferredSince)
  );
}
