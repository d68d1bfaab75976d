import { hanScript } from './chinese-script';

/** The languages a review is detected in (the reviews' `language` column). */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];

const HAN = /\p{Script=Han}/u;
const OTHER_SCRIPTS = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Thai}\p{Script=Devanagari}]/u;
const LATIN_WORD = /[A-Za-z]+(?:'[A-Za-z]+)?/g;
const ENGLISH_FUNCTION_WORDS = new Set(
  'the a an and or but not no is are was were be been it its this that these those i my me we our you your he she they them to of in on at for with from by as so very too item product order delivery seller quality good bad poor broken arrived never after than would will did does do have has had'.split(
    ' ',
  ),
);

/**
 * Language of a review: zh-Hans, zh-Hant, en or other; null for a text with no letters at all.
 * Chinese wins when Han characters carry the text, even with English brand names or pinyin mixed in.
 */
export function detectLanguage(text: string): Language | null {
  let han = 0;
  let traditional = 0;
  let simplified = 0;
  let otherScript = 0;
  for (const char of text) {
    if (HAN.test(char)) {
      han++;
      // opencc-js's tables (tw to cn) tell which characters only one script writes
      const script = hanScript(char);
      if (script === 'traditional') traditional++;
      else if (script === 'simplified') simplified++;
    } else if (OTHER_SCRIPTS.test(char)) {
      otherScript++;
    }
  }
  const words = text.match(LATIN_WORD) ?? [];
  const latinLetters = words.reduce((sum, word) => sum + word.length, 0);

  if (han === 0 && latinLetters === 0 && otherScript === 0) return null;
  // Japanese mixes kana with kanji: kana decide it.
  if (otherScript > 0 && otherScript >= han * 0.2) return 'other';
  // One Han character weighs about as much as a short English word.
  if (han > 0 && han * 3 >= latinLetters * 0.5) {
    return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
  }
  if (words.length === 0) return 'other';
  const english = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word.toLowerCase())).length;
  // Short texts ("ok", "broken") carry too few words to judge: English is the likely case in these shops.
  if (words.length < 4 || english / words.length >= 0.1) return 'en';
  return 'other';
}
