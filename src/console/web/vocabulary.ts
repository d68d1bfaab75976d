/**
 * The service's vocabularies as the console names them, in Chinese and English. The codes mirror the
 * server's (src/console/vocabulary.spec.ts keeps them in step); the browser code cannot import src/.
 */
import type { CaseStatus } from './types.js';

export type Label = { zh: string; en: string };

export const TAGS = ['quality', 'logistics', 'service', 'price', 'other'] as const;

export const TAG_LABELS: Record<(typeof TAGS)[number], Label> = {
  quality: { zh: '质量', en: 'Quality' },
  logistics: { zh: '物流', en: 'Logistics' },
  service: { zh: '服务', en: 'Service' },
  price: { zh: '价格', en: 'Price' },
  other: { zh: '其他', en: 'Other' },
};

export const SUB_TAGS_BY_TAG: Record<'quality' | 'logistics' | 'service' | 'price', readonly string[]> = {
  quality: ['defect_broken', 'not_as_described', 'colour_difference', 'size_fit', 'fake_or_expired', 'poor_effect', 'smell', 'skin_reaction', 'packaging'],
  logistics: ['slow_delivery', 'damaged_parcel', 'lost_or_missing', 'wrong_item', 'tracking', 'courier_attitude', 'shipping_fee'],
  service: ['attitude', 'slow_response', 'return_refund_hassle', 'unresolved', 'warranty_repair'],
  price: ['price_drop', 'promotion', 'overpriced'],
};

export const SUB_TAG_LABELS: Record<string, Label> = {
  defect_broken: { zh: '破损/故障', en: 'Defective or broken' },
  not_as_described: { zh: '与描述不符', en: 'Not as described' },
  colour_difference: { zh: '色差', en: 'Colour difference' },
  size_fit: { zh: '尺码不合适', en: 'Size or fit' },
  fake_or_expired: { zh: '假货/过期', en: 'Fake or expired' },
  poor_effect: { zh: '效果差', en: 'Poor effect' },
  smell: { zh: '异味', en: 'Smell' },
  skin_reaction: { zh: '过敏/皮肤不适', en: 'Skin reaction' },
  packaging: { zh: '包装问题', en: 'Packaging' },
  slow_delivery: { zh: '物流慢', en: 'Slow delivery' },
  damaged_parcel: { zh: '包裹破损', en: 'Damaged parcel' },
  lost_or_missing: { zh: '丢件/少件', en: 'Lost or missing' },
  wrong_item: { zh: '发错货', en: 'Wrong item' },
  tracking: { zh: '物流信息', en: 'Tracking' },
  courier_attitude: { zh: '快递员态度', en: 'Courier attitude' },
  shipping_fee: { zh: '运费', en: 'Shipping fee' },
  attitude: { zh: '客服态度', en: 'Attitude' },
  slow_response: { zh: '回复慢', en: 'Slow response' },
  return_refund_hassle: { zh: '退换货麻烦', en: 'Return or refund hassle' },
  unresolved: { zh: '问题未解决', en: 'Unresolved' },
  warranty_repair: { zh: '保修/维修', en: 'Warranty or repair' },
  price_drop: { zh: '降价', en: 'Price drop' },
  promotion: { zh: '活动优惠', en: 'Promotion' },
  overpriced: { zh: '价格偏高', en: 'Overpriced' },
};

export const CASE_STATUSES = ['new', 'contacting', 'awaiting_revision', 'revised', 'closed_unrevised', 'escalated', 'dismissed'] as const;

export const STATUS_LABELS: Record<CaseStatus, Label> = {
  new: { zh: '新', en: 'New' },
  contacting: { zh: '联系中', en: 'Contacting' },
  awaiting_revision: { zh: '等待改评', en: 'Awaiting revision' },
  revised: { zh: '已改评', en: 'Revised' },
  closed_unrevised: { zh: '未改评关闭', en: 'Closed unrevised' },
  escalated: { zh: '已申诉', en: 'Escalated' },
  dismissed: { zh: '已撤销', en: 'Dismissed' },
};

/** What a person may do from each status (src/recovery/case-status.ts). */
export const MANUAL_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['contacting', 'revised', 'escalated', 'dismissed'],
  contacting: ['revised', 'closed_unrevised', 'escalated', 'dismissed'],
  awaiting_revision: ['contacting', 'revised', 'closed_unrevised', 'escalated', 'dismissed'],
  escalated: ['contacting', 'revised', 'closed_unrevised', 'dismissed'],
  revised: [],
  closed_unrevised: [],
  dismissed: [],
};
export const REASON_REQUIRED: readonly CaseStatus[] = ['closed_unrevised', 'escalated', 'dismissed'];
export const LEAD_ONLY_TARGETS: readonly CaseStatus[] = ['dismissed'];
export const TERMINAL: readonly CaseStatus[] = ['revised', 'closed_unrevised', 'dismissed'];

export const CONTACT_CHANNELS = ['phone', 'im', 'sms', 'email'] as const;
export const CHANNEL_LABELS: Record<(typeof CONTACT_CHANNELS)[number], Label> = {
  phone: { zh: '电话', en: 'Phone' },
  im: { zh: '旺旺/IM', en: 'IM' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '邮件', en: 'Email' },
};

export const CONTACT_OUTCOMES = [
  'no_answer',
  'reached',
  'refused',
  'promised_revision',
  'demanded_compensation',
  'asked_off_platform',
  'sent_photos',
  'refused_photos',
] as const;
export const OUTCOME_LABELS: Record<(typeof CONTACT_OUTCOMES)[number], Label> = {
  no_answer: { zh: '未接通', en: 'No answer' },
  reached: { zh: '已沟通', en: 'Reached' },
  refused: { zh: '拒绝', en: 'Refused' },
  promised_revision: { zh: '答应改评', en: 'Promised a revision' },
  demanded_compensation: { zh: '索要补偿', en: 'Demanded compensation' },
  asked_off_platform: { zh: '要求站外联系', en: 'Asked to go off-platform' },
  sent_photos: { zh: '发来照片', en: 'Sent photos' },
  refused_photos: { zh: '拒绝提供照片', en: 'Refused photos' },
};

export const COMPENSATION_TYPES = ['refund', 'partial_refund', 'price_difference', 'replacement', 'return_shipping', 'coupon', 'gift', 'cash'] as const;
export const COMPENSATION_LABELS: Record<(typeof COMPENSATION_TYPES)[number], Label> = {
  refund: { zh: '退款', en: 'Refund' },
  partial_refund: { zh: '部分退款', en: 'Partial refund' },
  price_difference: { zh: '退差价', en: 'Price difference' },
  replacement: { zh: '换货/补发', en: 'Replacement' },
  return_shipping: { zh: '退货运费', en: 'Return shipping' },
  coupon: { zh: '优惠券', en: 'Coupon' },
  gift: { zh: '小礼物', en: 'Gift' },
  cash: { zh: '现金', en: 'Cash' },
};

export const POLICY_VIOLATION_LABELS: Record<string, Label> = {
  quiet_hours: { zh: '处于免打扰时段', en: 'Within the quiet hours' },
  daily_limit: { zh: '已达当日联系上限', en: 'Daily contact limit reached' },
  total_limit: { zh: '已达本案联系总次数上限', en: 'Total contact limit for this case reached' },
};

/** what a contact told the reviewer-risk engine (src/reviewers) */
export const CONTACT_OUTCOME_KIND_LABELS: Record<string, Label> = {
  no_answer: { zh: '联系不上', en: 'No answer' },
  refused_photos: { zh: '拒绝提供照片', en: 'Refused to send photos' },
  demanded_excess_compensation: { zh: '索要超过订单金额的补偿', en: 'Demanded more than the order amount' },
  cooperative: { zh: '配合售后处理', en: 'Cooperated' },
};

export const RISK_LEVEL_LABELS: Record<string, Label> = {
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
};

export const WATCH_STATUS_LABELS: Record<string, Label> = {
  none: { zh: '未标记', en: 'Not flagged' },
  flagged: { zh: '待确认', en: 'Flagged' },
  confirmed: { zh: '已确认（观察名单）', en: 'Confirmed (watchlist)' },
  dismissed: { zh: '已排除', en: 'Dismissed' },
};

export const REPLY_STATUS_LABELS: Record<string, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  edited: { zh: '已编辑', en: 'Edited' },
  approved: { zh: '已批准', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  superseded: { zh: '已替换', en: 'Superseded' },
};

export const PLATFORM_LABELS: Record<string, Label> = {
  taobao: { zh: '淘宝', en: 'Taobao' },
  tmall: { zh: '天猫', en: 'Tmall' },
  jd: { zh: '京东', en: 'JD' },
  pdd: { zh: '拼多多', en: 'Pinduoduo' },
  other: { zh: '其他', en: 'Other' },
};

/** A label in the UI language; an unknown code shows as itself. */
export function label(table: Record<string, Label>, code: string, lang: 'zh' | 'en'): string {
  return table[code]?.[lang] ?? code;
}
