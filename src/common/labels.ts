/**
 * A name people read, in both languages the service speaks. The label tables (reviews/taxonomy-labels,
 * recovery/recovery-labels, reviewers/risk-labels, replies/reply-labels, reviews/review-labels) are compiled into
 * the server and bundled into the console (src/console/web), so both say the same: they import types and pure
 * modules only.
 */
export interface Label {
  zh: string;
  en: string;
}

export type LabelLang = keyof Label;

/** A label in `lang`; an unknown code shows as itself. */
export function label(table: Readonly<Record<string, Label>>, code: string, lang: LabelLang): string {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code][lang] : code;
}
