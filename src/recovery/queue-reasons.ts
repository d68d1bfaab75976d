import { daysBetween, localDate } from '../common/time/local-time';
import type { CaseStatus } from './recovery.types';

export const REASON_CODES = [
  'revision_deadline',
  'revision_deadline_today',
  'bad_review',
  'medium_review',
  'promise_missed',
  'follow_up_overdue',
  'follow_up_due_today',
  'first_contact_overdue',
  'first_contact_due',
  'high_value_order',
  'best_selling_product',
  'high_risk_reviewer',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Why an item is where it is in the queue: a machine code, short texts for people, and the number behind it. */
export interface QueueReason {
  code: ReasonCode;
  en: string;
  zh: string;
  value?: number;
}

export interface ReasonInput {
  status: CaseStatus;
  grade: 'bad' | 'medium' | 'good';
  revisionDeadlineAt: Date;
  followUpDueAt: Date | null;
  firstContactDueAt: Date;
  firstContactedAt: Date | null;
  missedPromises: number;
  orderAmount: number | null;
  productRecentReviews: number;
}

export interface ReasonContext {
  now: Date;
  timezone: string;
  /** localDate(now, timezone), when the caller already has it (one per page rather than one per item) */
  today?: string;
  highValueOrderAmount: number;
  bestSellerReviews30d: number;
}

const HOUR = 3_600_000;

/**
 * The reasons of one queue item, in the order of the queue's sort keys: revision deadline (by day), grade,
 * follow-up due / first contact overdue, order value, product popularity.
 */
export function queueReasons(item: ReasonInput, ctx: ReasonContext): QueueReason[] {
  const reasons: QueueReason[] = [];
  const today = ctx.today ?? localDate(ctx.now, ctx.timezone);
  const daysLeft = daysBetween(today, localDate(item.revisionDeadlineAt, ctx.timezone));
  if (daysLeft <= 0) {
    reasons.push({ code: 'revision_deadline_today', en: 'The revision window closes today', zh: '改评窗口今天关闭', value: 0 });
  } else {
    reasons.push({
      code: 'revision_deadline',
      en: `The revision window closes in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`,
      zh: `改评窗口还剩 ${daysLeft} 天`,
      value: daysLeft,
    });
  }
  if (item.grade === 'bad') reasons.push({ code: 'bad_review', en: 'Bad review (1-2 stars)', zh: '差评' });
  else reasons.push({ code: 'medium_review', en: 'Medium review (3 stars)', zh: '中评' });

  if (item.followUpDueAt) {
    const due = item.followUpDueAt;
    if (due.getTime() <= ctx.now.getTime()) {
      const days = Math.max(0, daysBetween(localDate(due, ctx.timezone), today));
      if (item.missedPromises > 0) {
        reasons.push({ code: 'promise_missed', en: 'The buyer did not revise by the promised date', zh: '买家承诺的改评日期已过', value: days });
      } else {
        reasons.push({ code: 'follow_up_overdue', en: 'A follow-up is overdue', zh: '回访已逾期', value: days });
      }
    } else if (localDate(due, ctx.timezone) === today) {
      reasons.push({ code: 'follow_up_due_today', en: 'A follow-up is due today', zh: '今天需要回访' });
    }
  }
  if (!item.firstContactedAt) {
    const late = ctx.now.getTime() - item.firstContactDueAt.getTime();
    if (late >= 0) {
      const hours = Math.floor(late / HOUR);
      reasons.push({ code: 'first_contact_overdue', en: `First contact is ${hours} h past the SLA`, zh: `首次联系已超时 ${hours} 小时`, value: hours });
    } else {
      const hours = Math.ceil(-late / HOUR);
      reasons.push({ code: 'first_contact_due', en: `First contact due within ${hours} h`, zh: `需在 ${hours} 小时内首次联系`, value: hours });
    }
  }
  if (item.orderAmount !== null && item.orderAmount >= ctx.highValueOrderAmount) {
    reasons.push({ code: 'high_value_order', en: `High-value order (${item.orderAmount})`, zh: `高价值订单（${item.orderAmount}）`, value: item.orderAmount });
  }
  if (item.productRecentReviews >= ctx.bestSellerReviews30d) {
    reasons.push({
      code: 'best_selling_product',
      en: `Best-selling product: ${item.productRecentReviews} reviews in 30 days`,
      zh: `热销商品：30 天内 ${item.productRecentReviews} 条评价`,
      value: item.productRecentReviews,
    });
  }
  return reasons;
}

/** The reason that puts a case in the separate high-risk list. */
export function highRiskReason(riskScore: number, status: string): QueueReason {
  const score = Math.round(riskScore);
  return status === 'confirmed'
    ? {
        code: 'high_risk_reviewer',
        en: 'Confirmed professional bad-reviewer: collect evidence, do not compensate',
        zh: '已确认职业差评师：收集证据，不要赔偿',
        value: score,
      }
    : {
        code: 'high_risk_reviewer',
        en: `High-risk reviewer (risk ${score}): collect evidence before offering anything`,
        zh: `高风险买家（风险 ${score}）：先收集证据，不要急于赔偿`,
        value: score,
      };
}
