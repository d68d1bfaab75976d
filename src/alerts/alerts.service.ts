import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/errors/domain-error';
import { decodeCursor, encodeCursor, Page } from '../common/pagination/cursor';
import { sqlRows } from '../database/sql';
import { OPEN_SQL } from '../recovery/recovery-sql';
import type { AlertCause, SubjectType } from './alert-detector';
import type { AlertEvidence, AlertStatus } from './alert.entity';

export class AlertNotFound extends NotFound {
  constructor(id: string) {
    super('alert', id);
  }
}

export interface AlertView {
  id: string;
  subjectType: SubjectType;
  subject: string;
  cause: AlertCause;
  status: AlertStatus;
  method: string;
  openedAt: Date;
  firstBadAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  evidence: AlertEvidence;
  /** the open recovery cases of the alert's medium/bad reviews (for an open alert), so staff answer them as one problem */
  caseIds: string[];
}

interface AlertRow {
  id: string;
  subject_type: SubjectType;
  subject: string;
  cause: AlertCause;
  status: AlertStatus;
  method: string;
  opened_at: Date;
  first_bad_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  evidence: AlertEvidence;
  opened_at_text: string;
}

const COLUMNS = `a.id, a.subject_type, a.subject, a.cause, a.status, a.method, a.opened_at, a.first_bad_at, a.updated_at, a.resolved_at,
  a.acknowledged_at, a.acknowledged_by, a.evidence, a.opened_at::text AS opened_at_text`;
const CASE_LIMIT = 200;
const REVIEW_COLUMN: Record<SubjectType, string | null> = { sku: 'product_id', carrier: 'carrier', agent: 'service_agent', shop: null };

export interface AlertFilter {
  status?: AlertStatus;
  subjectType?: SubjectType;
  limit?: number;
  cursor?: string;
}

/** Reads of a shop's alerts and a person's acknowledgement; the detector (AlertDetectionService) opens and resolves them. */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first. */
  async list(shopId: string, filter: AlertFilter): Promise<Page<AlertView>> {
    const limit = filter.limit ?? 50;
    const params: unknown[] = [shopId];
    const where = ['a.shop_id = $1'];
    if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
    if (filter.subjectType) where.push(`a.subject_type = $${params.push(filter.subjectType)}`);
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor);
      where.push(`(a.opened_at, a.id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
    }
    const rows = await sqlRows<AlertRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM alerts a WHERE ${where.join(' AND ')} ORDER BY a.opened_at DESC, a.id DESC LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const items = await Promise.all(page.map((row) => this.view(shopId, row)));
    const last = rows.length > limit ? page[page.length - 1] : null;
    return { items, nextCursor: last ? encodeCursor({ at: last.opened_at_text, id: last.id }) : null };
  }

  async get(shopId: string, id: string): Promise<AlertView> {
    const [row] = await sqlRows<AlertRow>(this.dataSource, `SELECT ${COLUMNS} FROM alerts a WHERE a.shop_id = $1 AND a.id = $2`, [shopId, id]);
    if (!row) throw new AlertNotFound(id);
    return this.view(shopId, row);
  }

  /** A person has seen it; the first acknowledgement stands. The alert stays open until the rate is back. */
  async acknowledge(shopId: string, id: string, by: string): Promise<AlertView> {
    const rows = await sqlRows<{ id: string }>(
      this.dataSource,
      `UPDATE alerts SET acknowledged_at = COALESCE(acknowledged_at, now()), acknowledged_by = COALESCE(acknowledged_by, $3) WHERE shop_id = $1 AND id = $2 RETURNING id`,
      [shopId, id, by],
    );
    if (!rows.length) throw new AlertNotFound(id);
    return this.get(shopId, id);
  }

  /** Alerts opened in [from, to), oldest first: the weekly report lists them with their time to detection. */
  async openedBetween(shopId: string, from: Date, to: Date): Promise<AlertView[]> {
    const rows = await sqlRows<AlertRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM alerts a WHERE a.shop_id = $1 AND a.opened_at >= $2 AND a.opened_at < $3 ORDER BY a.opened_at, a.id`,
      [shopId, from, to],
    );
    return rows.map((row) => viewOf(row, []));
  }

  private async view(shopId: string, row: AlertRow): Promise<AlertView> {
    const column = REVIEW_COLUMN[row.subject_type];
    if (row.status !== 'open' || !column) return viewOf(row, []);
    const cases = await sqlRows<{ id: string }>(
      this.dataSource,
      `SELECT c.id FROM recovery_cases c JOIN reviews r ON r.id = c.review_id AND r.shop_id = c.shop_id
       WHERE c.shop_id = $1 AND c.status IN ${OPEN_SQL} AND r.${column} = $2 AND r.grade <> 'good' AND ($3 = 'any' OR $3 = ANY(r.tags))
       ORDER BY c.reviewed_at, c.id LIMIT ${CASE_LIMIT}`,
      [shopId, row.subject, row.cause],
    );
    return viewOf(
      row,
      cases.map((c) => c.id),
    );
  }
}

function viewOf(row: AlertRow, caseIds: string[]): AlertView {
  return {
    id: row.id,
    subjectType: row.subject_type,
    subject: row.subject,
    cause: row.cause,
    status: row.status,
    method: row.method,
    openedAt: row.opened_at,
    firstBadAt: row.first_bad_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    evidence: row.evidence,
    caseIds,
  };
}
