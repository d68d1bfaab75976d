import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewResponse } from '../../reviewers/dto/review-response.dto';
import type { PolicyView } from '../contact-policy';
import type { CaseDetail } from '../recovery-cases.service';
import type { RecoveryCaseEvent } from '../recovery-case-event.entity';
import type { RecoveryCase } from '../recovery-case.entity';
import type { RecoveryContact } from '../recovery-contact.entity';
import type { EffectiveSettings } from '../recovery-settings.service';
import type { FiguresReport, RecoveryFigures } from '../recovery-figures.service';
import type { Queue, QueueCounts, QueueItem } from '../recovery-queue.service';
import { REASON_CODES } from '../queue-reasons';
import { CASE_STATUSES, COMPENSATION_TYPES, CONTACT_CHANNELS, CONTACT_OUTCOMES } from '../recovery.types';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const num = (value: string | null) => (value === null ? null : Number(value));

export class AssigneeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class CaseResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ enum: ['bad', 'medium'] }) grade!: string;
  @ApiProperty() reviewId!: string;
  @ApiProperty() platform!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) productId!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) orderAmount!: number | null;
  @ApiProperty() reviewedAt!: string;
  @ApiProperty({ description: 'the end of the platform change window: reviewedAt + the revision window in force when the case opened' })
  revisionDeadlineAt!: string;
  @ApiProperty({ description: 'openedAt + the first-contact SLA' }) firstContactDueAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) firstContactedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastContactAt!: string | null;
  @ApiProperty() contactCount!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) followUpDueAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) promisedRevisionAt!: string | null;
  @ApiProperty() missedPromises!: number;
  @ApiProperty({ description: 'whether the case is in the daily queue now' }) inQueue!: boolean;
  @ApiPropertyOptional({ type: AssigneeResponse, nullable: true }) assignee!: AssigneeResponse | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assignedAt!: string | null;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) closedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revisedAt!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'revisedAt - openedAt' }) secondsToRevision!: number | null;

  static of(c: RecoveryCase): CaseResponse {
    return {
      id: c.id,
      status: c.status,
      grade: c.grade,
      reviewId: c.reviewId,
      platform: c.platform,
      productId: c.productId,
      orderAmount: num(c.orderAmount),
      reviewedAt: c.reviewedAt.toISOString(),
      revisionDeadlineAt: c.revisionDeadlineAt.toISOString(),
      firstContactDueAt: c.firstContactDueAt.toISOString(),
      firstContactedAt: iso(c.firstContactedAt),
      lastContactAt: iso(c.lastContactAt),
      contactCount: c.contactCount,
      followUpDueAt: iso(c.followUpDueAt),
      promisedRevisionAt: iso(c.promisedRevisionAt),
      missedPromises: c.missedPromises,
      inQueue: c.queueUrgency !== null,
      assignee: c.assigneeId ? { id: c.assigneeId, name: c.assignee?.name ?? '' } : null,
      assignedAt: iso(c.assignedAt),
      openedAt: c.openedAt.toISOString(),
      closedAt: iso(c.closedAt),
      revisedAt: iso(c.revisedAt),
      secondsToRevision: c.revisedAt ? Math.floor((c.revisedAt.getTime() - c.openedAt.getTime()) / 1000) : null,
    };
  }
}

export class CasePageResponse {
  @ApiProperty({ type: [CaseResponse] }) items!: CaseResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CompensationResponse {
  @ApiProperty({ enum: COMPENSATION_TYPES }) type!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) amount!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) currency!: string | null;
  @ApiProperty({ description: 'always true: the log refuses a compensation that depends on the review (COMPENSATION_CONDITIONAL)' }) unconditional!: boolean;
}

export class ContactResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: string;
  @ApiProperty({ enum: CONTACT_OUTCOMES }) outcome!: string;
  @ApiProperty({ description: 'who logged it: staff:<id> or api:<key id>' }) actor!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) staffId!: string | null;
  @ApiPropertyOptional({ type: CompensationResponse, nullable: true }) compensation!: CompensationResponse | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) demandedAmount!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) promisedRevisionAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) nextFollowUpAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) policyOverrideReason!: string | null;

  static of(c: RecoveryContact): ContactResponse {
    return {
      id: c.id,
      caseId: c.caseId,
      at: c.at.toISOString(),
      channel: c.channel,
      outcome: c.outcome,
      actor: c.actor,
      staffId: c.staffId,
      compensation: c.compensationType
        ? { type: c.compensationType, amount: num(c.compensationAmount), currency: c.compensationCurrency, unconditional: true }
        : null,
      demandedAmount: num(c.demandedAmount),
      promisedRevisionAt: iso(c.promisedRevisionAt),
      nextFollowUpAt: iso(c.nextFollowUpAt),
      note: c.note,
      policyOverrideReason: c.policyOverrideReason,
    };
  }
}

export class LoggedContactResponse {
  @ApiProperty({ type: ContactResponse }) contact!: ContactResponse;
  @ApiProperty({ type: CaseResponse }) case!: CaseResponse;
}

export class CaseEventResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'staff:<id>, api:<key id>, or system:analysis / system:sweep' }) actor!: string;
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) from!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) to!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason!: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) details!: Record<string, unknown> | null;

  static of(e: RecoveryCaseEvent): CaseEventResponse {
    return { at: e.at.toISOString(), actor: e.actor, action: e.action, from: e.fromStatus, to: e.toStatus, reason: e.reason, details: e.details };
  }
}

export class ReviewerRiskResponse {
  @ApiProperty() riskScore!: number;
  @ApiProperty() riskLevel!: string;
  @ApiProperty() status!: string;
}

export class CaseReviewerResponse extends ReviewerRiskResponse {
  @ApiProperty({ description: 'reviewer profile id (GET /v1/reviewers/:id)' }) id!: string;
}

export class ContactPolicyRulesResponse {
  @ApiProperty() maxContactsPerDay!: number;
  @ApiProperty() maxContactsTotal!: number;
  @ApiProperty({ example: '21:00' }) quietHoursStart!: string;
  @ApiProperty({ example: '09:00' }) quietHoursEnd!: string;
  @ApiProperty({ description: 'the shop time zone the days and quiet hours are in' }) timezone!: string;
}

export class ContactPolicyResponse {
  @ApiProperty({ description: 'whether a contact now is within the policy' }) allowedNow!: boolean;
  @ApiProperty({ type: [String], description: 'rules a contact now would break: quiet_hours, daily_limit, total_limit' }) violations!: string[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the first moment a contact is allowed; null once the total limit is reached' })
  nextAllowedAt!: string | null;
  @ApiProperty({ type: ContactPolicyRulesResponse }) rules!: ContactPolicyRulesResponse;
  @ApiProperty({ description: "contacts on the shop's calendar day today" }) contactsToday!: number;
  @ApiProperty() contactsTotal!: number;

  static of(view: PolicyView): ContactPolicyResponse {
    return {
      allowedNow: view.allowed,
      violations: view.violations.map((v) => v.code),
      nextAllowedAt: iso(view.nextAllowedAt),
      rules: { ...view.policy },
      contactsToday: view.contactsThatDay,
      contactsTotal: view.contactsTotal,
    };
  }
}

export class ContactPolicyCheckResponse {
  @ApiProperty({ description: 'the moment checked' }) at!: string;
  @ApiProperty({ description: 'whether a contact at that moment is within the policy' }) allowed!: boolean;
  @ApiProperty({ type: [String], description: 'rules it would break: quiet_hours, daily_limit, total_limit' }) violations!: string[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the first moment from `at` on a contact is allowed; null once the total limit is reached',
  })
  nextAllowedAt!: string | null;
  @ApiProperty({ type: ContactPolicyRulesResponse }) rules!: ContactPolicyRulesResponse;
  @ApiProperty({ description: "contacts on the shop's calendar day of `at`" }) contactsThatDay!: number;
  @ApiProperty() contactsTotal!: number;

  static of(view: PolicyView): ContactPolicyCheckResponse {
    return {
      at: view.at.toISOString(),
      allowed: view.allowed,
      violations: view.violations.map((v) => v.code),
      nextAllowedAt: iso(view.nextAllowedAt),
      rules: { ...view.policy },
      contactsThatDay: view.contactsThatDay,
      contactsTotal: view.contactsTotal,
    };
  }
}

export class CaseDetailResponse extends CaseResponse {
  @ApiProperty({ type: ReviewResponse }) review!: ReviewResponse;
  @ApiProperty({ type: [ContactResponse] }) contacts!: ContactResponse[];
  @ApiProperty({ type: [CaseEventResponse], description: 'the audit log, oldest first' }) events!: CaseEventResponse[];
  @ApiPropertyOptional({ type: CaseReviewerResponse, nullable: true }) reviewer!: CaseReviewerResponse | null;
  @ApiProperty({ type: ContactPolicyResponse }) contactPolicy!: ContactPolicyResponse;

  static ofDetail(d: CaseDetail): CaseDetailResponse {
    return {
      ...CaseResponse.of(d.recoveryCase),
      review: ReviewResponse.of(d.review),
      contacts: d.contacts.map(ContactResponse.of),
      events: d.events.map(CaseEventResponse.of),
      reviewer: d.reviewer ? { id: d.reviewer.id, riskScore: Number(d.reviewer.riskScore), riskLevel: d.reviewer.riskLevel, status: d.reviewer.status } : null,
      contactPolicy: ContactPolicyResponse.of(d.contactPolicy),
    };
  }
}

export class BulkAssignResponse {
  @ApiProperty({ type: [String] }) assigned!: string[];
  @ApiProperty({ type: [String], description: 'already assigned to that person' }) unchanged!: string[];
  @ApiProperty({ type: [String], description: 'no such case in this shop' }) notFound!: string[];
  @ApiProperty({ type: [String], description: 'cases that are revised, closed or dismissed' }) closed!: string[];
}

export class QueueReasonResponse {
  @ApiProperty({ enum: REASON_CODES }) code!: string;
  @ApiProperty() en!: string;
  @ApiProperty() zh!: string;
  @ApiPropertyOptional() value?: number;
}

export class PlatformDeadlinesResponse {
  @ApiProperty({ description: 'version of the platform rules table (GET /v1/platform-rules)' }) rulesVersion!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'when the platform stops taking a public reply (Tmall and Kuaishou: 30 days from the review; Tmall: at a 追评); null: no limit',
  })
  replyUntil!: string | null;
  @ApiPropertyOptional({
    enum: ['window_passed', 'follow_up_added', 'replied_on_platform'],
    nullable: true,
    description: 'why no public reply is asked for: the window passed, a 追评 closed it, or the seller already replied on the platform',
  })
  replyClosed!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'until when the buyer may add a 追评 (Kuaishou: 180 days)' }) followUpUntil!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "until when the platform lets the buyer change the review (a new case's revisionDeadlineAt is never later)",
  })
  revisionUntil!: string | null;
}

export class QueueItemResponse {
  @ApiProperty() position!: number;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ enum: ['bad', 'medium'] }) grade!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty() platform!: string;
  @ApiProperty() reviewId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) productId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) productName!: string | null;
  @ApiProperty({ description: 'the first 80 characters of the review' }) excerpt!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiPropertyOptional({ type: Number, nullable: true }) orderAmount!: number | null;
  @ApiProperty() reviewedAt!: string;
  @ApiProperty() revisionDeadlineAt!: string;
  @ApiProperty() firstContactDueAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) firstContactedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) followUpDueAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) promisedRevisionAt!: string | null;
  @ApiProperty() contactCount!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) lastContactAt!: string | null;
  @ApiPropertyOptional({ type: AssigneeResponse, nullable: true }) assignee!: AssigneeResponse | null;
  @ApiPropertyOptional({ type: ReviewerRiskResponse, nullable: true }) reviewer!: ReviewerRiskResponse | null;
  @ApiProperty({ type: [QueueReasonResponse], description: 'why the item is where it is, in the order of the sort keys' }) reasons!: QueueReasonResponse[];
  @ApiProperty({ type: PlatformDeadlinesResponse, description: "the platform's deadlines for this review, by the rules the shop works by" })
  platformDeadlines!: PlatformDeadlinesResponse;

  static of(item: QueueItem): QueueItemResponse {
    return {
      ...item,
      reviewedAt: item.reviewedAt.toISOString(),
      revisionDeadlineAt: item.revisionDeadlineAt.toISOString(),
      firstContactDueAt: item.firstContactDueAt.toISOString(),
      firstContactedAt: iso(item.firstContactedAt),
      followUpDueAt: iso(item.followUpDueAt),
      promisedRevisionAt: iso(item.promisedRevisionAt),
      lastContactAt: iso(item.lastContactAt),
      platformDeadlines: {
        rulesVersion: item.platformDeadlines.rulesVersion,
        replyUntil: iso(item.platformDeadlines.replyUntil),
        replyClosed: item.platformDeadlines.replyClosed,
        followUpUntil: iso(item.platformDeadlines.followUpUntil),
        revisionUntil: iso(item.platformDeadlines.revisionUntil),
      },
    };
  }
}

export class QueueCountsResponse implements QueueCounts {
  @ApiProperty() inQueue!: number;
  @ApiProperty({ description: 'not contacted yet' }) new!: number;
  @ApiProperty({ description: 'follow-ups due later today' }) due!: number;
  @ApiProperty({ description: 'first contacts past the SLA and follow-ups past due' }) overdue!: number;
  @ApiProperty() unassigned!: number;
  @ApiProperty({ description: 'revision window closing within 3 days' }) closingSoon!: number;
  @ApiProperty() highRisk!: number;
  @ApiProperty({ description: 'all open cases, escalated and waiting ones included' }) open!: number;
}

export class QueueResponse {
  @ApiProperty() generatedAt!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: QueueCountsResponse, description: 'may lag changes made by other processes by up to 5 s' }) counts!: QueueCountsResponse;
  @ApiProperty({ type: [QueueItemResponse] }) items!: QueueItemResponse[];
  @ApiProperty({ type: [QueueItemResponse], description: 'cases of high-risk reviewers: collect evidence, do not compensate' })
  highRisk!: QueueItemResponse[];

  static of(queue: Queue): QueueResponse {
    return {
      generatedAt: queue.generatedAt.toISOString(),
      timezone: queue.timezone,
      counts: queue.counts,
      items: queue.items.map(QueueItemResponse.of),
      highRisk: queue.highRisk.map(QueueItemResponse.of),
    };
  }
}

export class SettingsResponse {
  @ApiProperty({ description: "the shop's time zone (GET /v1/shop)" }) timezone!: string;
  @ApiProperty() revisionWindowDays!: number;
  @ApiProperty() firstContactSlaHours!: number;
  @ApiProperty() maxContactsPerDay!: number;
  @ApiProperty() maxContactsTotal!: number;
  @ApiProperty() quietHoursStart!: string;
  @ApiProperty() quietHoursEnd!: string;
  @ApiProperty() highValueOrderAmount!: number;
  @ApiProperty() bestSellerReviews30d!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) updatedAt!: string | null;

  static of(s: EffectiveSettings): SettingsResponse {
    return { ...s, updatedAt: iso(s.updatedAt) };
  }
}

export class CompensationFigureResponse {
  @ApiProperty({ enum: COMPENSATION_TYPES }) type!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() contacts!: number;
  @ApiProperty() amount!: number;
}

export class FiguresResponse implements RecoveryFigures {
  @ApiProperty({ description: 'open now, whatever the period' }) openCases!: number;
  @ApiProperty() opened!: number;
  @ApiProperty() firstContacted!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) medianSecondsToFirstContact!: number | null;
  @ApiProperty() revised!: number;
  @ApiProperty() closedUnrevised!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'revised / (revised + closed unrevised)' }) revisionRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) medianSecondsToRevision!: number | null;
  @ApiProperty({ type: [CompensationFigureResponse] }) compensation!: CompensationFigureResponse[];
}

export class AgentFiguresResponse extends FiguresResponse {
  @ApiProperty() staffId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty() active!: boolean;
}

export class FiguresReportResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: FiguresResponse }) shop!: FiguresResponse;
  @ApiProperty({ type: [AgentFiguresResponse], description: 'per staff member: the cases assigned to them, the compensation they offered' })
  agents!: AgentFiguresResponse[];

  static of(report: FiguresReport): FiguresReportResponse {
    return { from: report.from.toISOString(), to: report.to.toISOString(), shop: report.shop, agents: report.agents };
  }
}
