import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReviewTagging } from '../classification/review-tagging.service';
import { ShopClassifiers } from '../classification/shop-classifiers.service';
import { AppConfig } from '../config/app-config';
import { isRetryableDatabaseError } from '../common/filters/retryable-database-error';
import { sqlRows } from '../database/sql';
import { TableStatistics } from '../database/table-statistics.service';
import { AnalysisQueue } from '../jobs/analysis.queue';
import { Metrics } from '../metrics/metrics.service';
import {
  AnalysedReview,
  claimOverdueAnalyses,
  giveBackAnalysisAttempt,
  markAnalysed,
  markAnalysisUnqueued,
  ModelTags,
  parkAnalysis,
  recordAnalysisErrors,
  startAnalysis,
  StartedReview,
} from '../reviews/review-analysis-writes';
import { detectLanguage } from '../text/language';
import { AnalysisPipeline } from './analysis-pipeline';

type PendingRow = Omit<StartedReview, 'analysis_attempts'>;

export interface AnalysisSummary {
  analyzed: number;
  skipped: number;
  failed: number;
  /** held by another transaction (an import replacing them): analysed again after BUSY_RETRY_MS */
  deferred: number;
}

/** how long reviews another transaction held wait before their analysis runs again */
export const BUSY_RETRY_MS = 2_000;

/**
 * The analysis of a stored review: its language and root-cause tags, then the steps of the AnalysisPipeline
 * (recovery cases, reviewer risk), all in one transaction, and after it commits what they hand to jobs (reply
 * drafts). Idempotent: a review whose current revision is analysed is skipped.
 */
@Injectable()
export class ReviewAnalysisService {
  private readonly logger = new Logger(ReviewAnalysisService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly statistics: TableStatistics,
    private readonly steps: AnalysisPipeline,
    private readonly classifiers: ShopClassifiers,
    private readonly tagging: ReviewTagging,
    private readonly queue: AnalysisQueue,
    @Optional() private readonly metrics?: Metrics,
  ) {
    queue.onLeftToSweeper((shopId, ids) => this.markUnqueued(shopId, ids));
    metrics?.gauge('rrs_reviews_analysis', 'reviews by analysis status: pending (waiting for their analysis) and failed (parked)', ['status'], async (set) => {
      const counts = await this.countByStatus();
      set(counts.pending, { status: 'pending' });
      set(counts.failed, { status: 'failed' });
    });
  }

  async analyze(shopId: string, reviewIds: string[]): Promise<AnalysisSummary> {
    const started = await this.start(shopId, reviewIds);
    try {
      return await this.analyzeStarted(shopId, reviewIds, started);
    } catch (error) {
      // the database failing under the run (a lost connection, a deadlock) says nothing about the reviews: the
      // attempt is given back, so an outage of PostgreSQL does not park them (a crash still counts: nothing runs here)
      if (isRetryableDatabaseError(error) && started.rows.length) {
        await this.giveBackAttempt(
          shopId,
          started.rows.map((row) => row.id),
        ).catch(() => undefined);
      }
      throw error;
    }
  }

  private async giveBackAttempt(shopId: string, reviewIds: string[]): Promise<void> {
    await giveBackAnalysisAttempt(this.dataSource, shopId, reviewIds);
  }

  private async analyzeStarted(
    shopId: string,
    reviewIds: string[],
    { rows, busy: lockedAtStart, parked }: { rows: PendingRow[]; busy: string[]; parked: number },
  ): Promise<AnalysisSummary> {
    const started = Date.now();
    const done: AnalysedReview[] = [];
    const failed: { id: string; error: string }[] = [];
    const models = rows.length ? await this.classifiers.modelsFor(shopId) : {};
    for (const row of rows) {
      try {
        const language = detectLanguage(`${row.content}\n${row.follow_up_content ?? ''}`);
        // a person's tags stay (tags null); everything else is classified with the shop's current model
        const tags: Partial<ModelTags> =
          row.tag_source === 'staff'
            ? {}
            : this.tagging.classifyAll(models, [
                {
                  id: row.id,
                  revision: row.revision,
                  content: row.content,
                  followUpContent: row.follow_up_content,
                  rating: row.rating,
                  language,
                  qualityScore: row.quality_score,
                  logisticsScore: row.logistics_score,
                  serviceScore: row.service_score,
                  descriptionScore: row.description_score,
                },
              ])[0]!;
        done.push({
          id: row.id,
          revision: row.revision,
          language,
          tags: tags.tags,
          subTags: tags.subTags,
          confidence: tags.confidence,
          evidence: tags.evidence,
          version: tags.version,
        });
      } catch (error) {
        failed.push({ id: row.id, error: error instanceof Error ? error.name : 'Error' });
      }
    }
    let busy: string[] = lockedAtStart;
    if (done.length) {
      const analysed = await this.dataSource.transaction(async (manager) => {
        // The rows another transaction holds are left for a later run: an import replacing them holds them to its
        // commit and takes them chunk by chunk, so waiting for them here could deadlock with it (and fail the import).
        const free = new Set(
          (
            await sqlRows<{ id: string }>(manager, `SELECT id FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE SKIP LOCKED`, [
              shopId,
              done.map((row) => row.id),
            ])
          ).map((row) => row.id),
        );
        busy = [...lockedAtStart, ...done.filter((row) => !free.has(row.id)).map((row) => row.id)];
        const reviewIds = await markAnalysed(
          manager,
          shopId,
          done.filter((row) => free.has(row.id)),
        );
        await this.steps.run(manager, { shopId, reviewIds });
        return reviewIds;
      });
      await this.steps.committed({ shopId, reviewIds: analysed });
    }
    if (busy.length) {
      await this.queue.enqueueOrLeaveToSweeper(shopId, busy, { delayMs: BUSY_RETRY_MS });
    }
    if (failed.length) await this.recordFailures(shopId, failed);
    await this.statistics.refreshIfStale('reviews');
    const analysedCount = done.length - (busy.length - lockedAtStart.length);
    this.logger.debug({ msg: 'analysis batch', shopId, analyzed: analysedCount, deferred: busy.length, failed: failed.length, ms: Date.now() - started });
    return {
      analyzed: analysedCount,
      skipped: reviewIds.length - rows.length - lockedAtStart.length - parked,
      failed: failed.length + parked,
      deferred: busy.length,
    };
  }

  /**
   * Counts an attempt for each pending review this run starts, and stamps it as started (the sweeper measures
   * "overdue" from there): an attempt is a worker starting the review, never time spent waiting in the queue or a
   * sweeper's re-enqueue. A review started more than ANALYSIS_MAX_ATTEMPTS times (its runs keep dying) is parked.
   * Rows another transaction holds are not waited for: they are `busy`, run again later.
   */
  private async start(shopId: string, reviewIds: string[]): Promise<{ rows: PendingRow[]; busy: string[]; parked: number }> {
    const claimed = await startAnalysis(this.dataSource, shopId, reviewIds);
    let busy: string[] = [];
    if (claimed.length < reviewIds.length) {
      const seen = new Set(claimed.map((row) => row.id));
      const missing = reviewIds.filter((id) => !seen.has(id));
      busy = (
        await sqlRows<{ id: string }>(this.dataSource, `SELECT id FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[]) AND analysis_status = 'pending'`, [
          shopId,
          missing,
        ])
      ).map((row) => row.id);
    }
    const max = this.config.env.analysisMaxAttempts;
    const exhausted = claimed.filter((row) => row.analysis_attempts > max).map((row) => row.id);
    if (exhausted.length) {
      await this.park(
        shopId,
        exhausted.map((id) => ({ id, error: 'AttemptsExhausted' })),
      );
    }
    return { rows: claimed.filter((row) => row.analysis_attempts <= max), busy, parked: exhausted.length };
  }

  /** Reviews whose analysis keeps failing or dying stop here, as `failed` with the reason, and never block the queue. */
  private async park(shopId: string, failures: { id: string; error: string }[]): Promise<void> {
    const parked = await parkAnalysis(this.dataSource, shopId, failures);
    if (!parked.length) return;
    this.metrics?.reviewsParked.inc(parked.length);
    this.logger.error({
      msg: 'review analysis parked as failed',
      shopId,
      count: parked.length,
      maxAttempts: this.config.env.analysisMaxAttempts,
      reviewIds: parked,
    });
  }

  /** Reviews whose enqueue failed are due for the next sweep at once (their stamp goes to the epoch). */
  async markUnqueued(shopId: string, reviewIds: string[]): Promise<void> {
    await markAnalysisUnqueued(this.dataSource, shopId, reviewIds);
  }

  /** A failed analysis was counted when it started: the review stays pending for a retry, or is parked after the last attempt. */
  private async recordFailures(shopId: string, failures: { id: string; error: string }[]): Promise<void> {
    this.logger.warn({ msg: 'review analysis failed', shopId, count: failures.length, reviewIds: failures.map((f) => f.id) });
    const lastAttempt = await recordAnalysisErrors(this.dataSource, shopId, failures, this.config.env.analysisMaxAttempts);
    const parked = new Set(lastAttempt.filter((row) => row.last).map((row) => row.id));
    if (parked.size)
      await this.park(
        shopId,
        failures.filter((f) => parked.has(f.id)),
      );
  }

  /**
   * Claims reviews whose analysis is overdue (their job was lost with Redis, or with a crashed process) and stamps
   * them as enqueued now, so concurrent sweepers never claim the same rows. `queued` are reviews whose job is still
   * in the queue: waiting is not lost, they are left alone. A claim is not an attempt (see start()).
   */
  async claimOverdue(overdueMs: number, limit: number, queued: string[] = []): Promise<{ shopId: string; ids: string[] }[]> {
    const rows = await claimOverdueAnalyses(this.dataSource, overdueMs, limit, queued);
    const byShop = new Map<string, string[]>();
    for (const row of rows) byShop.set(row.shop_id, [...(byShop.get(row.shop_id) ?? []), row.id]);
    return [...byShop].map(([shopId, ids]) => ({ shopId, ids }));
  }

  /** Reviews waiting for their analysis, and parked as failed, over every shop (for the metrics). */
  async countByStatus(): Promise<{ pending: number; failed: number }> {
    const [row] = await sqlRows<{ pending: string; failed: string }>(
      this.dataSource,
      `SELECT (SELECT count(*) FROM reviews WHERE analysis_status = 'pending') AS pending,
              (SELECT count(*) FROM reviews WHERE analysis_status = 'failed') AS failed`,
    );
    return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
  }
}
