import type { JobsOptions } from 'bullmq';

/**
 * The registry of queues and jobs. Queues are split by resource profile: `analysis` is per-review
 * work on the ingest path, `drafts` writes reply drafts once reviews are analysed (per review like analysis,
 * but never in its way), `models` is training and bulk reclassification, `rescoring` scores every
 * reviewer of a shop again after its risk settings changed (bulk, and kept off the ingest path), `webhooks`
 * waits on other people's servers (`events` too: the catalogue's deliveries, one run per endpoint), `reports` is aggregate SQL over a shop's period. Payloads carry ids, never entities, so a job always works on the current
 * state of the database.
 */
export const QUEUE_NAMES = ['analysis', 'drafts', 'models', 'rescoring', 'webhooks', 'events', 'reports'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface AnalyzeReviewsPayload {
  shopId: string;
  reviewIds: string[];
}

export interface DraftRepliesPayload {
  shopId: string;
  reviewIds: string[];
  /** how often the job was put off so far (its shop's reviews were still arriving, or rows were locked) */
  deferrals?: number;
  /** epoch ms of the first time it was put off: waiting has a limit */
  deferredSince?: number;
}

export interface ShopPayload {
  shopId: string;
}

export interface ReclassifyPayload {
  shopId: string;
  /** reviews posted in the last N days */
  sinceDays: number;
}

export interface DeliverWebhookPayload {
  shopId: string;
  deliveryId: string;
}

export interface DeliverEventsPayload {
  shopId: string;
  subscriptionId: string;
}

export interface WeeklyReportPayload {
  shopId: string;
  /** ISO week in the shop's time zone, e.g. 2026-W47 */
  week: string;
}

export interface JobPayloads {
  'analyze-reviews': AnalyzeReviewsPayload;
  'draft-replies': DraftRepliesPayload;
  'deliver-webhook': DeliverWebhookPayload;
  'deliver-events': DeliverEventsPayload;
  'retrain-classifier': ShopPayload;
  'reclassify-reviews': ReclassifyPayload;
  'rescore-reviewers': ShopPayload;
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

/**
 * Below every job without a priority (BullMQ runs those first): in the in-process runner, where all queues share
 * the slots, an analysis job waiting always goes before a drafting job.
 */
export const DRAFT_PRIORITY = 100;

export const JOBS: { [N in JobName]: { queue: QueueName; options: JobsOptions } } = {
  'analyze-reviews': { queue: 'analysis', options: RETRY },
  // removed when done, so that a sweep can enqueue the same reviews (same job id) again later
  'draft-replies': { queue: 'drafts', options: { ...RETRY, attempts: 3, priority: DRAFT_PRIORITY, removeOnComplete: true, removeOnFail: true } },
  // one per shop at a time (jobId): removed when done, or BullMQ would ignore the next one with the same id
  'retrain-classifier': { queue: 'models', options: { ...RETRY, attempts: 3, removeOnComplete: true, removeOnFail: true } },
  'reclassify-reviews': { queue: 'models', options: { ...RETRY, attempts: 3, removeOnComplete: true, removeOnFail: true } },
  'rescore-reviewers': { queue: 'rescoring', options: { ...RETRY, attempts: 3, removeOnComplete: true, removeOnFail: true } },
  // A failed HTTP attempt is recorded and rescheduled by the delivery itself (its own backoff, see
  // WebhookDeliveryService); these attempts only cover errors before the request, such as the database.
  'deliver-webhook': { queue: 'webhooks', options: { ...RETRY, attempts: 3 } },
  // one run per endpoint at a time (job id per subscription, a lease in the database); removed when done so the
  // outbox poll can add it again; failed HTTP attempts are rescheduled on the delivery rows, not by BullMQ
  'deliver-events': { queue: 'events', options: { ...RETRY, attempts: 3, removeOnComplete: true, removeOnFail: true } },
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
  /** a job with the same id that is still waiting absorbs this one (e.g. one retraining per shop); no ':' (BullMQ) */
  jobId?: string;
  /** run no earlier than this many milliseconds from now */
  delayMs?: number;
}
