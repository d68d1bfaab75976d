import type { CompensationType } from '../../recovery/recovery.types';
import type { Block, RenderedSection } from '../render/blocks';
import { compensationLabel, ReportText } from '../report-text';
import { ActionItem, delta, Delta, ratio, ReportData, SectionBuilder } from '../report.types';
import { periodLabels } from './section-helpers';

/**
 * The recovery funnel. Which cases count: those of the period's REVIEWS (the case's reviewed_at, the report's
 * period basis everywhere: a review synced a day late opens its case in its own week), with their progress AS OF
 * THE PERIOD'S END (contacts that happened before it, the status they had reached by it). The previous period is the same
 * for its own cases at its own end, so both are measured at the same age and a regenerated old week gives the
 * numbers it had. Compensation counts by when it was offered: every contact of the period that offered one,
 * whatever week its case opened in, so the weeks add up to what was spent.
 */

/** How a case stood at the end of its period. */
export type CaseOutcome = 'revised' | 'closed_unrevised' | 'dismissed';

/**
 * The cases of one period, counted in SQL as they stood at its end (one row per period: the section reads two
 * rows, not a row per case).
 */
export interface FunnelBucketRow {
  /** 0: of a review posted in this period, -1: in the previous one */
  bucket: number;
  opened: number;
  /** with a contact before the period's end */
  contacted: number;
  /** contacted before the period's end, and the first-contact deadline (the shop's SLA) not missed */
  contactedInSla: number;
  /** the first-contact deadline passed before the period's end without a contact by then */
  slaMissed: number;
  /** median seconds from opening to the first contact of the contacted cases (a contact logged before the case opened counts as 0); null: none */
  medianSecondsToFirstContact: number | null;
  /** a contact before the period's end had the outcome promised_revision */
  promised: number;
  revised: number;
  closedUnrevised: number;
  dismissed: number;
}

export interface CompensationOfferRow {
  bucket: number;
  type: CompensationType;
  currency: string;
  offers: number;
  /** the sum of the amounts given; an offer without an amount adds nothing */
  amount: number;
}

export interface FunnelCounts {
  /** cases of the period's reviews, dismissed ones included */
  opened: number;
  /** with at least one contact (any outcome, no answer included) */
  contacted: number;
  /** first contact by the SLA deadline */
  contactedInSla: number;
  /** the SLA deadline passed before the period's end without a contact by then */
  slaMissed: number;
  /** median time from opening to first contact, of the contacted cases; null when none */
  medianSecondsToFirstContact: number | null;
  /** a contact in which the buyer promised to revise */
  promised: number;
  revised: number;
  closedUnrevised: number;
  /** dismissed by a lead (duplicates, test orders) */
  dismissed: number;
  /** still open at the period's end */
  open: number;
  /** contacted / opened */
  contactRate: number | null;
  /** revised / opened */
  revisionRate: number | null;
}

export interface CompensationLine {
  type: CompensationType;
  currency: string;
  offers: number;
  amount: number;
  previousOffers: number;
  previousAmount: number;
}

export type CompensationTotal = Omit<CompensationLine, 'type'>;

export interface FunnelSection {
  current: FunnelCounts;
  previous: FunnelCounts;
  vsPrevious: {
    opened: Delta;
    revised: Delta;
    /** difference of rates (0-1); null when either period opened no case */
    contactRate: number | null;
    revisionRate: number | null;
    /** seconds; null when either period has no contacted case */
    medianSecondsToFirstContact: number | null;
  };
  /** offered in contacts of the period, by type and currency, most spent first; the previous period beside */
  compensation: CompensationLine[];
  /** per currency */
  compensationTotals: CompensationTotal[];
}

/** money as the database has it: cents, no float residue */
const cents = (value: number) => Math.round(value * 100) / 100;

/** hours with one decimal */
const toHours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

/** the counts of FunnelCounts (not its median and rates) */
type CountKey = { [K in keyof FunnelCounts]: FunnelCounts[K] extends number ? K : never }[keyof FunnelCounts];

/** The counts of a period, with its rates; a period without a row opened nothing. */
export function funnelCounts(row: FunnelBucketRow | undefined): FunnelCounts {
  const opened = row?.opened ?? 0;
  const contacted = row?.contacted ?? 0;
  const revised = row?.revised ?? 0;
  const closedUnrevised = row?.closedUnrevised ?? 0;
  const dismissed = row?.dismissed ?? 0;
  const medianSeconds = row?.medianSecondsToFirstContact ?? null;
  return {
    opened,
    contacted,
    contactedInSla: row?.contactedInSla ?? 0,
    slaMissed: row?.slaMissed ?? 0,
    medianSecondsToFirstContact: medianSeconds === null ? null : Math.round(medianSeconds),
    promised: row?.promised ?? 0,
    revised,
    closedUnrevised,
    dismissed,
    open: opened - revised - closedUnrevised - dismissed,
    contactRate: ratio(contacted, opened),
    revisionRate: ratio(revised, opened),
  };
}

/** The funnel of this period and the previous one, and the compensation offered in each; pure. */
export function recoveryFunnel(buckets: readonly FunnelBucketRow[], offers: readonly CompensationOfferRow[]): FunnelSection {
  const current = funnelCounts(buckets.find((row) => row.bucket === 0));
  const previous = funnelCounts(buckets.find((row) => row.bucket !== 0));
  const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

  const lines = new Map<string, CompensationLine>();
  for (const row of offers) {
    const key = `${row.type}|${row.currency}`;
    const line = lines.get(key) ?? { type: row.type, currency: row.currency, offers: 0, amount: 0, previousOffers: 0, previousAmount: 0 };
    if (row.bucket === 0) {
      line.offers += row.offers;
      line.amount = cents(line.amount + row.amount);
    } else {
      line.previousOffers += row.offers;
      line.previousAmount = cents(line.previousAmount + row.amount);
    }
    lines.set(key, line);
  }
  const compensation = [...lines.values()].sort(
    (a, b) =>
      a.currency.localeCompare(b.currency) || b.amount - a.amount || b.offers - a.offers || b.previousAmount - a.previousAmount || a.type.localeCompare(b.type),
  );
  const totals = new Map<string, CompensationTotal>();
  for (const line of compensation) {
    const total = totals.get(line.currency) ?? { currency: line.currency, offers: 0, amount: 0, previousOffers: 0, previousAmount: 0 };
    total.offers += line.offers;
    total.previousOffers += line.previousOffers;
    total.amount = cents(total.amount + line.amount);
    total.previousAmount = cents(total.previousAmount + line.previousAmount);
    totals.set(line.currency, total);
  }
  return {
    current,
    previous,
    vsPrevious: {
      opened: delta(current.opened, previous.opened),
      revised: delta(current.revised, previous.revised),
      contactRate: difference(current.contactRate, previous.contactRate),
      revisionRate: difference(current.revisionRate, previous.revisionRate),
      medianSecondsToFirstContact: difference(current.medianSecondsToFirstContact, previous.medianSecondsToFirstContact),
    },
    compensation,
    compensationTotals: [...totals.values()].sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency)),
  };
}

/** a share of the period's cases whose first-contact deadline passed without a contact worth an item */
export const SLA_MISSED_ALERT = 0.2;
/** a drop of the revision rate against the previous period worth an item: 10 percentage points ... */
export const REVISION_DROP_ALERT = 0.1;
/** ... when both periods opened at least this many cases (fewer is noise) */
export const REVISION_MIN_CASES = 10;

/**
 * Items for the customer-service lead, only where the data carries one: first contacts missing the SLA deadline
 * (at least actionMinComplaints cases and SLA_MISSED_ALERT of the cases whose deadline had passed), and a revision
 * rate clearly below the previous period's at the same age.
 */
function actions(data: FunnelSection, report: Pick<ReportData, 'settings' | 'sections'>): ActionItem[] {
  const items: ActionItem[] = [];
  const { current, previous } = data;
  const due = current.slaMissed + current.contactedInSla;
  const missedShare = ratio(current.slaMissed, due);
  if (missedShare !== null && current.slaMissed >= report.settings.actionMinComplaints && missedShare >= SLA_MISSED_ALERT) {
    const hours = toHours(current.medianSecondsToFirstContact);
    items.push({
      department: 'customer_service',
      priority: missedShare >= 0.5 ? 'high' : 'medium',
      code: 'funnel.first_contact_late',
      params: { slaMissed: current.slaMissed, due, medianHoursToFirstContact: hours },
      text: {
        zh: `本期新开案件有 ${current.slaMissed} 个未在首次联系时限内联系（时限内联系 ${current.contactedInSla} 个${hours === null ? '' : `，首次联系中位时长 ${hours} 小时`}）— 每天先清超时案件，高峰时段加派人手`,
        en: `${current.slaMissed} of ${due} cases opened this period missed the first-contact deadline (${current.contactedInSla} were contacted in time${hours === null ? '' : `; median time to first contact ${hours} h`}) - clear overdue cases first each day and add staff at peak hours`,
      },
    });
  }
  const drop = data.vsPrevious.revisionRate;
  if (drop !== null && -drop >= REVISION_DROP_ALERT && current.opened >= REVISION_MIN_CASES && previous.opened >= REVISION_MIN_CASES) {
    const pct = (value: number | null) => `${((value ?? 0) * 100).toFixed(1)}%`;
    items.push({
      department: 'customer_service',
      priority: 'medium',
      code: 'funnel.revision_rate_down',
      params: { revisionRate: current.revisionRate, previousRate: previous.revisionRate, opened: current.opened },
      text: {
        zh: `改评率 ${pct(current.revisionRate)}，上期同期 ${pct(previous.revisionRate)} — 复盘本期未改评的案件：原因判断、补偿方案和话术`,
        en: `The revision rate is ${pct(current.revisionRate)} against ${pct(previous.revisionRate)} for the previous period at the same age - go through the unrevised cases: the cause found, the remedy offered and the script`,
      },
    });
  }
  return items;
}

function render(data: FunnelSection, text: ReportText, report: ReportData): RenderedSection {
  const labels = periodLabels(text, report.kind);
  const { current, previous } = data;
  const main = data.compensationTotals[0];
  const blocks: Block[] = [
    {
      type: 'metrics',
      items: [
        {
          label: text.t('casesOpened'),
          value: text.count(current.opened),
          detail: `${labels.previous} ${text.count(previous.opened)} (${text.relative(current.opened, previous.opened)})`,
          tone: 'neutral',
        },
        {
          label: text.t('contacted'),
          value: text.count(current.contacted),
          detail: text.t('ofOpened', { pct: text.percent(current.contactRate) }),
          tone: 'neutral',
        },
        {
          label: text.t('medianFirstContact'),
          value: text.duration(current.medianSecondsToFirstContact),
          detail: `${text.t('slaMissed')} ${text.count(current.slaMissed)}`,
          tone: current.slaMissed > 0 ? 'bad' : 'neutral',
        },
        {
          label: text.t('revisionRate'),
          value: text.percent(current.revisionRate),
          detail: `${labels.previous} ${text.deltaPp(data.vsPrevious.revisionRate)}`,
          tone: data.vsPrevious.revisionRate === null || data.vsPrevious.revisionRate === 0 ? 'neutral' : data.vsPrevious.revisionRate > 0 ? 'good' : 'bad',
        },
        {
          label: text.t('compensationSpent'),
          value: text.money(main?.amount ?? 0, main?.currency ?? 'CNY'),
          detail: main ? `${text.t('offers', { n: main.offers })} · ${labels.previous} ${text.money(main.previousAmount, main.currency)}` : '',
          tone: 'neutral',
        },
      ],
    },
    {
      type: 'chart',
      chart: {
        kind: 'funnel',
        title: text.t('funnelTitle'),
        stages: (
          [
            ['casesOpened', 'opened'],
            ['contacted', 'contacted'],
            ['promised', 'promised'],
            ['revisedStage', 'revised'],
          ] as const
        ).map(([label, key], i) => ({
          label: text.t(label),
          value: current[key],
          previous: previous[key],
          note: i === 0 ? '' : text.t('ofOpened', { pct: text.percent(ratio(current[key], current.opened)) }),
        })),
        valueLabel: labels.current,
        previousLabel: labels.previous,
      },
    },
  ];
  const count = (value: number) => ({ value, kind: 'count' as const });
  const row = (label: string, key: CountKey) => [
    label,
    count(current[key]),
    count(previous[key]),
    { value: current[key] - previous[key], kind: 'delta' as const },
  ];
  const rate = (label: string, key: 'contactRate' | 'revisionRate') => [
    label,
    { value: current[key], kind: 'percent' as const },
    { value: previous[key], kind: 'percent' as const },
    { value: data.vsPrevious[key], kind: 'deltaPp' as const },
  ];
  const currentHours = toHours(current.medianSecondsToFirstContact);
  const previousHours = toHours(previous.medianSecondsToFirstContact);
  blocks.push({
    type: 'table',
    id: 'funnel',
    columns: [
      { label: text.t('metric'), kind: 'text' },
      { label: labels.current, kind: 'count' },
      { label: labels.previous, kind: 'count' },
      { label: text.t('change'), kind: 'delta' },
    ],
    rows: [
      row(text.t('casesOpened'), 'opened'),
      row(text.t('contacted'), 'contacted'),
      row(text.t('contactedInSla'), 'contactedInSla'),
      row(text.t('slaMissed'), 'slaMissed'),
      [
        text.t('medianFirstContactHours'),
        currentHours,
        previousHours,
        currentHours === null || previousHours === null ? null : Math.round((currentHours - previousHours) * 10) / 10,
      ],
      row(text.t('promised'), 'promised'),
      row(text.t('revisedStage'), 'revised'),
      row(text.t('closedUnrevised'), 'closedUnrevised'),
      row(text.t('casesDismissed'), 'dismissed'),
      row(text.t('stillOpen'), 'open'),
      rate(text.t('contactRate'), 'contactRate'),
      rate(text.t('revisionRate'), 'revisionRate'),
    ],
    empty: text.t('noRows'),
  });
  blocks.push({
    type: 'table',
    id: 'compensation',
    title: text.t('compensationSpent'),
    columns: [
      { label: text.t('compensationType'), kind: 'text' },
      { label: text.t('currency'), kind: 'text' },
      { label: text.t('offersColumn'), kind: 'count' },
      { label: text.t('amount'), kind: 'amount' },
      { label: `${labels.previous} · ${text.t('offersColumn')}`, kind: 'count' },
      { label: `${labels.previous} · ${text.t('amount')}`, kind: 'amount' },
    ],
    rows: [
      ...data.compensation.map((line) => [
        text.pick(compensationLabel(line.type)),
        line.currency,
        line.offers,
        line.amount,
        line.previousOffers,
        line.previousAmount,
      ]),
      ...data.compensationTotals.map((total) => [text.t('total'), total.currency, total.offers, total.amount, total.previousOffers, total.previousAmount]),
    ],
    empty: text.t('noCompensation'),
  });
  blocks.push({ type: 'note', text: text.t('funnelNote') });
  return { key: 'funnel', title: text.t('funnel'), blocks };
}

/** $2 start of the previous period, $3 start of this one, $4 its end; each case is measured at the end of its own review's period */
export const funnelSection: SectionBuilder<'funnel', { cases: FunnelBucketRow; offers: CompensationOfferRow }> = {
  key: 'funnel',
  queries: {
    // The cases of both periods' reviews (ix_recovery_cases_shop_reviewed), each as it stood at its period's end, counted per period. The first contact and
    // the first promise are the case's first_contacted_at and first_promised_at (the earliest such contacts, kept
    // by every contact) when they came before that end.
    cases: `
      SELECT fc.bucket,
        count(*)::int AS opened,
        count(fc.first_at)::int AS contacted,
        count(*) FILTER (WHERE fc.first_at IS NOT NULL AND NOT (fc.first_contact_due_at < fc.period_end AND fc.first_at > fc.first_contact_due_at))::int AS "contactedInSla",
        count(*) FILTER (WHERE fc.first_contact_due_at < fc.period_end AND (fc.first_at IS NULL OR fc.first_at > fc.first_contact_due_at))::int AS "slaMissed",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM fc.first_at - fc.opened_at)::float8))
          FILTER (WHERE fc.first_at IS NOT NULL) AS "medianSecondsToFirstContact",
        count(*) FILTER (WHERE fc.first_promised_at < fc.period_end)::int AS promised,
        count(*) FILTER (WHERE fc.status = 'revised' AND fc.closed_at < fc.period_end)::int AS revised,
        count(*) FILTER (WHERE fc.status = 'closed_unrevised' AND fc.closed_at < fc.period_end)::int AS "closedUnrevised",
        count(*) FILTER (WHERE fc.status = 'dismissed' AND fc.closed_at < fc.period_end)::int AS dismissed
      FROM (
        SELECT c.opened_at, c.first_contact_due_at, c.first_promised_at, c.status, c.closed_at, p.bucket, p.period_end,
          CASE WHEN c.first_contacted_at < p.period_end THEN c.first_contacted_at END AS first_at
        FROM recovery_cases c
        CROSS JOIN LATERAL (
          SELECT CASE WHEN c.reviewed_at >= $3 THEN 0 ELSE -1 END AS bucket,
            CASE WHEN c.reviewed_at >= $3 THEN $4::timestamptz ELSE $3::timestamptz END AS period_end
        ) p
        WHERE c.shop_id = $1 AND c.reviewed_at >= $2 AND c.reviewed_at < $4
      ) fc
      GROUP BY fc.bucket`,
    offers: `
      SELECT CASE WHEN x.at >= $3 THEN 0 ELSE -1 END AS bucket, x.compensation_type AS type, coalesce(x.compensation_currency, 'CNY') AS currency,
        count(*)::int AS offers, coalesce(sum(x.compensation_amount), 0)::float8 AS amount
      FROM recovery_contacts x
      WHERE x.shop_id = $1 AND x.at >= $2 AND x.at < $4 AND x.compensation_type IS NOT NULL
      GROUP BY 1, 2, 3`,
  },
  build: (rows) => recoveryFunnel(rows.cases, rows.offers),
  render,
  actions,
};
