import { complianceRules, ComplianceRule, Detector, FindingSeverity, RuleLanguage, RuleSet, TextKind } from './compliance-rules';
import { markWordBoundaries, normaliseForRules } from './compliance-text';

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

/** A term found in the normalised text before word boundaries are known. */
interface RawHit extends Hit {
  key: string;
  mode: TermMode;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** the lexicon keys a term ending here belongs to, with how it must sit in the text */
  ends: { key: string; mode: TermMode }[];
}

interface CompiledDetector {
  detector: Detector;
  groups: string[][];
  unless: string[];
  /** global, run on one sentence at a time */
  patterns: RegExp[];
  /** the same expressions, tried once on the whole text: no match there, none in any sentence */
  probes: RegExp[];
  /** needs the words of the sentence: term groups or exceptions */
  words: boolean;
}

interface CompiledDerived {
  key: string;
  near: number;
  groups: string[][];
}

interface Compiled {
  trie: TrieNode;
  hanTerms: Set<string>;
  maxTermLength: number;
  derived: CompiledDerived[];
  derivedByKey: Map<string, CompiledDerived>;
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
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map(), ends: [] }));
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
  const derived = Object.entries(set.derived).map(([name, d]) => ({
    key: `@${name}`,
    near: d.near,
    groups: d.groups.map((g) => g.map(keyOf)),
  }));
  const rules = set.rules.map((rule) => ({
    rule,
    detectors: rule.detectors.map((detector) => {
      (detector.all ?? []).forEach(literal);
      literal(detector.unless ?? []);
      const groups = (detector.all ?? []).map((g) => g.map(keyOf));
      const unless = (detector.unless ?? []).map(keyOf);
      return {
        detector,
        groups,
        unless,
        patterns: (detector.patterns ?? []).map((p) => new RegExp(p, 'gu')),
        probes: (detector.patterns ?? []).map((p) => new RegExp(p, 'u')),
        words: groups.length > 0 || unless.length > 0,
      };
    }),
  }));
  return {
    trie,
    hanTerms,
    maxTermLength,
    derived,
    derivedByKey: new Map(derived.map((d) => [d.key, d])),
    rules,
  };
}

let compiled: Compiled | undefined;

function shipped(): Compiled {
  compiled ??= compile(complianceRules());
  return compiled;
}

/** Every term of every lexicon in the text, wherever it is, in order of start (one pass over the term trie). */
function scanTerms(c: Compiled, text: string): RawHit[] {
  const hits: RawHit[] = [];
  for (let start = 0; start < text.length; start++) {
    let node = c.trie.next.get(text.charCodeAt(start));
    for (let i = start + 1; node; i++) {
      for (const end of node.ends) hits.push({ start, end: i, key: end.key, mode: end.mode });
      if (i >= text.length) break;
      node = node.next.get(text.charCodeAt(i));
    }
  }
  return hits;
}

/** The raw hits of each sentence, by key. */
function bySentence(hits: readonly RawHit[], sentences: readonly [number, number][]): Map<string, RawHit[]>[] {
  const maps = sentences.map(() => new Map<string, RawHit[]>());
  let s = 0;
  for (const hit of hits) {
    while (s < sentences.length && sentences[s][1] <= hit.start) s++;
    if (s === sentences.length) break;
    if (hit.start < sentences[s][0] || hit.end > sentences[s][1]) continue;
    const map = maps[s];
    const list = map.get(hit.key);
    if (list) list.push(hit);
    else map.set(hit.key, [hit]);
  }
  return maps;
}

/** Whether a key can have a hit among these raw hits (a derived lexicon: each of its groups can). */
function present(c: Compiled, raw: ReadonlyMap<string, RawHit[]>, key: string): boolean {
  const derived = c.derivedByKey.get(key);
  if (!derived) return raw.has(key);
  return derived.groups.every((g) => g.some((k) => present(c, raw, k)));
}

/** A detector could fire on these raw hits: every group has a candidate (exceptions and boundaries not yet read). */
function couldFire(c: Compiled, d: CompiledDetector, raw: ReadonlyMap<string, RawHit[]>): boolean {
  return d.groups.every((g) => g.some((key) => present(c, raw, key)));
}

/** The hits of one segmented sentence that sit on word boundaries, by key, derived lexicons included. */
function wordHits(c: Compiled, raw: ReadonlyMap<string, RawHit[]>, boundaries: Uint8Array): Map<string, Hit[]> {
  const hits = new Map<string, Hit[]>();
  for (const [key, list] of raw) {
    // a term sits on word boundaries; a prefix term needs only its start on one; evasive spellings none
    const kept = list.filter((h) => h.mode === 'anywhere' || (boundaries[h.start] === 1 && (h.mode === 'prefix' || boundaries[h.end] === 1)));
    if (kept.length) hits.set(key, kept);
  }
  for (const derived of c.derived) {
    const groups = derived.groups.map((g) => g.flatMap((key) => hits.get(key) ?? []));
    const found = combine(groups, derived.near, false);
    if (found.length) hits.set(derived.key, found);
  }
  return hits;
}

/** Spans where one hit of every group lies within `near` characters of the first group's hit (in order when asked). */
function combine(groups: readonly Hit[][], near: number | undefined, ordered: boolean): Hit[] {
  if (groups.some((g) => !g.length)) return [];
  const spans: Hit[] = [];
  for (const anchor of groups[0]) {
    let span: Hit = { start: anchor.start, end: anchor.end };
    let ok = true;
    for (let g = 1; g < groups.length; g++) {
      const fit = groups[g].find((h) => {
        if (ordered && h.start < span.end) return false;
        if (near === undefined) return true;
        const gap = h.start >= anchor.end ? h.start - anchor.end : anchor.start >= h.end ? anchor.start - h.end : 0;
        return gap <= near;
      });
      if (!fit) {
        ok = false;
        break;
      }
      span = {
        start: Math.min(span.start, fit.start),
        end: Math.max(span.end, fit.end),
      };
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
    if (match)
      hits.push({
        start: from + match.index,
        end: from + match.index + Math.max(1, match[0].length),
      });
  }
  return hits.length ? hits : null;
}

const NO_HITS: ReadonlyMap<string, Hit[]> = new Map();

/**
 * The rules a text breaks in its context, at most one finding per rule and sentence, blocking ones first.
 * Pure and synchronous; the rule set is compiled once.
 *
 * One pass finds every term anywhere in the text; only the sentences where some detector could fire on those
 * are cut into words (jieba is most of the cost), and a term counts only where it sits on word boundaries.
 */
export function checkCompliance(text: string, context: ComplianceContext, set?: RuleSet): ComplianceFinding[] {
  if (!text.trim()) return [];
  const c = set ? compile(set) : shipped();
  const n = normaliseForRules(text);
  const sentences = n.sentences;
  const raw = bySentence(scanTerms(c, n.text), sentences);

  const active: { rule: ComplianceRule; detectors: CompiledDetector[] }[] = [];
  for (const { rule, detectors } of c.rules) {
    if (!rule.kinds.includes(context.kind)) continue;
    // a detector's patterns are alternatives; one that matches nowhere in the text matches in no sentence of it
    const live = detectors.filter((d) => applies(d.detector, context) && (!d.probes.length || d.probes.some((p) => p.test(n.text))));
    if (live.length) active.push({ rule, detectors: live });
  }

  // the sentences to cut into words: where a detector that reads words could fire
  const segment = new Uint8Array(sentences.length);
  let wholeText = false;
  for (const { detectors } of active) {
    for (const d of detectors) {
      if (!d.words) continue;
      if (d.detector.scope === 'text') {
        if (!wholeText && d.groups.every((g) => g.some((key) => raw.some((r) => present(c, r, key))))) wholeText = true;
      } else raw.forEach((r, s) => (segment[s] ||= couldFire(c, d, r) ? 1 : 0));
    }
  }
  if (wholeText) segment.fill(1);
  const boundaries = new Uint8Array(n.text.length + 1);
  // neighbouring sentences are cut in one call: jieba splits at their punctuation anyway
  for (let s = 0; s < sentences.length; s++) {
    if (!segment[s]) continue;
    let last = s;
    while (last + 1 < sentences.length && segment[last + 1]) last++;
    markWordBoundaries(n.text, sentences[s][0], sentences[last][1], c.hanTerms, c.maxTermLength, boundaries);
    s = last;
  }
  const hits = sentences.map((_, s) => (segment[s] ? wordHits(c, raw[s], boundaries) : null));

  const language: RuleLanguage = context.language ?? (HAN.test(text) ? 'zh' : 'en');
  const findings: ComplianceFinding[] = [];
  let merged: Map<string, Hit[]> | undefined;
  for (const { rule, detectors } of active) {
    const seen = new Set<number>();
    for (const d of detectors) {
      const whole = d.detector.scope === 'text';
      for (let s = 0; s < (whole ? 1 : sentences.length); s++) {
        const [from, to] = whole ? [0, n.text.length] : sentences[s];
        if (seen.has(from)) continue;
        // a sentence left uncut is one where no detector reading words can fire
        const found = whole ? (wholeText ? (merged ??= mergeHits(hits)) : null) : hits[s];
        if (d.words && !found) continue;
        const span = detect(d, found ?? NO_HITS, n.text, from, to);
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

/** Where a detector fires in text[from, to), given the word hits there. */
function detect(d: CompiledDetector, found: ReadonlyMap<string, Hit[]>, text: string, from: number, to: number): Hit | null {
  if (d.unless.some((key) => found.has(key))) return null;
  let span: Hit | null = null;
  if (d.groups.length) {
    [span = null] = combine(
      d.groups.map((g) => g.flatMap((key) => found.get(key) ?? [])),
      d.detector.near,
      d.detector.ordered ?? false,
    );
    if (!span) return null;
  }
  if (d.patterns.length) {
    const matched = patternHits(d.patterns, text, from, to);
    if (!matched) return null;
    const first = matched[0];
    span = span
      ? {
          start: Math.min(span.start, first.start),
          end: Math.max(span.end, first.end),
        }
      : first;
  }
  return span;
}

/** The hits of every sentence as one map, in text order. */
function mergeHits(perSentence: readonly (Map<string, Hit[]> | null)[]): Map<string, Hit[]> {
  const merged = new Map<string, Hit[]>();
  for (const map of perSentence) {
    if (!map) continue;
    for (const [key, list] of map) merged.set(key, [...(merged.get(key) ?? []), ...list]);
  }
  return merged;
}

export function hasBlocking(findings: readonly ComplianceFinding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}
