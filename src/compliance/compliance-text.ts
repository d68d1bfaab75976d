import { toSimplified } from '../text/chinese-script';
import { segmenter } from '../classification/word-segmenter';

/**
 * A text as the rules read it, with a map back to the original so a finding's span points at what the author
 * wrote: full-width to half-width (NFKC), lower case, simplified Chinese, and the spaces and symbols someone puts
 * inside a word to slip past a filter (好评返 现, 加-微-信, 138 1234 5678) removed. Between two English words
 * they become one space ("5-star" reads "5 star").
 */
export interface NormalisedText {
  text: string;
  /** original index of each normalised character's start */
  from: Int32Array;
  /** original index just after each normalised character */
  to: Int32Array;
  /** [start, end) of each sentence in the normalised text */
  sentences: [number, number][];
}

const SEPARATORS = ' \t\r\u00a0\u3000\u200b\u200c\u200d\ufeff·•*_~-|\\+=^`"“”‘’「」『』【】()（）[]<>《》〈〉…—–、';
const SENTENCE_END = '。！？!?；;\n';
const DOT = 46;
const SPACE = 32;

/** Per UTF-16 code unit: 1 a separator, 2 a sentence end. */
const CLASS = new Uint8Array(0x10000);
for (let i = 0; i < SEPARATORS.length; i++) CLASS[SEPARATORS.charCodeAt(i)] = 1;
for (let i = 0; i < SENTENCE_END.length; i++) CLASS[SENTENCE_END.charCodeAt(i)] = 2;

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isLatin = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isWordChar = (code: number) => isHan(code) || isDigit(code) || isLatin(code);

interface Widened {
  text: string;
  /** per UTF-16 unit of text: where it came from in the original */
  from: number[];
  to: number[];
}

/** Half-width, lower case, remembering where each unit came from. */
function widen(original: string): Widened {
  const units: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let changed = false;
  for (let index = 0; index < original.length;) {
    const code = original.charCodeAt(index);
    // ASCII needs only lower-casing and a unified ideograph nothing; the rest goes through NFKC (full-width
    // letters and digits, ①, ｗｘ, compatibility ideographs)
    if (code < 128 || (code >= 0x3400 && code <= 0x9fff)) {
      const lower = code >= 65 && code <= 90 ? code + 32 : code;
      changed ||= lower !== code;
      units.push(lower);
      from.push(index);
      to.push(index + 1);
      index++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < original.length ? 2 : 1;
    const char = original.slice(index, index + width);
    const normal = char.normalize('NFKC').toLowerCase();
    changed ||= normal !== char;
    for (let k = 0; k < normal.length; k++) {
      units.push(normal.charCodeAt(k));
      from.push(index);
      to.push(index + width);
    }
    index += width;
  }
  return { text: changed ? fromCodes(units) : original, from, to };
}

function fromCodes(units: readonly number[]): string {
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return text;
}

/** The normalised text and its sentences; word boundaries come later, for the sentences that need them. */
export function normaliseForRules(original: string): NormalisedText {
  const wide = widen(original);
  let chars = wide.text;
  const simplified = toSimplified(chars);
  if (simplified !== chars) {
    // the conversion is character for character for nearly every text; where it is not, convert per character
    chars =
      simplified.length === chars.length
        ? simplified
        : chars.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, (c) => (toSimplified(c).length === 1 ? toSimplified(c) : c));
  }
  const length = chars.length;
  const units: number[] = [];
  const from = new Int32Array(length);
  const to = new Int32Array(length);
  let last = -1;
  const push = (code: number, start: number, end: number) => {
    from[units.length] = start;
    to[units.length] = end;
    units.push(code);
    last = code;
  };
  // the unit after i that is neither a separator nor a dot
  const nextCode = (i: number) => {
    for (let j = i + 1; j < length; j++) {
      const code = chars.charCodeAt(j);
      if (CLASS[code] !== 1 && code !== DOT) return code;
    }
    return -1;
  };
  for (let i = 0; i < length; i++) {
    const code = chars.charCodeAt(i);
    if (CLASS[code] !== 1 && !(code === DOT && isHan(last) && isHan(nextCode(i)))) {
      push(code, wide.from[i], wide.to[i]);
      continue;
    }
    // a run of separators: dropped inside a Chinese word or a number, one space between English words
    let j = i;
    while (j < length) {
      const at = chars.charCodeAt(j);
      if (at === DOT) {
        if (!(isHan(last) && isHan(nextCode(j)))) break;
      } else if (CLASS[at] !== 1) break;
      j++;
    }
    const after = j < length ? chars.charCodeAt(j) : -1;
    const glue = (isHan(last) && isWordChar(after)) || (isWordChar(last) && isHan(after)) || (isDigit(last) && isDigit(after));
    if (!glue && last !== -1 && after !== -1 && last !== SPACE) push(SPACE, wide.from[i], wide.to[j - 1]);
    i = j - 1;
  }
  const text = fromCodes(units);
  return {
    text,
    from: from.subarray(0, units.length),
    to: to.subarray(0, units.length),
    sentences: sentencesOf(text),
  };
}

function sentencesOf(text: string): [number, number][] {
  const sentences: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const end = CLASS[code] === 2 || (code === DOT && (i + 1 === text.length || text.charCodeAt(i + 1) === SPACE) && !isDigit(text.charCodeAt(i - 1)));
    if (end) {
      if (i > start) sentences.push([start, i]);
      start = i + 1;
    }
  }
  if (start < text.length) sentences.push([start, text.length]);
  return sentences;
}

/**
 * Marks where words start and end in text[from, to) (one or more whole sentences), from jieba. A word jieba keeps whole but that
 * is made entirely of rule terms (好评返现 as 好评 + 返现) is split into them, so each term is still found at a
 * word boundary. Sentences end at punctuation jieba splits at anyway, so they cut as they would in the whole text.
 */
export function markWordBoundaries(text: string, from: number, to: number, hanTerms: ReadonlySet<string>, maxTermLength: number, boundaries: Uint8Array): void {
  boundaries[from] = 1;
  boundaries[to] = 1;
  if (to <= from) return;
  let offset = from;
  for (const token of segmenter().cut(text.slice(from, to), false)) {
    if (token.length >= 2 && isHan(token.charCodeAt(0)) && !hanTerms.has(token)) splitIntoTerms(token, offset, hanTerms, maxTermLength, boundaries);
    offset += token.length;
    boundaries[Math.min(offset, to)] = 1;
  }
  // jieba dropped or changed characters: fall back to every character as a word of its own
  if (offset !== to) boundaries.fill(1, from, to + 1);
}

function splitIntoTerms(token: string, offset: number, terms: ReadonlySet<string>, maxLength: number, boundaries: Uint8Array): void {
  // back[i]: the first i characters are a sequence of terms, the last of them starting at back[i] (-1: they are not)
  const back = new Int16Array(token.length + 1).fill(-1);
  back[0] = 0;
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - maxLength); start < end; start++) {
      if (back[start] !== -1 && terms.has(token.slice(start, end))) {
        back[end] = start;
        break;
      }
    }
  }
  if (back[token.length] === -1) return;
  for (let at = token.length; at > 0; at = back[at]) boundaries[offset + at] = 1;
}
