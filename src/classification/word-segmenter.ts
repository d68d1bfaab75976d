import { LRUCache } from 'lru-cache';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { PorterStemmer, LancasterStemmer } from './natural-stemmers';
import userDictionary from './resources/zh-user-dict.json';

/** How English words are reduced; measured on held-out English (docs/decisions/0014-classifier-words-and-training.md). */
export type EnglishStemmer = 'porter' | 'lancaster' | 'none';

/** One word of a clause: its surface in the normalised text and the form features use (stemmed for English). */
export interface Word {
  surface: string;
  key: string;
  /** A Han word; English and numbers are not. */
  han: boolean;
}

// A user word gets a frequency above most general words so jieba keeps it whole ("快递柜", "漏发").
const USER_WORD_FREQUENCY = 20_000;
const LATIN = /^[a-z][a-z0-9']*$/;
const DIGITS = /^[0-9][0-9.]*$/;
const HAN = /[\u3400-\u9fff]/;
const MAX_STEM_CACHE = 50_000;

let jieba: Jieba | undefined;

/** jieba with its general dictionary plus the shop vocabulary (resources/zh-user-dict.json); loaded once (~0.3 s). */
export function segmenter(): Jieba {
  if (!jieba) {
    const instance = Jieba.withDict(dict);
    const words = (userDictionary as { words: string[] }).words;
    instance.loadDict(Buffer.from(words.map((word) => `${word} ${USER_WORD_FREQUENCY} n`).join('\n'), 'utf8'));
    jieba = instance;
  }
  return jieba;
}

const stemCache = new LRUCache<string, string>({ max: MAX_STEM_CACHE });

function stem(word: string, stemmer: EnglishStemmer): string {
  if (stemmer === 'none') return word;
  const cacheKey = stemmer === 'porter' ? word : `L|${word}`;
  const cached = stemCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const stemmed = (stemmer === 'porter' ? PorterStemmer : LancasterStemmer).stem(word);
  stemCache.set(cacheKey, stemmed);
  return stemmed;
}

/** A jieba token of a normalised text and where it starts in it. */
export interface Piece {
  token: string;
  start: number;
}

/**
 * jieba's tokens of a normalised text with their offsets, punctuation and spaces included. "n't" is read as the word
 * "not", written in as many characters (" nt") so the offsets stay those of the text.
 */
export function cutPieces(text: string): Piece[] {
  const prepared = text.includes("n't") ? text.replace(/n't\b/g, ' nt') : text;
  const pieces: Piece[] = [];
  let start = 0;
  for (const token of segmenter().cut(prepared, false)) {
    pieces.push({ token, start });
    start += token.length;
  }
  return pieces;
}

/** The words of some of a text's pieces: Chinese words as cut, English words stemmed, '#' for numbers. */
export function piecesToWords(pieces: readonly Piece[], stemmer: EnglishStemmer, from = 0, to = Number.MAX_SAFE_INTEGER): Word[] {
  const words: Word[] = [];
  for (const { token, start } of pieces) {
    if (start < from) continue;
    if (start >= to) break;
    const first = token.charCodeAt(0);
    // most tokens are Chinese words: decided by their first character before any pattern is tried
    if (first >= 0x3400 && first <= 0x9fff) {
      words.push({ surface: token, key: token, han: true });
      continue;
    }
    if (first === 32) continue;
    if (token === 'nt') words.push({ surface: 'not', key: stem('not', stemmer), han: false });
    else if (LATIN.test(token)) {
      const word = token.replace(/'s$/, '').replace(/'/g, '');
      if (word) words.push({ surface: token, key: stem(word === 'ca' ? 'can' : word === 'wo' ? 'will' : word, stemmer), han: false });
    } else if (DIGITS.test(token)) words.push({ surface: token, key: '#', han: false });
    else if (HAN.test(token)) words.push({ surface: token, key: token, han: true });
  }
  return words;
}

/**
 * The words of a stretch of normalised text (lower case, simplified, half-width): jieba words for Chinese, stemmed
 * words for English, '#' for numbers; punctuation and spaces dropped. "n't" becomes the word "not".
 */
export function segmentWords(text: string, stemmer: EnglishStemmer = 'porter'): Word[] {
  return piecesToWords(cutPieces(text), stemmer);
}
