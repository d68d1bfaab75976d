import { SUB_TAGS_BY_TAG as SERVER_SUB_TAGS, TAGS as SERVER_TAGS } from '../reviews/taxonomy';
import { LEAD_ONLY_TARGETS as SERVER_LEAD_ONLY, MANUAL_TRANSITIONS as SERVER_TRANSITIONS, REASON_REQUIRED as SERVER_REASON_REQUIRED } from '../recovery/case-status';
import { POLICY_VIOLATIONS } from '../recovery/contact-policy';
import { CASE_STATUSES as SERVER_STATUSES, COMPENSATION_TYPES as SERVER_COMPENSATION, CONTACT_CHANNELS as SERVER_CHANNELS, CONTACT_OUTCOMES as SERVER_OUTCOMES, TERMINAL_STATUSES } from '../recovery/recovery.types';
import { REPLY_STATUSES } from '../replies/reply.types';
import { CONTACT_OUTCOME_KINDS, RISK_LEVELS } from '../reviewers/reviewer-risk.types';
import { WATCH_STATUSES } from '../reviewers/reviewer-profile.entity';
import { PLATFORMS } from '../reviews/review.types';
import * as web from './web/vocabulary';

/** The console names the server's codes; a code added on the server must get a name in both languages. */
describe('console vocabulary', () => {
  const named = (table: Record<string, { zh: string; en: string }>, codes: readonly string[]) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(table[code].zh.trim()).not.toBe('');
      expect(table[code].en.trim()).not.toBe('');
    }
  };

  it('has the tags and sub-tags of the classifier, each named', () => {
    expect([...web.TAGS]).toEqual([...SERVER_TAGS]);
    expect(web.SUB_TAGS_BY_TAG).toEqual(SERVER_SUB_TAGS);
    named(web.TAG_LABELS, SERVER_TAGS);
    named(web.SUB_TAG_LABELS, Object.values(SERVER_SUB_TAGS).flat());
  });

  it('has the case statuses and the transitions a person may make', () => {
    expect([...web.CASE_STATUSES]).toEqual([...SERVER_STATUSES]);
    named(web.STATUS_LABELS, SERVER_STATUSES);
    expect(web.MANUAL_TRANSITIONS).toEqual(SERVER_TRANSITIONS);
    expect([...web.REASON_REQUIRED].sort()).toEqual([...SERVER_REASON_REQUIRED].sort());
    expect([...web.LEAD_ONLY_TARGETS]).toEqual([...SERVER_LEAD_ONLY]);
    expect([...web.TERMINAL].sort()).toEqual([...TERMINAL_STATUSES].sort());
  });

  it('names every contact channel, outcome, compensation and policy rule', () => {
    named(web.CHANNEL_LABELS, SERVER_CHANNELS);
    named(web.OUTCOME_LABELS, SERVER_OUTCOMES);
    named(web.COMPENSATION_LABELS, SERVER_COMPENSATION);
    named(web.POLICY_VIOLATION_LABELS, POLICY_VIOLATIONS);
    expect([...web.CONTACT_CHANNELS]).toEqual([...SERVER_CHANNELS]);
    expect([...web.CONTACT_OUTCOMES]).toEqual([...SERVER_OUTCOMES]);
    expect([...web.COMPENSATION_TYPES]).toEqual([...SERVER_COMPENSATION]);
  });

  it('names risk levels, watch statuses, reply statuses and platforms', () => {
    named(web.RISK_LEVEL_LABELS, RISK_LEVELS);
    named(web.CONTACT_OUTCOME_KIND_LABELS, CONTACT_OUTCOME_KINDS);
    named(web.WATCH_STATUS_LABELS, WATCH_STATUSES);
    named(web.REPLY_STATUS_LABELS, REPLY_STATUSES);
    named(web.PLATFORM_LABELS, PLATFORMS);
  });

  it('shows an unknown code as itself', () => {
    expect(web.label(web.TAG_LABELS, 'quality', 'zh')).toBe('质量');
    expect(web.label(web.TAG_LABELS, 'weather', 'en')).toBe('weather');
  });
});
