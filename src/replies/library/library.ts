import { LRUCache } from 'lru-cache';
import type * as OpenCC from 'opencc-js';
import type { ReplyLanguage } from '../reply.types';
import enLibrary from '../resources/library.en.json';
import zhHansLibrary from '../resources/library.zh-hans.json';
import type { LanguageLibrary } from './library.types';

// the libraries are data (resources/library.*.json); the compiler checks them against LanguageLibrary here
const EN_LIBRARY: LanguageLibrary = enLibrary;
const ZH_HANS_LIBRARY: LanguageLibrary = zhHansLibrary;

/** A template the composer can choose: built-in ids are `builtin:<language>:<path>:<index>`, shop ids are UUIDs. */
export interface Candidate {
  id: string;
  text: string;
}

type ConverterFunction = ReturnType<typeof OpenCC.Converter>;
let toTraditionalConverter: ConverterFunction | undefined;

// OpenCC's Taiwan phrase table also rewrites words that need no change in a shop reply (支持 becomes 支援,
// 优化 becomes 最佳化): characters are converted with the Taiwan table, and only these words are localised.
const TAIWAN_WORDS: [string, string][] = [
  ['信息', '资讯'],
  ['视频', '影片'],
  ['设置', '设定'],
  ['质量', '品质'],
];

// Remedy wording, reasons and shop templates repeat from draft to draft: convert each once.
const CONVERTED = new LRUCache<string, string>({ max: 10_000 });

/** Simplified to traditional Chinese (Taiwan characters); the cn2t build is loaded on first use. */
export function toTraditional(text: string): string {
  const cached = CONVERTED.get(text);
  if (cached !== undefined) return cached;
  const converted = convertToTraditional(text);
  CONVERTED.set(text, converted);
  return converted;
}

function convertToTraditional(text: string): string {
  if (!toTraditionalConverter) {
    const openCC = require('opencc-js/cn2t') as typeof OpenCC;
    toTraditionalConverter = openCC.Converter({ from: 'cn', to: 'tw' });
  }
  let localised = text;
  for (const [from, to] of TAIWAN_WORDS) localised = localised.split(from).join(to);
  return toTraditionalConverter(localised);
}

function mapStrings<T>(value: T, convert: (text: string) => string): T {
  if (typeof value === 'string') return convert(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, convert)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, convert)])) as T;
  }
  return value;
}

let zhHant: LanguageLibrary | undefined;

/** The built-in library of a language; traditional Chinese is converted from the simplified one once. */
export function builtinLibrary(language: ReplyLanguage): LanguageLibrary {
  if (language === 'en') return EN_LIBRARY;
  if (language === 'zh-Hans') return ZH_HANS_LIBRARY;
  zhHant ??= mapStrings(ZH_HANS_LIBRARY, toTraditional);
  return zhHant;
}

/** Text in the script of the language: what the code writes in simplified Chinese, converted for zh-Hant. */
export function inScript(language: ReplyLanguage, text: string): string {
  return language === 'zh-Hant' ? toTraditional(text) : text;
}

const CANDIDATES = new Map<string, Candidate[]>();

/** Built-in candidates of one slot, e.g. (zh-Hans, 'causes.logistics/slow_delivery.feel', [...]); built once per slot. */
export function builtinCandidates(language: ReplyLanguage, path: string, texts: readonly string[]): Candidate[] {
  const key = `${language}:${path}`;
  let candidates = CANDIDATES.get(key);
  if (!candidates || candidates.length !== texts.length || candidates.some((c, i) => c.text !== texts[i])) {
    candidates = texts.map((text, index) => ({ id: `builtin:${key}:${index}`, text }));
    CANDIDATES.set(key, candidates);
  }
  return candidates;
}

/** Chinese text is joined without spaces, English with one. */
export function joinSentences(language: ReplyLanguage, sentences: readonly string[]): string {
  const parts = sentences.map((s) => s.trim()).filter((s) => s.length > 0);
  return language === 'en' ? parts.join(' ') : parts.join('');
}

/** The causes of a multi-cause reply as one clause: "A，B，C" or "A, B and C". */
export function joinClauses(language: ReplyLanguage, clauses: readonly string[]): string {
  if (language !== 'en') return clauses.join('，');
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join(', ')} and ${clauses[clauses.length - 1]}`;
}

/** Names joined for staff-facing text: "A、B" or "A, B". */
export function joinNames(language: ReplyLanguage, names: readonly string[]): string {
  return names.join(language === 'en' ? ', ' : '、');
}
