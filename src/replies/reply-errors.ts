import { DomainError, FieldProblem, NotFound } from '../common/errors/domain-error';
import type { ReplyStatus } from './reply.types';

export class ReplyNotFound extends NotFound {
  constructor(id: string) {
    super('reply', id);
  }
}

export class ReplyTemplateNotFound extends NotFound {
  constructor(id: string) {
    super('reply_template', id);
  }
}

/** draft -> edited -> approved -> published; anything else is 409. */
export class InvalidReplyTransition extends DomainError {
  constructor(action: 'edit' | 'approve' | 'publish' | 'redeliver', status: ReplyStatus) {
    super('INVALID_REPLY_TRANSITION', 409, `cannot ${action} a reply that is ${status}`, [
      { field: 'status', code: status, message: `the reply is ${status}` },
    ]);
  }
}

/** A public text that breaks a rule: blames the buyer, carries personal data, a placeholder, compensation for a high-risk reviewer, too long. */
export class ReplyRuleViolation extends DomainError {
  constructor(problems: FieldProblem[]) {
    super('REPLY_RULE_VIOLATION', 400, problems.map((p) => p.message).join('; '), problems);
  }
}

export class WebhookNotConfigured extends DomainError {
  constructor() {
    super('WEBHOOK_NOT_CONFIGURED', 409, 'the shop has no webhook URL: set one with PUT /v1/reply-settings');
  }
}

export class ReplyTemplateLimitReached extends DomainError {
  constructor(limit: number) {
    super('REPLY_TEMPLATE_LIMIT_REACHED', 409, `a shop can have at most ${limit} reply templates; delete or reuse some`);
  }
}

/** The platform no longer takes a public reply to this review (its reply window passed, or a 追评 closed it). */
export class ReplyWindowClosed extends DomainError {
  constructor(platform: string, reason: 'window_passed' | 'follow_up_added', until: Date | null, rulesVersion: string) {
    const why = reason === 'follow_up_added' ? `${platform} takes no reply once the buyer added a follow-up (追评)` : `${platform}'s reply window closed`;
    super('REPLY_WINDOW_CLOSED', 409, `${why}${until ? ` at ${until.toISOString()}` : ''} (platform rules ${rulesVersion})`, [
      { field: 'review', code: reason, message: until ? `the reply window closed at ${until.toISOString()}` : why },
    ]);
  }
}

/** The reply is longer than the platform takes (Taobao/Tmall: 500 characters). */
export class ReplyTooLong extends DomainError {
  constructor(platform: string, length: number, max: number, rulesVersion: string) {
    super('REPLY_TOO_LONG', 409, `${platform} takes replies of at most ${max} characters; this one has ${length} (platform rules ${rulesVersion})`, [
      { field: 'text', code: 'tooLong', message: `at most ${max} characters on ${platform}` },
    ]);
  }
}
