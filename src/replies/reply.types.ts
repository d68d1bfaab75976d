import type { Tag } from '../reviews/taxonomy';

/** Languages a reply is written in; a review in another language is answered in English. */
export const REPLY_LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/**
 * The pieces a template can provide. feel/felt/found are the public 3F reply, remedy is the public
 * sentence that carries the remedy, thank_you answers good reviews, outreach_* are lines of the private
 * phone/IM script.
 */
export const REPLY_PARTS = ['feel', 'felt', 'found', 'remedy', 'thank_you', 'outreach_apology', 'outreach_explanation', 'outreach_request'] as const;
export type ReplyPart = (typeof REPLY_PARTS)[number];

export const REPLY_KINDS = ['recovery', 'thank_you'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/**
 * draft -> edited -> approved -> published; draft -> approved without edits. A redraft supersedes the
 * current draft (unless it was published, which stays published in the history).
 */
export const REPLY_STATUSES = ['draft', 'edited', 'approved', 'published', 'superseded'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One root cause of a review: a tag and, when the classifier named one, its sub-tag. */
export interface Cause {
  tag: Tag;
  subTag: string | null;
}

export function isReplyLanguage(value: string): value is ReplyLanguage {
  return (REPLY_LANGUAGES as readonly string[]).includes(value);
}
