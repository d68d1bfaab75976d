import type { Label } from '../common/labels';
import { COMPENSATION_LABELS } from '../recovery/recovery-labels';
import { SUB_TAG_LABELS, TAG_LABELS } from '../reviews/taxonomy-labels';

/** The languages reports are written in: the shop's locale, or ?lang= */
export const REPORT_LANGS = ['zh', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export type Bilingual = Label;

export const DEPARTMENTS = ['supply_chain', 'logistics', 'customer_service', 'operations'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, Bilingual> = {
  supply_chain: { zh: '供应链/品控', en: 'Supply chain / QC' },
  logistics: { zh: '仓储/物流', en: 'Warehouse / logistics' },
  customer_service: { zh: '客服主管', en: 'Customer service lead' },
  operations: { zh: '运营', en: 'Operations' },
};

const UI = {
  reportTitle: { zh: '中差评溯源报告', en: 'Root-cause report of medium and bad reviews' },
  weeklyTitle: { zh: '中差评溯源周报', en: 'Weekly root-cause report' },
  period: { zh: '统计周期', en: 'Period' },
  timezone: { zh: '时区', en: 'Time zone' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  partial: { zh: '本周期尚未结束：数据不完整，不保存', en: 'This period has not ended: the figures are incomplete and not stored' },
  summary: { zh: '概览', en: 'Summary' },
  rootCauses: { zh: '问题原因', en: 'Root causes' },
  quality: { zh: '质量问题（按商品/SKU）', en: 'Quality by product / SKU' },
  logistics: { zh: '物流问题（按快递公司）', en: 'Logistics by carrier' },
  service: { zh: '服务问题（按客服）', en: 'Service by agent' },
  reviewerRisk: { zh: '职业差评师', en: 'Professional bad-reviewers' },
  funnel: { zh: '挽回漏斗', en: 'Recovery funnel' },
  quotes: { zh: '评价摘录', en: 'What buyers wrote' },
  actions: { zh: '行动建议', en: 'Actions' },
  compliance: { zh: '合规', en: 'Compliance' },
  complianceOverrides: { zh: '合规拦截被放行', en: 'Compliance blocks overridden' },
  correctiveAction: { zh: '已记录的改进措施', en: 'Recorded corrective action' },
  since: { zh: '生效日期', en: 'Since' },
  appliesTo: { zh: '适用于', en: 'Applies to' },
  noCorrectiveActions: {
    zh: '尚未记录改进措施（POST /v1/actions）：回复只会说“我们会……”。',
    en: 'No corrective actions recorded (POST /v1/actions): replies only say what the shop will do.',
  },
  reviews: { zh: '评价数', en: 'Reviews' },
  good: { zh: '好评', en: 'Good' },
  medium: { zh: '中评', en: 'Medium' },
  bad: { zh: '差评', en: 'Bad' },
  negative: { zh: '中差评', en: 'Medium + bad' },
  negativeRate: { zh: '中差评率', en: 'Medium/bad rate' },
  goodRate: { zh: '好评率', en: 'Good-review rate' },
  recovered: { zh: '已改为好评', en: 'Revised to good' },
  metric: { zh: '指标', en: 'Metric' },
  current: { zh: '本期', en: 'This period' },
  previous: { zh: '上期', en: 'Previous period' },
  currentWeek: { zh: '本周', en: 'This week' },
  previousWeek: { zh: '上周', en: 'Last week' },
  change: { zh: '环比', en: 'Change' },
  average4: { zh: '前4期均值', en: '4-period average' },
  average4Weeks: { zh: '前4周均值', en: '4-week average' },
  vsAverage: { zh: '对比均值', en: 'vs average' },
  trend: { zh: '趋势', en: 'Trend' },
  trendTitle: { zh: '近8期中差评数与中差评率', en: 'Medium/bad reviews and rate, last 8 periods' },
  causeChartTitle: { zh: '中差评原因分布（本期与上期）', en: 'Causes of medium/bad reviews (this and previous period)' },
  tag: { zh: '原因', en: 'Cause' },
  subTag: { zh: '细分原因', en: 'Sub-cause' },
  share: { zh: '占比', en: 'Share' },
  unspecified: { zh: '未细分', en: 'unspecified' },
  untagged: { zh: '未分类', en: 'Not classified yet' },
  product: { zh: '商品', en: 'Product' },
  sku: { zh: 'SKU', en: 'SKU' },
  complaints: { zh: '投诉数', en: 'Complaints' },
  buyers: { zh: '买家数', en: 'Buyers' },
  spread: { zh: '范围', en: 'Spread' },
  widespread: { zh: '普遍', en: 'widespread' },
  isolated: { zh: '个别', en: 'isolated' },
  carrier: { zh: '快递公司', en: 'Carrier' },
  agent: { zh: '客服', en: 'Agent' },
  rate: { zh: '投诉率', en: 'Complaint rate' },
  unknown: { zh: '未知', en: 'unknown' },
  flagged: { zh: '新标记', en: 'Flagged' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  dismissed: { zh: '已驳回', en: 'Dismissed' },
  funnelTitle: { zh: '本期新开案件的挽回进度（截至期末）', en: 'Progress of the cases opened in the period, at its end' },
  casesOpened: { zh: '新开案件', en: 'Cases opened' },
  contacted: { zh: '已联系', en: 'Contacted' },
  contactedInSla: { zh: '时限内首次联系', en: 'First contact within the SLA' },
  slaMissed: { zh: '首次联系超时', en: 'First contact overdue' },
  medianFirstContact: { zh: '首次联系中位时长', en: 'Median time to first contact' },
  medianFirstContactHours: { zh: '首次联系中位时长（小时）', en: 'Median time to first contact (hours)' },
  promised: { zh: '答应改评', en: 'Promised a revision' },
  revisedStage: { zh: '已改评', en: 'Revised' },
  closedUnrevised: { zh: '未改评关闭', en: 'Closed unrevised' },
  casesDismissed: { zh: '已撤销', en: 'Dismissed' },
  stillOpen: { zh: '期末仍在处理', en: 'Still open at the end' },
  contactRate: { zh: '联系率', en: 'Contact rate' },
  revisionRate: { zh: '改评率', en: 'Revision rate' },
  ofOpened: { zh: '占新开案件 {pct}', en: '{pct} of cases opened' },
  compensationSpent: { zh: '补偿支出', en: 'Compensation spent' },
  compensationType: { zh: '补偿方式', en: 'Type' },
  currency: { zh: '币种', en: 'Currency' },
  offersColumn: { zh: '次数', en: 'Offers' },
  offers: { zh: '{n} 次', en: '{n} offers' },
  amount: { zh: '金额', en: 'Amount' },
  total: { zh: '合计', en: 'Total' },
  noCompensation: { zh: '本期没有提供补偿。', en: 'No compensation was offered in this period.' },
  funnelNote: {
    zh: '按本期新开的案件统计，进度截至本期结束（期末前发生的联系、承诺、改评和关闭）；上期同样按上期新开的案件截至上期结束。已联系：至少记录过一次联系（含未接通）。改评率 = 已改评 ÷ 新开案件（含已撤销）。补偿按提供补偿的联系日期计入当期，不论案件何时新开。',
    en: "Cases opened in the period, with their progress at the period's end (contacts, promises, revisions and closures before it); the previous period likewise for its own cases at its own end. Contacted: at least one contact logged, no answer included. Revision rate = revised / cases opened (dismissed ones included). Compensation counts in the period of the contact that offered it, whatever week its case was opened in.",
  },
  buyer: { zh: '买家', en: 'Buyer' },
  platform: { zh: '平台', en: 'Platform' },
  status: { zh: '状态', en: 'Status' },
  riskScore: { zh: '风险分', en: 'Risk score' },
  signals: { zh: '依据', en: 'Signals' },
  date: { zh: '日期', en: 'Date' },
  details: { zh: '说明', en: 'Details' },
  value: { zh: '数值', en: 'Value' },
  rating: { zh: '星级', en: 'Stars' },
  department: { zh: '部门', en: 'Department' },
  priority: { zh: '优先级', en: 'Priority' },
  action: { zh: '事项', en: 'Action' },
  high: { zh: '高', en: 'high' },
  medium_priority: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
  none: { zh: '无', en: 'None' },
  noActions: { zh: '本期数据未指向需要处理的事项。', en: 'Nothing in this period calls for action.' },
  noNegative: { zh: '本期没有中差评。', en: 'No medium or bad reviews in this period.' },
  noRows: { zh: '本期无数据。', en: 'Nothing in this period.' },
  more: { zh: '另有 {n} 项未列出', en: '{n} more not shown' },
  newItem: { zh: '新增', en: 'new' },
  pp: { zh: '个百分点', en: 'pp' },
  sharesNote: {
    zh: '一条评价可有多个原因，按每个原因各计一次，占比之和可超过100%。',
    en: 'A review can have several causes and counts once for each, so shares can add up to more than 100%.',
  },
  spreadNote: {
    zh: '普遍：本期内该SKU有质量（或全部原因）早期预警处于开启状态（方法见 docs/alerts.md）；否则为个别。买家数为本期反映该问题的不同买家（高风险评价人不计）。',
    en: 'Widespread: early warning had a quality (or all-cause) alert open on the SKU during the period (method: docs/alerts.md); otherwise isolated. Buyers are the distinct buyers who reported it in the period (high-risk reviewers left out).',
  },
  alertSubject: { zh: '预警对象', en: 'Alerted subject' },
  alertCause: { zh: '原因', en: 'Cause' },
  alertWindow: { zh: '窗口中差评/评价（平时比例）', en: 'Window bad/reviews (usual rate)' },
  alertHours: { zh: '发现用时（小时）', en: 'Hours to detection' },
  alertResolved: { zh: '解除时间（UTC）', en: 'Resolved (UTC)' },
  noAlerts: { zh: '本期没有预警。', en: 'No early-warning alert this period.' },
  alertsNote: {
    zh: '预警：本期新开的早期预警（方法见 docs/alerts.md），发现用时从窗口中第一条中差评算起。',
    en: 'Early-warning alerts opened this period (method: docs/alerts.md); time to detection runs from the first medium/bad review of the window that opened it.',
  },
  revisionNote: {
    zh: '评价按周期结束时的版本统计（追评改评以 review_revisions 为准）。',
    en: 'Reviews count as they stood at the end of the period (revisions from review_revisions).',
  },
  maskedNote: { zh: '个人信息已隐去。', en: 'Personal data is masked.' },
  printHint: { zh: '打印或另存为PDF', en: 'Print or save as PDF' },
} as const satisfies Record<string, Bilingual>;

export type UiKey = keyof typeof UI;

const labelOf = (table: Readonly<Record<string, Bilingual>>, code: string): Bilingual =>
  Object.prototype.hasOwnProperty.call(table, code) ? table[code] : { zh: code, en: code };

export function tagLabel(tag: string): Bilingual {
  return labelOf(TAG_LABELS, tag);
}

export function compensationLabel(type: string): Bilingual {
  return labelOf(COMPENSATION_LABELS, type);
}

export function subTagLabel(subTag: string | null): Bilingual {
  return subTag === null ? UI.unspecified : labelOf(SUB_TAG_LABELS, subTag);
}

/** Labels and number formats of one language. */
export class ReportText {
  constructor(readonly lang: ReportLang) {}

  t(key: UiKey, params: Record<string, string | number> = {}): string {
    return UI[key][this.lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }

  pick(text: Bilingual): string {
    return text[this.lang];
  }

  tag(tag: string): string {
    return tagLabel(tag)[this.lang];
  }

  subTag(subTag: string | null): string {
    return subTagLabel(subTag)[this.lang];
  }

  department(department: Department): string {
    return DEPARTMENT_LABELS[department][this.lang];
  }

  count(value: number): string {
    const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10;
    return rounded.toLocaleString('en-US');
  }

  /** a rate 0-1 as a percentage with one decimal */
  percent(value: number | null): string {
    return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
  }

  /** a difference of counts: +3, −2, 0 */
  delta(value: number | null): string {
    if (value === null) return '–';
    const rounded = Math.round(value * 10) / 10;
    if (rounded === 0) return '0';
    return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toLocaleString('en-US')}`;
  }

  /** a difference of rates in percentage points */
  deltaPp(value: number | null): string {
    if (value === null) return '–';
    const points = Math.round(value * 1000) / 10;
    const sign = points > 0 ? '+' : points < 0 ? '−' : '';
    return `${sign}${Math.abs(points).toFixed(1)} ${this.t('pp')}`;
  }

  /** a span of time: minutes under an hour, hours under two days, else days */
  duration(seconds: number | null): string {
    if (seconds === null) return '–';
    const [value, unit] =
      seconds < 3600
        ? [Math.round(seconds / 60), { zh: '分钟', en: 'min' }]
        : seconds < 172_800
          ? [Math.round(seconds / 360) / 10, { zh: '小时', en: 'h' }]
          : [Math.round(seconds / 8640) / 10, { zh: '天', en: 'd' }];
    return `${value.toLocaleString('en-US')} ${unit[this.lang]}`;
  }

  /** money with two decimals */
  amount(value: number): string {
    return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  /** an amount with its currency: ¥ for yuan */
  money(amount: number, currency: string): string {
    return currency === 'CNY' ? `¥${this.amount(amount)}` : `${currency} ${this.amount(amount)}`;
  }

  /** a relative change: +25%; "new" when there was nothing before */
  relative(current: number, previous: number): string {
    if (previous === 0) return current === 0 ? '–' : this.t('newItem');
    const change = (current - previous) / previous;
    const sign = change > 0 ? '+' : change < 0 ? '−' : '';
    return `${sign}${Math.abs(Math.round(change * 100))}%`;
  }
}
