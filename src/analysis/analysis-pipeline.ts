import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertDetectionService } from '../alerts/alert-detection.service';
import { errorForLog } from '../common/errors/error-for-log';
import { RecoveryCaseStep } from '../recovery/recovery-case.step';
import { AutoDrafts } from '../replies/auto-drafts.service';
import type { AnalysisStep, AnalyzedBatch } from '../reviews/analysis-step';
import { ReviewerRiskService } from '../reviewers/reviewer-risk.service';

/**
 * The steps of a review's analysis after its language and tags are written, in the order they run.
 *
 * Inside the analysis transaction (T2 in docs/architecture.md):
 *   1. recovery-cases: open, move and close recovery cases;
 *   2. reviewer-risk: upsert and rescore the buyers' profiles.
 * Lock order: reviewer-risk runs last because the profiles' row locks are held to the commit; taken last, and in the
 * order a contact takes them too (its case, then the reviewer), no deadlock is possible between an analysis and a
 * contact.
 *
 * After the commit (never undoes the analysis; a failure is logged and the step's sweep finds the work again):
 *   3. reply-drafts: enqueue `draft-replies` jobs, which then see the reviewer's fresh score;
 *   4. alerts: decide the SKUs, carriers and agents the batch brought a medium/bad review to (docs/alerts.md); the
 *      alert sweep catches up what a failure here missed.
 */
@Injectable()
export class AnalysisPipeline {
  private readonly logger = new Logger(AnalysisPipeline.name);
  private readonly inTransaction: readonly AnalysisStep[];
  private readonly afterCommit: readonly AnalysisStep[];

  constructor(cases: RecoveryCaseStep, reviewerRisk: ReviewerRiskService, drafts: AutoDrafts, alerts: AlertDetectionService) {
    this.inTransaction = [cases, reviewerRisk];
    this.afterCommit = [drafts, alerts];
  }

  /** Inside the analysis transaction, with its manager; a step that throws rolls the batch back. */
  async run(manager: EntityManager, batch: AnalyzedBatch): Promise<void> {
    if (!batch.reviewIds.length) return;
    for (const step of this.inTransaction) await step.afterAnalysis?.(manager, batch);
  }

  /** After the analysis transaction committed; never throws. */
  async committed(batch: AnalyzedBatch): Promise<void> {
    if (!batch.reviewIds.length) return;
    for (const step of this.afterCommit) {
      try {
        await step.afterCommit?.(batch);
      } catch (error) {
        this.logger.warn({
          msg: 'after-commit step failed; its sweep finds the work again',
          step: step.name,
          shopId: batch.shopId,
          reviews: batch.reviewIds.length,
          err: errorForLog(error),
        });
      }
    }
  }
}
