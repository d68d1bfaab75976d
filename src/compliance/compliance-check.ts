import { DomainError } from '../common/errors/domain-error';
import { checkCompliance, ComplianceContext, ComplianceFinding } from './compliance-engine';
import { complianceRules } from './compliance-rules';

/** A finding and the field of the object it was found in. */
export interface LocatedFinding extends ComplianceFinding {
  field: string;
}

export interface CheckedText {
  field: string;
  text: string | null | undefined;
  context: ComplianceContext;
}

/** The findings of several texts of one object (a reply's text, its outreach lines, its remedy wording). */
export function findingsOf(texts: readonly CheckedText[]): LocatedFinding[] {
  const findings: LocatedFinding[] = [];
  for (const { field, text, context } of texts) {
    if (text) for (const finding of checkCompliance(text, context)) findings.push({ field, ...finding });
  }
  return findings;
}

export function blockingOf(findings: readonly LocatedFinding[]): LocatedFinding[] {
  return findings.filter((f) => f.severity === 'block');
}

/** 409: something with a blocking finding was to be approved, published or activated; a lead may override with a reason. */
export class ComplianceBlocked extends DomainError {
  constructor(what: string, findings: readonly LocatedFinding[]) {
    super(
      'COMPLIANCE_BLOCKED',
      409,
      `cannot ${what}: ${findings.length} blocking compliance finding(s) (${[...new Set(findings.map((f) => f.ruleId))].join(', ')}); fix the text, or a lead overrides with a reason`,
      findings.map((f) => ({
        field: f.field,
        code: f.ruleId,
        message: `${f.title}: "${f.excerpt}" (${f.start}-${f.end}). ${f.explanation} Rewrite: ${f.rewrite}`,
      })),
    );
  }
}

/** 422: a compensation logged as depending on the review. */
export class CompensationConditional extends DomainError {
  constructor(findings: { field: string; code: string; message: string }[]) {
    super(
      'COMPENSATION_CONDITIONAL',
      422,
      'a compensation may not depend on the buyer changing or removing the review (16 CFR 465.4, Amazon policy, AUCL art. 8): record the remedy as unconditional',
      findings,
    );
  }
}

/** The platforms on which a seller may not ask for a review update at all (from the rule data). */
export function reviewRequestForbiddenOn(platform: string | null | undefined): boolean {
  if (!platform) return false;
  const rule = complianceRules().rules.find((r) => r.id === 'review-request-forbidden');
  return Boolean(rule?.detectors.some((d) => d.when?.platformIn?.includes(platform)));
}

const BLOCKED = new Map<string, boolean>();
const BLOCKED_MAX = 10_000;

/** Whether a text has a blocking finding in a context of that kind; shop templates repeat from draft to draft, so each is checked once. */
export function isBlockedText(text: string, kind: ComplianceContext['kind']): boolean {
  const key = `${kind}\u0000${text}`;
  let blocked = BLOCKED.get(key);
  if (blocked === undefined) {
    blocked = checkCompliance(text, { kind }).some((f) => f.severity === 'block');
    if (BLOCKED.size >= BLOCKED_MAX) BLOCKED.clear();
    BLOCKED.set(key, blocked);
  }
  return blocked;
}
