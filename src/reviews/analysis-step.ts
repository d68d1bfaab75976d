import type { EntityManager } from 'typeorm';

/**
 * A module's part in the analysis of a batch of reviews (recovery cases, reviewer risk, reply drafts). The order the
 * steps run in, and why, is declared once in analysis/analysis-pipeline.ts.
 *
 * `afterAnalysis` runs inside the transaction that marks the reviews analysed, with that transaction's
 * EntityManager: if it throws, nothing of the batch is kept, the reviews stay pending and the job retries. So it
 * must be idempotent, and must use `manager`, never its own connection (the embedded database has one).
 *
 * `afterCommit` runs once that transaction has committed, for work that should not hold up the analysis (it
 * enqueues a job). Its failure cannot undo the analysis: it is logged, and the step must find its work again
 * from the database (a sweep).
 */
export interface AnalysisStep {
  /** a short stable name, for logs and errors */
  readonly name: string;
  afterAnalysis?(manager: EntityManager, batch: AnalyzedBatch): Promise<void>;
  afterCommit?(batch: AnalyzedBatch): Promise<void>;
}

export interface AnalyzedBatch {
  shopId: string;
  /** reviews whose current revision has just been analysed (tags and language are set) */
  reviewIds: string[];
}
