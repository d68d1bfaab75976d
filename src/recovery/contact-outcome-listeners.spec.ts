import { ContactOutcomeListeners, riskKindOf } from './contact-outcome-listeners';
import type { EntityManager } from 'typeorm';
import type { ContactOutcome } from './recovery.types';

describe('contact outcome to reviewer-risk kind', () => {
  it.each<[ContactOutcome, { demandedAmount?: number | null; orderAmount?: number | null }, string | null]>([
    ['no_answer', {}, 'no_answer'],
    ['refused_photos', {}, 'refused_photos'],
    ['reached', {}, 'cooperative'],
    ['promised_revision', {}, 'cooperative'],
    ['sent_photos', {}, 'cooperative'],
    ['refused', {}, null],
    ['asked_off_platform', {}, null],
    ['demanded_compensation', { demandedAmount: 500, orderAmount: 59.9 }, 'demanded_excess_compensation'],
    ['demanded_compensation', { demandedAmount: 59.91, orderAmount: 59.9 }, 'demanded_excess_compensation'],
    ['demanded_compensation', { demandedAmount: 59.9, orderAmount: 59.9 }, null],
    ['demanded_compensation', { demandedAmount: 5, orderAmount: 59.9 }, null],
    ['demanded_compensation', { demandedAmount: 500, orderAmount: null }, null],
    ['demanded_compensation', { demandedAmount: null, orderAmount: 59.9 }, null],
  ])('%s %o -> %s', (outcome, amounts, kind) => {
    expect(riskKindOf(outcome, amounts)).toBe(kind);
  });
});

describe('ContactOutcomeListeners', () => {
  it('runs listeners in registration order with the transaction manager, and refuses a name twice', async () => {
    const listeners = new ContactOutcomeListeners();
    const seen: string[] = [];
    const manager = {} as EntityManager;
    listeners.register({ name: 'a', onContact: async (m) => void seen.push(m === manager ? 'a' : 'wrong') });
    listeners.register({ name: 'b', onContact: async (_m, e) => void seen.push(`b:${e.outcome}`) });
    expect(() => listeners.register({ name: 'a', onContact: async () => undefined })).toThrow(/twice/);
    await listeners.run(manager, {
      shopId: 's', caseId: 'c', contactId: 'x', reviewId: 'r', channel: 'phone', outcome: 'no_answer', riskKind: 'no_answer',
      compensationDemanded: null, compensationOffered: null, orderAmount: null, at: new Date(),
    });
    expect(seen).toEqual(['a', 'b:no_answer']);
  });
});
