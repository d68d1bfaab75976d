import { Alert } from './alerts/alert.entity';
import { AlertSettingsRow } from './alerts/alert-settings.entity';
import { ComplianceOverride } from './compliance/compliance-override.entity';
import { CorrectiveAction } from './compliance/corrective-action.entity';
import { ClassifierModel } from './classification/classifier-model.entity';
import { TagCorrection } from './classification/tag-correction.entity';
import { Deployment } from './jobs/deployment.entity';
import { EventDelivery } from './events/event-delivery.entity';
import { EventSubscription } from './events/event-subscription.entity';
import { OutboxEvent } from './events/outbox-event.entity';
import { RecoveryCaseEvent } from './recovery/recovery-case-event.entity';
import { RecoveryCase } from './recovery/recovery-case.entity';
import { RecoveryContact } from './recovery/recovery-contact.entity';
import { RecoverySettings } from './recovery/recovery-settings.entity';
import { ReviewerContactOutcome } from './reviewers/reviewer-contact-outcome.entity';
import { ReviewerDecision } from './reviewers/reviewer-decision.entity';
import { RemedyPolicyRow } from './replies/remedy-policy.entity';
import { ReplyDraft } from './replies/reply-draft.entity';
import { ReplySettings } from './replies/reply-settings.entity';
import { ReplyTemplate } from './replies/reply-template.entity';
import { WebhookDelivery } from './replies/webhook-delivery.entity';
import { ReportEvent } from './reports/report-event.entity';
import { Report } from './reports/report.entity';
import { ReviewerProfile } from './reviewers/reviewer-profile.entity';
import { ReviewerRiskSettings } from './reviewers/reviewer-risk-settings.entity';
import { ApiKey } from './shops/api-key.entity';
import { Shop } from './shops/shop.entity';
import { StaffMember } from './shops/staff-member.entity';
import { ReviewRevision } from './reviews/review-revision.entity';
import { Review } from './reviews/review.entity';
import { PlatformRuleOverrideRow } from './reviews/platform-rules/platform-rule-override.entity';

/** Every entity of the service: the data source, the migration generator and the tests read this list. */
export const ENTITIES = [
  Shop,
  ApiKey,
  Review,
  ReviewRevision,
  PlatformRuleOverrideRow,
  TagCorrection,
  ClassifierModel,
  ReviewerProfile,
  ReviewerDecision,
  ReviewerContactOutcome,
  ReviewerRiskSettings,
  StaffMember,
  RecoverySettings,
  RecoveryCase,
  RecoveryContact,
  RecoveryCaseEvent,
  ReplyTemplate,
  RemedyPolicyRow,
  ReplySettings,
  ReplyDraft,
  WebhookDelivery,
  Report,
  ReportEvent,
  ComplianceOverride,
  CorrectiveAction,
  Deployment,
  EventSubscription,
  OutboxEvent,
  EventDelivery,
  Alert,
  AlertSettingsRow,
];
