import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { sqlRows } from '../database/sql';
import { chunk } from '../jobs/analysis.queue';
import { JobQueue } from '../jobs/job-queue';
import { Metrics } from '../metrics/metrics.service';
import { ANALYSIS_JOB_SIZE, DraftRepliesPayload } from '../jobs/queues';
import type { AnalysisStep, AnalyzedBatch } from '../reviews/analysis-step';
import { Review } from '../reviews/review.entity';
import { repliedOnPlatformSql } from '../reviews/review-fields';
import { AUTO_DRAFT_ACTOR, ReplyDrafting } from './reply-drafting.service';
import { DEFAULT_AUTO_DRAFT } from './reply-settings.entity';
import { ReplySettingsService } from './reply-settings.service';

/** reviews per drafting job: one analysis batch */
export const DRAFT_JOB_SIZE = ANALYSIS_JOB_SIZE;
/** A job whose shop's reviews are still arriving waits this long, twice as long each next time up to DRAFT_RETRY_MAX_MS... */
export const DRAFT_RETRY_FIRST_MS = 500;
export const DRAFT_RETRY_MAX_MS = 5_000;
/**
 * ...and drafts anyway once it has waited this long (a shop whose reviews never stop coming), or once one of its
 * reviews was analysed DRAFT_OVERDUE_MS ago: after an outage the backlog's first reviews are drafted while the
 * rest is still being analysed, not after all of it.
 */
export const DRAFT_MAX_WAIT_MS = 5 * 60_000;
/** A job whose shop another drafting job holds comes back after this long (other shops' jobs run meanwhile). */
export const DRAFT_SHOP_BUSY_RETRY_MS = 1_000;
/**
 * Reviews one drafting transaction takes at most: a job holding its shop's lock also drafts the reviews of the
 * shop's jobs this process put off meanwhile, so a backlog is drafted in fewer, larger batches (the shop's
 * context, the products' recent drafts and their other reviews read once per batch, not once per job).
 */
export const DRAFT_BATCH_MAX = 2_000;
/** another review of the shop analysed this recently means its reviews are still arriving */
export const ARRIVING_WINDOW_MS = 1_000;
/** The sweep looks at reviews analysed longer ago than DRAFT_OVERDUE_MS whose drafting job is not queued, and not longer ago than this: an older review without a draft gets one when someone opens its replies. */
export const DRAFT_SWEEP_HORIZON_DAYS = 7;
const SWEEP_LIMIT = 5_000;
/** reviews due their draft: analysed between $1 days and $2 ms ago, of shops whose autoDraft ($3 by default) is on */
const DUE_SQL = `SELECT r.shop_id, r.id FROM reviews r
       LEFT JOIN reply_settings s ON s.shop_id = r.shop_id
       LEFT JOIN reply_drafts d ON d.review_id = r.id AND d.is_current
       WHERE r.grade <> 'good'
         AND r.analyzed_at >= now() - make_interval(days => $1) AND r.analyzed_at < now() - make_interval(secs => $2::double precision / 1000)
         AND coalesce(s.auto_draft, $3) <> 'off' AND ${draftDueSql(`coalesce(s.auto_draft, $3)`)}`;

/**
 * A review is due a draft when its current revision is analysed and it has no current reply, or only an
 * automatic draft nobody touched, written for an earlier revision or before staff corrected the review's
 * causes (a draft about the wrong problem). Anything a person touched stays. Medium and
 * bad reviews, good ones too under `all`, and a good review whose automatic draft was for a bad revision (it gets
 * its thank-you). A review the seller already replied to on the platform (repliedOnPlatformSql: its reply, or the platform's flag) gets none: staff draft one
 * when they ask (POST /v1/reviews/:id/replies). `r` is the review, `d` its current reply (LEFT JOIN), `$mode` the shop's autoDraft.
 */
export function draftDueSql(mode: string): string {
  return `r.analysis_status = 'done' AND r.analyzed_revision = r.revision AND NOT ${repliedOnPlatformSql('r')}
    AND (d.id IS NULL OR (d.status = 'draft' AND d.created_by = '${AUTO_DRAFT_ACTOR}'
      AND (d.review_revision < r.revision OR (r.tag_source = 'staff' AND r.classified_at > d.created_at))))
    AND (r.grade <> 'good' OR ${mode} = 'all' OR d.id IS NOT NULL)`;
}

export interface DraftRunResult {
  drafted: number;
  /** put off because the shop's reviews were still arriving, or another job was drafting for the shop */
  deferred: boolean;
}

/** One job id per batch of reviews and attempt: a sweep or a second process enqueuing the same batch adds nothing. */
export function draftJobId(shopId: string, reviewIds: string[], deferrals = 0): string {
  const digest = createHash('sha1')
    .update([...reviewIds].sort().join(','))
    .digest('hex')
    .slice(0, 16);
  return `reply-drafts-${shopId}-${digest}-${deferrals}`;
}

/**
 * Automatic drafts: every analysed medium/bad review (or every review, as the shop's autoDraft says) gets a
 * draft waiting for staff, written by a `draft-replies` job enqueued once the analysis has committed, never in
 * the analysis transaction. The job stays out of ingestion's way: while the shop's reviews are still arriving it
 * puts itself off, so an import is stored and analysed first and drafted right after, each draft then seeing
 * the whole import (how widespread a quality problem is, what the product's other replies said). A sweep finds
 * the reviews whose job was lost, and reading a review's replies drafts one that has none yet.
 */
@Injectable()
export class AutoDrafts implements AnalysisStep {
  readonly name = 'reply-drafts';
  private readonly logger = new Logger(AutoDrafts.name);
  /** shops this process is drafting for: a job of one of them is put off without asking the database */
  private readonly shopsDrafting = new Set<string>();
  /**
   * By shop, the reviews of the jobs this process put off because the shop was busy: the next job to hold the
   * shop takes them along (DRAFT_BATCH_MAX). The jobs stay queued: what a batch does not draft, they still do.
   */
  private readonly putOff = new Map<string, Set<string>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafting: ReplyDrafting,
    private readonly settings: ReplySettingsService,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    @Optional() metrics?: Metrics,
  ) {
    metrics?.gauge('rrs_reviews_pending_draft', 'analysed reviews of the last 7 days still due their automatic draft (capped at 100,000)', [], async (set) =>
      set(await this.countDue()),
    );
  }

  async afterCommit(batch: AnalyzedBatch): Promise<void> {
    await this.enqueue(batch.shopId, batch.reviewIds);
  }

  async enqueue(shopId: string, reviewIds: string[]): Promise<void> {
    for (const ids of chunk(reviewIds, DRAFT_JOB_SIZE)) {
      await this.jobs.add('draft-replies', [{ shopId, reviewIds: ids }], { jobId: draftJobId(shopId, ids) });
    }
  }

  /**
   * The job: drafts the reviews that are due, unless the shop's reviews are still arriving and none of these has
   * waited DRAFT_OVERDUE_MS yet, or another job is drafting for the shop (then it comes back later).
   */
  async run(payload: DraftRepliesPayload): Promise<DraftRunResult> {
    const { shopId, reviewIds } = payload;
    if ((await this.settings.effective(shopId)).autoDraft === 'off') return { drafted: 0, deferred: false };
    if (this.shopsDrafting.has(shopId)) return this.putOffBusy(payload);
    const waited = payload.deferredSince === undefined ? 0 : Date.now() - payload.deferredSince;
    // after DRAFT_MAX_WAIT_MS the job drafts whatever; the reviews it takes along are held to the overdue rule then
    const arriving = waited < DRAFT_MAX_WAIT_MS ? await this.reviewsArriving(shopId, reviewIds) : true;
    if (waited < DRAFT_MAX_WAIT_MS && arriving && !(await this.overdue(shopId, reviewIds))) {
      const deferrals = (payload.deferrals ?? 0) + 1;
      await this.jobs.add('draft-replies', [{ shopId, reviewIds, deferrals, deferredSince: payload.deferredSince ?? Date.now() }], {
        jobId: draftJobId(shopId, reviewIds, deferrals),
        delayMs: Math.min(DRAFT_RETRY_FIRST_MS * 2 ** (deferrals - 1), DRAFT_RETRY_MAX_MS),
      });
      this.logger.debug({ msg: "drafting put off: the shop's reviews are still arriving", shopId, reviews: reviewIds.length, deferrals });
      return { drafted: 0, deferred: true };
    }
    if (this.shopsDrafting.has(shopId)) return this.putOffBusy(payload);
    this.shopsDrafting.add(shopId);
    try {
      const drafted = await this.draftUnderShopLock(shopId, reviewIds, arriving);
      return drafted === null ? this.putOffBusy(payload) : { drafted, deferred: false };
    } finally {
      this.shopsDrafting.delete(shopId);
    }
  }

  /** Waiting for the shop's lock would hold this slot while other shops' jobs wait behind this shop's: comes back later. */
  private async putOffBusy(payload: DraftRepliesPayload): Promise<DraftRunResult> {
    const { shopId, reviewIds } = payload;
    const waiting = this.putOff.get(shopId) ?? new Set<string>();
    this.putOff.set(shopId, waiting);
    for (const id of reviewIds) if (waiting.size < 2 * DRAFT_BATCH_MAX) waiting.add(id);
    const deferrals = (payload.deferrals ?? 0) + 1;
    await this.jobs.add('draft-replies', [{ ...payload, deferrals }], { jobId: draftJobId(shopId, reviewIds, deferrals), delayMs: DRAFT_SHOP_BUSY_RETRY_MS });
    this.logger.debug({ msg: 'drafting put off: another job is drafting for the shop', shopId, reviews: reviewIds.length, deferrals });
    return { drafted: 0, deferred: true };
  }

  /**
   * Drafts those of the reviews that are due, in one transaction; returns how many. Safe to run twice at once: the
   * reviews' rows are locked first, and rows someone else holds (another run, a person redrafting, a newer revision
   * being stored or analysed) are left to them. Waiting for them instead could deadlock with an ingest that
   * locks the same rows in another order; what none of them drafts, the sweep finds.
   */
  async draftDue(shopId: string, reviewIds: string[]): Promise<number> {
    const started = Date.now();
    const drafted = await this.dataSource.transaction((manager) => this.draftIn(manager, shopId, reviewIds));
    this.logger.debug({ msg: 'drafted replies', shopId, reviews: reviewIds.length, drafts: drafted, ms: Date.now() - started });
    return drafted;
  }

  /**
   * draftDue for the drafting job, one job per shop at a time across processes (a transaction-scoped advisory
   * lock): a shop's drafts are written in turn, each seeing the ones before (what the product's other replies
   * said). Takes along the reviews of the shop's jobs put off meanwhile (up to DRAFT_BATCH_MAX in all): all of them
   * once the shop's reviews stopped arriving, else those analysed DRAFT_OVERDUE_MS ago (never one its own job would
   * still put off). Null, drafting nothing, when another job holds the shop.
   */
  private async draftUnderShopLock(shopId: string, reviewIds: string[], arriving: boolean): Promise<number | null> {
    const started = Date.now();
    let reviews = reviewIds.length;
    const drafted = await this.dataSource.transaction(async (manager) => {
      const [lock] = await sqlRows<{ locked: boolean }>(manager, `SELECT pg_try_advisory_xact_lock(hashtext('reply-drafts'), hashtext($1)) AS locked`, [
        shopId,
      ]);
      if (lock?.locked !== true) return null;
      let extra = this.takePutOff(shopId, reviewIds, DRAFT_BATCH_MAX - reviewIds.length);
      if (extra.length && arriving) extra = (await this.overdueOf(manager, shopId, extra)).map((row) => row.id);
      reviews += extra.length;
      return this.draftIn(manager, shopId, extra.length ? [...reviewIds, ...extra] : reviewIds);
    });
    if (drafted !== null) this.logger.debug({ msg: 'drafted replies', shopId, reviews, drafts: drafted, ms: Date.now() - started });
    return drafted;
  }

  /** Up to `limit` reviews of the shop's put-off jobs (not among `own`), no longer waiting in this process's list. */
  private takePutOff(shopId: string, own: string[], limit: number): string[] {
    const waiting = this.putOff.get(shopId);
    if (!waiting || limit <= 0) return [];
    for (const id of own) waiting.delete(id);
    const taken: string[] = [];
    for (const id of waiting) {
      if (taken.length >= limit) break;
      taken.push(id);
      waiting.delete(id);
    }
    if (!waiting.size) this.putOff.delete(shopId);
    return taken;
  }

  /** Those of the reviews analysed DRAFT_OVERDUE_MS ago or longer. */
  private overdueOf(manager: EntityManager, shopId: string, reviewIds: string[]): Promise<{ id: string }[]> {
    return sqlRows<{ id: string }>(
      manager,
      `SELECT id FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[]) AND analyzed_at <= now() - make_interval(secs => $3::double precision / 1000)`,
      [shopId, reviewIds, this.config.env.draftOverdueMs],
    );
  }

  private async draftIn(manager: EntityManager, shopId: string, reviewIds: string[]): Promise<number> {
    const context = await this.drafting.context(manager, shopId);
    if (context.autoDraft === 'off') return 0;
    const locked = await sqlRows<{ id: string }>(manager, 'SELECT id FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[]) FOR NO KEY UPDATE SKIP LOCKED', [
      shopId,
      reviewIds,
    ]);
    if (!locked.length) return 0;
    // a statement of its own, so that its snapshot sees the drafts of a run that released these rows just before
    const due = await sqlRows<{ id: string }>(
      manager,
      `SELECT r.id FROM reviews r
       LEFT JOIN reply_drafts d ON d.review_id = r.id AND d.is_current
       WHERE r.shop_id = $1 AND r.id = ANY($2::uuid[]) AND ${draftDueSql('$3')}`,
      [shopId, locked.map((row) => row.id), context.autoDraft],
    );
    if (!due.length) return 0;
    const reviews = await manager.find(Review, { where: { shopId, id: In(due.map((row) => row.id)) }, order: { reviewedAt: 'ASC', id: 'ASC' } });
    return (await this.drafting.draft(manager, shopId, reviews, { createdBy: AUTO_DRAFT_ACTOR }, context)).length;
  }

  /**
   * For a medium or bad review with no reply at all whose current revision is analysed: its automatic draft, now
   * (someone is looking at it), unless the shop turned automatic drafting off. Returns whether it wrote one.
   */
  async draftMissing(shopId: string, reviewId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if ((await this.settings.effective(shopId, manager)).autoDraft === 'off') return false;
      // waits for a drafting job or a person holding the review, and then sees their draft
      const [review] = await sqlRows<{ id: string }>(
        manager,
        `SELECT id FROM reviews WHERE shop_id = $1 AND id = $2 AND grade <> 'good' AND analysis_status = 'done' AND analyzed_revision = revision
           AND NOT ${repliedOnPlatformSql('reviews')}
         FOR NO KEY UPDATE`,
        [shopId, reviewId],
      );
      if (!review) return false;
      const [current] = await sqlRows<{ id: string }>(manager, 'SELECT id FROM reply_drafts WHERE shop_id = $1 AND review_id = $2 AND is_current', [
        shopId,
        reviewId,
      ]);
      if (current) return false;
      const entity = await manager.findOneByOrFail(Review, { id: reviewId, shopId });
      await this.drafting.draft(manager, shopId, [entity], { createdBy: AUTO_DRAFT_ACTOR });
      return true;
    });
  }

  /**
   * Enqueues analysed medium/bad reviews of shops with automatic drafting that are still due a draft although
   * they were analysed more than `overdueMs` ago (their job was lost with Redis or a crash, or failed for good);
   * returns how many. `queued` are reviews whose drafting job is still queued (not lost). Safe in many processes at
   * once: the same reviews get the same job ids, and the job is idempotent.
   */
  async sweep(overdueMs: number, queued: string[] = []): Promise<number> {
    const rows = await sqlRows<{ shop_id: string; id: string }>(
      this.dataSource,
      `${DUE_SQL} AND r.id <> ALL($5::uuid[]) ORDER BY r.analyzed_at, r.id LIMIT $4`,
      [DRAFT_SWEEP_HORIZON_DAYS, overdueMs, DEFAULT_AUTO_DRAFT, SWEEP_LIMIT, queued],
    );
    const byShop = new Map<string, string[]>();
    for (const row of rows) byShop.set(row.shop_id, [...(byShop.get(row.shop_id) ?? []), row.id]);
    for (const [shopId, ids] of byShop) await this.enqueue(shopId, ids);
    return rows.length;
  }

  /** Reviews the sweep would look at with no delay: analysed, due a draft, not drafted yet (for the metrics). */
  async countDue(): Promise<number> {
    const [row] = await sqlRows<{ count: string }>(this.dataSource, `SELECT count(*) AS count FROM (${DUE_SQL} LIMIT $4) due`, [
      DRAFT_SWEEP_HORIZON_DAYS,
      0,
      DEFAULT_AUTO_DRAFT,
      100_000,
    ]);
    return Number(row?.count ?? 0);
  }

  /** Whether one of the reviews was analysed DRAFT_OVERDUE_MS ago or longer: it has waited for its draft long enough. */
  private async overdue(shopId: string, reviewIds: string[]): Promise<boolean> {
    const [row] = await sqlRows<{ overdue: boolean }>(
      this.dataSource,
      `SELECT EXISTS (SELECT 1 FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[])
                        AND analyzed_at <= now() - make_interval(secs => $3::double precision / 1000)) AS overdue`,
      [shopId, reviewIds, this.config.env.draftOverdueMs],
    );
    return row?.overdue === true;
  }

  /**
   * Whether the shop's reviews are still arriving: some wait for their analysis, or another medium/bad one was
   * analysed within the last ARRIVING_WINDOW_MS. Both read small partial indexes. The first is a scalar subquery
   * ordered like its index: as EXISTS, PostgreSQL drops the ORDER BY and, with statistics taken mid-import (many
   * pending), scans the table.
   */
  private async reviewsArriving(shopId: string, reviewIds: string[]): Promise<boolean> {
    // two statements, the cheap one first: during an import some review is always pending, and the recent-analysis
    // check (a range of the last second's negative reviews, each compared with this job's ids) is not needed
    const [pending] = await sqlRows<{ pending: boolean }>(
      this.dataSource,
      `SELECT (SELECT true FROM reviews WHERE analysis_status = 'pending' AND shop_id = $1 ORDER BY analysis_enqueued_at LIMIT 1) IS NOT NULL AS pending`,
      [shopId],
    );
    if (pending?.pending === true) return true;
    const [recent] = await sqlRows<{ recent: boolean }>(
      this.dataSource,
      `SELECT EXISTS (SELECT 1 FROM reviews WHERE grade <> 'good' AND analyzed_at > now() - make_interval(secs => $3::double precision / 1000)
                        AND shop_id = $1 AND id <> ALL($2::uuid[])) AS recent`,
      [shopId, reviewIds, ARRIVING_WINDOW_MS],
    );
    return recent?.recent === true;
  }
}
