import type { Label } from '../common/labels';
import type { FindingSeverity } from './compliance-rules';

/** The names of the compliance rules (the console's); the English one is the rule's title in compliance-rules.json. */
export const COMPLIANCE_RULE_LABELS: Readonly<Record<string, Label>> = {
  'compensation-for-review': { zh: '以补偿换评价', en: 'Compensation conditioned on the review' },
  'review-request-sentiment': { zh: '要求指定的评价', en: 'Asking for a specific rating' },
  'review-threat': { zh: '威胁买家删改评价', en: 'Threats to get a review removed' },
  'off-platform-contact': { zh: '引导买家离开平台', en: 'Moving the buyer off the platform' },
  'personal-data': { zh: '面向买家的文字含个人信息', en: 'Personal data in a buyer-facing text' },
  'marketing-in-recovery': { zh: '补救消息里做推广', en: 'Marketing in a recovery message' },
  'blame-buyer-public': { zh: '指责或质疑买家', en: 'Blaming or accusing the buyer' },
  'review-request-forbidden': { zh: '在平台禁止时请求改评', en: 'Asking for a review update where the platform forbids it' },
  'review-request-pressure': { zh: '催促买家改评', en: 'Pressure to change a review' },
  'compensation-implied': { zh: '补偿旁请求改评而未说明无关', en: 'Review request beside a remedy, without saying it is independent' },
  'unrecorded-action': { zh: '声称未记录的改进', en: 'Claiming an action nobody recorded' },
  'public-gift-announcement': { zh: '公开回复里宣布礼品或优惠券', en: 'A gift or coupon announced in a public reply' },
};

/** The names of a finding's severities. */
export const FINDING_SEVERITY_LABELS: Readonly<Record<FindingSeverity, Label>> = {
  block: { zh: '阻止', en: 'Blocks' },
  warn: { zh: '提醒', en: 'Warning' },
};
