import type { Actor } from '../shops/actor';
import { checkTransition } from './case-status';
import { CASE_STATUSES, CaseStatus, MANUAL_TRANSITIONS } from './recovery.types';

const lead: Actor = { staffId: 's-lead', name: 'Lead', role: 'lead' };
const agent: Actor = { staffId: 's-agent', name: 'Agent', role: 'agent' };
const integration: Actor = { staffId: null, name: 'api:k', role: 'integration' };

describe('case status machine', () => {
  it.each<[CaseStatus, CaseStatus, Actor, string | null, string | null]>([
    // from, to, actor, reason, expected error code (null: allowed)
    ['new', 'contacting', agent, null, null],
    ['new', 'revised', agent, null, null],
    ['new', 'escalated', agent, 'confirmed bad-reviewer, appeal filed', null],
    ['new', 'escalated', agent, null, 'INVALID_CASE_TRANSITION'],
    ['new', 'escalated', agent, '   ', 'INVALID_CASE_TRANSITION'],
    ['new', 'dismissed', lead, 'test order', null],
    ['new', 'dismissed', integration, 'duplicate', null],
    ['new', 'dismissed', agent, 'test order', 'ROLE_FORBIDDEN'],
    ['new', 'closed_unrevised', lead, 'gave up', 'INVALID_CASE_TRANSITION'],
    ['new', 'awaiting_revision', agent, null, 'INVALID_CASE_TRANSITION'],
    ['new', 'new', agent, null, 'INVALID_CASE_TRANSITION'],
    ['contacting', 'closed_unrevised', agent, 'buyer refused, public reply left', null],
    ['contacting', 'awaiting_revision', lead, null, 'INVALID_CASE_TRANSITION'],
    ['contacting', 'new', lead, null, 'INVALID_CASE_TRANSITION'],
    ['awaiting_revision', 'revised', agent, null, null],
    ['awaiting_revision', 'contacting', agent, null, null],
    ['awaiting_revision', 'closed_unrevised', agent, 'window about to close', null],
    ['escalated', 'contacting', lead, null, null],
    ['escalated', 'revised', agent, null, null],
    ['revised', 'contacting', lead, null, 'INVALID_CASE_TRANSITION'],
    ['closed_unrevised', 'revised', lead, null, 'INVALID_CASE_TRANSITION'],
    ['dismissed', 'new', lead, 'oops', 'INVALID_CASE_TRANSITION'],
    ['dismissed', 'contacting', integration, 'reopen', 'INVALID_CASE_TRANSITION'],
  ])('%s -> %s by %o (reason %p): %s', (from, to, actor, reason, expected) => {
    const check = checkTransition(from, to, actor, reason);
    if (expected === null) expect(check).toEqual({ ok: true });
    else {
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.error.code).toBe(expected);
    }
  });

  it('names the missing reason as the field at fault', () => {
    const check = checkTransition('contacting', 'closed_unrevised', lead, '');
    expect(check).toMatchObject({ ok: false, field: 'reason' });
  });

  it('terminal statuses have no way out and every open status has one', () => {
    for (const status of CASE_STATUSES) {
      const terminal = ['revised', 'closed_unrevised', 'dismissed'].includes(status);
      expect(MANUAL_TRANSITIONS[status].length === 0).toBe(terminal);
    }
  });
});
