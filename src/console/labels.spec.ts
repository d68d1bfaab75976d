import { SUB_TAG_LABELS, TAG_LABELS } from '../reviews/taxonomy-labels';
import { SUB_TAGS, TAGS } from '../reviews/taxonomy';
import { POLICY_VIOLATIONS } from '../recovery/contact-policy';
import { CASE_STATUS_LABELS, CHANNEL_LABELS, COMPENSATION_LABELS, CONTACT_OUTCOME_LABELS, POLICY_VIOLATION_LABELS } from '../recovery/recovery-labels';
import { CASE_STATUSES, COMPENSATION_TYPES, CONTACT_CHANNELS, CONTACT_OUTCOMES } from '../recovery/recovery.types';
import { REPLY_STATUS_LABELS } from '../replies/reply-labels';
import { REPLY_STATUSES } from '../replies/reply.types';
import { CONTACT_OUTCOME_KINDS, DECISION_ACTIONS, RISK_LEVELS, WATCH_STATUSES } from '../reviewers/reviewer-risk.types';
import { ACTION_LABELS, LEVEL_LABELS, OUTCOME_LABELS, STATUS_LABELS } from '../reviewers/risk-labels';
import { PLATFORM_LABELS } from '../reviews/review-labels';
import { PLATFORMS } from '../reviews/review.types';
import { label, Label } from '../common/labels';
import { COMPLIANCE_RULE_LABELS, FINDING_SEVERITY_LABELS } from '../compliance/compliance-labels';
import { complianceRules, FINDING_SEVERITIES } from '../compliance/compliance-rules';
import { ALERT_CAUSE_LABELS, SUBJECT_TYPE_LABELS } from '../alerts/alert-labels';
import { SUBJECT_TYPES } from '../alerts/alert-detector';
import { CAUSE_TAGS } from '../reviews/taxonomy';
import { DELIVERY_STATUS_LABELS, EVENT_TYPE_LABELS, SUBSCRIPTION_STATUS_LABELS } from '../events/event-labels';
import { SUBSCRIBABLE_EVENT_TYPES } from '../events/event-catalogue';
import { EVENT_DELIVERY_STATUSES } from '../events/event-delivery.entity';
import { SUBSCRIPTION_STATUSES } from '../events/event-subscription.entity';

/** The label tables the server and the console share (the console imports them through src/console/web/vocabulary.ts). */
const TABLES: [string, Readonly<Record<string, Label>>, readonly string[]][] = [
  ['tags', TAG_LABELS, TAGS],
  ['sub-tags', SUB_TAG_LABELS, SUB_TAGS],
  ['case statuses', CASE_STATUS_LABELS, CASE_STATUSES],
  ['contact channels', CHANNEL_LABELS, CONTACT_CHANNELS],
  ['contact outcomes', CONTACT_OUTCOME_LABELS, CONTACT_OUTCOMES],
  ['compensations', COMPENSATION_LABELS, COMPENSATION_TYPES],
  ['contact policy rules', POLICY_VIOLATION_LABELS, POLICY_VIOLATIONS],
  ['risk levels', LEVEL_LABELS, RISK_LEVELS],
  ['reviewer statuses', STATUS_LABELS, WATCH_STATUSES],
  ['reviewer decisions', ACTION_LABELS, DECISION_ACTIONS],
  ['what a contact told about a reviewer', OUTCOME_LABELS, CONTACT_OUTCOME_KINDS],
  ['reply statuses', REPLY_STATUS_LABELS, REPLY_STATUSES],
  ['platforms', PLATFORM_LABELS, PLATFORMS],
  ['compliance rules', COMPLIANCE_RULE_LABELS, complianceRules().rules.map((rule) => rule.id)],
  ['finding severities', FINDING_SEVERITY_LABELS, FINDING_SEVERITIES],
  ['alert subject types', SUBJECT_TYPE_LABELS, SUBJECT_TYPES],
  ['alert causes', ALERT_CAUSE_LABELS, ['any', ...CAUSE_TAGS]],
  ['event types', EVENT_TYPE_LABELS, SUBSCRIBABLE_EVENT_TYPES],
  ['event delivery statuses', DELIVERY_STATUS_LABELS, EVENT_DELIVERY_STATUSES],
  ['event endpoint statuses', SUBSCRIPTION_STATUS_LABELS, SUBSCRIPTION_STATUSES],
];

describe('label tables', () => {
  it.each(TABLES)('name each of the %s once, in both languages, and nothing else', (_name, table, codes) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect({ code, zh: table[code].zh.trim() !== '', en: table[code].en.trim() !== '' }).toEqual({ code, zh: true, en: true });
    }
    // two codes with one name could not be told apart in a menu
    expect(new Set(codes.map((code) => table[code].zh)).size).toBe(codes.length);
    expect(new Set(codes.map((code) => table[code].en.toLowerCase())).size).toBe(codes.length);
  });

  it('name a compliance rule in English by its title in the rules file', () => {
    for (const rule of complianceRules().rules) expect({ id: rule.id, en: COMPLIANCE_RULE_LABELS[rule.id].en }).toEqual({ id: rule.id, en: rule.title });
  });

  it('show an unknown code as itself, also one that is a property of every object', () => {
    expect(label(TAG_LABELS, 'quality', 'zh')).toBe('质量问题');
    expect(label(TAG_LABELS, 'weather', 'en')).toBe('weather');
    expect(label(TAG_LABELS, 'constructor', 'en')).toBe('constructor');
  });
});
