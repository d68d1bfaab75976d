import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { errorForLog } from '../common/errors/error-for-log';

/**
 * What other modules do when reviews have been analysed: update the reviewer's profile, open or move
 * a recovery case, draft replies, and so on.
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
  /** lower runs first: cases (200), then reviewer risk (250), whose profile row locks are best taken last */
  readonly order: number;
  afterAnalysis?(manager: EntityManager, batch: AnalyzedBatch): Promise<void>;
  afterCommit?(batch: AnalyzedBatch): Promise<void>;
}

export interface AnalyzedBatch {
  shopId: string;
  /** reviews whose current revision has just been analysed (tags and language are set) */
  reviewIds: string[];
}

/** Modules register their steps here in onModuleInit; the analysis job runs them in order. */
@Injectable()
export class AnalysisSteps {
  private readonly logger = new Logger(AnalysisSteps.name);
  private readonly steps: AnalysisStep[] = [];

  register(step: AnalysisStep): void {
    if (this.steps.some((s) => s.name === step.name)) throw new Error(`analysis step ${step.name} is registered twice`);
    this.steps.push(step);
    this.steps.sort((a, b) => a.order - b.order);
  }

  async run(manager: EntityManager, batch: AnalyzedBatch): Promise<void> {
    if (!batch.reviewIds.length) return;
    for (const step of this.steps) await step.afterAnalysis?.(manager, batch);
  }

  /** After the analysis transaction committed; never throws. */
  async committed(batch: AnalyzedBatch): Promise<void> {
    if (!batch.reviewIds.length) return;
    for (const step of this.steps) {
      if (!step.afterCommit) continue;
      try {
        await step.afterCommit(batch);
      } catch (error) {
        this.logger.warn({ msg: 'after-commit step failed; its sweep finds the work again', step: step.name, shopId: batch.shopId, reviews: batch.reviewIds.length, err: errorForLog(error) });
      }
    }
  }

  names(): string[] {
    return this.steps.map((s) => s.name);
  }
}
