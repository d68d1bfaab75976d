import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What other modules do when reviews have been analysed: update the reviewer's profile, open or move
 * a recovery case, and so on. A step runs inside the transaction that marks the reviews analysed, with
 * that transaction's EntityManager: if a step throws, nothing of the batch is kept, the reviews stay
 * pending and the job retries. So every step must be idempotent, and must use `manager`, never its own
 * connection (the embedded database has one).
 */
export interface AnalysisStep {
  /** a short stable name, for logs and errors */
  readonly name: string;
  /** lower runs first; risk (100) runs before cases (200) so a case sees the reviewer's fresh score */
  readonly order: number;
  afterAnalysis(manager: EntityManager, batch: AnalyzedBatch): Promise<void>;
}

export interface AnalyzedBatch {
  shopId: string;
  /** reviews whose current revision has just been analysed (tags and language are set) */
  reviewIds: string[];
}

/** Modules register their steps here in onModuleInit; the analysis job runs them in order. */
@Injectable()
export class AnalysisSteps {
  private readonly steps: AnalysisStep[] = [];

  register(step: AnalysisStep): void {
    if (this.steps.some((s) => s.name === step.name)) throw new Error(`analysis step ${step.name} is registered twice`);
    this.steps.push(step);
    this.steps.sort((a, b) => a.order - b.order);
  }

  async run(manager: EntityManager, batch: AnalyzedBatch): Promise<void> {
    if (!batch.reviewIds.length) return;
    for (const step of this.steps) await step.afterAnalysis(manager, batch);
  }

  names(): string[] {
    return this.steps.map((s) => s.name);
  }
}
