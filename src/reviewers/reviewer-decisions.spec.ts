import type { DecisionAction } from './reviewer-decision.entity';
import {
  decisionsInForce,
  DecisionEntry,
  dismissedEvidence,
  effectiveDecision,
  evidenceCodes,
  reachesFlagLevel,
  refuseDecision,
  watchStatus,
} from './reviewer-decisions';
import type { EffectiveDecision, WatchStatus } from './reviewer-profile.entity';
import type { SignalCode } from './reviewer-risk.types';

const lead = { role: 'lead' as const };
const agent = { role: 'agent' as const };
const integration = { role: 'integration' as const };

let sequence = 0;
function entry(action: DecisionAction, day: number, evidence: SignalCode[] = []): DecisionEntry {
  sequence++;
  return { id: `d${sequence}`, action, evidenceCodes: evidence, decidedAt: new Date(Date.UTC(2026, 10, day)), decidedBy: 'api:k', reason: 'why' };
}

describe('reviewer decisions', () => {
  it.each([
    ['low', 'high', false],
    ['medium', 'high', false],
    ['high', 'high', true],
    ['low', 'medium', false],
    ['medium', 'medium', true],
    ['high', 'medium', true],
  ] as const)('a %s score reaches the flag level %s: %s', (level, flagLevel, expected) => {
    expect(reachesFlagLevel(level, flagLevel)).toBe(expected);
  });

  it.each([
    [null, 'low', 'none'],
    [null, 'high', 'flagged'],
    ['confirmed', 'low', 'confirmed'],
    ['confirmed', 'high', 'confirmed'],
    ['dismissed', 'low', 'dismissed'],
    ['dismissed', 'medium', 'dismissed'],
    // after a dismissal the dismissed evidence counts for nothing: only new evidence can get back to high
    ['dismissed', 'high', 'flagged'],
  ] as const)('decision %s with a %s score shows as %s (flag level high)', (decision, level, status) => {
    expect(watchStatus(decision, level, 'high')).toBe(status);
  });

  it.each([
    ['confirm', 'none', null, null],
    ['confirm', 'flagged', null, null],
    ['confirm', 'dismissed', 'dismissed', null],
    ['confirm', 'confirmed', 'confirmed', 'REVIEWER_ALREADY_CONFIRMED'],
    ['dismiss', 'flagged', null, null],
    ['dismiss', 'none', null, null],
    ['dismiss', 'flagged', 'dismissed', null],
    ['dismiss', 'dismissed', 'dismissed', 'REVIEWER_ALREADY_DISMISSED'],
    ['dismiss', 'confirmed', 'confirmed', 'REVIEWER_CONFIRMED'],
    ['reopen', 'confirmed', 'confirmed', null],
    ['reopen', 'dismissed', 'dismissed', null],
    ['reopen', 'flagged', 'dismissed', null],
    ['reopen', 'flagged', null, 'REVIEWER_NOT_DECIDED'],
    ['reopen', 'none', null, 'REVIEWER_NOT_DECIDED'],
  ] as [DecisionAction, WatchStatus, EffectiveDecision | null, string | null][])('%s when %s (decision %s): %s', (action, status, decision, code) => {
    const refusal = refuseDecision(action, status, decision, lead);
    expect(refusal?.code ?? null).toBe(code);
    if (refusal) expect(refusal.status).toBe(409);
  });

  it('lets a lead or the integration undo a decision, not an agent', () => {
    expect(refuseDecision('reopen', 'confirmed', 'confirmed', integration)).toBeNull();
    expect(refuseDecision('reopen', 'confirmed', 'confirmed', agent)).toMatchObject({ status: 403, code: 'REVIEWER_REOPEN_FORBIDDEN' });
    expect(refuseDecision('confirm', 'flagged', null, agent)).toBeNull();
    expect(refuseDecision('dismiss', 'flagged', null, agent)).toBeNull();
  });

  it('replays the history: a reopen undoes the latest decision still in force', () => {
    const dismiss = entry('dismiss', 1, ['bad_review_burst']);
    const confirm = entry('confirm', 3, ['off_platform_contact']);
    expect(decisionsInForce([dismiss])).toEqual([dismiss]);
    expect(effectiveDecision(decisionsInForce([dismiss, confirm]))).toBe('confirmed');
    // undoing the confirm leaves the earlier dismissal in force
    const afterReopen = decisionsInForce([confirm, dismiss, entry('reopen', 4)]);
    expect(afterReopen).toEqual([dismiss]);
    expect(effectiveDecision(afterReopen)).toBe('dismissed');
    // a second reopen undoes that too
    expect(decisionsInForce([dismiss, confirm, entry('reopen', 4), entry('reopen', 5)])).toEqual([]);
    expect(effectiveDecision([])).toBeNull();
    // a reopen with nothing in force changes nothing
    expect(decisionsInForce([entry('reopen', 1), dismiss])).toEqual([dismiss]);
  });

  it('remembers every dismissed kind of evidence with its latest dismissal, and forgets undone ones', () => {
    const first = entry('dismiss', 1, ['bad_review_burst', 'template_text']);
    const second = entry('dismiss', 6, ['template_text', 'off_platform_contact']);
    expect(dismissedEvidence(decisionsInForce([first, second]))).toEqual(
      expect.arrayContaining([
        { code: 'bad_review_burst', dismissedAt: '2026-11-01T00:00:00.000Z' },
        { code: 'template_text', dismissedAt: '2026-11-06T00:00:00.000Z' },
        { code: 'off_platform_contact', dismissedAt: '2026-11-06T00:00:00.000Z' },
      ]),
    );
    expect(dismissedEvidence(decisionsInForce([first, second, entry('reopen', 7)]))).toEqual([
      { code: 'bad_review_burst', dismissedAt: '2026-11-01T00:00:00.000Z' },
      { code: 'template_text', dismissedAt: '2026-11-01T00:00:00.000Z' },
    ]);
    // confirmations dismiss nothing
    expect(dismissedEvidence([entry('confirm', 2, ['bad_review_burst'])])).toEqual([]);
  });

  it('takes the risk signals as evidence, not the mitigating ones', () => {
    expect(
      evidenceCodes([
        { code: 'off_platform_contact', value: 1 },
        { code: 'photo_evidence', value: 0.5 },
        { code: 'template_text', value: 0.4 },
        { code: 'established_buyer', value: 1 },
      ]),
    ).toEqual(['off_platform_contact', 'template_text']);
  });
});
