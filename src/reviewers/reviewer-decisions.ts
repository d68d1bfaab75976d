import type { Actor } from '../shops/actor';
import type { DecisionAction } from './reviewer-decision.entity';
import type { EffectiveDecision, StoredDismissal, WatchStatus } from './reviewer-profile.entity';
import type { FlagLevel } from './reviewer-risk-settings.entity';
import { isMitigating, RiskLevel, RiskSignal, SignalCode } from './reviewer-risk.types';

/**
 * The rules of people's decisions on a reviewer, as plain functions: which moves are allowed, what a reopen
 * undoes, which evidence stays dismissed and what status a score and a decision give.
 */

const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

export function reachesFlagLevel(level: RiskLevel, flagLevel: FlagLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[flagLevel];
}

/**
 * A confirmed reviewer stays on the watchlist whatever the score; otherwise a score at the flag level flags
 * (after a dismissal only new evidence can get there, the dismissed kinds count for nothing or less);
 * otherwise a dismissal in force shows.
 */
export function watchStatus(decision: EffectiveDecision | null, level: RiskLevel, flagLevel: FlagLevel): WatchStatus {
  if (decision === 'confirmed') return 'confirmed';
  if (reachesFlagLevel(level, flagLevel)) return 'flagged';
  return decision === 'dismissed' ? 'dismissed' : 'none';
}

export interface DecisionRefusal {
  status: 403 | 409;
  code: string;
  message: string;
}

/**
 * Whether `action` is allowed now. Confirm: anything not confirmed yet (a person may know more than the score).
 * Dismiss: a reviewer that is not confirmed (reopen first) and not already dismissed. Reopen: only when a confirm
 * or dismiss is in force, and not by an agent: undoing a decision is for a lead or the shop's integration.
 */
export function refuseDecision(
  action: DecisionAction,
  status: WatchStatus,
  decision: EffectiveDecision | null,
  actor: Pick<Actor, 'role'>,
): DecisionRefusal | null {
  switch (action) {
    case 'confirm':
      return status === 'confirmed'
        ? { status: 409, code: 'REVIEWER_ALREADY_CONFIRMED', message: 'The reviewer is already confirmed (on the watchlist)' }
        : null;
    case 'dismiss':
      if (status === 'confirmed') {
        return { status: 409, code: 'REVIEWER_CONFIRMED', message: 'The reviewer is confirmed: reopen the decision before dismissing' };
      }
      return status === 'dismissed' ? { status: 409, code: 'REVIEWER_ALREADY_DISMISSED', message: 'The reviewer is already dismissed' } : null;
    case 'reopen':
      if (actor.role === 'agent') {
        return { status: 403, code: 'REVIEWER_REOPEN_FORBIDDEN', message: 'Only a lead or the shop integration can undo a decision' };
      }
      return decision === null ? { status: 409, code: 'REVIEWER_NOT_DECIDED', message: 'There is no confirm or dismiss in force to undo' } : null;
  }
}

export interface DecisionEntry {
  id: string;
  action: DecisionAction;
  evidenceCodes: readonly SignalCode[];
  decidedAt: Date;
  decidedBy: string;
  reason: string;
}

/**
 * The confirms and dismissals still in force after replaying the history in order: a reopen undoes the latest
 * one still in force. Oldest first; the last one is the decision the profile shows.
 */
export function decisionsInForce<T extends DecisionEntry>(history: readonly T[]): T[] {
  const inForce: T[] = [];
  for (const entry of [...history].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime())) {
    if (entry.action === 'reopen') inForce.pop();
    else inForce.push(entry);
  }
  return inForce;
}

export function effectiveDecision(inForce: readonly DecisionEntry[]): EffectiveDecision | null {
  const last = inForce[inForce.length - 1];
  if (!last) return null;
  return last.action === 'confirm' ? 'confirmed' : 'dismissed';
}

/** Every kind of evidence covered by a dismissal in force, with the latest dismissal of each kind. */
export function dismissedEvidence(inForce: readonly DecisionEntry[]): StoredDismissal[] {
  const latest = new Map<SignalCode, number>();
  for (const entry of inForce) {
    if (entry.action !== 'dismiss') continue;
    for (const code of entry.evidenceCodes) latest.set(code, Math.max(entry.decidedAt.getTime(), latest.get(code) ?? -Infinity));
  }
  return [...latest].map(([code, at]) => ({ code, dismissedAt: new Date(at).toISOString() }));
}

/** The kinds of risk evidence a person sees in the signals (mitigating signals are not evidence against anyone). */
export function evidenceCodes(signals: readonly Pick<RiskSignal, 'code' | 'value'>[]): SignalCode[] {
  return [...new Set(signals.filter((signal) => !isMitigating(signal.code) && signal.value > 0).map((signal) => signal.code))];
}
