import { DomainError } from '../common/errors/domain-error';
import type { Actor } from '../shops/actor';
import { hasLeadAuthority, RoleForbidden } from '../shops/roles';
import { CaseStatus, isTerminal, LEAD_ONLY_TARGETS, MANUAL_TRANSITIONS, REASON_REQUIRED } from './recovery.types';

export class InvalidCaseTransition extends DomainError {
  constructor(from: CaseStatus, to: CaseStatus, why: string) {
    super('INVALID_CASE_TRANSITION', 409, `A case cannot go from ${from} to ${to}: ${why}`);
  }
}

export class CaseClosed extends DomainError {
  constructor(status: CaseStatus) {
    super('CASE_CLOSED', 409, `The case is ${status}: nothing more can be done on it`);
  }
}

export type TransitionCheck = { ok: true } | { ok: false; error: DomainError; field?: string };

/**
 * Whether `actor` may move a case from `from` to `to` with `reason`; the error says why not. The rules are data in
 * recovery.types.ts, which the console shares.
 */
export function checkTransition(from: CaseStatus, to: CaseStatus, actor: Actor, reason: string | null | undefined): TransitionCheck {
  if (from === to) return { ok: false, error: new InvalidCaseTransition(from, to, 'the case is already there') };
  if (isTerminal(from)) return { ok: false, error: new InvalidCaseTransition(from, to, `${from} is final`) };
  if (to === 'awaiting_revision') {
    return { ok: false, error: new InvalidCaseTransition(from, to, 'log a contact with outcome promised_revision and the promised date') };
  }
  if (to === 'new') return { ok: false, error: new InvalidCaseTransition(from, to, 'a case never goes back to new') };
  if (!MANUAL_TRANSITIONS[from].includes(to)) {
    return { ok: false, error: new InvalidCaseTransition(from, to, `from ${from} a case can go to ${MANUAL_TRANSITIONS[from].join(', ')}`) };
  }
  if (LEAD_ONLY_TARGETS.has(to) && !hasLeadAuthority(actor)) return { ok: false, error: new RoleForbidden(`move a case to ${to}`) };
  if (REASON_REQUIRED.has(to) && !reason?.trim()) return { ok: false, error: new InvalidCaseTransition(from, to, 'a reason is required'), field: 'reason' };
  return { ok: true };
}
