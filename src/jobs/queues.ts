import type { JobsOptions } from 'bullmq';

/**
 * The registry of queues and jobs. Queues are split by resource profile: `analysis` is per-review
 * work on the ingest path, `models` is training and bulk reclassification, `reports` is aggregate
 * SQL over a shop's period. Payloads carry ids, never entities, so a job always works on the current
 * state of the database.
 */
export const QUEUE_NAMES = ['analysis', 'models', 'reports'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface AnalyzeReviewsPayload {
  shopId: string;
  reviewIds: string[];
}

export interface ShopPayload {
  shopId: string;
}

export interface WeeklyReportPayload {
  shopId: string;
  /** ISO week in the shop's time zone, e.g. 2026-W47 */
  week: string;
}

export interface JobPayloads {
  'analyze-reviews': AnalyzeReviewsPayload;
  'retrain-classifier': ShopPayload;
  'reclassify-reviews': ShopPayload;
  'generate-weekly-report': WeeklyReportPayload;
}
export type JobName = keyof JobPayloads;

/** reviews per analysis job: large enough to amortise round trips, small enough to retry cheaply */
export const ANALYSIS_JOB_SIZE = 500;

const RETRY: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const JOBS: { [N in JobName]: { queue: QueueName; options: JobsOptions } } = {
  'analyze-reviews': { queue: 'analysis', options: RETRY },
  'retrain-classifier': { queue: 'models', options: { ...RETRY, attempts: 3 } },
  'reclassify-reviews': { queue: 'models', options: { ...RETRY, attempts: 3 } },
  'generate-weekly-report': { queue: 'reports', options: { ...RETRY, attempts: 3 } },
};

/**
 * One scheduled report job per shop, week and hour: BullMQ ignores an add whose job id it still holds, so the
 * sweeps of many processes enqueue one job; a job that failed for good (kept a week by removeOnFail) does
 * not block the next hour's attempt.
 */
export function weeklyReportJobId(shopId: string, week: string, at: Date): string {
  return `weekly-report.${shopId}.${week}.${at.toISOString().slice(0, 13).replace(/\D/g, '')}`;
}

/** The part of a BullMQ job a processor reads, so in-process jobs run through the same code. */
export interface JobLike<T> {
  id?: string;
  name: string;
  data: T;
  attemptsMade: number;
}

export interface EnqueueOptions {
  /** a job with the same id that is still waiting absorbs this one (e.g. one retraining per shop) */
  jobId?: string;
}
