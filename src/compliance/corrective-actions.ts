/** A corrective action as drafting uses it. */
export interface RecordedAction {
  id: string;
  what: string;
  language: 'zh' | 'en';
  tag: string | null;
  subTag: string | null;
  productKey: string | null;
  carrier: string | null;
  /** YYYY-MM-DD */
  since: string;
}

const HAN = /[\u3400-\u9fff]/;

/** The language an action's text is written in. */
export function actionLanguage(what: string): 'zh' | 'en' {
  return HAN.test(what) ? 'zh' : 'en';
}

/**
 * The recorded actions that answer a cause of a review, most specific and newest first: every field the action
 * names (sub-tag or tag, product, carrier) must match the review.
 */
export function actionsFor(
  actions: readonly RecordedAction[],
  review: { tag: string; subTag: string | null; productKey: string | null; carrier: string | null; language: 'zh' | 'en' },
): RecordedAction[] {
  const same = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
  return actions
    .filter((a) => a.language === review.language)
    .filter((a) => (a.subTag ? a.subTag === review.subTag : a.tag ? a.tag === review.tag : true))
    .filter((a) => !a.productKey || same(a.productKey, review.productKey))
    .filter((a) => !a.carrier || same(a.carrier, review.carrier))
    .map((a) => ({ a, specificity: (a.subTag ? 2 : a.tag ? 1 : 0) + (a.productKey ? 2 : 0) + (a.carrier ? 1 : 0) }))
    .sort((x, y) => y.specificity - x.specificity || y.a.since.localeCompare(x.a.since))
    .map((x) => x.a);
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The "found" sentence stating a recorded action with its date: "自11月30日起，…。" / "Since 30 November, ….". */
export function actionSentence(action: RecordedAction, language: 'zh' | 'en'): string {
  const [, month, day] = action.since.split('-').map(Number);
  const what = action.what.trim().replace(/[。.!！]+$/u, '');
  if (language === 'zh') return `自${month}月${day}日起，${what}。`;
  return `Since ${day} ${EN_MONTHS[month - 1]}, ${what}.`;
}
