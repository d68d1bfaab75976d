import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../shops/actor';
import { actorLabel } from '../shops/actor';
import { requireLead } from '../shops/roles';
import { blockingOf, ComplianceBlocked, LocatedFinding } from './compliance-check';
import { ComplianceOverride, OverrideAction, OverrideSubject } from './compliance-override.entity';

export interface OverrideRequest {
  reason: string;
}

/**
 * The guard at the doors (approve, publish, activate): nothing with a blocking finding passes unless a lead
 * overrides it with a reason, which is written to compliance_overrides in the caller's transaction.
 */
@Injectable()
export class ComplianceGate {
  async pass(
    manager: EntityManager,
    subject: { shopId: string; type: OverrideSubject; id: string; action: OverrideAction },
    findings: readonly LocatedFinding[],
    actor: Actor,
    override: OverrideRequest | undefined,
  ): Promise<void> {
    const blocking = blockingOf(findings);
    if (!blocking.length) return;
    const rules = [...new Set(blocking.map((f) => f.ruleId))];
    if (!override && subject.action === 'publish') {
      // an approved reply cannot be edited: the findings a lead overrode at its approval are the ones it still has
      const approvals = await manager.find(ComplianceOverride, { where: { shopId: subject.shopId, subjectId: subject.id, action: 'approve' } });
      if (approvals.some((o) => rules.every((rule) => o.ruleIds.includes(rule)))) return;
    }
    if (!override) throw new ComplianceBlocked(`${subject.action} this ${subject.type}`, blocking);
    requireLead(actor, 'override a compliance finding');
    await manager.insert(ComplianceOverride, {
      shopId: subject.shopId,
      subjectType: subject.type,
      subjectId: subject.id,
      action: subject.action,
      ruleIds: rules,
      reason: override.reason.trim(),
      actor: actorLabel(actor),
    });
  }

  /** The overrides of one reply or template, newest first: its audit history. */
  async history(manager: EntityManager, shopId: string, subjectId: string): Promise<ComplianceOverride[]> {
    return manager.find(ComplianceOverride, { where: { shopId, subjectId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }
}

/** For the weekly report: overrides made in [$3, $4) by shop $1. */
export const OVERRIDES_IN_PERIOD_SQL = `
  SELECT o.subject_type AS "subjectType", o.action, o.rule_ids AS "ruleIds", o.actor, o.created_at AS at
  FROM compliance_overrides o
  WHERE o.shop_id = $1 AND o.created_at >= $3 AND o.created_at < $4
  ORDER BY o.created_at, o.id`;

/** For the weekly report: corrective actions in effect by the end of the period ($4), newest first. */
export const ACTIONS_IN_EFFECT_SQL = `
  SELECT a.what, a.tag, a.sub_tag AS "subTag", a.product_key AS "productKey", a.carrier, to_char(a.since, 'YYYY-MM-DD') AS since,
    a.created_at >= $3 AS "newInPeriod"
  FROM corrective_actions a
  WHERE a.shop_id = $1 AND a.since <= ($4::timestamptz)::date AND a.created_at < $4
  ORDER BY a.since DESC, a.created_at DESC, a.id`;
