import { maskIdentifier } from '../personal-data';
import type { RenderedSection } from '../render/blocks';
import type { ReportText } from '../report-text';
import { ActionItem, ReportData, SectionBuilder } from '../report.types';

export type RiskDecision = 'flagged' | 'confirmed' | 'dismissed';

export interface RiskBuyerRow {
  /** masked: first and last character */
  buyer: string;
  platform: string;
  status: RiskDecision;
  riskScore: number;
  riskLevel: string;
  /** the codes of the strongest risk signals */
  signals: string[];
  /** when it was flagged or decided */
  at: string;
}

export interface ReviewerRiskSection {
  /** buyers flagged as possible professional bad-reviewers for a review of the period who still awaited a person at its end */
  flagged: number;
  /** buyers a person confirmed in the period (the decision still in force at its end) */
  confirmed: number;
  /** buyers a person dismissed in the period (the decision still in force at its end) */
  dismissed: number;
  /** confirmed first, then flagged, then dismissed; highest score first; at most settings.tableRows */
  buyers: RiskBuyerRow[];
  more: number;
}

export interface RiskProfileRow {
  buyerId: string;
  platform: string;
  status: RiskDecision;
  riskScore: number;
  riskLevel: string;
  signals: string[];
  at: string;
}

const STATUS_ORDER: Record<RiskDecision, number> = { confirmed: 0, flagged: 1, dismissed: 2 };

/** pure */
export function reviewerRisk(profiles: readonly RiskProfileRow[], tableRows: number): ReviewerRiskSection {
  const sorted = [...profiles].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.riskScore - a.riskScore || a.at.localeCompare(b.at));
  const count = (status: RiskDecision) => profiles.filter((p) => p.status === status).length;
  return {
    flagged: count('flagged'),
    confirmed: count('confirmed'),
    dismissed: count('dismissed'),
    buyers: sorted.slice(0, tableRows).map((p) => ({
      buyer: maskIdentifier(p.buyerId),
      platform: p.platform,
      status: p.status,
      riskScore: p.riskScore,
      riskLevel: p.riskLevel,
      signals: p.signals.slice(0, 3),
      at: p.at,
    })),
    more: Math.max(0, profiles.length - tableRows),
  };
}

function render(data: ReviewerRiskSection, text: ReportText, report: ReportData): RenderedSection {
  const localDate = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: report.shop.timezone });
  return {
    key: 'reviewerRisk',
    title: text.t('reviewerRisk'),
    blocks: [
      {
        type: 'metrics',
        id: 'reviewer_risk_counts',
        items: [
          { label: text.t('flagged'), value: text.count(data.flagged), detail: '', tone: data.flagged > 0 ? 'bad' : 'neutral' },
          { label: text.t('confirmed'), value: text.count(data.confirmed), detail: '', tone: 'neutral' },
          { label: text.t('dismissed'), value: text.count(data.dismissed), detail: '', tone: 'neutral' },
        ],
      },
      {
        type: 'table',
        id: 'reviewer_risk',
        columns: [
          { label: text.t('buyer'), kind: 'text' },
          { label: text.t('platform'), kind: 'text' },
          { label: text.t('status'), kind: 'text' },
          { label: text.t('riskScore'), kind: 'count' },
          { label: text.t('signals'), kind: 'text', wrap: true },
          { label: text.t('date'), kind: 'text' },
        ],
        rows: data.buyers.map((row) => [row.buyer, row.platform, text.t(row.status), row.riskScore, row.signals.join(', '), localDate(row.at)]),
        empty: text.t('noRows'),
        more: data.more,
      },
      { type: 'note', text: text.t('maskedNote') },
    ],
  };
}

function actions(data: ReviewerRiskSection): ActionItem[] {
  const items: ActionItem[] = [];
  if (data.flagged > 0) {
    items.push({
      department: 'customer_service',
      priority: 'medium',
      code: 'risk.flagged',
      params: { flagged: data.flagged },
      text: {
        zh: `${data.flagged} 位买家被标记为疑似职业差评师，等待人工核实：先看证据，核实前不要赔付，保留聊天记录`,
        en: `${data.flagged} buyer${data.flagged === 1 ? ' is' : 's are'} flagged as possible professional bad-reviewers and await a decision: check the evidence, pay nothing before, keep the chat logs`,
      },
    });
  }
  if (data.confirmed > 0) {
    items.push({
      department: 'operations',
      priority: 'low',
      code: 'risk.confirmed',
      params: { confirmed: data.confirmed },
      text: {
        zh: `本期确认 ${data.confirmed} 位职业差评师：提交平台申诉并屏蔽其后续下单`,
        en: `${data.confirmed} professional bad-reviewer${data.confirmed === 1 ? ' was' : 's were'} confirmed this period: report them to the platform and block their future orders`,
      },
    });
  }
  return items;
}

/** a confirm or dismiss made before the period's end that no reopen before the end undid */
const IN_FORCE_AT_END = `d.action IN ('confirm', 'dismiss') AND d.decided_at < $4
  AND NOT EXISTS (SELECT 1 FROM reviewer_decisions r
    WHERE r.shop_id = d.shop_id AND r.profile_id = d.profile_id AND r.reverts_id = d.id AND r.decided_at < $4)`;

/**
 * Each buyer once, with where they stood at the end of the period, from the people's decisions
 * (reviewer_decisions, append-only) and the flag (reviewer_profiles.flagged_review_at, the posting time of the
 * review that got the buyer flagged: the period basis of the reviews; flagged_at, when it happened):
 * - confirmed / dismissed: the decision in force at the period's end was made in the period (a confirm undone by
 *   a reopen before the end does not count; one undone later still does). Score, level and evidence are the
 *   ones the person saw when deciding.
 * - flagged: flagged for a review of the period with no decision in force made since the flag (still waiting for a
 *   person at the end);
 *   score and signals are the profile's current ones.
 * Regenerating an old period gives the same buyers, whatever was decided after it.
 */
export const reviewerRiskSection: SectionBuilder<'reviewerRisk', { profiles: RiskProfileRow }> = {
  key: 'reviewerRisk',
  queries: {
    profiles: `
      SELECT * FROM (
        SELECT DISTINCT ON (d.profile_id) p.buyer_id AS "buyerId", p.platform,
          CASE d.action WHEN 'confirm' THEN 'confirmed' ELSE 'dismissed' END AS status,
          round(d.risk_score::numeric, 1)::float8 AS "riskScore", d.risk_level AS "riskLevel", d.evidence_codes AS signals, d.decided_at AS at
        FROM reviewer_decisions d JOIN reviewer_profiles p ON p.id = d.profile_id AND p.shop_id = d.shop_id
        WHERE d.shop_id = $1 AND d.decided_at >= $3 AND ${IN_FORCE_AT_END}
        ORDER BY d.profile_id, d.decided_at DESC, d.id DESC
      ) decided
      UNION ALL
      SELECT p.buyer_id, p.platform, 'flagged', round(p.risk_score::numeric, 1)::float8, p.risk_level,
        ARRAY(SELECT s->>'code' FROM jsonb_array_elements(p.signals) AS s WHERE (s->>'contribution')::float8 > 0),
        p.flagged_at
      FROM reviewer_profiles p
      WHERE p.shop_id = $1 AND p.flagged_review_at >= $3 AND p.flagged_review_at < $4
        AND NOT EXISTS (SELECT 1 FROM reviewer_decisions d WHERE d.shop_id = p.shop_id AND d.profile_id = p.id AND d.decided_at >= p.flagged_at AND ${IN_FORCE_AT_END})`,
  },
  build: (rows, context) => reviewerRisk(rows.profiles, context.settings.tableRows),
  render,
  actions,
};
