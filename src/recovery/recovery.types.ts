export const CASE_STATUSES = ['new', 'contacting', 'awaiting_revision', 'revised', 'closed_unrevised', 'escalated', 'dismissed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** statuses of a case still being worked (a review has at most one case in these) */
export const OPEN_STATUSES = ['new', 'contacting', 'awaiting_revision', 'escalated'] as const satisfies readonly CaseStatus[];
export const TERMINAL_STATUSES = ['revised', 'closed_unrevised', 'dismissed'] as const satisfies readonly CaseStatus[];

export function isTerminal(status: CaseStatus): boolean {
  return (TERMINAL_STATUSES as readonly CaseStatus[]).includes(status);
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

export const CONTACT_CHANNELS = ['phone', 'im', 'sms', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = [
  'no_answer',
  'reached',
  'refused',
  'promised_revision',
  'demanded_compensation',
  'asked_off_platform',
  'sent_photos',
  'refused_photos',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const COMPENSATION_TYPES = ['refund', 'partial_refund', 'price_difference', 'replacement', 'return_shipping', 'coupon', 'gift', 'cash'] as const;
export type CompensationType = (typeof COMPENSATION_TYPES)[number];

/** the queue's urgency inside one deadline day and grade: lower comes first; null: not in the daily queue */
export const URGENCY = { followUpDue: 0, firstContactOverdue: 1, normal: 2 } as const;

export const GRADE_RANK = { bad: 0, medium: 1 } as const;
