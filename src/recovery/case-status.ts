import { DomainError } from '../common/errors/domain-error';
import type { Actor } from '../shops/actor';
import { hasLeadAuthority, RoleForbidden } from '../shops/roles';
import { CaseStatus, TERMINAL_STATUSES } from './recovery.types';

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

/**
 * The transitions a person may make. awaiting_revision is reached only by logging a contact in which
 * the buyer promised a revision (it needs the promised date); a missed promise goes back to contacting
 * by itself; a revised review closes its case by itself. Terminal: revised, closed_unrevised, dismissed.
 */
export const MANUAL_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['contacting', 'revised', 'escalated', 'dismissed'],
  contacting: ['revised', 'closed_unrevised', 'escalated', 'dismissed'],
  awaiting_revision: ['contacting', 'revised', 'closed_unrevised', 'escalated', 'dismissed'],
  escalated: ['contacting', 'revised', 'closed_unrevised', 'dismissed'],
  revised: [],
  closed_unrevised: [],
  dismissed: [],
};

/** targets that need a written reason in the audit log */
export const REASON_REQUIRED: ReadonlySet<CaseStatus> = new Set(['closed_unrevised', 'escalated', 'dismissed']);
/** dismissing (duplicate, test order) takes a review out of the work: a lead decides */
export const LEAD_ONLY_TARGETS: ReadonlySet<CaseStatus> = new Set(['dismissed']);

export function isTerminal(status: CaseStatus): boolean {
  return (TERMINAL_STATUSES as readonly CaseStatus[]).includes(status);
}

export type TransitionCheck = { ok: true } | { ok: false; error: DomainError; field?: string };

/** Whether `actor` may move a case from `from` to `to` with `reason`; the error says why not. */
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
