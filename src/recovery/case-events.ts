import type { EntityManager } from 'typeorm';
import type { CaseEventAction } from './recovery-case-event.entity';

export interface CaseEventInput {
  shopId: string;
  caseId: string;
  actor: string;
  action: CaseEventAction;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** Appends to the audit log of a case, in the caller's transaction. */
export async function recordCaseEvents(manager: EntityManager, events: CaseEventInput[]): Promise<void> {
  if (!events.length) return;
  await manager.query(
    `INSERT INTO recovery_case_events (shop_id, case_id, actor, action, from_status, to_status, reason, details)
     SELECT x.shop_id, x.case_id, x.actor, x.action, x.from_status, x.to_status, x.reason, x.details
     FROM jsonb_to_recordset($1::jsonb) AS x(shop_id uuid, case_id uuid, actor text, action text, from_status text, to_status text, reason text, details jsonb)`,
    [
      JSON.stringify(
        events.map((e) => ({
          shop_id: e.shopId,
          case_id: e.caseId,
          actor: e.actor,
          action: e.action,
          from_status: e.fromStatus ?? null,
          to_status: e.toStatus ?? null,
          reason: e.reason ?? null,
          details: e.details ?? null,
        })),
      ),
    ],
  );
}
