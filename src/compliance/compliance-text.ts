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
  from: number[];
  /** original index just after each normalised character */
  to: number[];
  /** boundaries[i]: a word starts or ends at normalised offset i (from the segmenter) */
  boundaries: Uint8Array;
  /** [start, end) of each sentence in the normalised text */
  sentences: [number, number][];
}

const SEPARATORS = new Set([...' \t\r\u00a0\u3000\u200b\u200c\u200d\ufeff·•*_~-|\\+=^`"“”‘’「」『』【】()（）[]<>《》〈〉…—–、'.split('')]);
const SENTENCE_END = new Set([...'。！？!?；;\n']);

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isLatin = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isWordChar = (code: number) => isHan(code) || isDigit(code) || isLatin(code);

/** Half-width, lower case, per code point, remembering where each character came from. */
function widen(original: string): { chars: string[]; from: number[]; to: number[] } {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of original) {
    const code = char.charCodeAt(0);
    // ASCII needs only lower-casing; everything else goes through NFKC (full-width letters and digits, ①, ｗｘ)
    const normal = code < 128 ? char.toLowerCase() : char.normalize('NFKC').toLowerCase();
    for (const unit of normal) {
      chars.push(unit);
      from.push(index);
      to.push(index + char.length);
    }
    index += char.length;
  }
  return { chars, from, to };
}

/** The normalised text and its word boundaries; `terms` are the Han terms a joined word may be split into. */
export function normaliseForRules(original: string, hanTerms: ReadonlySet<string>, maxTermLength: number): NormalisedText {
  const wide = widen(original);
  const joined = wide.chars.join('');
  const simplified = toSimplified(joined);
  // the conversion is character for character for nearly every text; where it is not, convert per character
  const chars = simplified.length === joined.length ? [...simplified] : wide.chars.map((c) => (c.length === 1 && isHan(c.charCodeAt(0)) ? toSimplified(c) : c));

  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!SEPARATORS.has(chars[i]) && !(chars[i] === '.' && isHan(prevCode(out)) && isHan(nextCode(chars, i)))) {
      out.push(chars[i]);
      from.push(wide.from[i]);
      to.push(wide.to[i]);
      continue;
    }
    // a run of separators: dropped inside a Chinese word or a number, one space between English words
    let j = i;
    while (j < chars.length && (SEPARATORS.has(chars[j]) || chars[j] === '.')) {
      if (chars[j] === '.' && !(isHan(prevCode(out)) && isHan(nextCode(chars, j)))) break;
      j++;
    }
    const before = prevCode(out);
    const after = j < chars.length ? chars[j].charCodeAt(0) : -1;
    const glue = (isHan(before) && isWordChar(after)) || (isWordChar(before) && isHan(after)) || (isDigit(before) && isDigit(after));
    if (!glue && before !== -1 && after !== -1 && out[out.length - 1] !== ' ') {
      out.push(' ');
      from.push(wide.from[i]);
      to.push(wide.to[j - 1]);
    }
    i = j - 1;
  }
  const text = out.join('');
  return { text, from, to, boundaries: wordBoundaries(text, hanTerms, maxTermLength), sentences: sentencesOf(text) };
}

function prevCode(out: readonly string[]): number {
  return out.length ? out[out.length - 1].charCodeAt(0) : -1;
}

function nextCode(chars: readonly string[], i: number): number {
  for (let j = i + 1; j < chars.length; j++) if (!SEPARATORS.has(chars[j]) && chars[j] !== '.') return chars[j].charCodeAt(0);
  return -1;
}

function sentencesOf(text: string): [number, number][] {
  const sentences: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const end = SENTENCE_END.has(ch) || (ch === '.' && (i + 1 === text.length || text[i + 1] === ' ') && !isDigit(text.charCodeAt(i - 1)));
    if (end) {
      if (i > start) sentences.push([start, i]);
      start = i + 1;
    }
  }
  if (start < text.length) sentences.push([start, text.length]);
  return sentences;
}

/**
 * Where words start and end, from jieba. A word jieba keeps whole but that is made entirely of rule terms
 * (好评返现 as 好评 + 返现) is split into them, so each term is still found at a word boundary.
 */
function wordBoundaries(text: string, hanTerms: ReadonlySet<string>, maxTermLength: number): Uint8Array {
  const boundaries = new Uint8Array(text.length + 1);
  boundaries[0] = 1;
  boundaries[text.length] = 1;
  let offset = 0;
  const tokens = text ? segmenter().cut(text, false) : [];
  for (const token of tokens) {
    if (token.length >= 2 && isHan(token.charCodeAt(0)) && !hanTerms.has(token)) splitIntoTerms(token, offset, hanTerms, maxTermLength, boundaries);
    offset += token.length;
    boundaries[Math.min(offset, text.length)] = 1;
  }
  if (offset !== text.length) {
    // jieba dropped or changed characters: fall back to every character as a word of its own
    boundaries.fill(1);
  }
  return boundaries;
}

function splitIntoTerms(token: string, offset: number, terms: ReadonlySet<string>, maxLength: number, boundaries: Uint8Array): void {
  // reach[i]: the first i characters are a sequence of terms; back[i] the start of the last of them
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
