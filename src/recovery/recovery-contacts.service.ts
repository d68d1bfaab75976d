import { blockingOf, CompensationConditional, findingsOf } from '../compliance/compliance-check';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldProblem, ValidationFailed } from '../common/errors/domain-error';
import { toInstant } from '../common/time/timestamps';
import { sqlRows } from '../database/sql';
import { Actor, actorLabel } from '../shops/actor';
import { hasLeadAuthority, RoleForbidden } from '../shops/roles';
import { recordCaseEvents } from './case-events';
import { CaseClosed } from './case-status';
import { ReviewerRiskService } from '../reviewers/reviewer-risk.service';
import { riskKindOf } from './contact-risk';
import { evaluateContactPolicy } from './contact-policy';
import { addDays, startOfLocalDay } from '../common/time/local-time';
import { QueueCountsCache } from './queue-counts.cache';
import { RecoveryCase } from './recovery-case.entity';
import { RecoveryContact } from './recovery-contact.entity';
import { ContactPolicyViolated } from './recovery-errors';
import { RecoveryCasesService } from './recovery-cases.service';
import { contactPolicyOf, RecoverySettingsService } from './recovery-settings.service';
import { isTerminal } from './recovery.types';
import type { CaseStatus, CompensationType, ContactChannel, ContactOutcome } from './recovery.types';

export interface ContactInput {
  channel: ContactChannel;
  outcome: ContactOutcome;
  /** when it happened; the shop's local time without an offset; default now */
  at?: string;
  compensation?: { type: CompensationType; amount?: number; currency?: string; conditionalOnReview?: boolean };
  demandedAmount?: number;
  /** a date (the end of that day counts) or a timestamp */
  promisedRevisionAt?: string;
  nextFollowUpAt?: string;
  note?: string;
  override?: { reason: string };
}

/** a contact logged a little ahead of the server clock is still "now" */
const CLOCK_SKEW_MS = 5 * 60_000;
const DATE_ONLY = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/;

@Injectable()
export class RecoveryContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: RecoveryCasesService,
    private readonly settings: RecoverySettingsService,
    private readonly reviewerRisk: ReviewerRiskService,
    private readonly counts: QueueCountsCache,
  ) {}

  /**
   * Logs a contact: checks the contact policy (a lead may override it with a reason), moves the case
   * (new -> contacting, a promise -> awaiting_revision with a follow-up at the promised date), and tells
   * records what the outcome says about the buyer (reviewer risk rescores them), all in one transaction.
   */
  async log(
    shopId: string,
    caseId: string,
    input: ContactInput,
    actor: Actor,
    now = new Date(),
  ): Promise<{ contact: RecoveryContact; recoveryCase: RecoveryCase }> {
    if (input.override && !hasLeadAuthority(actor)) throw new RoleForbidden('override the contact policy');
    const settings = await this.settings.get(shopId);
    const tz = settings.timezone;
    const at = input.at ? this.instant(input.at, tz, 'at') : now;
    const problems: FieldProblem[] = [];
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push({ field: 'at', code: 'notInFuture', message: 'at must not be in the future' });
    const promised = input.promisedRevisionAt ? this.endOfDateOrInstant(input.promisedRevisionAt, tz, 'promisedRevisionAt') : null;
    const nextFollowUp = input.nextFollowUpAt ? this.instant(input.nextFollowUpAt, tz, 'nextFollowUpAt') : null;
    if (input.outcome === 'promised_revision' && !promised) {
      problems.push({ field: 'promisedRevisionAt', code: 'isNotEmpty', message: 'promisedRevisionAt is required when the buyer promised a revision' });
    }
    if (input.outcome !== 'promised_revision' && promised) {
      problems.push({ field: 'promisedRevisionAt', code: 'onlyWithPromise', message: 'promisedRevisionAt goes with the outcome promised_revision' });
    }
    if (promised && promised <= at)
      problems.push({ field: 'promisedRevisionAt', code: 'afterContact', message: 'promisedRevisionAt must be after the contact' });
    if (nextFollowUp && nextFollowUp <= at)
      problems.push({ field: 'nextFollowUpAt', code: 'afterContact', message: 'nextFollowUpAt must be after the contact' });
    if (problems.length) throw new ValidationFailed(problems);
    conditionalCompensationRefused(input);

    const result = await this.dataSource.transaction(async (manager) => {
      const recoveryCase = await this.cases.lockCase(manager, shopId, caseId);
      if (isTerminal(recoveryCase.status)) throw new CaseClosed(recoveryCase.status);
      if (at < recoveryCase.reviewedAt) {
        throw new ValidationFailed([{ field: 'at', code: 'afterReview', message: 'at must not be before the review was posted' }]);
      }
      if (promised && promised > recoveryCase.revisionDeadlineAt) {
        throw new ValidationFailed([
          {
            field: 'promisedRevisionAt',
            code: 'afterRevisionDeadline',
            message: `the platform's change window closes at ${recoveryCase.revisionDeadlineAt.toISOString()}`,
          },
        ]);
      }
      await this.cases.ensureMayWork(manager, recoveryCase, actor);
      const previous = await sqlRows<{ at: Date }>(manager, `SELECT at FROM recovery_contacts WHERE shop_id = $1 AND case_id = $2`, [shopId, caseId]);
      const policy = evaluateContactPolicy(
        contactPolicyOf(settings),
        at,
        previous.map((p) => new Date(p.at)),
      );
      if (!policy.allowed && !input.override) {
        const next = policy.nextAllowedAt
          ? ` The next allowed contact is at ${policy.nextAllowedAt.toISOString()}.`
          : ' No further contact is allowed on this case.';
        throw new ContactPolicyViolated(
          `The contact policy forbids this contact: ${policy.violations.map((v) => v.message).join('; ')}.${next} A lead can override it with a reason.`,
          policy.violations.map((v) => ({ field: 'at', code: v.code, message: v.message })),
        );
      }
      const label = actorLabel(actor);
      const contact = await manager.save(
        manager.create(RecoveryContact, {
          shopId,
          caseId,
          reviewId: recoveryCase.reviewId,
          at,
          channel: input.channel,
          outcome: input.outcome,
          actor: label,
          staffId: actor.staffId,
          compensationType: input.compensation?.type ?? null,
          compensationAmount: input.compensation?.amount !== undefined ? input.compensation.amount.toFixed(2) : null,
          compensationCurrency: input.compensation ? (input.compensation.currency ?? 'CNY').toUpperCase() : null,
          demandedAmount: input.demandedAmount !== undefined ? input.demandedAmount.toFixed(2) : null,
          promisedRevisionAt: promised,
          nextFollowUpAt: nextFollowUp,
          note: input.note ?? null,
          policyOverrideReason: policy.allowed ? null : (input.override?.reason ?? null),
        }),
      );
      const from = recoveryCase.status;
      const to: CaseStatus = promised ? 'awaiting_revision' : from === 'new' ? 'contacting' : from;
      // The follow-up: the promised date, else the call-back asked for; a contact on a case that was not
      // waiting for a promise settles the follow-up that was due.
      const followUp = promised ?? nextFollowUp ?? (to === 'awaiting_revision' ? recoveryCase.followUpDueAt : null);
      await manager.query(
        `UPDATE recovery_cases SET contact_count = contact_count + 1,
           last_contact_at = GREATEST(last_contact_at, $3::timestamptz),
           first_contacted_at = LEAST(COALESCE(first_contacted_at, $3::timestamptz), $3::timestamptz),
           first_contact_staff_id = CASE WHEN first_contacted_at IS NULL OR $3::timestamptz < first_contacted_at THEN $4::uuid ELSE first_contact_staff_id END,
           first_promised_at = CASE WHEN $6::timestamptz IS NULL THEN first_promised_at ELSE LEAST(COALESCE(first_promised_at, $3::timestamptz), $3::timestamptz) END,
           follow_up_due_at = $5::timestamptz, promised_revision_at = COALESCE($6::timestamptz, promised_revision_at), updated_at = now()
         WHERE shop_id = $1 AND id = $2`,
        [shopId, caseId, at, actor.staffId, followUp, promised],
      );
      if (to !== from) {
        await this.cases.moveStatus(manager, recoveryCase, to, label, 'contact', `contact: ${input.outcome}`, { contactId: contact.id });
      } else {
        await this.cases.refreshUrgency(manager, shopId, caseId);
      }
      if (!policy.allowed && input.override) {
        await recordCaseEvents(manager, [
          {
            shopId,
            caseId,
            actor: label,
            action: 'policy_override',
            reason: input.override.reason,
            details: { contactId: contact.id, violations: policy.violations.map((v) => v.code) },
          },
        ]);
      }
      const orderAmount = recoveryCase.orderAmount !== null ? Number(recoveryCase.orderAmount) : null;
      const riskKind = riskKindOf(input.outcome, { demandedAmount: input.demandedAmount ?? null, orderAmount });
      if (riskKind) {
        // the case's row is locked above and the reviewer's is taken here: the order the analysis takes them in too
        await this.reviewerRisk.recordContactOutcome(manager, shopId, {
          reviewId: recoveryCase.reviewId,
          kind: riskKind,
          at,
          demandedAmount: input.demandedAmount ?? null,
          contactId: contact.id,
        });
      }
      return { contact };
    });
    this.counts.invalidate(shopId);
    return { contact: result.contact, recoveryCase: await this.cases.get(shopId, caseId) };
  }

  private instant(text: string, tz: string, field: string): Date {
    const instant = toInstant(text, tz);
    if (!instant) throw new ValidationFailed([{ field, code: 'isTimestamp', message: `${field} must be a timestamp` }]);
    return instant;
  }

  /** "2026-11-28" means by the end of that day in the shop's zone; a timestamp means that moment. */
  private endOfDateOrInstant(text: string, tz: string, field: string): Date {
    const trimmed = text.trim();
    if (DATE_ONLY.test(trimmed)) {
      const [y, m, d] = trimmed.split(/[-/]/).map(Number);
      const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (!toInstant(date, tz)) throw new ValidationFailed([{ field, code: 'isTimestamp', message: `${field} must be a date or a timestamp` }]);
      return startOfLocalDay(addDays(date, 1), tz);
    }
    return this.instant(trimmed, tz, field);
  }
}

/**
 * A remedy is given because the buyer had a problem, never for the review (16 CFR 465.4, Amazon policy, AUCL
 * art. 8): a compensation marked as depending on the review, or a note that records such a deal, is refused
 * with 422 COMPENSATION_CONDITIONAL; every compensation the log keeps is unconditional.
 */
function conditionalCompensationRefused(input: ContactInput): void {
  const problems: FieldProblem[] = [];
  if (input.compensation?.conditionalOnReview) {
    problems.push({
      field: 'compensation.conditionalOnReview',
      code: 'compensation-for-review',
      message: 'a compensation may not depend on the review: offer it unconditionally',
    });
  }
  for (const finding of blockingOf(findingsOf([{ field: 'note', text: input.note, context: { kind: 'contact_note' } }]))) {
    problems.push({ field: finding.field, code: finding.ruleId, message: `${finding.title}: "${finding.excerpt}". ${finding.explanation}` });
  }
  if (problems.length) throw new CompensationConditional(problems);
}
