import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql';
import { QueueCountsCache } from './queue-counts.cache';
import { urgencySql, WORKING_SQL } from './recovery-sql';

const BATCH = 1_000;
const MAX_ROUNDS = 50;
const SYSTEM = 'system:sweep';

// A promised revision date passed and the review is still negative: back to contacting, at the top of its day.
const MISSED_PROMISES_SQL = `
  WITH target AS (
    SELECT id, shop_id FROM recovery_cases
    WHERE follow_up_due_at IS NOT NULL AND follow_up_due_at <= $1 AND status = 'awaiting_revision'
    ORDER BY follow_up_due_at LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), moved AS (
    UPDATE recovery_cases c SET status = 'contacting', missed_promises = c.missed_promises + 1, queue_urgency = 0, updated_at = now()
    FROM target t WHERE c.id = t.id
    RETURNING c.id, c.shop_id, c.promised_revision_at
  )
  INSERT INTO recovery_case_events (shop_id, case_id, actor, action, from_status, to_status, reason, details)
  SELECT m.shop_id, m.id, '${SYSTEM}', 'promise_missed', 'awaiting_revision', 'contacting', 'the promised revision date passed',
    jsonb_build_object('promisedRevisionAt', m.promised_revision_at)
  FROM moved m
  RETURNING shop_id`;

// The platform's change window closed: nothing left to recover, the case closes unrevised.
const WINDOWS_PASSED_SQL = `
  WITH target AS (
    SELECT id, status FROM recovery_cases
    WHERE status IN ${WORKING_SQL} AND revision_deadline_at <= $1
    ORDER BY revision_deadline_at LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), moved AS (
    UPDATE recovery_cases c SET status = 'closed_unrevised', closed_at = now(), queue_urgency = NULL, follow_up_due_at = NULL, updated_at = now()
    FROM target t WHERE c.id = t.id
    RETURNING c.id, c.shop_id, t.status AS from_status
  )
  INSERT INTO recovery_case_events (shop_id, case_id, actor, action, from_status, to_status, reason)
  SELECT m.shop_id, m.id, '${SYSTEM}', 'window_passed', m.from_status, 'closed_unrevised', 'the revision window closed'
  FROM moved m
  RETURNING shop_id`;

// Urgency that time changed: first contacts that just passed their SLA, follow-ups that became due today.
const URGENCY_EXPR = urgencySql('c', 's.timezone', '$1::timestamptz');
const URGENCY_SQL = `
  WITH target AS (
    SELECT c.id FROM recovery_cases c JOIN shops s ON s.id = c.shop_id
    WHERE ((c.queue_urgency = 2 AND c.first_contacted_at IS NULL AND c.first_contact_due_at <= $1)
        OR (c.follow_up_due_at IS NOT NULL AND c.follow_up_due_at < $1::timestamptz + interval '26 hours'))
      AND c.queue_urgency IS DISTINCT FROM (${URGENCY_EXPR})
    LIMIT $2
    FOR UPDATE OF c SKIP LOCKED
  )
  UPDATE recovery_cases c SET queue_urgency = ${URGENCY_EXPR}
  FROM target t, shops s WHERE c.id = t.id AND s.id = c.shop_id
  RETURNING c.shop_id`;

export interface SweepResult {
  promisesMissed: number;
  windowsClosed: number;
  urgencyChanged: number;
}

/**
 * What time does to cases, kept in the database: missed promises go back into the queue, closed windows
 * close cases, and the stored queue urgency follows the clock. Set-based, in batches, with SKIP LOCKED so
 * any number of worker processes can sweep at once; nothing depends on delayed jobs in Redis.
 */
@Injectable()
export class RecoverySweepService {
  private readonly logger = new Logger(RecoverySweepService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counts: QueueCountsCache,
  ) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    const started = Date.now();
    const result: SweepResult = {
      promisesMissed: await this.repeat(MISSED_PROMISES_SQL, now),
      windowsClosed: await this.repeat(WINDOWS_PASSED_SQL, now),
      urgencyChanged: await this.repeat(URGENCY_SQL, now),
    };
    if (result.promisesMissed || result.windowsClosed || result.urgencyChanged) {
      this.logger.log({ msg: 'recovery sweep', ...result, ms: Date.now() - started });
    }
    return result;
  }

  private async repeat(sql: string, now: Date): Promise<number> {
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const rows = await this.dataSource.transaction((manager) => sqlRows<{ shop_id: string }>(manager, sql, [now, BATCH]));
      for (const shopId of new Set(rows.map((r) => r.shop_id))) this.counts.invalidate(shopId);
      total += rows.length;
      if (rows.length < BATCH) break;
    }
    return total;
  }
}
