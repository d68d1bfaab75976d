import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql';
import type { Actor } from '../shops/actor';
import { actorLabel } from '../shops/actor';
import type { DecisionAction } from './reviewer-decision.entity';
import { decisionsInForce, DecisionEntry, dismissedEvidence, effectiveDecision, evidenceCodes, refuseDecision } from './reviewer-decisions';
import { ReviewerDecisionRefused, ReviewerNotFound } from './reviewer-errors';
import { lockProfile } from './reviewer-risk.queries';
import { ReviewerRiskService, ReviewerScore } from './reviewer-risk.service';
import type { SignalCode } from './reviewer-risk.types';

export interface DecisionResult extends ReviewerScore {
  decisionId: string;
}

interface HistoryRow {
  id: string;
  action: DecisionAction;
  evidence_codes: SignalCode[];
  decided_at: Date;
  decided_by: string;
  reason: string;
}

/**
 * People's decisions on a flagged reviewer. One transaction per decision: the profile is locked, the move
 * checked, the history replayed with the new entry to find the decision in force and the dismissed evidence,
 * the reviewer rescored with it, and the entry recorded with the status it led to.
 */
@Injectable()
export class ReviewerDecisionsService {
  private readonly logger = new Logger(ReviewerDecisionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly risk: ReviewerRiskService,
  ) {}

  async decide(shopId: string, profileId: string, action: DecisionAction, reason: string, actor: Actor): Promise<DecisionResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      const profile = await lockProfile(manager, shopId, profileId);
      if (!profile) throw new ReviewerNotFound(profileId);
      const refusal = refuseDecision(action, profile.status, profile.decision, actor);
      if (refusal) throw new ReviewerDecisionRefused(refusal.code, refusal.status, refusal.message);

      const history = await sqlRows<HistoryRow>(
        manager,
        `SELECT id, action, evidence_codes, decided_at, decided_by, reason FROM reviewer_decisions WHERE shop_id = $1 AND profile_id = $2`,
        [shopId, profileId],
      );
      const entries: DecisionEntry[] = history.map((row) => ({
        id: row.id,
        action: row.action,
        evidenceCodes: row.evidence_codes,
        decidedAt: row.decided_at,
        decidedBy: row.decided_by,
        reason: row.reason,
      }));
      const before = decisionsInForce(entries);
      const now = new Date();
      const by = actorLabel(actor);
      // the kinds of evidence the person saw: a dismissal covers exactly these, as they stood until now
      const entry: DecisionEntry = { id: 'new', action, evidenceCodes: evidenceCodes(profile.signals), decidedAt: now, decidedBy: by, reason };
      const inForce = decisionsInForce([...entries, entry]);
      const current = inForce[inForce.length - 1] ?? null;
      await manager.query(
        `UPDATE reviewer_profiles SET decision = $3, dismissed_evidence = $4::jsonb, decided_by = $5, decided_at = $6, decision_reason = $7, updated_at = now()
         WHERE shop_id = $1 AND id = $2`,
        [
          shopId,
          profileId,
          effectiveDecision(inForce),
          JSON.stringify(dismissedEvidence(inForce)),
          current?.decidedBy ?? null,
          current?.decidedAt ?? null,
          current?.reason ?? null,
        ],
      );
      const [scored] = await this.risk.rescoreProfiles(manager, shopId, [profileId]);
      const reverts = action === 'reopen' ? (before[before.length - 1]?.id ?? null) : null;
      const [row] = await sqlRows<{ id: string }>(
        manager,
        `INSERT INTO reviewer_decisions
           (shop_id, profile_id, action, reason, evidence_codes, risk_score, risk_level, from_status, to_status, reverts_id, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11, $12)
         RETURNING id`,
        [shopId, profileId, action, reason, entry.evidenceCodes, profile.riskScore, profile.riskLevel, profile.status, scored.status, reverts, by, now],
      );
      return { decisionId: row.id, from: profile.status, scored };
    });
    this.logger.log({ msg: 'reviewer decision', shopId, profileId, action, from: result.from, to: result.scored.status, decisionId: result.decisionId });
    return { decisionId: result.decisionId, ...result.scored };
  }
}
