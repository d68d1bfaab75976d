import { LRUCache } from 'lru-cache';
import { toSimplified } from '../text/chinese-script';

/**
 * A review cut into units: one unit per Han character, one per (stemmed) Latin word, '#' per number.
 * Chinese and English share one stream so mixed texts ("质量不错 but shipping was slow") need no language switch.
 * Segments are runs of units between punctuation, emoji and the spaces buyers type instead of Chinese commas.
 */
export interface TokenizedReview {
  /** The normalised text the offsets point into (simplified, half-width, lower case). */
  text: string;
  units: string[];
  starts: number[];
  ends: number[];
  /** [from, to) unit ranges. */
  segments: Array<[number, number]>;
  negativeEmoji: number;
  positiveEmoji: number;
}

// Frequent misspellings and homophone slang for the words the lexicon needs.
const CHINESE_VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/块递|快第/g, '快递'],
  [/物留|无流/g, '物流'],
  [/垃级|拉圾|辣鸡|辣稽|腊鸡|垃鸡|(?<![a-z])lj(?![a-z])/g, '垃圾'],
  [/客fu|kf(?![a-z])/g, '客服'],
  [/(?<![a-z])wl(?![a-z])/g, '物流'],
  [/肿么/g, '怎么'],
  [/神马/g, '什么'],
  [/木有/g, '没有'],
  [/伐开心|不开森/g, '不开心'],
  [/酱紫/g, '这样'],
];
const CHINESE_VARIANT_TEST = /块递|快第|物留|无流|垃级|拉圾|辣鸡|辣稽|腊鸡|垃鸡|lj|客fu|kf|wl|肿么|神马|木有|伐开心|不开森|酱紫/;

const ENGLISH_VARIANTS: Readonly<Record<string, string>> = {
  recieved: 'received',
  recieve: 'receive',
  recived: 'received',
  delivary: 'delivery',
  dilevery: 'delivery',
  delievery: 'delivery',
  deliverd: 'delivered',
  shiping: 'shipping',
  shippment: 'shipment',
  costumer: 'customer',
  custmer: 'customer',
  customar: 'customer',
  servise: 'service',
  sevice: 'service',
  warrenty: 'warranty',
  warrantee: 'warranty',
  waranty: 'warranty',
  batery: 'battery',
  battary: 'battery',
  dissapointed: 'disappointed',
  disapointed: 'disappointed',
  dissappointed: 'disappointed',
  refound: 'refund',
  recomend: 'recommend',
  defective: 'defective',
  brokem: 'broken',
  borken: 'broken',
  brocken: 'broken',
  brokn: 'broken',
  crackd: 'cracked',
  damged: 'damaged',
  damagd: 'damaged',
  deffective: 'defective',
  defectiv: 'defective',
  expencive: 'expensive',
  expesive: 'expensive',
  packege: 'package',
  pakage: 'package',
  colour: 'color',
  colours: 'colors',
  smelt: 'smell',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  tho: 'though',
  wk: 'week',
  wks: 'weeks',
  hrs: 'hours',
  mins: 'minutes',
  cs: 'support',
};

const SPLIT_CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  dont: ['do', 'not'],
  didnt: ['did', 'not'],
  doesnt: ['does', 'not'],
  wasnt: ['was', 'not'],
  isnt: ['is', 'not'],
  arent: ['are', 'not'],
  werent: ['were', 'not'],
  cant: ['can', 'not'],
  cannot: ['can', 'not'],
  wont: ['will', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'],
  havent: ['have', 'not'],
  hasnt: ['has', 'not'],
  hadnt: ['had', 'not'],
  aint: ['is', 'not'],
};

const NEGATIVE_EMOJI = new Set([...'😡😠🤬😤👎💩😞😔😢😭😩😫🙄😒😑😓😰😣😖😕🙁☹😪💔🤮🤢😱😨😧😦🤔😥']);
const POSITIVE_EMOJI = new Set([...'👍😊😄😁😃😀❤💕🥰😍🌹✨👌💯🎉😘💖💗🤩😋🙏🌟⭐💪']);

// Words the suffix stripper would merge with a different word ("packaging" with "package", "goods" with "good").
const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  packaging: 'packaging',
  hardly: 'hardly',
  goods: 'goods',
  hate: 'hate',
  hated: 'hate',
  hates: 'hate',
  sales: 'sales',
  costly: 'costly',
  refunded: 'refunded',
  early: 'early',
  only: 'only',
  really: 'really',
  needs: 'need',
  news: 'news',
  series: 'series',
  lens: 'lens',
  glasses: 'glasses',
  sunglasses: 'sunglasses',
  pants: 'pants',
  jeans: 'jeans',
  shorts: 'shorts',
  shoes: 'shoe',
  dies: 'die',
  died: 'die',
  dying: 'die',
  lies: 'lie',
  lied: 'lie',
  lying: 'lie',
  boots: 'boots',
  shorted: 'shorted',
  disappointing: 'disappointing',
  gripe: 'gripe',
  gripes: 'gripe',
};

const STEM_CACHE = new LRUCache<string, string>({ max: 100_000 });

/** A light suffix stripper: it only has to agree with itself, since lexicon terms go through it too. */
export function stemWord(word: string): string {
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const w = STEM_EXCEPTIONS[word] ?? stripSuffixes(word);
  STEM_CACHE.set(word, w);
  return w;
}

function stripSuffixes(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  const last = w.length - 1;
  if (w.length > 4 && w[last] === w[last - 1] && !/[lsz]/.test(w[last] ?? '')) w = w.slice(0, -1);
  return w;
}

/** Width, case, script and spelling variants, before cutting. */
export function normalizeReviewText(text: string, forceSimplified = false): string {
  let normalized = text.normalize('NFKC').toLowerCase();
  normalized = toSimplified(normalized, forceSimplified);
  if (CHINESE_VARIANT_TEST.test(normalized)) {
    for (const [pattern, replacement] of CHINESE_VARIANTS) normalized = normalized.replace(pattern, replacement);
  }
  return normalized;
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0xc0 && code <= 0x24f);
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0;
}

function wordUnits(raw: string): readonly string[] {
  let word = raw.replace(/\u2019/g, "'").replace(/(.)\1{2,}/g, '$1$1');
  if (/^\d+(?:[.,]\d+)?$/.test(word)) return ['#'];
  const split = SPLIT_CONTRACTIONS[word];
  if (split) return split;
  const apostrophe = word.indexOf("'");
  if (apostrophe > 0) {
    if (word.endsWith("n't")) {
      const base = word.slice(0, -3);
      return [base === 'ca' ? 'can' : base === 'wo' ? 'will' : stemWord(base), 'not'];
    }
    word = word.slice(0, apostrophe);
  }
  word = ENGLISH_VARIANTS[word] ?? word;
  return [stemWord(word)];
}

export function tokenizeReview(text: string, options: { forceSimplified?: boolean } = {}): TokenizedReview {
  const normalized = normalizeReviewText(text, options.forceSimplified);
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const segments: Array<[number, number]> = [];
  let segmentStart = 0;
  let negativeEmoji = 0;
  let positiveEmoji = 0;
  const cut = (): void => {
    if (units.length > segmentStart) segments.push([segmentStart, units.length]);
    segmentStart = units.length;
  };

  let i = 0;
  const length = normalized.length;
  while (i < length) {
    const code = normalized.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    if (isHan(code)) {
      units.push(normalized.slice(i, i + width));
      starts.push(i);
      ends.push(i + width);
      i += width;
    } else if (isWordChar(code)) {
      let j = i + 1;
      while (j < length) {
        const next = normalized.charCodeAt(j);
        if (isWordChar(next) || (isApostrophe(next) && j + 1 < length && isWordChar(normalized.charCodeAt(j + 1)))) j++;
        else break;
      }
      for (const unit of wordUnits(normalized.slice(i, j))) {
        units.push(unit);
        starts.push(i);
        ends.push(j);
      }
      i = j;
    } else if (isSpace(code)) {
      let j = i + 1;
      while (j < length && isSpace(normalized.charCodeAt(j))) j++;
      // Chinese buyers often type a space where a comma belongs.
      const before = i > 0 ? (normalized.codePointAt(i - 1) ?? 0) : 0;
      const after = normalized.codePointAt(j) ?? 0;
      if (isHan(before) || isHan(after)) cut();
      i = j;
    } else {
      const char = normalized.slice(i, i + width);
      if (NEGATIVE_EMOJI.has(char)) negativeEmoji++;
      else if (POSITIVE_EMOJI.has(char)) positiveEmoji++;
      // a dot or comma inside a number ("3.5") is not a boundary
      const inNumber = (code === 46 || code === 44) && i > 0 && i + 1 < length && /\d/.test(normalized[i - 1] ?? '') && /\d/.test(normalized[i + 1] ?? '');
      if (!inNumber && code !== 45 && code !== 47 && code !== 38) cut();
      i += width;
    }
  }
  cut();
  return { text: normalized, units, starts, ends, segments, negativeEmoji, positiveEmoji };
}
