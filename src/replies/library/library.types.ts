import type { Tag } from '../../reviews/taxonomy';
import type { Platform } from '../../reviews/review.types';

/**
 * The built-in reply library of one language. Every string is a template: `{buyer}`, `{product}`, `{shop}`,
 * `{carrier}`, `{remedy}` as for shop templates, plus `{problems}` (the causes of a multi-cause review as one
 * clause) and `{causes}` (their names, for staff). `[...]` is an optional segment, left out when a placeholder
 * inside it has no value.
 */
export interface CauseTexts {
  /** a clause naming the problem, used when one reply covers several causes ("发货拖了好几天") */
  issue: string[];
  /** this buyer's feeling about this problem */
  feel: string[];
  /** what was found and done about it (the remedy sentence comes separately) */
  found: string[];
  /** the short explanation staff give on the phone */
  explain: string[];
  /** replaces the tag's felt sentences: a supervisor's voice for attitude, a light touch for slow delivery */
  felt?: string[];
}

export interface OutreachTexts {
  /** staff: what to read before calling; {causes} */
  prepareGoal: string;
  apologyGoal: string;
  apology: string[];
  listenGoal: string;
  listen: string[];
  explainGoal: string;
  remedyGoal: string;
  /** appended to the remedy goal when the remedy needs a lead's approval */
  leadApproval: string;
  /** the remedy, said, with the plain statement that it does not depend on the review; {remedy} is the private wording with amounts */
  remedy: string[];
  /** the remedy, said, where the platform forbids any talk of the review (Amazon): no mention of it at all */
  remedyOnly: string[];
  requestGoal: string;
  request: string[];
  howToGoal: string;
  howTo: Record<Platform, string>;
  recordGoal: string;
  highRisk: {
    prepareGoal: string;
    apologyGoal: string;
    apology: string[];
    evidenceGoal: string;
    evidence: string[];
    explainGoal: string;
    explain: string[];
    noCompensationGoal: string;
    recordGoal: string;
  };
}

export interface LanguageLibrary {
  /** what a placeholder says when the review does not know it */
  fallbacks: { buyer: string; product: string; shop: string; carrier: string };
  /** keys: `tag/subTag`, a bare tag for a review tagged without a sub-tag, and `other` */
  causes: Record<string, CauseTexts>;
  felt: Record<Tag, string[]>;
  multi: { feel: string[]; felt: string[] };
  /** found sentences for a quality problem many buyers of the same product report */
  widespread: string[];
  /** a calm, factual reply for a reviewer flagged high-risk: no compensation in public */
  highRisk: { feel: string[]; felt: string[]; found: string[] };
  /** the public sentence carrying the remedy: {remedy} */
  remedy: string[];
  /** put before the second and third found sentences of a multi-cause reply */
  connectors: string[];
  thankYou: string[];
  /**
   * Short, general sentences a tight length limit may fall back to, after the specific variants have been
   * shortened and the optional sentences left out. `{problems}` names the causes.
   */
  short: {
    feel: string[];
    felt: string[];
    found: string[];
    highRisk: { feel: string[]; felt: string[]; found: string[] };
  };
  /** the shortest complete reply, for a length limit nothing else fits */
  minimal: { feel: string; felt: string; found: string };
  outreach: OutreachTexts;
}
