import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql';
import { StaffService } from '../shops/staff.service';
import { OPEN_SQL } from './recovery-sql';

export interface CompensationFigure {
  type: string;
  currency: string;
  contacts: number;
  amount: number;
}

export interface RecoveryFigures {
  /** open now (not bound to the period) */
  openCases: number;
  opened: number;
  /** cases first contacted in the period */
  firstContacted: number;
  /** from the case opening to its first contact, for cases first contacted in the period */
  medianSecondsToFirstContact: number | null;
  revised: number;
  closedUnrevised: number;
  /** revised / (revised + closed unrevised) among cases that ended in the period; dismissed ones do not count */
  revisionRate: number | null;
  medianSecondsToRevision: number | null;
  /** compensation offered in contacts of the period, by type and currency */
  compensation: CompensationFigure[];
}

export interface FiguresReport {
  from: Date;
  to: Date;
  shop: RecoveryFigures;
  agents: (RecoveryFigures & { staffId: string; name: string; role: string; active: boolean })[];
}

interface CaseRow {
  assignee_id: string | null;
  whole_shop: boolean;
  open_cases: string;
  opened: string;
  first_contacted: string;
  median_first_contact: number | null;
  revised: string;
  closed_unrevised: string;
  median_revision: number | null;
}

interface CompensationRow {
  staff_id: string | null;
  whole_shop: boolean;
  type: string;
  currency: string;
  contacts: string;
  amount: string;
}

/** Per-shop and per-agent recovery figures for a period: SQL aggregates, one pass over cases and one over contacts. */
@Injectable()
export class RecoveryFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: StaffService,
  ) {}

  async figures(shopId: string, from: Date, to: Date): Promise<FiguresReport> {
    const period = (column: string) => `${column} >= $2 AND ${column} < $3`;
    const [caseRows, compensationRows, members] = await Promise.all([
      sqlRows<CaseRow>(
        this.dataSource,
        `SELECT c.assignee_id, GROUPING(c.assignee_id) = 1 AS whole_shop,
           count(*) FILTER (WHERE c.status IN ${OPEN_SQL}) AS open_cases,
           count(*) FILTER (WHERE ${period('c.opened_at')}) AS opened,
           count(*) FILTER (WHERE ${period('c.first_contacted_at')}) AS first_contacted,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(extract(epoch FROM c.first_contacted_at - c.opened_at), 0))
             FILTER (WHERE ${period('c.first_contacted_at')}) AS median_first_contact,
           count(*) FILTER (WHERE c.status = 'revised' AND ${period('c.closed_at')}) AS revised,
           count(*) FILTER (WHERE c.status = 'closed_unrevised' AND ${period('c.closed_at')}) AS closed_unrevised,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.revised_at - c.opened_at))
             FILTER (WHERE c.status = 'revised' AND ${period('c.closed_at')}) AS median_revision
         FROM recovery_cases c
         WHERE c.shop_id = $1 AND (c.status IN ${OPEN_SQL} OR c.opened_at >= $2 OR c.closed_at >= $2 OR c.first_contacted_at >= $2)
         GROUP BY GROUPING SETS ((c.assignee_id), ())`,
        [shopId, from, to],
      ),
      sqlRows<CompensationRow>(
        this.dataSource,
        `SELECT k.staff_id, GROUPING(k.staff_id) = 1 AS whole_shop, k.compensation_type AS type, COALESCE(k.compensation_currency, 'CNY') AS currency,
           count(*) AS contacts, COALESCE(sum(k.compensation_amount), 0) AS amount
         FROM recovery_contacts k
         WHERE k.shop_id = $1 AND ${period('k.at')} AND k.compensation_type IS NOT NULL
         GROUP BY GROUPING SETS ((k.staff_id, k.compensation_type, COALESCE(k.compensation_currency, 'CNY')), (k.compensation_type, COALESCE(k.compensation_currency, 'CNY')))
         ORDER BY type, currency`,
        [shopId, from, to],
      ),
      this.staff.list(shopId),
    ]);
    const toFigures = (row: CaseRow | undefined, compensation: CompensationRow[]): RecoveryFigures => {
      const revised = Number(row?.revised ?? 0);
      const closedUnrevised = Number(row?.closed_unrevised ?? 0);
      return {
        openCases: Number(row?.open_cases ?? 0),
        opened: Number(row?.opened ?? 0),
        firstContacted: Number(row?.first_contacted ?? 0),
        medianSecondsToFirstContact: row?.median_first_contact == null ? null : Math.round(Number(row.median_first_contact)),
        revised,
        closedUnrevised,
        revisionRate: revised + closedUnrevised ? Math.round((revised / (revised + closedUnrevised)) * 10_000) / 10_000 : null,
        medianSecondsToRevision: row?.median_revision == null ? null : Math.round(Number(row.median_revision)),
        compensation: compensation.map((c) => ({ type: c.type, currency: c.currency, contacts: Number(c.contacts), amount: Number(c.amount) })),
      };
    };
    const shopRow = caseRows.find((r) => r.whole_shop);
    return {
      from,
      to,
      shop: toFigures(
        shopRow,
        compensationRows.filter((r) => r.whole_shop),
      ),
      agents: members.map((member) => ({
        staffId: member.id,
        name: member.name,
        role: member.role,
        active: member.deactivatedAt === null,
        ...toFigures(
          caseRows.find((r) => !r.whole_shop && r.assignee_id === member.id),
          compensationRows.filter((r) => !r.whole_shop && r.staff_id === member.id),
        ),
      })),
    };
  }
}
