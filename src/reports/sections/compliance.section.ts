import { ACTIONS_IN_EFFECT_SQL, OVERRIDES_IN_PERIOD_SQL } from '../../compliance/compliance-gate.service';
import type { RenderedSection } from '../render/blocks';
import { ReportText, subTagLabel, tagLabel } from '../report-text';
import type { ActionItem, SectionBuilder } from '../report.types';

export interface OverrideRow {
  subjectType: string;
  action: string;
  ruleIds: string[];
  actor: string;
  at: string;
}

export interface CorrectiveActionRow {
  what: string;
  tag: string | null;
  subTag: string | null;
  productKey: string | null;
  carrier: string | null;
  since: string;
  newInPeriod: boolean;
}

export interface ComplianceSection {
  /** blocking compliance findings a lead let through in the period */
  overrides: number;
  /** how often each rule was overridden, most first */
  overriddenRules: { ruleId: string; count: number }[];
  /** corrective actions in effect at the end of the period, newest first; at most settings.tableRows */
  actions: CorrectiveActionRow[];
  moreActions: number;
}

/** pure */
export function complianceOf(overrides: readonly OverrideRow[], actions: readonly CorrectiveActionRow[], tableRows: number): ComplianceSection {
  const byRule = new Map<string, number>();
  for (const o of overrides) for (const rule of o.ruleIds) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  return {
    overrides: overrides.length,
    overriddenRules: [...byRule].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    actions: actions.slice(0, tableRows),
    moreActions: Math.max(0, actions.length - tableRows),
  };
}

function scope(row: CorrectiveActionRow, text: ReportText): string {
  const parts: string[] = [];
  if (row.subTag) parts.push(text.pick(subTagLabel(row.subTag)));
  else if (row.tag) parts.push(text.pick(tagLabel(row.tag)));
  if (row.productKey) parts.push(row.productKey);
  if (row.carrier) parts.push(row.carrier);
  return parts.join(' · ');
}

function render(data: ComplianceSection, text: ReportText): RenderedSection {
  return {
    key: 'compliance',
    title: text.t('compliance'),
    blocks: [
      {
        type: 'metrics',
        id: 'compliance_overrides',
        items: [
          {
            label: text.t('complianceOverrides'),
            value: text.count(data.overrides),
            detail: data.overriddenRules.map((r) => `${r.ruleId} ×${r.count}`).join(', '),
            tone: data.overrides > 0 ? 'bad' : 'neutral',
          },
        ],
      },
      {
        type: 'table',
        id: 'corrective_actions',
        columns: [
          { label: text.t('since'), kind: 'text' },
          { label: text.t('correctiveAction'), kind: 'text', wrap: true },
          { label: text.t('appliesTo'), kind: 'text' },
        ],
        rows: data.actions.map((row) => [row.newInPeriod ? `${row.since} (${text.t('newItem')})` : row.since, row.what, scope(row, text)]),
        empty: text.t('noCorrectiveActions'),
        more: data.moreActions,
      },
    ],
  };
}

function actions(data: ComplianceSection): ActionItem[] {
  if (data.overrides === 0) return [];
  return [
    {
      department: 'customer_service',
      priority: 'medium',
      code: 'compliance.overrides',
      params: { overrides: data.overrides },
      text: {
        zh: `本期负责人放行了 ${data.overrides} 次合规拦截：复查放行理由，把常被放行的话术改成合规写法`,
        en: `Leads overrode ${data.overrides} compliance block${data.overrides === 1 ? '' : 's'} this period: review the reasons and rewrite the wording that keeps needing it`,
      },
    },
  ];
}

/** Overrides of the compliance guard in the period, and the corrective actions the shop has recorded (what drafts may state as done). */
export const complianceSection: SectionBuilder<'compliance', { overrides: OverrideRow; actions: CorrectiveActionRow }> = {
  key: 'compliance',
  queries: { overrides: OVERRIDES_IN_PERIOD_SQL, actions: ACTIONS_IN_EFFECT_SQL },
  build: (rows, context) => complianceOf(rows.overrides, rows.actions, context.settings.tableRows),
  render,
  actions,
};
