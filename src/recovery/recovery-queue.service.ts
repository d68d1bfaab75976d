import { followUpUntil, ReplyClosedReason, replyWindow, revisionUntil } from '../reviews/platform-rules/platform-rules';
import { PlatformRulesService, ShopPlatformRules } from '../reviews/platform-rules/platform-rules.service';
import type { Platform } from '../reviews/review.types';
import { repliedOnPlatformSql } from '../reviews/review-fields';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql';
import { preparedRows } from '../database/prepared-query';
import { highRiskProfileSql } from '../reviewers/high-risk-reviewer.sql';
import type { Actor } from '../shops/actor';
import { QueueCountsCache } from './queue-counts.cache';
import { localDate } from '../common/time/local-time';
import { highRiskReason, QueueReason, queueReasons } from './queue-reasons';
import { resolveAssignee } from './recovery-cases.service';
import { RecoverySettingsService } from './recovery-settings.service';
import { OPEN_SQL } from './recovery-sql';
import type { CaseStatus } from './recovery.types';

export interface QueueCounts {
  /** cases in the daily queue (high-risk ones included) */
  inQueue: number;
  /** not contacted yet */
  new: number;
  /** follow-ups due later today */
  due: number;
  /** first contacts past the SLA and follow-ups past due (missed promises included) */
  overdue: number;
  unassigned: number;
  /** revision window closing within 3 days */
  closingSoon: number;
  /** in the separate high-risk list */
  highRisk: number;
  /** all open cases, including escalated ones and those waiting for a promised revision */
  open: number;
}

export interface QueueItem {
  position: number;
  caseId: string;
  status: CaseStatus;
  grade: 'bad' | 'medium';
  rating: number;
  platform: string;
  reviewId: string;
  productId: string | null;
  productName: string | null;
  excerpt: string;
  tags: string[];
  orderAmount: number | null;
  reviewedAt: Date;
  revisionDeadlineAt: Date;
  firstContactDueAt: Date;
  firstContactedAt: Date | null;
  followUpDueAt: Date | null;
  promisedRevisionAt: Date | null;
  contactCount: number;
  lastContactAt: Date | null;
  assignee: { id: string; name: string } | null;
  reviewer: { riskScore: number; riskLevel: string; status: string } | null;
  reasons: QueueReason[];
  /** the review's platform deadlines, by the platform rules the shop works by */
  platformDeadlines: PlatformDeadlines;
}

export interface PlatformDeadlines {
  rulesVersion: string;
  /** when the platform stops taking a public reply; null: no limit */
  replyUntil: Date | null;
  /** why no public reply is asked for: the window closed, or the seller already replied on the platform; null while one is due */
  replyClosed: ReplyClosedReason | 'replied_on_platform' | null;
  /** until when the buyer may add a 追评 (null: unknown, or added) */
  followUpUntil: Date | null;
  /** until when the buyer may change the review by the platform's rule (null: unknown; revisionDeadlineAt is the shop's) */
  revisionUntil: Date | null;
}

export interface QueueOptions {
  assignee?: string;
  limit?: number;
  highRiskLimit?: number;
  grade?: 'bad' | 'medium';
  tag?: string;
  productId?: string;
}

export interface Queue {
  generatedAt: Date;
  timezone: string;
  counts: QueueCounts;
  items: QueueItem[];
  highRisk: QueueItem[];
}

interface Row {
  id: string;
  status: CaseStatus;
  grade: 'bad' | 'medium';
  platform: string;
  review_id: string;
  product_id: string | null;
  order_amount: string | null;
  product_recent_reviews: number;
  reviewed_at: Date;
  revision_deadline_at: Date;
  first_contact_due_at: Date;
  first_contacted_at: Date | null;
  follow_up_due_at: Date | null;
  promised_revision_at: Date | null;
  missed_promises: number;
  contact_count: number;
  last_contact_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  rating: number;
  follow_up_at: Date | null;
  replied_on_platform: boolean;
  product_name: string | null;
  excerpt: string;
  tags: string[];
  risk_score: number | null;
  risk_level: string | null;
  risk_status: string | null;
}

/** a screenful: the queue is the top of the work, GET /v1/cases lists everything */
export const DEFAULT_QUEUE_LIMIT = 20;
export const DEFAULT_HIGH_RISK_LIMIT = 10;

/** who is shown apart: the high-risk reviewers (confirmed or flagged bad-reviewers, and high scores nobody has dismissed) */
const HIGH_RISK = highRiskProfileSql('p');
// the key of ix_recovery_cases_queue: revision deadline (by the shop's day), bad before medium, follow-up due,
// first contact overdue, order value, product popularity
const ORDER = `deadline_day, grade_rank, queue_urgency, order_amount DESC NULLS LAST, product_recent_reviews DESC, id`;
const CASE_ORDER = `c.deadline_day, c.grade_rank, c.queue_urgency, c.order_amount DESC NULLS LAST, c.product_recent_reviews DESC, c.id`;
const CASE_COLUMNS = `c.id, c.status, c.grade, c.platform, c.review_id, c.product_id, c.order_amount, c.product_recent_reviews, c.reviewed_at,
  c.revision_deadline_at, c.first_contact_due_at, c.first_contacted_at, c.follow_up_due_at, c.promised_revision_at, c.missed_promises,
  c.contact_count, c.last_contact_at, c.assignee_id, c.deadline_day, c.grade_rank, c.queue_urgency`;
const DETAILS = `SELECT page.*, r.rating, r.follow_up_at, ${repliedOnPlatformSql('r')} AS replied_on_platform, r.product_name, left(r.content, 80) AS excerpt, r.tags, m.name AS assignee_name
  FROM page JOIN reviews r ON r.id = page.review_id LEFT JOIN staff_members m ON m.id = page.assignee_id
  ORDER BY ${ORDER}`;

/**
 * The daily queue: open cases in the order a lead would work them. Writes and the sweep keep the sort
 * columns current, so a read is one walk of ix_recovery_cases_queue (or its per-assignee twin) that stops
 * after `limit` rows; the reasons are computed for those rows only.
 */
@Injectable()
export class RecoveryQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RecoverySettingsService,
    private readonly counts: QueueCountsCache,
    private readonly platformRules: PlatformRulesService,
  ) {}

  /**
   * The queue as this actor asks for it, presented (e.g. as the JSON body): identical requests that arrive
   * while one is being read share its result, so a burst costs one read and one serialisation.
   */
  async presented<T>(shopId: string, options: QueueOptions, actor: Actor, present: (queue: Queue) => T): Promise<T> {
    const assignee = options.assignee === undefined ? undefined : resolveAssignee(options.assignee, actor);
    const key = JSON.stringify([assignee, options.limit, options.highRiskLimit, options.grade, options.tag, options.productId]);
    return this.counts.shared(shopId, `queue:${key}`, async () => present(await this.read(shopId, options, assignee)));
  }

  private async read(shopId: string, options: QueueOptions, assignee: string | null | undefined): Promise<Queue> {
    const now = new Date();
    const limit = options.limit ?? DEFAULT_QUEUE_LIMIT;
    const highRiskLimit = options.highRiskLimit ?? DEFAULT_HIGH_RISK_LIMIT;
    const base: unknown[] = [shopId, now];
    let assigneeSql = '';
    if (assignee === null) assigneeSql = 'AND c.assignee_id IS NULL';
    else if (assignee !== undefined) assigneeSql = `AND c.assignee_id = $${base.push(assignee)}`;
    const variant = assignee === undefined ? 'all' : assignee === null ? 'unassigned' : 'assignee';
    const countParams = [...base];
    // Filters narrow the lists, not the counts: the counts say how much work there is. The walk of the
    // queue index skips the rows that do not match, so a filter costs more than the plain queue.
    const filters: string[] = [];
    if (options.grade) filters.push(`AND c.grade = $${base.push(options.grade)}`);
    if (options.productId !== undefined) filters.push(`AND c.product_id = $${base.push(options.productId)}`);
    if (options.tag) filters.push(`AND EXISTS (SELECT 1 FROM reviews t WHERE t.id = c.review_id AND $${base.push(options.tag)} = ANY(t.tags))`);
    const filterSql = filters.join(' ');
    const filterKey = [options.grade ? 'g' : '', options.productId !== undefined ? 'p' : '', options.tag ? 't' : ''].join('');
    const limitParam = `$${base.length + 1}`;
    const statement = `${variant}${filterKey ? `-${filterKey}` : ''}`;
    // The counts and the high-risk list look at every open case of the shop: they are cached for a few
    // seconds (see QueueCountsCache); the queue itself is read fresh, once for the identical requests that wait on it.
    const risky = () =>
      preparedRows<Row>(
        this.dataSource,
        `recovery-queue-high-risk-${statement}`,
        `WITH risky AS MATERIALIZED (
           SELECT p.platform, p.buyer_id, p.risk_score, p.risk_level, p.status FROM reviewer_profiles p WHERE p.shop_id = $1 AND ${HIGH_RISK}
         ), page AS (
           SELECT ${CASE_COLUMNS}, k.risk_score, k.risk_level, k.status AS risk_status
           FROM risky k
           JOIN recovery_cases c ON c.shop_id = $1 AND c.platform = k.platform AND c.buyer_id = k.buyer_id
           WHERE c.queue_urgency IS NOT NULL ${assigneeSql} ${filterSql} AND c.revision_deadline_at > $2
           ORDER BY ${CASE_ORDER}
           LIMIT ${limitParam})
         ${DETAILS}`,
        [...base, highRiskLimit],
      );
    const [items, counts, riskyRows, settings, rules] = await Promise.all([
      preparedRows<Row>(
        this.dataSource,
        `recovery-queue-${statement}`,
        `WITH page AS (
           SELECT ${CASE_COLUMNS}, NULL::real AS risk_score, NULL::text AS risk_level, NULL::text AS risk_status
           FROM recovery_cases c
           WHERE c.shop_id = $1 AND c.queue_urgency IS NOT NULL ${assigneeSql} ${filterSql} AND c.revision_deadline_at > $2
             AND NOT EXISTS (SELECT 1 FROM reviewer_profiles p
                             WHERE p.shop_id = c.shop_id AND p.platform = c.platform AND p.buyer_id = c.buyer_id AND ${HIGH_RISK})
           ORDER BY ${CASE_ORDER}
           LIMIT ${limitParam})
         ${DETAILS}`,
        [...base, limit],
      ),
      this.counts.get(shopId, `counts:${variant}:${assignee ?? ''}`, () => this.countCases(shopId, assigneeSql, countParams)),
      // a filtered high-risk list is read fresh: caching every product id asked for would only grow
      filterKey ? risky() : this.counts.get(shopId, `high-risk:${variant}:${assignee ?? ''}:${highRiskLimit}`, risky),
      this.settings.cached(shopId),
      this.platformRules.forShop(shopId),
    ]);
    const ctx = {
      now,
      today: localDate(now, settings.timezone),
      timezone: settings.timezone,
      highValueOrderAmount: settings.highValueOrderAmount,
      bestSellerReviews30d: settings.bestSellerReviews30d,
    };
    const toItem = (row: Row, index: number): QueueItem => {
      const item = this.toItem(row, index + 1, queueReasons(this.reasonInput(row), ctx), platformDeadlines(rules, row, now));
      if (row.risk_score !== null) item.reasons.unshift(highRiskReason(row.risk_score, row.risk_status ?? 'none'));
      return item;
    };
    return { generatedAt: now, timezone: settings.timezone, counts, items: items.map(toItem), highRisk: riskyRows.map(toItem) };
  }

  private async countCases(shopId: string, assigneeSql: string, params: unknown[]): Promise<QueueCounts> {
    const [row] = await sqlRows<Record<keyof QueueCounts, string>>(
      this.dataSource,
      `SELECT
         count(*) FILTER (WHERE c.queue_urgency IS NOT NULL) AS "inQueue",
         count(*) FILTER (WHERE c.status = 'new') AS "new",
         count(*) FILTER (WHERE c.queue_urgency = 0 AND c.follow_up_due_at > $2) AS "due",
         count(*) FILTER (WHERE c.queue_urgency = 1 OR (c.queue_urgency = 0 AND c.follow_up_due_at <= $2)) AS "overdue",
         count(*) FILTER (WHERE c.queue_urgency IS NOT NULL AND c.assignee_id IS NULL) AS "unassigned",
         count(*) FILTER (WHERE c.queue_urgency IS NOT NULL AND c.revision_deadline_at < $2::timestamptz + interval '3 days') AS "closingSoon",
         count(*) AS "open",
         (SELECT count(*) FROM reviewer_profiles p JOIN recovery_cases c ON c.shop_id = p.shop_id AND c.platform = p.platform AND c.buyer_id = p.buyer_id
          WHERE p.shop_id = $1 AND ${HIGH_RISK} AND c.queue_urgency IS NOT NULL ${assigneeSql}) AS "highRisk"
       FROM recovery_cases c
       WHERE c.shop_id = $1 AND c.status IN ${OPEN_SQL} AND c.revision_deadline_at > $2 ${assigneeSql}`,
      params,
    );
    const counts = {} as QueueCounts;
    for (const key of Object.keys(row) as (keyof QueueCounts)[]) counts[key] = Number(row[key]);
    return counts;
  }

  private reasonInput(row: Row) {
    return {
      status: row.status,
      grade: row.grade,
      revisionDeadlineAt: row.revision_deadline_at,
      followUpDueAt: row.follow_up_due_at,
      firstContactDueAt: row.first_contact_due_at,
      firstContactedAt: row.first_contacted_at,
      missedPromises: row.missed_promises,
      orderAmount: row.order_amount === null ? null : Number(row.order_amount),
      productRecentReviews: row.product_recent_reviews,
    };
  }

  private toItem(row: Row, position: number, reasons: QueueReason[], deadlines: PlatformDeadlines): QueueItem {
    return {
      position,
      caseId: row.id,
      status: row.status,
      grade: row.grade,
      rating: row.rating,
      platform: row.platform,
      reviewId: row.review_id,
      productId: row.product_id,
      productName: row.product_name,
      excerpt: row.excerpt,
      tags: row.tags,
      orderAmount: row.order_amount === null ? null : Number(row.order_amount),
      reviewedAt: row.reviewed_at,
      revisionDeadlineAt: row.revision_deadline_at,
      firstContactDueAt: row.first_contact_due_at,
      firstContactedAt: row.first_contacted_at,
      followUpDueAt: row.follow_up_due_at,
      promisedRevisionAt: row.promised_revision_at,
      contactCount: row.contact_count,
      lastContactAt: row.last_contact_at,
      assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
      reviewer: row.risk_score === null ? null : { riskScore: row.risk_score, riskLevel: row.risk_level ?? 'low', status: row.risk_status ?? 'none' },
      reasons,
      platformDeadlines: deadlines,
    };
  }
}

function platformDeadlines(rules: ShopPlatformRules, row: Row, now: Date): PlatformDeadlines {
  const effective = rules[row.platform as Platform] ?? rules.other;
  const review = { reviewedAt: row.reviewed_at, followUpAt: row.follow_up_at };
  const reply = replyWindow(effective.rules, review, now);
  return {
    rulesVersion: effective.version,
    replyUntil: reply.until,
    // the platform takes one public reply: one is there already (its text imported, or the platform's flag)
    replyClosed: row.replied_on_platform ? 'replied_on_platform' : reply.closed,
    followUpUntil: followUpUntil(effective.rules, review),
    revisionUntil: revisionUntil(effective.rules, review),
  };
}
