import { riskKindOf } from './contact-risk';
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
