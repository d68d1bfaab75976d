/** The languages a review is detected in (the reviews' `language` column). */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];

// Frequent characters whose traditional and simplified forms differ (the same position in both strings).
// Review text uses a small vocabulary; these cover what buyers write about goods, delivery and service.
const TRADITIONAL =
  '這個們來說會為對時後還過點麼沒貨買賣質價錢發運東車機電話態請問謝讓給較應與歡實際經產網頁條書寫長門開關間題顏頭區無業務從專體學號碼顯導變讀認識結寶貝將幫樣總單數標準優調換憑證據擔壞舊覺氣當歸遠達輸處錯誤補償賠聯係絡線隨鐘壓縮緊張難燈雙屬熱鬧紅綠藍輕夠連續蓋穩術師鋪視頻聽見親愛麗淨濕髒絲織襪紙圖麵塊裝護膚試廣針縫鎖滿';
const SIMPLIFIED =
  '这个们来说会为对时后还过点么没货买卖质价钱发运东车机电话态请问谢让给较应与欢实际经产网页条书写长门开关间题颜头区无业务从专体学号码显导变读认识结宝贝将帮样总单数标准优调换凭证据担坏旧觉气当归远达输处错误补偿赔联系络线随钟压缩紧张难灯双属热闹红绿蓝轻够连续盖稳术师铺视频听见亲爱丽净湿脏丝织袜纸图面块装护肤试广针缝锁满';

const TRADITIONAL_SET = new Set(TRADITIONAL);
const SIMPLIFIED_SET = new Set(SIMPLIFIED);

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
      if (TRADITIONAL_SET.has(char)) traditional++;
      else if (SIMPLIFIED_SET.has(char)) simplified++;
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
