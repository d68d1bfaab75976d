/**
 * The alerts a report period saw, for the weekly report (reports/sections/quality.section.ts): a SQL query over
 * `report_params` (shop_id, start, period_end) that the report's combined statement runs. Declared here, beside
 * the table's owner, so the report reads alerts the way early warning writes them.
 * - opened in the period: listed with their time to detection;
 * - open at any time in the period on a SKU for quality (or all causes): the SKU's complaints are widespread.
 */
export const ALERTS_OF_PERIOD_SQL = `
  SELECT a.id, a.subject_type AS "subjectType", a.subject, a.cause, a.method,
    a.opened_at AS "openedAt", a.first_bad_at AS "firstBadAt", a.resolved_at AS "resolvedAt",
    (a.evidence->>'windowReviews')::int AS "windowReviews", (a.evidence->>'windowBad')::int AS "windowBad",
    (a.evidence->>'baselineRate')::float8 AS "baselineRate",
    a.opened_at >= p.start AS "openedInPeriod"
  FROM alerts a, report_params p
  WHERE a.shop_id = p.shop_id AND a.opened_at < p.period_end AND (a.resolved_at IS NULL OR a.resolved_at >= p.start)
  ORDER BY a.opened_at, a.id`;
