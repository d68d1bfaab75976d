import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql';
import type { AnalysisStep, AnalyzedBatch } from '../reviews/analysis-step';
import { PlatformRulesService } from '../reviews/platform-rules/platform-rules.service';
import { ProductPopularityCache } from './product-popularity.cache';
import { QueueCountsCache } from './queue-counts.cache';
import { OPEN_SQL, settingsJoinSql } from './recovery-sql';

const SYSTEM = 'system:analysis';

// A review revised to a good rating closes its open case as revised, with the time it took.
const AUTO_REVISE_SQL = `
  WITH target AS (
    SELECT c.id, c.status FROM recovery_cases c
    JOIN reviews r ON r.id = c.review_id AND r.shop_id = c.shop_id
    WHERE c.shop_id = $1 AND c.review_id = ANY($2::uuid[]) AND r.grade = 'good' AND c.status IN ${OPEN_SQL}
    ORDER BY c.id
    FOR UPDATE OF c
  ), moved AS (
    UPDATE recovery_cases c SET status = 'revised', revised_at = now(), closed_at = now(), queue_urgency = NULL,
      follow_up_due_at = NULL, updated_at = now()
    FROM target t WHERE c.id = t.id
    RETURNING c.id, t.status AS from_status, c.opened_at, c.revised_at
  )
  INSERT INTO recovery_case_events (shop_id, case_id, actor, action, from_status, to_status, reason, details)
  SELECT $1, m.id, '${SYSTEM}', 'auto_revised', m.from_status, 'revised', 'the review now has a good rating',
    jsonb_build_object('secondsToRevision', floor(extract(epoch FROM m.revised_at - m.opened_at))::bigint)
  FROM moved m
  RETURNING case_id`;

// A negative review that changed (bad <-> medium, a new amount...) keeps its case in step. A corrected posting
// time moves the deadline by the window the case opened with (deadline - reviewed_at), not the shop's current one.
const REFRESH_SQL = `
  UPDATE recovery_cases c SET grade = r.grade, grade_rank = CASE r.grade WHEN 'bad' THEN 0 ELSE 1 END,
    buyer_id = r.buyer_id, product_id = r.product_id, order_amount = r.order_amount, reviewed_at = r.reviewed_at,
    revision_deadline_at = r.reviewed_at + (c.revision_deadline_at - c.reviewed_at),
    deadline_day = ((r.reviewed_at + (c.revision_deadline_at - c.reviewed_at)) AT TIME ZONE s.timezone)::date,
    updated_at = now()
  FROM reviews r JOIN shops s ON s.id = r.shop_id
  WHERE c.shop_id = $1 AND c.review_id = ANY($2::uuid[]) AND r.id = c.review_id AND r.shop_id = c.shop_id
    AND r.grade IN ('medium', 'bad') AND c.status IN ${OPEN_SQL}
    AND (c.grade, c.buyer_id, c.product_id, c.order_amount, c.reviewed_at)
      IS DISTINCT FROM (r.grade, r.buyer_id, r.product_id, r.order_amount, r.reviewed_at)
  RETURNING c.id`;

// One case per medium/bad review whose change window is still open; a review whose earlier case ended
// revised (a follow-up turned it bad again) gets a new one; dismissed or closed cases are not reopened. The window is
// the shop's revisionWindowDays, shortened to the platform's change window where its rules ($4, per platform) have one:
// a buyer cannot change a review after the platform closes it, whatever the shop set.
const OPEN_SQL_STATEMENT = `
  WITH candidates AS (
    SELECT r.id, r.grade, r.platform, r.buyer_id, r.product_id, r.order_amount, r.reviewed_at,
      ($4::jsonb ->> r.platform)::integer AS platform_days
    FROM reviews r
    WHERE r.shop_id = $1 AND r.id = ANY($2::uuid[]) AND r.grade IN ('medium', 'bad')
      AND NOT EXISTS (SELECT 1 FROM recovery_cases c WHERE c.review_id = r.id AND c.status <> 'revised')
  ), inserted AS (
    INSERT INTO recovery_cases (shop_id, review_id, status, grade, grade_rank, platform, buyer_id, product_id, order_amount,
      product_recent_reviews, reviewed_at, revision_deadline_at, deadline_day, first_contact_due_at, queue_urgency, opened_at)
    SELECT $1, x.id, 'new', x.grade, CASE x.grade WHEN 'bad' THEN 0 ELSE 1 END, x.platform, x.buyer_id, x.product_id, x.order_amount,
      COALESCE((p.n)::integer, 0), x.reviewed_at, x.reviewed_at + make_interval(days => w.days),
      ((x.reviewed_at + make_interval(days => w.days)) AT TIME ZONE s.timezone)::date,
      now() + make_interval(hours => cfg.sla_hours), 2, now()
    FROM candidates x
    JOIN shops s ON s.id = $1
    ${settingsJoinSql('cfg', 's.id')}
    CROSS JOIN LATERAL (SELECT LEAST(cfg.window_days, COALESCE(x.platform_days, cfg.window_days)) AS days) w
    LEFT JOIN jsonb_each_text($3::jsonb) AS p(product_id, n) ON p.product_id = x.product_id
    WHERE x.reviewed_at + make_interval(days => w.days) > now()
    ORDER BY x.id
    ON CONFLICT (review_id) WHERE status IN ${OPEN_SQL} DO NOTHING
    RETURNING id, grade
  )
  INSERT INTO recovery_case_events (shop_id, case_id, actor, action, to_status, reason)
  SELECT $1, i.id, '${SYSTEM}', 'opened', 'new', CASE i.grade WHEN 'bad' THEN 'bad review' ELSE 'medium review' END
  FROM inserted i
  RETURNING case_id`;

/**
 * Opens, updates and closes recovery cases as reviews are analysed: three set-based statements per batch,
 * in the analysis transaction (the order of the steps: analysis/analysis-pipeline.ts).
 */
@Injectable()
export class RecoveryCaseStep implements AnalysisStep {
  readonly name = 'recovery-cases';
  private readonly logger = new Logger(RecoveryCaseStep.name);

  constructor(
    private readonly counts: QueueCountsCache,
    private readonly popularity: ProductPopularityCache,
    private readonly platformRules: PlatformRulesService,
  ) {}

  async afterAnalysis(manager: EntityManager, batch: AnalyzedBatch): Promise<void> {
    const params = [batch.shopId, batch.reviewIds];
    const revised = await sqlRows<{ case_id: string }>(manager, AUTO_REVISE_SQL, params);
    const refreshed = await sqlRows<{ id: string }>(manager, REFRESH_SQL, params);
    // the products of the batch's negative reviews, with their 30-day review counts (cached: see ProductPopularityCache)
    const products = await sqlRows<{ product_id: string }>(
      manager,
      `SELECT DISTINCT product_id FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[]) AND grade IN ('medium', 'bad') AND product_id IS NOT NULL`,
      params,
    );
    const popularity = await this.popularity.of(
      manager,
      batch.shopId,
      products.map((row) => row.product_id),
    );
    const rules = await this.platformRules.forShop(batch.shopId, manager);
    const changeWindows = Object.fromEntries(
      Object.entries(rules).flatMap(([platform, r]) => (r.rules.revisionWindowDays === null ? [] : [[platform, r.rules.revisionWindowDays]])),
    );
    const opened = await sqlRows<{ case_id: string }>(manager, OPEN_SQL_STATEMENT, [
      ...params,
      JSON.stringify(Object.fromEntries(popularity)),
      JSON.stringify(changeWindows),
    ]);
    if (revised.length || refreshed.length || opened.length) {
      this.counts.invalidate(batch.shopId);
      this.logger.debug({ msg: 'recovery cases', shopId: batch.shopId, opened: opened.length, revised: revised.length, refreshed: refreshed.length });
    }
  }
}
