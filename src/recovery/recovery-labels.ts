import type { Label } from '../common/labels';
import type { PolicyViolationCode } from './contact-policy';
import type { CaseStatus, CompensationType, ContactChannel, ContactOutcome } from './recovery.types';

/** The names of a recovery case's codes: the console's, and the weekly report's compensation rows. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, Label>> = {
  new: { zh: '新', en: 'New' },
  contacting: { zh: '联系中', en: 'Contacting' },
  awaiting_revision: { zh: '等待改评', en: 'Awaiting revision' },
  revised: { zh: '已改评', en: 'Revised' },
  closed_unrevised: { zh: '未改评关闭', en: 'Closed unrevised' },
  escalated: { zh: '已申诉', en: 'Escalated' },
  dismissed: { zh: '已撤销', en: 'Dismissed' },
};

export const CHANNEL_LABELS: Readonly<Record<ContactChannel, Label>> = {
  phone: { zh: '电话', en: 'Phone' },
  im: { zh: '旺旺/IM', en: 'IM' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '邮件', en: 'Email' },
};

export const CONTACT_OUTCOME_LABELS: Readonly<Record<ContactOutcome, Label>> = {
  no_answer: { zh: '未接通', en: 'No answer' },
  reached: { zh: '已沟通', en: 'Reached' },
  refused: { zh: '拒绝', en: 'Refused' },
  promised_revision: { zh: '答应改评', en: 'Promised a revision' },
  demanded_compensation: { zh: '索要补偿', en: 'Demanded compensation' },
  asked_off_platform: { zh: '要求站外联系', en: 'Asked to go off-platform' },
  sent_photos: { zh: '发来照片', en: 'Sent photos' },
  refused_photos: { zh: '拒绝提供照片', en: 'Refused photos' },
};

export const COMPENSATION_LABELS: Readonly<Record<CompensationType, Label>> = {
  refund: { zh: '退款', en: 'Refund' },
  partial_refund: { zh: '部分退款', en: 'Partial refund' },
  price_difference: { zh: '退差价', en: 'Price difference' },
  replacement: { zh: '换货/补发', en: 'Replacement' },
  return_shipping: { zh: '退货运费', en: 'Return shipping' },
  coupon: { zh: '优惠券', en: 'Coupon' },
  gift: { zh: '小礼物', en: 'Gift' },
  cash: { zh: '现金', en: 'Cash' },
};

export const POLICY_VIOLATION_LABELS: Readonly<Record<PolicyViolationCode, Label>> = {
  quiet_hours: { zh: '处于免打扰时段', en: 'Within the quiet hours' },
  daily_limit: { zh: '已达当日联系上限', en: 'Daily contact limit reached' },
  total_limit: { zh: '已达本案联系总次数上限', en: 'Total contact limit for this case reached' },
};
