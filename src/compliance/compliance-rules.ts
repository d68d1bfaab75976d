import ruleFile from './resources/compliance-rules.json';

/** Where a text is used: the rules that apply and how severe a finding is depend on it. */
export const TEXT_KINDS = ['public_reply', 'private_message', 'outreach_step', 'template', 'contact_note'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export const FINDING_SEVERITIES = ['block', 'warn'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export type RuleLanguage = 'zh' | 'en';

/** Conditions on the context a detector needs. */
export interface DetectorWhen {
  platformIn?: string[];
  remedyOffered?: boolean;
  recordedActions?: boolean;
  allowPublicGift?: boolean;
}

/**
 * One way a rule is broken: every group of `all` (terms or @lexicons) found in one sentence (or the whole text),
 * plus every `patterns` expression, and nothing of `unless` there.
 */
export interface Detector {
  all?: string[][];
  patterns?: string[];
  unless?: string[];
  scope?: 'sentence' | 'text';
  /** the groups' hits lie within this many characters of each other */
  near?: number;
  /** the groups' hits come in the order given */
  ordered?: boolean;
  /** only for these kinds of text (within the rule's kinds) */
  kinds?: TextKind[];
  when?: DetectorWhen;
}

export interface ComplianceRule {
  id: string;
  title: string;
  languages: RuleLanguage[];
  severity: FindingSeverity;
  severityByKind?: Partial<Record<TextKind, FindingSeverity>>;
  kinds: TextKind[];
  detectors: Detector[];
  explanation: Record<RuleLanguage, string>;
  source: string;
  rewrite: Record<RuleLanguage, string>;
}

export interface DerivedLexicon {
  near: number;
  groups: string[][];
}

export interface RuleSet {
  lexicons: Record<string, string[]>;
  derived: Record<string, DerivedLexicon>;
  rules: ComplianceRule[];
}

class RuleFileInvalid extends Error {}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
const isGroups = (value: unknown): value is string[][] => Array.isArray(value) && value.length > 0 && value.every(isStrings);

/**
 * Checks a rule file's shape and every reference in it: an unknown @lexicon, kind or severity, or a pattern that
 * does not compile, stops the load with the rule's id rather than silently matching nothing.
 */
export function parseRuleSet(raw: unknown): RuleSet {
  const fail = (where: string, what: string): never => {
    throw new RuleFileInvalid(`compliance rules: ${where}: ${what}`);
  };
  if (!raw || typeof raw !== 'object') fail('file', 'not an object');
  const file = raw as Record<string, unknown>;
  const lexicons = file.lexicons as Record<string, unknown>;
  if (!lexicons || typeof lexicons !== 'object') fail('lexicons', 'missing');
  for (const [name, terms] of Object.entries(lexicons))
    if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string' && t)) fail(`lexicons.${name}`, 'not a list of terms');
  const derived = (file.derived ?? {}) as Record<string, DerivedLexicon>;
  const known = new Set([...Object.keys(lexicons), ...Object.keys(derived)]);
  const checkTerms = (where: string, terms: readonly string[]) => {
    for (const term of terms) if (term.startsWith('@') && !known.has(term.slice(1))) fail(where, `unknown lexicon ${term}`);
  };
  for (const [name, d] of Object.entries(derived)) {
    if (typeof d.near !== 'number' || !isGroups(d.groups)) fail(`derived.${name}`, 'needs near and groups');
    d.groups.forEach((g) => checkTerms(`derived.${name}`, g));
  }
  if (!Array.isArray(file.rules) || !file.rules.length) fail('rules', 'missing');
  const ids = new Set<string>();
  const rules = file.rules as ComplianceRule[];
  for (const rule of rules) {
    const where = `rule ${rule.id ?? '?'}`;
    if (typeof rule.id !== 'string' || !/^[a-z][a-z-]+$/.test(rule.id)) fail(where, 'id must be kebab-case');
    if (ids.has(rule.id)) fail(where, 'duplicate id');
    ids.add(rule.id);
    if (!FINDING_SEVERITIES.includes(rule.severity)) fail(where, `severity ${String(rule.severity)}`);
    if (!isStrings(rule.kinds) || rule.kinds.some((k) => !TEXT_KINDS.includes(k as TextKind))) fail(where, 'kinds');
    for (const [kind, severity] of Object.entries(rule.severityByKind ?? {})) {
      if (!TEXT_KINDS.includes(kind as TextKind) || !FINDING_SEVERITIES.includes(severity)) fail(where, `severityByKind.${kind}`);
    }
    if (!isStrings(rule.languages) || rule.languages.some((l) => l !== 'zh' && l !== 'en')) fail(where, 'languages');
    for (const field of ['explanation', 'rewrite'] as const) {
      if (typeof rule[field]?.zh !== 'string' || typeof rule[field]?.en !== 'string') fail(where, `${field} needs zh and en`);
    }
    if (typeof rule.source !== 'string' || !rule.source) fail(where, 'source');
    if (!Array.isArray(rule.detectors) || !rule.detectors.length) fail(where, 'detectors');
    for (const detector of rule.detectors) {
      if (!detector.all && !detector.patterns) fail(where, 'a detector needs all or patterns');
      if (detector.all) {
        if (!isGroups(detector.all)) fail(where, 'all must be a list of term lists');
        detector.all.forEach((g) => checkTerms(where, g));
      }
      if (detector.unless) checkTerms(where, detector.unless);
      for (const pattern of detector.patterns ?? []) {
        try {
          new RegExp(pattern, 'u');
        } catch (error) {
          fail(where, `pattern ${pattern}: ${(error as Error).message}`);
        }
      }
      if (detector.kinds?.some((k) => !rule.kinds.includes(k))) fail(where, 'detector kinds outside the rule kinds');
    }
  }
  return { lexicons: lexicons as Record<string, string[]>, derived, rules };
}

let loaded: RuleSet | undefined;

/** The shipped rules (resources/compliance-rules.json), checked once. */
export function complianceRules(): RuleSet {
  loaded ??= parseRuleSet(ruleFile);
  return loaded;
}
