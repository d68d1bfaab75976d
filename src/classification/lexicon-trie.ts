import { ASPECTS, CauseRef, LexiconRole, LexiconSource, PREDICATES } from './lexicon';
import { tokenizeReview } from './review-tokenizer';

export interface TrieNode {
  next: Map<string, TrieNode>;
  role?: LexiconRole;
}

export interface CompiledLexicon {
  root: TrieNode;
  terms: number;
  /** Unit sequences listed twice with different roles; the first listing wins. */
  conflicts: string[];
}

function sameRole(a: LexiconRole, b: LexiconRole): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function split(terms: string | undefined): string[] {
  return (terms ?? '')
    .split('|')
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
}

function rolesOf(source: LexiconSource): Array<[string, LexiconRole]> {
  const entries: Array<[string, LexiconRole]> = [];
  // Cues first: a fixed complaint phrase is more specific than the same words read as aspect + predicate.
  for (const [cause, terms] of Object.entries(source.cues) as Array<[CauseRef, string]>) {
    for (const term of split(terms)) entries.push([term, { kind: 'cue', cause }]);
  }
  for (const predicate of PREDICATES) {
    for (const term of split(source.predicates[predicate])) entries.push([term, { kind: 'predicate', predicate }]);
  }
  for (const aspect of ASPECTS) {
    for (const term of split(source.aspects[aspect])) entries.push([term, { kind: 'aspect', aspect }]);
  }
  for (const term of split(source.negators)) entries.push([term, { kind: 'negator' }]);
  for (const term of split(source.neutral)) entries.push([term, { kind: 'neutral' }]);
  for (const term of split(source.meta)) entries.push([term, { kind: 'meta' }]);
  for (const term of split(source.contrast)) entries.push([term, { kind: 'contrast' }]);
  for (const term of split(source.hypothetical)) entries.push([term, { kind: 'hypothetical' }]);
  for (const term of split(source.excess)) entries.push([term, { kind: 'degree', degree: 'excess' }]);
  for (const term of split(source.short)) entries.push([term, { kind: 'degree', degree: 'short' }]);
  for (const term of split(source.mild)) entries.push([term, { kind: 'degree', degree: 'mild' }]);
  return entries;
}

/** Terms are cut by the review tokenizer itself, so stemming and script conversion always agree with the text. */
export function compileLexicon(sources: readonly LexiconSource[]): CompiledLexicon {
  const root: TrieNode = { next: new Map() };
  const conflicts: string[] = [];
  let terms = 0;
  for (const source of sources) {
    for (const [term, role] of rolesOf(source)) {
      const { units } = tokenizeReview(term);
      if (!units.length) continue;
      let node = root;
      for (const unit of units) {
        let child = node.next.get(unit);
        if (!child) {
          child = { next: new Map() };
          node.next.set(unit, child);
        }
        node = child;
      }
      if (!node.role) {
        node.role = role;
        terms++;
      } else if (!sameRole(node.role, role)) {
        conflicts.push(`${units.join(' ')}: ${JSON.stringify(node.role)} vs ${JSON.stringify(role)}`);
      }
    }
  }
  return { root, terms, conflicts };
}

/**
 * Longest term starting at `from`, not crossing `to`; with `accepts`, the longest it accepts (a complaint word must
 * not end inside a longer word: "拖拉" in "拖拉机").
 */
export function matchAt(
  root: TrieNode,
  units: readonly string[],
  from: number,
  to: number,
  accepts?: (end: number, role: LexiconRole) => boolean,
): { end: number; role: LexiconRole } | null {
  let node: TrieNode | undefined = root;
  let best: { end: number; role: LexiconRole } | null = null;
  for (let i = from; i < to && node; i++) {
    node = node.next.get(units[i] ?? '');
    if (node?.role && (!accepts || accepts(i + 1, node.role))) best = { end: i + 1, role: node.role };
  }
  return best;
}
