import { LRUCache } from 'lru-cache';
import { toSimplified } from '../text/chinese-script';
import { isBlockedText, reviewRequestForbiddenOn } from '../compliance/compliance-check';
import { actionSentence, actionsFor, RecordedAction } from '../compliance/corrective-actions';
import type { Grade, Platform } from '../reviews/review.types';
import { builtinCandidates, builtinLibrary, Candidate, inScript, joinClauses, joinSentences, toTraditional } from './library/library';
import type { CauseTexts, LanguageLibrary } from './library/library.types';
import { fillTemplate, PlaceholderValues } from './reply-placeholders';
import { checkPublicText, findBlame, findPersonalData, replyLength } from './reply-rules';
import type { Cause, ReplyKind, ReplyLanguage, ReplyPart, Severity } from './reply.types';
import { Remedy, RemedyPolicy, severityOf, suggestRemedy } from './remedy-policy';
import { causeNames, privateRemedyText, publicRemedyText, remedyPolicyNote, remedyReason } from './remedy-text';

/** A shop's own template, as the composer sees it. */
export interface ShopTemplate {
  id: string;
  tag: string | null;
  subTag: string | null;
  language: ReplyLanguage;
  part: ReplyPart;
  text: string;
}

export interface ComposeInput {
  /** seeds the choice among equally fresh variants, so the same inputs and history give the same draft */
  reviewId: string;
  grade: Grade;
  rating: number;
  platform: Platform;
  language: ReplyLanguage;
  /** most confident first; at most three are used */
  causes: readonly Cause[];
  buyerNick: string | null;
  productName: string | null;
  shopName: string | null;
  carrier: string | null;
  orderAmount: number | null;
  highRisk: boolean;
  /** quality sub-tags of this review that many buyers of the same product report */
  widespreadSubTags: ReadonlySet<string>;
  sameProblemBuyers: number | null;
  policy: RemedyPolicy;
  maxLength: number;
  /** the shop's active templates */
  templates: readonly ShopTemplate[];
  /** template ids of the latest drafts on the same product, newest first */
  recent: readonly (readonly string[])[];
  /** never in public text: the order id, the buyer id */
  knownPersonalData: readonly (string | null)[];
  /** the product's key (id or name) the shop's corrective actions name */
  productKey?: string | null;
  /** the shop's corrective actions in effect: the only actions a found sentence states as done */
  actions?: readonly RecordedAction[];
  /** the shop lets a public reply name a gift or coupon (reply settings) */
  giftsInPublic?: boolean;
}

export const OUTREACH_STEPS = [
  'prepare',
  'apology',
  'listen',
  'evidence',
  'explain',
  'remedy',
  'no_compensation',
  'review_request',
  'how_to',
  'record',
] as const;
export type OutreachStepName = (typeof OUTREACH_STEPS)[number];

export interface OutreachStep {
  step: OutreachStepName;
  /** what staff do and why */
  goal: string;
  /** what to say, when the step has a line */
  say: string | null;
}

export interface Outreach {
  steps: OutreachStep[];
  /** the steps as one numbered text, to copy into a chat tool */
  text: string;
}

export interface DraftRemedy extends Remedy {
  /** as the public reply says it (no amounts); null when nothing is offered in public */
  publicText: string | null;
  /** as staff say it, with amounts */
  privateText: string | null;
  reason: string;
}

export interface ComposedReply {
  kind: ReplyKind;
  language: ReplyLanguage;
  /** the 3F parts; null for a thank-you */
  feel: string | null;
  felt: string | null;
  found: string | null;
  text: string;
  length: number;
  maxLength: number;
  /** sentences were swapped for shorter ones or left out to respect the length limit */
  shortened: boolean;
  outreach: Outreach | null;
  remedy: DraftRemedy | null;
  causes: Cause[];
  severity: Severity | null;
  highRisk: boolean;
  templateIds: string[];
}

const MAX_CAUSES = 3;

/** FNV-1a: a stable, well-spread order for variants that are equally fresh. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Hashing a 36-character id is cheaper than a cache lookup: no cache.
const idHash = hash;

/** Combines two hashes into a well-spread 32-bit value (murmur3's finaliser). */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Candidates in order of preference: never used on this product's recent drafts first, then the longest
 * unused, ties broken by a hash of the review and the slot. Deterministic for the same inputs and history.
 */
export function preferenceOrder(candidates: readonly Candidate[], recent: readonly (readonly string[])[], seed: string): Candidate[] {
  const seedHash = hash(seed);
  const keyed = candidates.map((candidate) => {
    const index = recent.findIndex((ids) => ids.includes(candidate.id));
    return { candidate, lastUse: index === -1 ? Number.POSITIVE_INFINITY : index, tie: mix(seedHash, idHash(candidate.id)) };
  });
  return keyed.sort((a, b) => b.lastUse - a.lastUse || a.tie - b.tie).map((k) => k.candidate);
}

/** A candidate sentence, filled the first time its text is needed: most replies fit with their first choice. */
class SentenceOption {
  private filled: string | null = null;

  constructor(
    readonly id: string,
    /** a short, general sentence, used only when the specific ones cannot meet the limit */
    readonly generic: boolean,
    private readonly make: () => string,
  ) {}

  get text(): string {
    this.filled ??= this.make();
    return this.filled;
  }

  private measured: number | null = null;

  /** replyLength of the text, counted once: fitting compares every option's length on every move */
  get length(): number {
    this.measured ??= replyLength(this.text);
    return this.measured;
  }
}

/** A sentence slot of the reply and its options, preferred first. */
interface Unit {
  part: 'feel' | 'felt' | 'found';
  options: SentenceOption[];
  choice: number;
  /** 0: never left out; otherwise the order in which units are left out to meet the length limit */
  dropOrder: number;
  dropped: boolean;
}

const EN_STARTERS = new Set([
  'we',
  'our',
  'the',
  'this',
  'these',
  'every',
  'whenever',
  'sales',
  'future',
  'price',
  'shipping',
  'return',
  'several',
  'one',
  'your',
  'it',
  'there',
  'all',
  'each',
  'you',
]);

/** "We have..." becomes "Also, we have..."; a sentence that does not start with a common word gets no connector. */
function withConnector(language: ReplyLanguage, connector: string, sentence: string): string {
  if (language !== 'en') return `${connector}${sentence}`;
  const first = /^([A-Za-z]+)/.exec(sentence)?.[1];
  if (!first || !EN_STARTERS.has(first.toLowerCase())) return sentence;
  return `${connector}${sentence[0].toLowerCase()}${sentence.slice(1)}`;
}

// Products, shops and carriers repeat from review to review: check each value once.
const CLEANED = new LRUCache<string, { text: string | null }>({ max: 10_000 });

/** A value fit for a public reply, or null: no braces, short enough, no personal data, no blame. */
function cleanValue(value: string | null, maxLength: number, known: readonly (string | null)[]): string | null {
  if (!value) return null;
  const key = `${maxLength}\u0000${value}`;
  let cleaned = CLEANED.get(key)?.text;
  if (cleaned === undefined) {
    const text = value
      .replace(/[{}[\]]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    cleaned = !text || replyLength(text) > maxLength || findPersonalData(text) || findBlame(text) ? null : text;
    CLEANED.set(key, { text: cleaned });
  }
  return cleaned !== null && findPersonalData(cleaned, known) ? null : cleaned;
}

/**
 * A product name short enough for a reply: shop titles are long ("2026新款纯棉短袖T恤男宽松百搭"), and a
 * reply that recites one reads like a robot. Bracketed promotions go, then the first words that fit.
 */
export function shortProductName(name: string | null): string | null {
  if (!name) return null;
  const stripped = name
    .replace(/【[^】]*】|\[[^\]]*\]|（[^）]*）|\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!stripped) return null;
  if (replyLength(stripped) <= 20) return stripped;
  const tokens = stripped.split(/[\s,，|/、]+/).filter(Boolean);
  if (/^[\x20-\x7e]+$/.test(stripped)) {
    let taken = '';
    for (const token of tokens) {
      const next = taken ? `${taken} ${token}` : token;
      if (next.length > 24) break;
      taken = next;
    }
    return taken.split(' ').length >= 2 ? taken : null;
  }
  const first = tokens[0];
  return first && replyLength(first) >= 2 && replyLength(first) <= 16 ? first : null;
}

/** Chooses, fills and fits the sentences of one reply. */
class ReplyBuilder {
  readonly lib: LanguageLibrary;
  readonly values: PlaceholderValues;
  readonly usedIds: string[] = [];

  constructor(readonly input: ComposeInput) {
    this.lib = builtinLibrary(input.language);
    const known = input.knownPersonalData;
    const product = cleanValue(shortProductName(input.productName), 24, known);
    this.values = {
      buyer: cleanValue(input.buyerNick, 20, known),
      product,
      shop: cleanValue(input.shopName, 30, known),
      carrier: cleanValue(input.carrier, 20, known),
    };
  }

  fill(text: string, extra: PlaceholderValues = {}): string {
    return fillTemplate(text, { ...this.values, ...extra }, this.lib.fallbacks);
  }

  /** The shop's templates for a slot, most specific first; in the other Chinese script when that is all there is. */
  shopCandidates(part: ReplyPart, tag: string | null, subTag: string | null): Candidate[] | null {
    const { language, templates } = this.input;
    const levels: [string | null, string | null][] = [];
    if (tag && subTag) levels.push([tag, subTag]);
    if (tag) levels.push([tag, null]);
    levels.push([null, null]);
    const other: ReplyLanguage | null = language === 'zh-Hans' ? 'zh-Hant' : language === 'zh-Hant' ? 'zh-Hans' : null;
    for (const [t, s] of levels) {
      // a shop template that breaks a blocking compliance rule (saved before the guard, or inactive-then-edited) is never drafted
      const match = (lang: ReplyLanguage) =>
        templates.filter(
          (x) =>
            x.part === part &&
            x.language === lang &&
            x.tag === t &&
            x.subTag === s &&
            !isBlockedText(x.text, part.startsWith('outreach') ? 'outreach_step' : 'public_reply'),
        );
      const own = match(language);
      if (own.length) return own.map((x) => ({ id: x.id, text: x.text }));
      if (other) {
        const converted = match(other);
        if (converted.length) {
          return converted.map((x) => ({ id: x.id, text: language === 'zh-Hant' ? toTraditional(x.text) : toSimplified(x.text, true) }));
        }
      }
    }
    return null;
  }

  ordered(slot: string, candidates: readonly Candidate[]): Candidate[] {
    return preferenceOrder(candidates, this.input.recent, `${this.input.reviewId}|${slot}`);
  }

  /** The preferred candidate of a slot, filled; its id is recorded. */
  one(slot: string, candidates: readonly Candidate[], extra: PlaceholderValues = {}): string {
    const [chosen] = this.ordered(slot, candidates);
    this.usedIds.push(chosen.id);
    return this.fill(chosen.text, extra);
  }

  unit(
    part: Unit['part'],
    slot: string,
    candidates: readonly Candidate[],
    options: { dropOrder?: number; transform?: (text: string) => string; extra?: PlaceholderValues; generic?: readonly Candidate[] } = {},
  ): Unit {
    const transform = options.transform ?? ((text: string) => text);
    const fill = (c: Candidate, generic: boolean) => new SentenceOption(c.id, generic, () => transform(this.fill(c.text, options.extra)));
    return {
      part,
      options: [
        ...this.ordered(slot, candidates).map((c) => fill(c, false)),
        ...this.ordered(`${slot}.short`, options.generic ?? []).map((c) => fill(c, true)),
      ],
      choice: 0,
      dropOrder: options.dropOrder ?? 0,
      dropped: false,
    };
  }
}

function causeKey(cause: Cause): string {
  return cause.subTag ? `${cause.tag}/${cause.subTag}` : cause.tag;
}

function causeTexts(lib: LanguageLibrary, cause: Cause): { key: string; texts: CauseTexts } {
  const exact = lib.causes[causeKey(cause)];
  if (exact) return { key: causeKey(cause), texts: exact };
  const tagLevel = lib.causes[cause.tag];
  if (tagLevel) return { key: cause.tag, texts: tagLevel };
  return { key: 'other', texts: lib.causes.other };
}

function render(language: ReplyLanguage, units: readonly Unit[]): { feel: string; felt: string; found: string; text: string } {
  const part = (name: Unit['part']) =>
    joinSentences(
      language,
      units.filter((u) => u.part === name && !u.dropped).map((u) => u.options[u.choice].text),
    );
  const feel = part('feel');
  const felt = part('felt');
  const found = part('found');
  return { feel, felt, found, text: joinSentences(language, [feel, felt, found]) };
}

/**
 * Meets the length limit without cutting a sentence. In order: swap sentences for shorter variants of the same
 * situation; leave out the second and third cause's action; fall back to short general sentences; leave out the
 * remedy sentence (the remedy stays in the private script). Each swap is the smallest that fits, or else the
 * biggest there is. Returns false when even that is too long.
 */
function fit(language: ReplyLanguage, units: Unit[], maxLength: number): boolean {
  const length = () => replyLength(render(language, units).text);
  if (length() <= maxLength) return true;
  const swap = (allowGeneric: boolean) => {
    for (let over = length() - maxLength; over > 0; over = length() - maxLength) {
      const moves: { unit: Unit; index: number; saving: number }[] = [];
      for (const unit of units) {
        if (unit.dropped) continue;
        const current = unit.options[unit.choice].length;
        unit.options.forEach((option, index) => {
          const saving = current - option.length;
          if (saving > 0 && (allowGeneric || !option.generic)) moves.push({ unit, index, saving });
        });
      }
      if (!moves.length) return;
      const fitting = moves.filter((m) => m.saving >= over).sort((a, b) => a.saving - b.saving);
      const move = fitting[0] ?? moves.sort((a, b) => b.saving - a.saving)[0];
      move.unit.choice = move.index;
    }
  };
  const drop = (from: number, to: number) => {
    const droppable = units.filter((u) => u.dropOrder >= from && u.dropOrder <= to).sort((a, b) => a.dropOrder - b.dropOrder);
    for (const unit of droppable) {
      if (length() <= maxLength) return;
      unit.dropped = true;
    }
  };
  swap(false);
  drop(1, 19);
  swap(true);
  drop(20, 99);
  return length() <= maxLength;
}

/** The steps as one numbered text, with the lines to say under each. */
export function outreachText(language: ReplyLanguage, steps: readonly OutreachStep[]): string {
  const say = language === 'en' ? 'Say: ' : language === 'zh-Hant' ? '話術：' : '话术：';
  return steps.map((step, i) => `${i + 1}. ${step.goal}${step.say ? `\n   ${say}${step.say}` : ''}`).join('\n');
}

/** The causes a reply answers: sub-tags first (with their tag), then tags named without a sub-tag. */
export function causesOf(
  tags: readonly string[],
  subTags: readonly string[],
  confidence: Record<string, number> | null,
  parent: (subTag: string) => string | null,
): Cause[] {
  const causes: Cause[] = [];
  for (const subTag of subTags) {
    const tag = parent(subTag);
    if (tag && !causes.some((c) => c.subTag === subTag)) causes.push({ tag: tag as Cause['tag'], subTag });
  }
  for (const tag of tags) {
    if (tag === 'other' || causes.some((c) => c.tag === tag)) continue;
    if (['quality', 'logistics', 'service', 'price'].includes(tag)) causes.push({ tag: tag as Cause['tag'], subTag: null });
  }
  const order = (cause: Cause) => -(confidence?.[cause.tag] ?? 0);
  return causes
    .map((cause, index) => ({ cause, index }))
    .sort((a, b) => order(a.cause) - order(b.cause) || a.index - b.index)
    .map((x) => x.cause);
}

/** A reply that cannot be made to pass the rules falls back to this; it passes every rule at any allowed limit. */
function minimalReply(input: ComposeInput, lib: LanguageLibrary): { feel: string; felt: string; found: string; text: string } {
  const { feel, felt, found } = lib.minimal;
  return { feel, felt, found, text: joinSentences(input.language, [feel, felt, found]) };
}

function composeThankYou(input: ComposeInput): ComposedReply {
  const builder = new ReplyBuilder(input);
  const { lib } = builder;
  const candidates = builder.shopCandidates('thank_you', null, null) ?? builtinCandidates(input.language, 'thankYou', lib.thankYou);
  const ordered = builder.ordered('thank_you', candidates);
  const ok = (text: string) =>
    checkPublicText(text, 'text', { maxLength: input.maxLength, knownPersonalData: input.knownPersonalData, ownText: true }).length === 0;
  const preferred = { id: ordered[0].id, text: builder.fill(ordered[0].text) };
  let chosen = ok(preferred.text) ? preferred : undefined;
  let shortened = false;
  if (!chosen) {
    shortened = true;
    const filled = ordered.map((c) => ({ id: c.id, text: builder.fill(c.text) }));
    chosen = filled.sort((a, b) => replyLength(a.text) - replyLength(b.text)).find((f) => ok(f.text));
  }
  if (!chosen) {
    const bare = ordered.map((c) => ({ id: c.id, text: fillTemplate(c.text, {}, lib.fallbacks) })).find((f) => ok(f.text));
    chosen = bare ?? { id: `builtin:${input.language}:minimal`, text: lib.minimal.feel };
  }
  return {
    kind: 'thank_you',
    language: input.language,
    feel: null,
    felt: null,
    found: null,
    text: chosen.text,
    length: replyLength(chosen.text),
    maxLength: input.maxLength,
    shortened,
    outreach: null,
    remedy: null,
    causes: [],
    severity: null,
    highRisk: false,
    templateIds: [chosen.id],
  };
}

function composeRecovery(input: ComposeInput): ComposedReply {
  const builder = new ReplyBuilder(input);
  const { lib } = builder;
  const language = input.language;
  const causes = input.causes.slice(0, MAX_CAUSES);
  const effective: Cause[] = causes.length ? causes : [{ tag: 'other', subTag: null }];
  const severity = severityOf(input.rating, causes);
  const remedy = suggestRemedy(
    {
      causes,
      severity,
      orderAmount: input.orderAmount,
      widespreadSubTags: input.widespreadSubTags,
      sameProblemBuyers: input.sameProblemBuyers,
      highRisk: input.highRisk,
    },
    input.policy,
  );
  const publicRemedy = publicRemedyText(language, remedy, input.policy, input.giftsInPublic ?? false);
  const privateRemedy = privateRemedyText(language, remedy, input.policy);
  const primary = effective[0];
  const units: Unit[] = [];

  const short = (path: 'feel' | 'felt' | 'found') => builtinCandidates(language, `short.${path}`, lib.short[path]);
  if (input.highRisk) {
    // calm and factual: the built-in wording only, so no shop template can offer compensation here
    for (const part of ['feel', 'felt', 'found'] as const) {
      const generic = builtinCandidates(language, `short.highRisk.${part}`, lib.short.highRisk[part]);
      units.push(builder.unit(part, `highRisk.${part}`, builtinCandidates(language, `highRisk.${part}`, lib.highRisk[part]), { generic }));
    }
  } else {
    const builtin = (cause: Cause, field: 'feel' | 'found') => {
      const { key, texts } = causeTexts(lib, cause);
      return builtinCandidates(language, `causes.${key}.${field}`, texts[field]);
    };
    if (effective.length === 1) {
      const { key, texts } = causeTexts(lib, primary);
      // the issue clause is only said when the limit forces the short sentence: it is not recorded as used
      const [issue] = builder.ordered(`issue.${key}`, builtinCandidates(language, `causes.${key}.issue`, texts.issue));
      const feel = builder.shopCandidates('feel', primary.tag, primary.subTag) ?? builtin(primary, 'feel');
      units.push(builder.unit('feel', `feel.${causeKey(primary)}`, feel, { generic: short('feel'), extra: { problems: builder.fill(issue.text) } }));
      const felt =
        builder.shopCandidates('felt', primary.tag, primary.subTag) ??
        (texts.felt
          ? builtinCandidates(language, `causes.${key}.felt`, texts.felt)
          : builtinCandidates(language, `felt.${primary.tag}`, lib.felt[primary.tag]));
      units.push(builder.unit('felt', `felt.${causeKey(primary)}`, felt, { generic: short('felt') }));
    } else {
      const problems = joinClauses(
        language,
        effective.map((cause) => {
          const { key, texts } = causeTexts(lib, cause);
          return builder.one(`issue.${key}`, builtinCandidates(language, `causes.${key}.issue`, texts.issue));
        }),
      );
      units.push(
        builder.unit('feel', 'multi.feel', builtinCandidates(language, 'multi.feel', lib.multi.feel), { extra: { problems }, generic: short('feel') }),
      );
      const felt = builder.shopCandidates('felt', null, null) ?? builtinCandidates(language, 'multi.felt', lib.multi.felt);
      units.push(builder.unit('felt', 'multi.felt', felt, { generic: short('felt') }));
    }
    effective.forEach((cause, index) => {
      const widespread = cause.tag === 'quality' && cause.subTag !== null && input.widespreadSubTags.has(cause.subTag);
      const candidates = widespread
        ? builtinCandidates(language, 'widespread', lib.widespread)
        : (builder.shopCandidates('found', cause.tag, cause.subTag) ?? builtin(cause, 'found'));
      const connector = index === 0 ? null : lib.connectors[(index - 1) % lib.connectors.length];
      const transform = connector ? (text: string) => withConnector(language, connector, text) : undefined;
      // the third cause's action is left out first, then the second's; the first cause's falls back to a short one
      const unit = builder.unit('found', `found.${causeKey(cause)}${widespread ? '.widespread' : ''}`, candidates, {
        dropOrder: index === 0 ? 0 : 10 - index,
        transform,
        generic: index === 0 ? short('found') : [],
      });
      // a corrective action the shop recorded for this cause is stated first, with its date; otherwise the
      // sentences say what the shop will do
      const [recorded] = actionsFor(input.actions ?? [], {
        ...cause,
        productKey: input.productKey ?? null,
        carrier: input.carrier,
        language: language === 'en' ? 'en' : 'zh',
      });
      if (recorded && !widespread) {
        const sentence = inScript(language, actionSentence(recorded, language === 'en' ? 'en' : 'zh'));
        unit.options.unshift(new SentenceOption(`action:${recorded.id}`, false, () => (transform ? transform(sentence) : sentence)));
      }
      units.push(unit);
    });
    if (publicRemedy) {
      const frames = builder.shopCandidates('remedy', primary.tag, primary.subTag) ?? builtinCandidates(language, 'remedy', lib.remedy);
      units.push(builder.unit('found', 'remedy', frames, { dropOrder: 20, extra: { remedy: publicRemedy } }));
    }
  }

  const fits = fit(language, units, input.maxLength);
  const shortened = !fits || units.some((u) => u.choice !== 0 || u.dropped);
  let parts = render(language, units);
  let templateIds = [...builder.usedIds, ...units.filter((u) => !u.dropped).map((u) => u.options[u.choice].id)];
  const problems = checkPublicText(parts.text, 'text', {
    highRisk: input.highRisk,
    maxLength: input.maxLength,
    knownPersonalData: input.knownPersonalData,
    ownText: true,
  });
  if (!fits || problems.length) {
    parts = minimalReply(input, lib);
    templateIds = [`builtin:${language}:minimal`];
  }

  const outreach = composeOutreach(builder, effective, remedy, privateRemedy);
  const draftRemedy: DraftRemedy = { ...remedy, publicText: publicRemedy, privateText: privateRemedy, reason: remedyReason(language, remedy, input.policy) };
  return {
    kind: 'recovery',
    language,
    ...parts,
    length: replyLength(parts.text),
    maxLength: input.maxLength,
    shortened,
    outreach,
    remedy: draftRemedy,
    causes: effective,
    severity,
    highRisk: input.highRisk,
    // outreach lines are chosen last: their ids join the public ones
    templateIds: [...new Set([...templateIds, ...builder.usedIds])],
  };
}

/** The private phone/IM script of the recovery workflow (domain brief, section 3). */
function composeOutreach(builder: ReplyBuilder, causes: readonly Cause[], remedy: Remedy, privateRemedy: string | null): Outreach {
  const { lib, input } = builder;
  const language = input.language;
  const o = lib.outreach;
  const primary = causes[0];
  const names = causeNames(language, causes);
  const pick = (slot: string, part: ReplyPart | null, texts: readonly string[], extra: PlaceholderValues = {}) => {
    const candidates = (part && builder.shopCandidates(part, primary.tag, primary.subTag)) || builtinCandidates(language, slot, texts);
    return builder.one(slot, candidates, extra);
  };
  const steps: OutreachStep[] = [];
  if (input.highRisk) {
    const h = o.highRisk;
    steps.push({ step: 'prepare', goal: builder.fill(h.prepareGoal, { causes: names }), say: null });
    steps.push({ step: 'apology', goal: h.apologyGoal, say: pick('outreach.highRisk.apology', null, h.apology) });
    steps.push({ step: 'evidence', goal: h.evidenceGoal, say: pick('outreach.highRisk.evidence', null, h.evidence) });
    steps.push({ step: 'explain', goal: h.explainGoal, say: pick('outreach.highRisk.explain', null, h.explain) });
    steps.push({ step: 'no_compensation', goal: h.noCompensationGoal, say: null });
    steps.push({ step: 'record', goal: h.recordGoal, say: null });
    return { steps, text: outreachText(language, steps) };
  }
  steps.push({ step: 'prepare', goal: builder.fill(o.prepareGoal, { causes: names }), say: null });
  steps.push({ step: 'apology', goal: o.apologyGoal, say: pick('outreach.apology', 'outreach_apology', o.apology) });
  steps.push({ step: 'listen', goal: o.listenGoal, say: pick('outreach.listen', null, o.listen) });
  const shopExplain = builder.shopCandidates('outreach_explanation', primary.tag, primary.subTag);
  const explain = shopExplain
    ? builder.one('outreach.explain', shopExplain)
    : joinSentences(
        language,
        causes.map((cause) => {
          const { key, texts } = causeTexts(lib, cause);
          return builder.one(`outreach.explain.${key}`, builtinCandidates(language, `causes.${key}.explain`, texts.explain));
        }),
      );
  steps.push({ step: 'explain', goal: o.explainGoal, say: explain });
  const note = remedyPolicyNote(language, remedy, input.policy);
  const goal = joinSentences(language, [o.remedyGoal, note ?? '', remedy.needsLeadApproval ? o.leadApproval : '']);
  // where the platform forbids asking for a review update at all (Amazon), the review is not mentioned and the script ends with the remedy
  const reviewTalk = !reviewRequestForbiddenOn(input.platform);
  const remedyLines = reviewTalk ? o.remedy : o.remedyOnly;
  steps.push({
    step: 'remedy',
    goal,
    say: privateRemedy ? pick(reviewTalk ? 'outreach.remedy' : 'outreach.remedyOnly', null, remedyLines, { remedy: privateRemedy }) : null,
  });
  if (reviewTalk) {
    steps.push({ step: 'review_request', goal: o.requestGoal, say: pick('outreach.request', 'outreach_request', o.request) });
    steps.push({ step: 'how_to', goal: o.howToGoal, say: o.howTo[input.platform] ?? o.howTo.other });
  }
  steps.push({ step: 'record', goal: o.recordGoal, say: null });
  return { steps, text: outreachText(language, steps) };
}

/** The draft for a review: a 3F recovery reply with outreach and remedy, or a thank-you for a good review. */
export function composeReply(input: ComposeInput): ComposedReply {
  return input.grade === 'good' ? composeThankYou(input) : composeRecovery(input);
}
