import { DomainError, NotFound } from '../common/errors/domain-error';

/** 404 REVIEWER_NOT_FOUND: also what another shop's reviewer ids answer. */
export class ReviewerNotFound extends NotFound {
  constructor(id: string) {
    super('reviewer', id);
  }
}

/** A confirm, dismiss or reopen that the reviewer's state does not allow (409), or an actor who may not (403). */
export class ReviewerDecisionRefused extends DomainError {}
