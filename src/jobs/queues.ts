import type { JobsOptions } from 'bullmq';

/**
 * The registry of queues and jobs. Queues are split by resource profile; payloads carry ids,
 * never entities, so a job always works on the current state of the database.
 */
export const ANALYSIS_QUEUE = 'analysis';

export const JOB_NAMES = {
  analyzeReviews: 'analyze-reviews',
} as const;

export interface AnalyzeReviewsPayload {
  shopId: string;
  reviewIds: string[];
}

/** reviews per analysis job: large enough to amortise round trips, small enough to retry cheaply */
export const ANALYSIS_JOB_SIZE = 500;

export const ANALYSIS_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The part of a BullMQ job a processor reads, so in-process jobs run through the same code. */
export interface JobLike<T> {
  id?: string;
  name: string;
  data: T;
  attemptsMade: number;
}
