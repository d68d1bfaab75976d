import type { Label } from '../common/labels';

/** The names of the event catalogue's types (and `*`), as the console shows them when a lead picks what an endpoint receives. */
export const EVENT_TYPE_LABELS: Readonly<Record<string, Label>> = {
  '*': { zh: '全部事件（含以后新增的）', en: 'All events (new ones included)' },
  'review.created': { zh: '新评价', en: 'Review created' },
  'review.updated': { zh: '评价变更（改评、追评）', en: 'Review updated (revised, follow-up)' },
  'review.analysed': { zh: '评价已分析（原因、风险）', en: 'Review analysed (causes, risk)' },
  'case.opened': { zh: '案件创建', en: 'Case opened' },
  'case.assigned': { zh: '案件分配', en: 'Case assigned' },
  'case.status_changed': { zh: '案件状态变更', en: 'Case status changed' },
  'case.contact_logged': { zh: '记录联系', en: 'Contact logged' },
  'case.revised': { zh: '买家已改评', en: 'Case revised' },
  'case.closed': { zh: '案件关闭', en: 'Case closed' },
  'reply.drafted': { zh: '回复已起草', en: 'Reply drafted' },
  'reply.approved': { zh: '回复已审核', en: 'Reply approved' },
  'reply.published': { zh: '回复已发布', en: 'Reply published' },
  'reviewer.flagged': { zh: '买家被标记为风险', en: 'Reviewer flagged' },
  'reviewer.decided': { zh: '买家风险已决定', en: 'Reviewer decided' },
  'alert.opened': { zh: '预警开启', en: 'Alert opened' },
  'alert.resolved': { zh: '预警解除', en: 'Alert resolved' },
  'report.created': { zh: '周报已生成', en: 'Report created' },
};

/** A delivery's status in an endpoint's log (event-delivery.entity's EVENT_DELIVERY_STATUSES). */
export const DELIVERY_STATUS_LABELS: Readonly<Record<'pending' | 'delivered' | 'failed', Label>> = {
  pending: { zh: '等待投递', en: 'Pending' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '失败', en: 'Failed' },
};

/** An endpoint's status (event-subscription.entity's SUBSCRIPTION_STATUSES). */
export const SUBSCRIPTION_STATUS_LABELS: Readonly<Record<'active' | 'disabled', Label>> = {
  active: { zh: '启用', en: 'Active' },
  disabled: { zh: '已停用', en: 'Disabled' },
};
