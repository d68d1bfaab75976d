import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-error';
import { cursorAfterRow, decodeCursor, Page } from '../common/pagination/cursor';
import { sqlRows } from '../database/sql';
import { ReviewerProfile } from '../reviewers/reviewer-profile.entity';
import { Review } from '../reviews/review.entity';
import { Actor, actorLabel } from '../shops/actor';
import { hasLeadAuthority, requireLead } from '../shops/roles';
import { StaffService } from '../shops/staff.service';
import { recordCaseEvents } from './case-events';
import { CaseClosed, checkTransition } from './case-status';
import { describeContactPolicy, PolicyView } from './contact-policy';
import { QueueCountsCache } from './queue-counts.cache';
import { RecoveryCaseEvent } from './recovery-case-event.entity';
import { RecoveryCase } from './recovery-case.entity';
import { RecoveryContact } from './recovery-contact.entity';
import { CaseAlreadyAssigned, CaseNotFound, CaseNotYours, StaffKeyRequired } from './recovery-errors';
import { contactPolicyOf, RecoverySettingsService } from './recovery-settings.service';
import { urgencySql } from './recovery-sql';
import { isTerminal } from './recovery.types';
import type { CaseStatus } from './recovery.types';

export interface CaseListFilter {
  status?: CaseStatus[];
  assignee?: string;
  grade?: 'bad' | 'medium';
  reviewId?: string;
  productId?: string;
  openedFrom?: Date;
  openedTo?: Date;
  limit?: number;
  cursor?: string;
}

export interface CaseDetail {
  recoveryCase: RecoveryCase;
  review: Review;
  contacts: RecoveryContact[];
  events: RecoveryCaseEvent[];
  reviewer: ReviewerProfile | null;
  /** whether a contact now is within the policy */
  contactPolicy: PolicyView;
}

/** Resolves `assignee=me|unassigned|<staff id>` to a staff id, null for unassigned. */
export function resolveAssignee(value: string, actor: Actor): string | null {
  if (value === 'unassigned') return null;
  if (value === 'me') {
    if (!actor.staffId) throw new StaffKeyRequired('assignee=me');
    return actor.staffId;
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new ValidationFailed([{ field: 'assignee', code: 'isAssignee', message: 'assignee must be me, unassigned or a staff id' }]);
  }
  return value.toLowerCase();
}

/** Cases: reading them, who works them, and moving them through the status machine. */
@Injectable()
export class RecoveryCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: StaffService,
    private readonly settings: RecoverySettingsService,
    private readonly counts: QueueCountsCache,
  ) {}

  async list(shopId: string, filter: CaseListFilter, actor: Actor): Promise<Page<RecoveryCase>> {
    const limit = filter.limit ?? 50;
    const qb = this.dataSource.manager.createQueryBuilder(RecoveryCase, 'c').leftJoinAndSelect('c.assignee', 'a').where('c.shopId = :shopId', { shopId });
    if (filter.status?.length) qb.andWhere('c.status IN (:...status)', { status: filter.status });
    if (filter.assignee !== undefined) {
      const assignee = resolveAssignee(filter.assignee, actor);
      if (assignee === null) qb.andWhere('c.assigneeId IS NULL');
      else qb.andWhere('c.assigneeId = :assignee', { assignee });
    }
    if (filter.grade) qb.andWhere('c.grade = :grade', { grade: filter.grade });
    if (filter.reviewId) qb.andWhere('c.reviewId = :reviewId', { reviewId: filter.reviewId });
    if (filter.productId) qb.andWhere('c.productId = :productId', { productId: filter.productId });
    if (filter.openedFrom && filter.openedTo && filter.openedFrom >= filter.openedTo) {
      throw new ValidationFailed([{ field: 'openedTo', code: 'dateOrder', message: 'openedTo must be after openedFrom' }]);
    }
    if (filter.openedFrom) qb.andWhere('c.openedAt >= :from', { from: filter.openedFrom });
    if (filter.openedTo) qb.andWhere('c.openedAt < :to', { to: filter.openedTo });
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor);
      qb.andWhere(
        new Brackets((w) =>
          w.where('c.openedAt < :cursorAt', { cursorAt: cursor.at }).orWhere('(c.openedAt = :cursorAt AND c.id < :cursorId)', { cursorId: cursor.id }),
        ),
      );
    }
    const rows = await qb
      .orderBy('c.openedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? await cursorAfterRow(this.dataSource, 'recovery_cases', 'opened_at', last.id) : null };
  }

  async get(shopId: string, id: string): Promise<RecoveryCase> {
    const found = await this.dataSource.manager.findOne(RecoveryCase, { where: { id, shopId }, relations: { assignee: true } });
    if (!found) throw new CaseNotFound(id);
    return found;
  }

  async detail(shopId: string, id: string, now = new Date()): Promise<CaseDetail> {
    const manager = this.dataSource.manager;
    const recoveryCase = await this.get(shopId, id);
    const [review, contacts, events, settings] = await Promise.all([
      manager.findOneByOrFail(Review, { id: recoveryCase.reviewId, shopId }),
      manager.find(RecoveryContact, { where: { caseId: id, shopId }, order: { at: 'ASC', createdAt: 'ASC' } }),
      manager.find(RecoveryCaseEvent, { where: { caseId: id, shopId }, order: { at: 'ASC' } }),
      this.settings.get(shopId),
    ]);
    const reviewer = recoveryCase.buyerId
      ? await manager.findOneBy(ReviewerProfile, { shopId, platform: recoveryCase.platform, buyerId: recoveryCase.buyerId })
      : null;
    const contactPolicy = describeContactPolicy(
      contactPolicyOf(settings),
      now,
      contacts.map((c) => c.at),
    );
    return { recoveryCase, review, contacts, events, reviewer, contactPolicy };
  }

  /** Whether a contact at `at` (past or future) would be within the contact policy, and why not. */
  async contactPolicyAt(shopId: string, id: string, at: Date): Promise<PolicyView> {
    await this.get(shopId, id);
    const [settings, contacts] = await Promise.all([
      this.settings.get(shopId),
      this.dataSource.manager.find(RecoveryContact, { select: { at: true }, where: { caseId: id, shopId } }),
    ]);
    return describeContactPolicy(
      contactPolicyOf(settings),
      at,
      contacts.map((c) => c.at),
    );
  }

  /** Locks an open case of the shop for a change; 404 for another shop's case. */
  async lockCase(manager: EntityManager, shopId: string, id: string): Promise<RecoveryCase> {
    const found = await manager.findOne(RecoveryCase, { where: { id, shopId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw new CaseNotFound(id);
    return found;
  }

  /**
   * Agents work their own cases; an unassigned case becomes theirs when they act on it (the claim is
   * audited). Leads and the integration work any case.
   */
  async ensureMayWork(manager: EntityManager, recoveryCase: RecoveryCase, actor: Actor): Promise<void> {
    if (hasLeadAuthority(actor)) return;
    if (recoveryCase.assigneeId === actor.staffId) return;
    if (recoveryCase.assigneeId !== null || !actor.staffId) throw new CaseNotYours(recoveryCase.id);
    await this.setAssignee(manager, recoveryCase, actor.staffId, actor, 'claimed', null);
  }

  async claim(shopId: string, id: string, actor: Actor): Promise<RecoveryCase> {
    if (!actor.staffId) throw new StaffKeyRequired('Claiming a case');
    const staffId = actor.staffId;
    await this.dataSource.transaction(async (manager) => {
      const recoveryCase = await this.lockCase(manager, shopId, id);
      if (isTerminal(recoveryCase.status)) throw new CaseClosed(recoveryCase.status);
      if (recoveryCase.assigneeId === staffId) return;
      if (recoveryCase.assigneeId !== null) throw new CaseAlreadyAssigned(id);
      await this.setAssignee(manager, recoveryCase, staffId, actor, 'claimed', null);
    });
    return this.get(shopId, id);
  }

  /** Lead: give an unassigned case to someone (409 when it is someone else's: reassign it instead). */
  async assign(shopId: string, id: string, staffId: string, actor: Actor): Promise<RecoveryCase> {
    requireLead(actor, 'assign cases');
    await this.staff.getActive(shopId, staffId);
    await this.dataSource.transaction(async (manager) => {
      const recoveryCase = await this.lockCase(manager, shopId, id);
      if (isTerminal(recoveryCase.status)) throw new CaseClosed(recoveryCase.status);
      if (recoveryCase.assigneeId === staffId) return;
      if (recoveryCase.assigneeId !== null) throw new CaseAlreadyAssigned(id);
      await this.setAssignee(manager, recoveryCase, staffId, actor, 'assigned', null);
    });
    return this.get(shopId, id);
  }

  /** Lead: move a case to someone else, or to nobody (staffId null). */
  async reassign(shopId: string, id: string, staffId: string | null, reason: string | null, actor: Actor): Promise<RecoveryCase> {
    requireLead(actor, 'reassign cases');
    if (staffId) await this.staff.getActive(shopId, staffId);
    await this.dataSource.transaction(async (manager) => {
      const recoveryCase = await this.lockCase(manager, shopId, id);
      if (isTerminal(recoveryCase.status)) throw new CaseClosed(recoveryCase.status);
      if (recoveryCase.assigneeId === staffId) return;
      await this.setAssignee(manager, recoveryCase, staffId, actor, staffId ? 'reassigned' : 'unassigned', reason);
    });
    return this.get(shopId, id);
  }

  /** Lead: assign many open cases at once (reassigning those that belong to someone else). */
  async bulkAssign(
    shopId: string,
    caseIds: string[],
    staffId: string,
    actor: Actor,
  ): Promise<{ assigned: string[]; unchanged: string[]; notFound: string[]; closed: string[] }> {
    requireLead(actor, 'assign cases');
    await this.staff.getActive(shopId, staffId);
    const ids = [...new Set(caseIds.map((id) => id.toLowerCase()))];
    return this.dataSource.transaction(async (manager) => {
      const rows = await sqlRows<{ id: string; status: CaseStatus; assignee_id: string | null }>(
        manager,
        `SELECT id, status, assignee_id FROM recovery_cases WHERE shop_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
        [shopId, ids],
      );
      const found = new Map(rows.map((r) => [r.id, r]));
      const notFound = ids.filter((id) => !found.has(id));
      const closed = rows.filter((r) => isTerminal(r.status)).map((r) => r.id);
      const unchanged = rows.filter((r) => !isTerminal(r.status) && r.assignee_id === staffId).map((r) => r.id);
      const moving = rows.filter((r) => !isTerminal(r.status) && r.assignee_id !== staffId);
      if (moving.length) {
        await manager.query(`UPDATE recovery_cases SET assignee_id = $3, assigned_at = now(), updated_at = now() WHERE shop_id = $1 AND id = ANY($2::uuid[])`, [
          shopId,
          moving.map((r) => r.id),
          staffId,
        ]);
        await recordCaseEvents(
          manager,
          moving.map((r) => ({
            shopId,
            caseId: r.id,
            actor: actorLabel(actor),
            action: r.assignee_id ? ('reassigned' as const) : ('assigned' as const),
            reason: 'bulk assignment',
            details: { from: r.assignee_id, to: staffId },
          })),
        );
      }
      return { assigned: moving.map((r) => r.id), unchanged, notFound, closed };
    });
  }

  async transition(shopId: string, id: string, to: CaseStatus, reason: string | null, actor: Actor): Promise<RecoveryCase> {
    await this.dataSource.transaction(async (manager) => {
      const recoveryCase = await this.lockCase(manager, shopId, id);
      const check = checkTransition(recoveryCase.status, to, actor, reason);
      if (!check.ok) {
        if (check.field) throw new ValidationFailed([{ field: check.field, code: 'isNotEmpty', message: check.error.message }]);
        throw check.error;
      }
      await this.ensureMayWork(manager, recoveryCase, actor);
      await this.moveStatus(manager, recoveryCase, to, actorLabel(actor), 'status', reason);
    });
    this.counts.invalidate(shopId);
    return this.get(shopId, id);
  }

  /** Writes a status change with its audit row and the case's new place in the queue. */
  async moveStatus(
    manager: EntityManager,
    recoveryCase: RecoveryCase,
    to: CaseStatus,
    actor: string,
    action: 'status' | 'contact',
    reason: string | null,
    details: Record<string, unknown> | null = null,
  ): Promise<void> {
    const from = recoveryCase.status;
    const final = isTerminal(to);
    await manager.query(
      `UPDATE recovery_cases c SET status = $3::varchar,
         closed_at = CASE WHEN $4::boolean THEN now() ELSE NULL END,
         revised_at = CASE WHEN $3::varchar = 'revised' THEN now() ELSE c.revised_at END,
         follow_up_due_at = CASE WHEN $4::boolean OR $3::varchar = 'escalated' THEN NULL ELSE c.follow_up_due_at END,
         updated_at = now()
       WHERE c.shop_id = $1 AND c.id = $2`,
      [recoveryCase.shopId, recoveryCase.id, to, final],
    );
    await this.refreshUrgency(manager, recoveryCase.shopId, recoveryCase.id);
    const seconds = to === 'revised' ? Math.floor((Date.now() - recoveryCase.openedAt.getTime()) / 1000) : null;
    await recordCaseEvents(manager, [
      {
        shopId: recoveryCase.shopId,
        caseId: recoveryCase.id,
        actor,
        action,
        fromStatus: from,
        toStatus: to,
        reason,
        details: seconds !== null ? { ...details, secondsToRevision: seconds } : details,
      },
    ]);
    recoveryCase.status = to;
  }

  async refreshUrgency(manager: EntityManager, shopId: string, id: string): Promise<void> {
    await manager.query(
      `UPDATE recovery_cases c SET queue_urgency = ${urgencySql('c', 's.timezone', 'now()')}
       FROM shops s WHERE s.id = c.shop_id AND c.shop_id = $1 AND c.id = $2`,
      [shopId, id],
    );
  }

  private async setAssignee(
    manager: EntityManager,
    recoveryCase: RecoveryCase,
    staffId: string | null,
    actor: Actor,
    action: 'claimed' | 'assigned' | 'reassigned' | 'unassigned',
    reason: string | null,
  ): Promise<void> {
    await manager.update(RecoveryCase, { id: recoveryCase.id, shopId: recoveryCase.shopId }, { assigneeId: staffId, assignedAt: staffId ? new Date() : null });
    await recordCaseEvents(manager, [
      {
        shopId: recoveryCase.shopId,
        caseId: recoveryCase.id,
        actor: actorLabel(actor),
        action,
        reason,
        details: { from: recoveryCase.assigneeId, to: staffId },
      },
    ]);
    recoveryCase.assigneeId = staffId;
    this.counts.invalidate(recoveryCase.shopId);
  }
}
