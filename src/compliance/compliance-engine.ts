import { complianceRules, ComplianceRule, Detector, FindingSeverity, RuleLanguage, RuleSet, TextKind } from './compliance-rules';
import { normaliseForRules, NormalisedText } from './compliance-text';

/** Where and how a text is used. */
export interface ComplianceContext {
  kind: TextKind;
  /** taobao, tmall, jd, pdd, amazon, other ... */
  platform?: string | null;
  /** a remedy is offered to this buyer: a review request beside it must say it does not depend on the review */
  remedyOffered?: boolean;
  /** the shop has recorded the corrective actions the text may state as done */
  recordedActions?: boolean;
  /** the shop allows naming a gift or coupon in a public reply */
  allowPublicGift?: boolean;
  /** the language of the explanation and rewrite; from the text when left out */
  language?: RuleLanguage;
}

export interface ComplianceFinding {
  ruleId: string;
  title: string;
  severity: FindingSeverity;
  /** [start, end) in the text as given (UTF-16 offsets) */
  start: number;
  end: number;
  /** the text of the span */
  excerpt: string;
  explanation: string;
  source: string;
  rewrite: string;
}

interface Hit {
  start: number;
  end: number;
}

type TermMode = 'word' | 'prefix' | 'anywhere';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** the lexicon keys a term ending here belongs to, with how it must sit in the text */
  ends: { key: string; mode: TermMode }[];
}

interface CompiledDetector {
  detector: Detector;
  groups: string[][];
  unless: string[];
  patterns: RegExp[];
}

interface Compiled {
  set: RuleSet;
  trie: TrieNode;
  hanTerms: Set<string>;
  maxTermLength: number;
  rules: { rule: ComplianceRule; detectors: CompiledDetector[] }[];
}

const HAN = /[\u3400-\u9fff]/;

/** A group entry's key: `@lexicon`, or `=term` for a term written in the rule itself. */
const keyOf = (entry: string) => (entry.startsWith('@') ? entry : `=${entry}`);

function compile(set: RuleSet): Compiled {
  const trie: TrieNode = { next: new Map(), ends: [] };
  const hanTerms = new Set<string>();
  let maxTermLength = 1;
  const add = (key: string, raw: string) => {
    const mode: TermMode = raw.endsWith('*') ? 'prefix' : raw.endsWith('~') ? 'anywhere' : 'word';
    const term = (mode === 'word' ? raw : raw.slice(0, -1)).normalize('NFKC').toLowerCase();
    let node = trie;
    for (const char of term) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map(), ends: [] }));
      node = child;
    }
    if (!node.ends.some((e) => e.key === key && e.mode === mode)) node.ends.push({ key, mode });
    if (HAN.test(term) && !/\s/.test(term)) {
      hanTerms.add(term);
      maxTermLength = Math.max(maxTermLength, term.length);
    }
  };
  for (const [name, terms] of Object.entries(set.lexicons)) for (const term of terms) add(`@${name}`, term);
  const literal = (entries: readonly string[]) => entries.filter((e) => !e.startsWith('@')).forEach((e) => add(keyOf(e), e));
  for (const d of Object.values(set.derived)) d.groups.forEach(literal);
  const rules = set.rules.map((rule) => ({
    rule,
    detectors: rule.detectors.map((detector) => {
      (detector.all ?? []).forEach(literal);
      literal(detector.unless ?? []);
      return {
        detector,
        groups: (detector.all ?? []).map((g) => g.map(keyOf)),
        unless: (detector.unless ?? []).map(keyOf),
        patterns: (detector.patterns ?? []).map((p) => new RegExp(p, 'gu')),
      };
    }),
  }));
  return { set, trie, hanTerms, maxTermLength, rules };
}

let compiled: Compiled | undefined;

function shipped(): Compiled {
  compiled ??= compile(complianceRules());
  return compiled;
}

/** Every term of every lexicon found in the text, by key. */
function findTerms(c: Compiled, n: NormalisedText): Map<string, Hit[]> {
  const hits = new Map<string, Hit[]>();
  const text = n.text;
  for (let start = 0; start < text.length; start++) {
    const atBoundary = n.boundaries[start] === 1;
    let node: TrieNode | undefined = c.trie;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(text[i]);
      if (!node) break;
      for (const end of node.ends) {
        const stop = i + 1;
        // a term sits on word boundaries; a prefix term needs only its start on one; evasive spellings none
        const ok = end.mode === 'anywhere' || (atBoundary && (end.mode === 'prefix' || n.boundaries[stop] === 1));
        if (!ok) continue;
        let list = hits.get(end.key);
        if (!list) hits.set(end.key, (list = []));
        list.push({ start, end: stop });
      }
    }
  }
  for (const [name, derived] of Object.entries(c.set.derived)) {
    const groups = derived.groups.map((g) => g.flatMap((entry) => hits.get(keyOf(entry)) ?? []));
    const found = combine(groups, derived.near, false, 0, text.length);
    if (found.length) hits.set(`@${name}`, found);
  }
  return hits;
}

/** Spans where one hit of every group lies within `near` characters of the first group's hit (in order when asked). */
function combine(groups: readonly Hit[][], near: number | undefined, ordered: boolean, from: number, to: number): Hit[] {
  const inUnit = groups.map((g) => g.filter((h) => h.start >= from && h.end <= to));
  if (inUnit.some((g) => !g.length)) return [];
  const spans: Hit[] = [];
  for (const anchor of inUnit[0]) {
    let span: Hit = { ...anchor };
    let ok = true;
    for (const group of inUnit.slice(1)) {
      const fit = group.find((h) => {
        if (ordered && h.start < span.end) return false;
        if (near === undefined) return true;
        const gap = h.start >= anchor.end ? h.start - anchor.end : anchor.start >= h.end ? anchor.start - h.end : 0;
        return gap <= near;
      });
      if (!fit) {
        ok = false;
        break;
      }
      span = { start: Math.min(span.start, fit.start), end: Math.max(span.end, fit.end) };
    }
    if (ok) spans.push(span);
    if (near === undefined && !ordered && spans.length) break;
  }
  return spans;
}

function applies(detector: Detector, context: ComplianceContext): boolean {
  if (detector.kinds && !detector.kinds.includes(context.kind)) return false;
  const when = detector.when;
  if (!when) return true;
  if (when.platformIn && !when.platformIn.includes(context.platform ?? '')) return false;
  if (when.remedyOffered !== undefined && Boolean(context.remedyOffered) !== when.remedyOffered) return false;
  if (when.recordedActions !== undefined && Boolean(context.recordedActions) !== when.recordedActions) return false;
  if (when.allowPublicGift !== undefined && Boolean(context.allowPublicGift) !== when.allowPublicGift) return false;
  return true;
}

function patternHits(patterns: readonly RegExp[], text: string, from: number, to: number): Hit[] | null {
  const unit = text.slice(from, to);
  const hits: Hit[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    const match = pattern.exec(unit);
    if (match) hits.push({ start: from + match.index, end: from + match.index + Math.max(1, match[0].length) });
  }
  return hits.length ? hits : null;
}

/**
 * The rules a text breaks in its context, at most one finding per rule and sentence, blocking ones first.
 * Pure and synchronous; the rule set is compiled once.
 */
export function checkCompliance(text: string, context: ComplianceContext, set?: RuleSet): ComplianceFinding[] {
  if (!text.trim()) return [];
  const c = set ? compile(set) : shipped();
  const n = normaliseForRules(text, c.hanTerms, c.maxTermLength);
  const hits = findTerms(c, n);
  const language: RuleLanguage = context.language ?? (HAN.test(text) ? 'zh' : 'en');
  const findings: ComplianceFinding[] = [];
  for (const { rule, detectors } of c.rules) {
    if (!rule.kinds.includes(context.kind)) continue;
    const seen = new Set<number>();
    for (const d of detectors) {
      if (!applies(d.detector, context)) continue;
      const units: [number, number][] = d.detector.scope === 'text' ? [[0, n.text.length]] : n.sentences;
      for (const [from, to] of units) {
        if (seen.has(from)) continue;
        if (d.unless.some((key) => hits.get(key)?.some((h) => h.start >= from && h.end <= to))) continue;
        const groups = d.groups.map((g) => g.flatMap((key) => hits.get(key) ?? []));
        let span: Hit | null = null;
        if (groups.length) {
          [span = null] = combine(groups, d.detector.near, d.detector.ordered ?? false, from, to);
          if (!span) continue;
        }
        if (d.patterns.length) {
          const found = patternHits(d.patterns, n.text, from, to);
          if (!found) continue;
          const first = found[0];
          span = span ? { start: Math.min(span.start, first.start), end: Math.max(span.end, first.end) } : first;
        }
        if (!span) continue;
        seen.add(from);
        const start = n.from[span.start];
        const end = n.to[span.end - 1];
        findings.push({
          ruleId: rule.id,
          title: rule.title,
          severity: rule.severityByKind?.[context.kind] ?? rule.severity,
          start,
          end,
          excerpt: text.slice(start, end),
          explanation: rule.explanation[language],
          source: rule.source,
          rewrite: rule.rewrite[language],
        });
      }
    }
  }
  return findings.sort((a, b) => (a.severity === b.severity ? a.start - b.start : a.severity === 'block' ? -1 : 1));
}

export function hasBlocking(findings: readonly ComplianceFinding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}
