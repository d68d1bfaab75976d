import { DomainError, NotFound } from '../common/errors/domain-error';

export class CaseNotFound extends NotFound {
  constructor(id: string) {
    super('case', id);
  }
}

export class CaseAlreadyAssigned extends DomainError {
  constructor(id: string) {
    super('CASE_ALREADY_ASSIGNED', 409, `case ${id} is assigned to someone else: a lead can reassign it`);
  }
}

export class CaseNotYours extends DomainError {
  constructor(id: string) {
    super('CASE_NOT_YOURS', 403, `case ${id} is assigned to someone else`);
  }
}

export class StaffKeyRequired extends DomainError {
  constructor(what: string) {
    super('STAFF_KEY_REQUIRED', 403, `${what} needs a staff member's key; the shop's integration key can assign instead`);
  }
}

export class ContactPolicyViolated extends DomainError {
  constructor(message: string, problems: { field: string; code: string; message: string }[]) {
    super('CONTACT_POLICY_VIOLATED', 409, message, problems);
  }
}
