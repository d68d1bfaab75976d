import { EN_LEXICON } from './en-lexicon';
import { Aspect, aspectTag, CauseRef, combine, COURIER_OWNERS, hasCombo, LexiconRole, OWNED_ASPECTS, Predicate, SERVICE_OWNERS } from './lexicon';
import { CompiledLexicon, compileLexicon, matchAt } from './lexicon-trie';
import { tokenizeReview, TokenizedReview } from './review-tokenizer';
import { cutPieces, Piece } from './word-segmenter';
import { CauseTag, SubTag } from '../reviews/taxonomy';
import { ZH_LEXICON } from './zh-lexicon';

/** A complaint the rules found, with the words that say it. */
export interface RuleHit {
  tag: CauseTag;
  subTag?: SubTag;
  phrase: string;
  /** Said in a hypothetical ("担心会漏", "if it breaks"). */
  weak: boolean;
  /** A bare predicate with no aspect anywhere near it ("太差了"). */
  unanchored: boolean;
  /** The predicate behind the hit, none for a fixed phrase. */
  predicate?: Predicate;
  /** Index of the clause it was found in. */
  clause: number;
}

export interface ClauseSummary {
  from: number;
  to: number;
  complaint: boolean;
  praise: boolean;
  /** Starts right after a contrast word ("但是", "就是", "but"): where the complaint of a praising review usually is. */
  afterContrast: boolean;
}

export interface ReviewAnalysis {
  tokens: TokenizedReview;
  clauses: ClauseSummary[];
  hits: RuleHit[];
  /** Complaints said the other way round ("物流不慢", "no problems with shipping"). */
  negated: RuleHit[];
  praised: CauseTag[];
  meta: number;
  /** jieba's tokens of the normalised text (tokens.text), cut once: the clauses' words are read from them. */
  pieces: Piece[];
}

interface Occurrence {
  role: LexiconRole;
  start: number;
  end: number;
  negated: boolean;
  absent: boolean;
  /** Said with "太"/"有点"/"too" (excess) or "不够"/"not quite" (short). */
  degree?: 'excess' | 'short' | 'mild';
}

// A negator reaches over a few units of degree words: "一点都不慢", "not that slow".
const NEGATION_WINDOW = 3;
// "没有物流信息", "no tracking": a negator right before an aspect says the thing is missing.
const ABSENCE_GAP = 1;
const ASPECT_REACH_AFTER = 6;
const PHRASE_SPAN = 10;

/** Aspects whose topic carries into the next clause ("快递员态度很差，还骂人"). Product aspects do not carry. */
const TOPIC_ASPECTS: ReadonlySet<Aspect> = new Set([
  'delivery',
  'arrival',
  'courier',
  'parcel',
  'tracking',
  'fee',
  'seller',
  'reply',
  'refund',
  'warranty',
  'attitude',
  'price',
  'promo',
]);

/** Aspects whose absence is a complaint ("没有物流信息", "no response"); "没有这个" or "not the laptop" are not. */
const ABSENCE_ASPECTS: ReadonlySet<Aspect> = new Set([
  'gift',
  'delivery',
  'tracking',
  'reply',
  'refund',
  'warranty',
  'promo',
  'effect',
  'packaging',
  'parcel',
  'component',
  'date',
  'seller',
  'fee',
]);
// English "not" negates verbs and adjectives; only "no", "without", "there is no" say that something is missing,
// and then a missing part or feature counts too ("no backlight", "there isn't an optical drive").
const ENGLISH_ABSENCE = new Set(['no', 'without', 'zero', 'there']);
const ENGLISH_ABSENCE_ASPECTS: ReadonlySet<Aspect> = new Set(['performance', 'component']);

// "有点小", "太紧": an overdone size is a fit complaint; "太香", "有点冲" a smell one; any other overdone word a quality one.
const SIZE_UNITS = new Set([...'小大紧松短长肥瘦宽窄']);
const SMELL_UNITS = new Set([...'香臭冲腥呛']);

/**
 * "太薄", "有点厚", "too thin": a degree word before a word the lexicon does not know still says the product
 * is off in that respect, so it becomes a complaint; before a known predicate it only marks it.
 */
function applyDegrees(items: readonly Occurrence[], units: readonly string[], clauseEnd: number): Occurrence[] {
  const out: Occurrence[] = [];
  items.forEach((item, k) => {
    out.push(item);
    if (item.role.kind !== 'degree') return;
    const next = items[k + 1];
    if (next && next.start === item.end) {
      if (next.role.kind === 'predicate') next.degree = item.role.degree;
      return;
    }
    const unit = units[item.end];
    if (item.role.degree === 'mild' || item.end >= clauseEnd || !unit || unit === '#') return;
    const role: LexiconRole = SMELL_UNITS.has(unit)
      ? { kind: 'cue', cause: 'quality.smell' }
      : { kind: 'predicate', predicate: SIZE_UNITS.has(unit) ? 'sizeoff' : 'bad' };
    out.push({ role, start: item.end, end: item.end + 1, negated: false, absent: false, degree: item.role.degree });
  });
  return out;
}

/** Predicates about people: they attach to a person (courier, seller, support), never to the product. */
const PERSON_PREDICATES: ReadonlySet<Predicate> = new Set(['rude', 'noreply', 'unresolved']);
const PERSON_ASPECTS: ReadonlySet<Aspect> = new Set(['courier', 'delivery', 'seller', 'reply', 'refund', 'warranty', 'attitude']);
const DEVICE_ASPECTS: ReadonlySet<Aspect> = new Set(['performance', 'component', 'product']);
/** Predicates that can take the topic of the clause before ("快递太慢了，还不送上门"); "坏了" stays with the product. */
const TOPIC_PREDICATES: ReadonlySet<Predicate> = new Set(['slow', 'wait', 'rude', 'noreply', 'unresolved', 'stalled', 'bad', 'dislike', 'hassle', 'lost']);

/** Predicates that take their aspect from what follows ("没给退款", "missing a screw"). */
const OBJECT_FIRST: ReadonlySet<Predicate> = new Set(['missing']);

let compiled: CompiledLexicon | undefined;

function lexicon(): CompiledLexicon {
  compiled ??= compileLexicon([ZH_LEXICON, EN_LEXICON]);
  return compiled;
}

function isHanUnit(unit: string): boolean {
  const code = unit.charCodeAt(0);
  return code >= 0x3400 && code <= 0x9fff;
}

const CUE_ANCHORS: Partial<Record<string, Aspect>> = {
  logistics: 'delivery',
  'logistics.courier_attitude': 'courier',
  'logistics.damaged_parcel': 'parcel',
  'logistics.tracking': 'tracking',
  'logistics.shipping_fee': 'fee',
  service: 'seller',
  'service.warranty_repair': 'warranty',
  'service.return_refund_hassle': 'refund',
  'service.slow_response': 'reply',
  price: 'price',
  'price.promotion': 'promo',
  quality: 'product',
};

/** What an occurrence can anchor a predicate to: an aspect, or the subject a fixed complaint implies. */
function anchorOf(item: { role: LexiconRole }): Aspect | undefined {
  const { role } = item;
  if (role.kind === 'aspect') return role.aspect;
  if (role.kind !== 'cue') return undefined;
  return CUE_ANCHORS[role.cause] ?? CUE_ANCHORS[role.cause.split('.')[0] ?? ''];
}

function splitCause(cause: CauseRef): { tag: CauseTag; subTag?: SubTag } {
  const dot = cause.indexOf('.');
  if (dot < 0) return { tag: cause as CauseTag };
  return { tag: cause.slice(0, dot) as CauseTag, subTag: cause.slice(dot + 1) as SubTag };
}

function phraseOf(tokens: TokenizedReview, from: number, to: number): string {
  const start = tokens.starts[from] ?? 0;
  const end = tokens.ends[to - 1] ?? start;
  return tokens.text.slice(start, end).trim();
}

interface ClauseOccurrences {
  from: number;
  to: number;
  items: Occurrence[];
  afterContrast: boolean;
}

// What may follow a complaint word inside one jieba word: "坏了", "碎掉", "慢死".
const WORD_TAILS = new Set([...'了的掉死着过啦啊呀吧呢哦嘛']);

/**
 * For each offset of the text inside a Chinese jieba word with more than particles after it, where that word starts
 * (-1 elsewhere), and its length: a complaint word of the rules may not end there (see `endsInsideWord`).
 */
function insideWords(text: string, pieces: readonly Piece[]): { start: Int32Array; length: Uint8Array } | undefined {
  let inside: { start: Int32Array; length: Uint8Array } | undefined;
  for (const { token, start } of pieces) {
    if (token.length < 2) continue;
    const first = token.charCodeAt(0);
    if (first < 0x3400 || first > 0x9fff) continue;
    for (let k = token.length - 1; k >= 1; k--) {
      if (WORD_TAILS.has(token[k] ?? '')) continue;
      if (!inside) inside = { start: new Int32Array(text.length + 1).fill(-1), length: new Uint8Array(text.length + 1) };
      for (let p = start + 1; p <= start + k; p++) {
        inside.start[p] = start;
        inside.length[p] = Math.min(255, token.length);
      }
      break;
    }
  }
  return inside;
}

/**
 * A complaint word of the rules (one or two characters) that ends inside a jieba word reaching into it from outside ("拖拉" in "拖拉机", "不回"
 * in "不回弹", "很干" in "很干净", "很小" in "很小巧") or inside a longer word it begins ("慢炖锅") reads a word that is
 * not there. A two-character word it begins keeps it: the second character completes the complaint ("差劲", "裂纹").
 */
function endsInsideWord(inside: { start: Int32Array; length: Uint8Array }, matchStart: number, matchEnd: number): boolean {
  const wordStart = inside.start[matchEnd] ?? -1;
  // a longer phrase of the lexicon is specific enough: "刚买就降" stays a price drop though jieba reads "降价"
  if (wordStart < 0 || matchEnd - matchStart > 2) return false;
  return wordStart > matchStart || (inside.length[matchEnd] ?? 0) > 2;
}

/** Clauses are segments cut again at contrast words ("但是", "however"), which start the next clause. */
function findOccurrences(tokens: TokenizedReview, pieces: readonly Piece[]): ClauseOccurrences[] {
  const { root } = lexicon();
  const inside = insideWords(tokens.text, pieces);
  let matchFrom = 0;
  // praise words keep their matches: a lost "好" in "好看" costs more than it saves
  const accepts = inside
    ? (end: number, role: LexiconRole): boolean =>
        (role.kind !== 'predicate' && role.kind !== 'cue') ||
        (role.kind === 'predicate' && (role.predicate === 'pos' || role.predicate === 'trait')) ||
        !endsInsideWord(inside, tokens.starts[matchFrom] ?? 0, tokens.ends[end - 1] ?? 0)
    : undefined;
  const clauses: ClauseOccurrences[] = [];
  for (const [from, to] of tokens.segments) {
    let current: ClauseOccurrences = { from, to, items: [], afterContrast: false };
    let i = from;
    while (i < to) {
      matchFrom = i;
      const match = matchAt(root, tokens.units, i, to, accepts);
      if (!match) {
        i++;
        continue;
      }
      if (match.role.kind === 'contrast') {
        // a bare subject before the contrast word belongs to what follows: "快递倒是很快", "客服就是不回"
        if (current.items.length && current.items.every((item) => item.role.kind === 'aspect')) {
          i = match.end;
          continue;
        }
        if (i > current.from) clauses.push({ ...current, to: i });
        // the contrast word itself names no cause and stays out of both clauses
        current = { from: match.end, to, items: [], afterContrast: true };
      } else {
        current.items.push({ role: match.role, start: i, end: match.end, negated: false, absent: false });
      }
      i = match.end;
    }
    clauses.push(current);
  }
  return clauses;
}

// English words a negator reaches over ("not very responsive", "never at all useful"); any other word ends its reach:
// "did not address the problem" does not negate "problem".
const ENGLISH_NEGATION_SKIP = new Set([
  'very',
  'really',
  'realli',
  'that',
  'so',
  'too',
  'at',
  'all',
  'be',
  'been',
  'even',
  'ever',
  'quite',
  'a',
  'an',
  'any',
  'the',
  'much',
  'as',
  'overly',
  'particularly',
  'exactly',
  'entirely',
  'completely',
  'always',
  'have',
  'had',
  'is',
  'was',
  'are',
  'were',
  'it',
  'feel',
  'seem',
  'look',
  'sound',
]);

/** Whether a negator reaches from `from` to `to`: Chinese over a few units, English only over degree and function words. */
function negationReaches(units: readonly string[], from: number, to: number): boolean {
  if (to - from > NEGATION_WINDOW) return false;
  for (let u = from; u < to; u++) {
    const unit = units[u] ?? '';
    if (!isHanUnit(unit) && !ENGLISH_NEGATION_SKIP.has(unit)) return false;
  }
  return true;
}

function bindNegators(items: Occurrence[], units: readonly string[]): void {
  for (let k = 0; k < items.length; k++) {
    const negator = items[k];
    if (negator?.role.kind !== 'negator') continue;
    let next = items[k + 1];
    if (!next || !negationReaches(units, negator.end, next.start)) continue;
    // through a degree word to what it marks: "不是太好用", "not too sturdy"
    const marked = items[k + 2];
    if (next.role.kind === 'degree' && marked && marked.start === next.end && (marked.role.kind === 'predicate' || marked.role.kind === 'cue')) next = marked;
    if (next.role.kind === 'aspect') {
      // "no battery issues", "没有物流问题": the negator is about the complaint after the aspect
      const after = items[k + 2];
      if (after && after.start - next.end <= 1 && (after.role.kind === 'predicate' || after.role.kind === 'cue')) {
        after.negated = true;
        continue;
      }
      const word = units[negator.start] ?? '';
      const han = isHanUnit(word);
      const saysMissing =
        (han && ABSENCE_ASPECTS.has(next.role.aspect)) ||
        (!han && ENGLISH_ABSENCE.has(word) && (ABSENCE_ASPECTS.has(next.role.aspect) || ENGLISH_ABSENCE_ASPECTS.has(next.role.aspect)));
      if (saysMissing && next.start - negator.end <= ABSENCE_GAP) next.absent = true;
    } else if (next.role.kind === 'predicate' || next.role.kind === 'cue') next.negated = true;
    else if (next.role.kind === 'negator') k++;
  }
}

interface Topic {
  aspect: Aspect;
  owner?: Aspect;
}

/**
 * Reads each clause: negators bind to what follows them, predicates attach to the nearest aspect (the one before,
 * else the one after, else the topic of the clause before), and the pair decides the cause.
 */
export function analyzeReview(text: string, options: { forceSimplified?: boolean } = {}): ReviewAnalysis {
  const tokens = tokenizeReview(text, options);
  const pieces = cutPieces(tokens.text);
  const occurrencesByClause = findOccurrences(tokens, pieces);
  const hits: RuleHit[] = [];
  const negated: RuleHit[] = [];
  const praised = new Set<CauseTag>();
  const clauses: ClauseSummary[] = [];
  let meta = 0;
  let topic: Topic | undefined;

  for (const clause of occurrencesByClause) {
    const { from, to } = clause;
    // after a contrast the review turns to something else: "快递小哥很负责，但是橘子有好几个烂的"
    if (clause.afterContrast) topic = undefined;
    const items = applyDegrees(clause.items, tokens.units, to);
    bindNegators(items, tokens.units);
    const hypothetical = items.some((item) => item.role.kind === 'hypothetical');
    const aspects = items.filter((item) => anchorOf(item) !== undefined);
    let complaint = false;
    let praise = false;

    const ownerOf = (attitude: Occurrence): Aspect | undefined => {
      for (let k = aspects.indexOf(attitude) - 1; k >= 0; k--) {
        const candidate = aspects[k] && anchorOf(aspects[k] as Occurrence);
        if (candidate && (COURIER_OWNERS.has(candidate) || SERVICE_OWNERS.has(candidate))) return candidate;
      }
      if (topic && (COURIER_OWNERS.has(topic.aspect) || SERVICE_OWNERS.has(topic.aspect))) return topic.aspect;
      return topic?.owner;
    };

    const resolve = (aspect: Occurrence | Topic | undefined, predicate: Predicate, unit: string): CauseRef | null => {
      if (!aspect) {
        if (predicate === 'slow') return isHanUnit(unit) ? 'logistics.slow_delivery' : 'quality.poor_effect';
        return combine('none', predicate);
      }
      const name = 'role' in aspect ? anchorOf(aspect) : aspect.aspect;
      if (!name) return combine('none', predicate);
      if (OWNED_ASPECTS.has(name)) {
        const owner = 'role' in aspect ? ownerOf(aspect) : aspect.owner;
        if (owner && COURIER_OWNERS.has(owner)) return combine('courier', predicate);
        return combine(name, predicate);
      }
      return combine(name, predicate);
    };

    const attach = (item: Occurrence, predicate: Predicate): { aspect?: Occurrence; topic?: Topic } => {
      let before: Occurrence | undefined;
      let after: Occurrence | undefined;
      const personOnly = PERSON_PREDICATES.has(predicate);
      for (const aspect of aspects) {
        if (aspect === item) continue;
        if (personOnly && !PERSON_ASPECTS.has(anchorOf(aspect) ?? 'product')) continue;
        if (aspect.end <= item.start) before = aspect;
        else if (!after && aspect.start >= item.end && aspect.start - item.end <= ASPECT_REACH_AFTER) after = aspect;
      }
      const nearest = OBJECT_FIRST.has(predicate) ? (after ?? before) : (before ?? after);
      if (nearest) return { aspect: nearest };
      if (topic && TOPIC_PREDICATES.has(predicate) && hasCombo(topic.aspect, predicate)) return { topic };
      return {};
    };

    const record = (cause: CauseRef, item: Occurrence, aspect: Occurrence | undefined, isNegated: boolean, unanchored = false, predicate?: Predicate): void => {
      const span =
        aspect && Math.abs(aspect.start - item.start) <= PHRASE_SPAN
          ? [Math.min(aspect.start, item.start), Math.max(aspect.end, item.end)]
          : [item.start, item.end];
      const hit: RuleHit = {
        ...splitCause(cause),
        phrase: phraseOf(tokens, span[0] ?? item.start, span[1] ?? item.end),
        weak: hypothetical,
        unanchored,
        ...(predicate ? { predicate } : {}),
        clause: clauses.length,
      };
      if (isNegated) {
        negated.push(hit);
        praised.add(hit.tag);
        praise = true;
      } else {
        hits.push(hit);
        complaint = true;
      }
    };

    for (const item of items) {
      const { role } = item;
      if (role.kind === 'meta') {
        meta++;
        // "客服我也不满意", "快递员差评": a verdict right after someone names who it is about
        const subject = [...aspects].reverse().find((aspect) => aspect.end <= item.start && item.start - aspect.end <= ASPECT_REACH_AFTER);
        if (subject && PERSON_ASPECTS.has(anchorOf(subject) ?? 'product')) {
          const cause = resolve(subject, 'bad', tokens.units[item.start] ?? '');
          if (cause) record(cause, item, subject, false);
        }
      } else if (role.kind === 'cue') record(role.cause, item, undefined, item.negated);
      else if (role.kind === 'aspect' && item.absent) {
        const cause = resolve(item, 'missing', tokens.units[item.start] ?? '');
        if (cause) record(cause, item, item, false);
      } else if (role.kind === 'predicate') {
        const unit = tokens.units[item.start] ?? '';
        // Negated or lacking praise is a complaint ("不快", "不够细腻", "not responsive"), and so is an overdone
        // good property ("太软"); negated complaints are praise.
        const good = role.predicate === 'pos' || role.predicate === 'trait';
        const flipped = good && (item.negated || item.degree === 'short' || (role.predicate === 'trait' && item.degree === 'excess'));
        const predicate: Predicate = flipped ? 'bad' : good ? 'pos' : role.predicate;
        const isNegated = !good && item.negated;
        const { aspect, topic: carried } = attach(item, predicate);
        // a good property said plainly ("loud", "薄") describes; only a verdict ("好", "great") praises
        if (predicate === 'pos' && role.predicate === 'trait') continue;
        if (predicate === 'pos') {
          const name = aspect ? anchorOf(aspect) : carried?.aspect;
          if (name) praised.add(OWNED_ASPECTS.has(name) && aspect && COURIER_OWNERS.has(ownerOf(aspect) ?? 'seller') ? 'logistics' : aspectTag(name));
          praise = true;
          continue;
        }
        // "the touchpad is unresponsive", "屏幕没反应": no person to be silent, so the thing is not working
        const thing = !aspect && !carried && predicate === 'noreply' ? aspects.find((other) => DEVICE_ASPECTS.has(anchorOf(other) ?? 'seller')) : undefined;
        if (thing) {
          record('quality.defect_broken', item, thing, isNegated, false, 'broken');
          continue;
        }
        const cause = resolve(aspect ?? carried, predicate, unit);
        if (cause) record(cause, item, aspect, isNegated, !aspect && !carried, predicate);
      }
    }

    // the topic reaches the next clause only
    const last = aspects[aspects.length - 1];
    const name = last ? anchorOf(last) : undefined;
    topic = last && name && TOPIC_ASPECTS.has(name) ? { aspect: name, owner: OWNED_ASPECTS.has(name) ? ownerOf(last) : undefined } : undefined;
    clauses.push({ from, to, complaint, praise: praise && !complaint, afterContrast: clause.afterContrast });
  }

  // Goods broken in a parcel the review says was crushed or thrown were broken in transit: a logistics cause.
  if (hits.some((hit) => hit.subTag === 'damaged_parcel')) {
    for (const hit of hits) {
      if (hit.tag === 'quality' && hit.predicate === 'broken') Object.assign(hit, { tag: 'logistics', subTag: 'damaged_parcel' });
    }
  }
  return { tokens, clauses, hits, negated, praised: [...praised], meta, pieces };
}
