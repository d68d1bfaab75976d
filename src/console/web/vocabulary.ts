/**
 * The server's codes and their names as the console uses them: nothing is declared here, everything comes from the
 * server's own modules (pure data, bundled into the page by esbuild), so the console and the server say the same.
 */
export { isCauseTag, isSubTag, parentTag, SUB_TAGS_BY_TAG, TAGS } from '../../reviews/taxonomy';
export { SUB_TAG_LABELS, TAG_LABELS } from '../../reviews/taxonomy-labels';
export { label } from '../../common/labels';
export type { Label } from '../../common/labels';
export {
  CASE_STATUS_LABELS as STATUS_LABELS,
  CHANNEL_LABELS,
  COMPENSATION_LABELS,
  CONTACT_OUTCOME_LABELS as OUTCOME_LABELS,
  POLICY_VIOLATION_LABELS,
} from '../../recovery/recovery-labels';
export {
  COMPENSATION_TYPES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  LEAD_ONLY_TARGETS,
  MANUAL_TRANSITIONS,
  isTerminal,
  REASON_REQUIRED,
} from '../../recovery/recovery.types';
export { REPLY_STATUS_LABELS } from '../../replies/reply-labels';
export { COMPLIANCE_RULE_LABELS, FINDING_SEVERITY_LABELS } from '../../compliance/compliance-labels';
export {
  LEVEL_LABELS as RISK_LEVEL_LABELS,
  OUTCOME_LABELS as CONTACT_OUTCOME_KIND_LABELS,
  STATUS_LABELS as WATCH_STATUS_LABELS,
} from '../../reviewers/risk-labels';
export { PLATFORM_LABELS } from '../../reviews/review-labels';
export { ALERT_CAUSE_LABELS, SUBJECT_TYPE_LABELS } from '../../alerts/alert-labels';
export { ALL_EVENTS, EVENT_TYPES } from '../../events/event-catalogue';
export { DELIVERY_STATUS_LABELS, EVENT_TYPE_LABELS, SUBSCRIPTION_STATUS_LABELS } from '../../events/event-labels';
