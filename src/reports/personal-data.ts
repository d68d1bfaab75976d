/**
 * Masks personal data in review text before it is quoted in a report, which is shared with people who
 * do not need to know who the buyer is: phone numbers, WeChat and QQ ids, e-mail addresses, links, @handles,
 * long numbers (order, tracking and QQ numbers), names ("张先生", "my name is ..."), and the values the
 * review itself names as personal (the buyer's nick and id, the order id).
 */
export const MASK = '***';

const WECHAT = /(微信号?|威信|薇信|v信|vx|wx|weixin|wechat)(\s*(?:号|id|ID)?\s*[:：]?\s*)[A-Za-z][-_A-Za-z0-9]{4,19}/gi;
const QQ = /(qq|扣扣|企鹅)(\s*(?:号)?\s*[:：]?\s*)\d{5,12}/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const HANDLE = /(^|[\s，,：:])@[^\s，,。.！!？?]{1,30}/g;
// +86 138 1234 5678, 138-1234-5678, 13812345678; landlines 010-12345678, (0755) 1234 5678
const MOBILE = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}/g;
const LANDLINE = /\(?0\d{2,3}\)?[\s-]?\d{3,4}[\s-]?\d{4}/g;
const INTERNATIONAL = /\+\d{1,3}(?:[\s-]?\(?\d{1,4}\)?){2,5}/g;
// order ids, tracking numbers, QQ numbers without a keyword: any run of 6 or more digits, possibly after letters
const LONG_NUMBER = /[A-Za-z]{0,4}\d{6,}/g;
// a common surname (and maybe one more character) before a title: 张先生, 王姐; "快递师傅" is not a name
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const ZH_TITLE = new RegExp(`([${SURNAMES}][\\u4e00-\\u9fff]?)(先生|女士|小姐|老师|师傅|姐|哥)`, 'g');
const ZH_SELF = /(我叫|我的名字是|本人叫|收件人是?|联系人是?)([\u4e00-\u9fffA-Za-z]{1,4})/g;
const EN_SELF = /\b(my name is|i am called|this is|contact|ask for)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g;
const EN_TITLE = /\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text with personal data replaced by ***. `known` are values that identify the buyer or the order
 * (nick, buyer id, order id); values shorter than 2 characters are ignored.
 */
export function maskPersonalData(text: string, known: readonly (string | null | undefined)[] = []): string {
  let masked = text;
  const values = [...new Set(known.filter((value): value is string => typeof value === 'string' && value.trim().length >= 2).map((value) => value.trim()))];
  // longer values first, so a nick containing another value is masked whole
  for (const value of values.sort((a, b) => b.length - a.length)) {
    masked = masked.replace(new RegExp(escapeRegExp(value), 'gi'), MASK);
  }
  return masked
    .replace(URL, MASK)
    .replace(EMAIL, MASK)
    .replace(WECHAT, (_, keyword: string, separator: string) => `${keyword}${separator}${MASK}`)
    .replace(QQ, (_, keyword: string, separator: string) => `${keyword}${separator}${MASK}`)
    .replace(INTERNATIONAL, MASK)
    .replace(MOBILE, MASK)
    .replace(LANDLINE, MASK)
    .replace(LONG_NUMBER, MASK)
    .replace(HANDLE, (_, before: string) => `${before}@${MASK}`)
    .replace(ZH_TITLE, (_, _name: string, title: string) => `*${title}`)
    .replace(ZH_SELF, (_, lead: string) => `${lead}${MASK}`)
    .replace(EN_SELF, (_, lead: string) => `${lead} ${MASK}`)
    .replace(EN_TITLE, (_, title: string) => `${title}. ${MASK}`);
}

/** An identifier shown only as its first and last character: b***7. */
export function maskIdentifier(value: string | null): string {
  if (!value) return MASK;
  const chars = Array.from(value.trim());
  if (chars.length <= 2) return MASK;
  return `${chars[0]}${MASK}${chars[chars.length - 1]}`;
}

const SENTENCE_END = /(?<=[。！？!?；;\n])|(?<=[.]\s)/;

/**
 * A short quote: the sentence that holds `phrase` (the classifier's evidence), else the first sentence,
 * cut to `maxChars` around the phrase. Masking runs on the whole text first, so a cut never reveals part of
 * a number that masking would have hidden.
 */
export function shortQuote(text: string, phrase: string | null, maxChars: number, known: readonly (string | null | undefined)[] = []): string {
  const masked = maskPersonalData(text.replace(/\s+/g, ' ').trim(), known);
  if (!masked) return '';
  const sentences = masked
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
  const lower = phrase?.toLowerCase() ?? null;
  const sentence = (lower ? sentences.find((s) => s.toLowerCase().includes(lower)) : undefined) ?? sentences[0] ?? masked;
  const chars = Array.from(sentence);
  if (chars.length <= maxChars) return sentence;
  const at = lower ? Array.from(sentence.toLowerCase().slice(0, Math.max(0, sentence.toLowerCase().indexOf(lower)))).length : 0;
  const phraseLength = lower ? Array.from(lower).length : 0;
  const room = maxChars - 2; // two ellipses at most
  let start = Math.max(0, at - Math.floor(Math.max(0, room - phraseLength) / 2));
  start = Math.min(start, Math.max(0, chars.length - room));
  const end = Math.min(chars.length, start + room);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
