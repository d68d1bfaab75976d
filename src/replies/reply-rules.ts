import { toSimplified } from '../text/chinese-script';
import { complianceRules } from '../compliance/compliance-rules';
import { toTraditional } from './library/library';
import type { FieldProblem } from '../common/errors/domain-error';

/**
 * The rules no public reply breaks, for drafts and for staff edits alike. Chinese is checked in simplified
 * script, so one list covers both scripts. The blame phrases are the compliance rules' (lexicon `blame` in
 * compliance/resources/compliance-rules.json, rule blame-buyer-public): deliberately small and specific, they catch
 * the phrases that blame or question a buyer, not every sentence that mentions the buyer. Here they are matched in
 * the text as written, as a refusal of an edit needs no segmentation.
 */
interface BlameLists {
  zh: string[];
  en: RegExp;
}

let blameLists: BlameLists | undefined;

function blame(): BlameLists {
  if (blameLists) return blameLists;
  const zh: string[] = [];
  const en: string[] = [];
  for (const raw of complianceRules().lexicons.blame) {
    // a term ending in * also matches longer words (misuse* finds misused), ~ anywhere
    const term = raw.replace(/[*~]$/, '');
    if (/[\u3400-\u9fff]/.test(term)) zh.push(term);
    else en.push(escape(term).replace(/ /g, '[\\s-]+') + (raw.endsWith('*') ? '\\w*' : ''));
  }
  blameLists = { zh, en: new RegExp(`(?<![\\w'-])(${en.join('|')})(?![\\w-])`, 'i') };
  return blameLists;
}

/** What a reply to a flagged high-risk reviewer must not offer in public. */
const COMPENSATION_ZH = [
  '补偿',
  '赔偿',
  '赔付',
  '优惠券',
  '代金券',
  '券',
  '礼物',
  '礼品',
  '赠品',
  '红包',
  '返现',
  '退款',
  '差价',
  '免费',
  '补发',
  '换新',
  '退换',
  '包退',
  '包换',
  '运费由我们',
  '现金',
];
const COMPENSATION_EN =
  /\b(compensat\w*|coupons?|vouchers?|gifts?|refunds?|refunded|free|cash ?back|discounts?|credit|reimburs\w*|replacements?|reship\w*|money back)\b/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PERSONAL_DATA: { pattern: RegExp; what: string }[] = [
  { pattern: /(?<![\d])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d){8}(?!\d)/, what: 'a phone number' },
  { pattern: /(?<![\d])0\d{2,3}[-\s]\d{7,8}(?!\d)/, what: 'a phone number' },
  { pattern: /\+\d{1,3}[-\s]?\(?\d{2,4}\)?[-\s]?\d{3,4}[-\s]?\d{3,4}/, what: 'a phone number' },
  { pattern: /\d{9,}/, what: 'a long number (an order id or a phone number)' },
  { pattern: /[\w.+-]+@[\w-]+\.[\w.-]+/, what: 'an e-mail address' },
  { pattern: /(订单号|订单编号|订单id|单号|order\s*(?:id|no\.?|number|#))\s*[:：#]?\s*[A-Za-z0-9-]{5,}/i, what: 'an order number' },
  { pattern: /(微信|vx|wx|v信|qq|wechat)\s*(?:号)?\s*[:：]?\s*[A-Za-z0-9_-]{5,}/i, what: 'a messenger account' },
];

const PLACEHOLDER_LEFT = /\{[A-Za-z_]*\}/;

export type RuleCode = 'blamesBuyer' | 'personalData' | 'unfilledPlaceholder' | 'compensationForHighRisk' | 'tooLong';

export interface ReplyCheckOptions {
  /**
   * The composer checking its own text: the phrase lists are matched in both scripts as they are, without
   * converting the text (the library itself is checked with conversion by its unit tests).
   */
  ownText?: boolean;
  /** the reviewer is flagged high-risk: nothing that offers compensation */
  highRisk?: boolean;
  /** length limit in characters (code points) */
  maxLength?: number;
  /** values that must never appear (the order id, the buyer id) */
  knownPersonalData?: readonly (string | null | undefined)[];
}

/** Characters as a platform counts them: one per code point, so one per Chinese character or emoji. */
export function replyLength(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}

let traditionalLists: { blame: string[]; compensation: string[] } | undefined;

/** The Chinese phrase lists in traditional script, for matching text as it is. */
function inTraditional(): { blame: string[]; compensation: string[] } {
  traditionalLists ??= { blame: blame().zh.map(toTraditional), compensation: COMPENSATION_ZH.map(toTraditional) };
  return traditionalLists;
}

function findPhrase(text: string, simplifiedList: readonly string[], traditionalList: () => readonly string[], quick: boolean): string | null {
  if (quick) {
    const index = traditionalList().findIndex((phrase) => text.includes(phrase));
    if (index !== -1) return simplifiedList[index];
    return simplifiedList.find((phrase) => text.includes(phrase)) ?? null;
  }
  const simplified = toSimplified(text);
  return simplifiedList.find((phrase) => simplified.includes(phrase)) ?? null;
}

export function findBlame(text: string, quick = false): string | null {
  return findPhrase(text, blame().zh, () => inTraditional().blame, quick) ?? blame().en.exec(text)?.[1] ?? null;
}

export function findCompensation(text: string, quick = false): string | null {
  return findPhrase(text, COMPENSATION_ZH, () => inTraditional().compensation, quick) ?? COMPENSATION_EN.exec(text)?.[1] ?? null;
}

export function findPersonalData(text: string, known: readonly (string | null | undefined)[] = []): string | null {
  for (const value of known) {
    if (value && value.length >= 5 && text.includes(value)) return 'an id of this order or buyer';
  }
  return PERSONAL_DATA.find(({ pattern }) => pattern.test(text))?.what ?? null;
}

export function findUnfilledPlaceholder(text: string): string | null {
  return PLACEHOLDER_LEFT.exec(text)?.[0] ?? null;
}

/** Every rule a public reply text breaks, as field problems. */
export function checkPublicText(text: string, field: string, options: ReplyCheckOptions = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const blame = findBlame(text, options.ownText);
  if (blame) problems.push({ field, code: 'blamesBuyer', message: `${field} must not blame or question the buyer ("${blame}")` });
  const personal = findPersonalData(text, options.knownPersonalData);
  if (personal) problems.push({ field, code: 'personalData', message: `${field} must not contain personal data: it contains ${personal}` });
  const placeholder = findUnfilledPlaceholder(text);
  if (placeholder) problems.push({ field, code: 'unfilledPlaceholder', message: `${field} contains the unfilled placeholder ${placeholder}` });
  if (options.highRisk) {
    const compensation = findCompensation(text, options.ownText);
    if (compensation) {
      problems.push({
        field,
        code: 'compensationForHighRisk',
        message: `the reviewer is flagged high-risk: ${field} must not offer compensation in public ("${compensation}")`,
      });
    }
  }
  if (options.maxLength !== undefined && replyLength(text) > options.maxLength) {
    problems.push({ field, code: 'tooLong', message: `${field} is ${replyLength(text)} characters; the limit is ${options.maxLength}` });
  }
  return problems;
}
