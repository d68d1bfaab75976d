import { DEFAULT_RECOVERY_SETTINGS } from './recovery-settings.entity';

/** open statuses as a SQL list */
export const OPEN_SQL = `('new', 'contacting', 'awaiting_revision', 'escalated')`;
/** statuses a case leaves by itself when its window passes (an escalation to the platform is not bound by it) */
export const WORKING_SQL = `('new', 'contacting', 'awaiting_revision')`;

/** the end of the current local day of zone `tz` (SQL expressions), as timestamptz */
export const endOfLocalDaySql = (tz: string, now: string) => `((date_trunc('day', ${now} AT TIME ZONE ${tz}) + interval '1 day') AT TIME ZONE ${tz})`;

/**
 * The queue urgency of case `c` (see URGENCY): 0 a follow-up is due today or overdue, 1 the first contact
 * is past its SLA, 2 other work; NULL when the case is not in the daily queue (final, escalated, or
 * waiting for a promised revision that is not due yet). Writes and the sweep store it, the queue sorts by it.
 */
export const urgencySql = (c: string, tz: string, now: string) => `CASE
    WHEN ${c}.status NOT IN ('new', 'contacting', 'awaiting_revision') THEN NULL
    WHEN ${c}.follow_up_due_at IS NOT NULL AND ${c}.follow_up_due_at < ${endOfLocalDaySql(tz, now)} THEN 0
    WHEN ${c}.status = 'awaiting_revision' THEN NULL
    WHEN ${c}.first_contacted_at IS NULL AND ${c}.first_contact_due_at <= ${now} THEN 1
    ELSE 2 END`;

/** A shop's effective settings (defaults where it has no row), joined as `alias` on shop id `shopId`. */
export const settingsJoinSql = (alias: string, shopIdExpr: string) =>
  `LEFT JOIN recovery_settings ${alias}_row ON ${alias}_row.shop_id = ${shopIdExpr}
   CROSS JOIN LATERAL (SELECT
     COALESCE(${alias}_row.revision_window_days, ${DEFAULT_RECOVERY_SETTINGS.revisionWindowDays}) AS window_days,
     COALESCE(${alias}_row.first_contact_sla_hours, ${DEFAULT_RECOVERY_SETTINGS.firstContactSlaHours}) AS sla_hours) ${alias}`;
