/**
 * Text cues of professional bad-reviewers in Chinese and English review text: contact details that move the
 * conversation off the platform, and money demands tied to the review. Ordinary consumer-rights language
 * (我要退货, 要求退款, 根据消费者权益保护法, "I want a refund") deliberately matches nothing here: a refund,
 * a return or a complaint to the authorities is what a genuine customer asks for.
 */

// Traditional forms of the characters the patterns below use (same position in both strings).
const TRADITIONAL = '賠錢評刪塊給電話號聯繫係補償紅轉讓兩個價貨質與圖壞發沒還後說鐘撥損費寶現倍萬幾來謝復應';
const SIMPLIFIED = '赔钱评删块给电话号联系系补偿红转让两个价货质与图坏发没还后说钟拨损费宝现倍万几来谢复应';
const TO_SIMPLIFIED = new Map([...TRADITIONAL].map((char, i) => [char, SIMPLIFIED[i]]));
const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL}]`, 'g');

/** NFKC (full-width digits and letters to ASCII), lower case, the traditional characters the cues need. */
export function normaliseCueText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(TRADITIONAL_CHAR, (char) => TO_SIMPLIFIED.get(char) ?? char);
}

// ------------------------------------------------------------------ off-platform contact

export type ContactCueKind = 'mobile_phone' | 'landline_phone' | 'international_phone' | 'wechat_id' | 'qq_number' | 'email' | 'messenger_id' | 'invitation';

export interface ContactCue {
  kind: ContactCueKind;
  /** a number or an id, as opposed to an invitation without one ("加微信聊"), which counts less */
  explicit: boolean;
}

const CN_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const DIGITISH = '[0-9零〇一幺二两三四五六七八九]';
const SEPARATOR = '[\\s\\-.·_—–/()]';
// 7+ digits (Arabic or Chinese numerals), separators of up to two characters between them
const DIGIT_RUN = new RegExp(`(?<![0-9a-z])\\+?${DIGITISH}(?:${SEPARATOR}{0,2}${DIGITISH}){6,}(?![0-9a-z])`, 'g');
const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;

const CHAT_APP = '(?:微信|威信|薇信|徽信|维信|v信|扣扣|企鹅|(?<![a-z])(?:vx|wx|weixin|wechat|qq|whatsapp|telegram|tg|line|skype|signal|viber)(?![a-z]))';
const WECHAT_APP = '(?:微信|威信|薇信|徽信|维信|v信|(?<![a-z])vx|(?<![a-z])wx|weixin|wechat)(?:号|\\s*id|账号)?';
// after a separator any id; after a bare space only one with a digit or underscore ("wechat is great" is no id)
const WECHAT_HANDLES = [
  new RegExp(`${WECHAT_APP}\\s*(?:[:：是为]|\\bis\\b)\\s*[a-z][a-z0-9_-]{5,19}(?![a-z0-9_-])`),
  new RegExp(`${WECHAT_APP}\\s*(?=[a-z0-9_-]*[0-9_])[a-z][a-z0-9_-]{5,19}(?![a-z0-9_-])`),
];
const QQ_NUMBER = /(?:(?<![a-z])qq|扣扣|企鹅|q号)(?:号|群)?\s*[:：是为]?\s*[1-9]\d{4,10}(?!\d)/;
const MESSENGER_HANDLE = /(?<![a-z])(?:whatsapp|telegram|tg|line|skype|signal|viber)(?:\s*(?:id|number|no\.?|#))?\s*[:：]\s*@?[a-z0-9_.+-]{4,}/;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/;
const ZH_INVITATIONS = [
  // 加微信 / 加我qq / 加v / 加个vx
  /加(?:我|一下|个|下)?(?:的)?\s*(?:微信|威信|薇信|徽信|维信|v信|vx|wx|weixin|v|qq|扣扣|企鹅)(?![a-z])/,
  // 微信联系 / qq详聊 / vx私聊
  new RegExp(`${CHAT_APP}(?:上)?\\s*(?:联系|详聊|聊|沟通|私聊|找我|加我|私信)`),
  // 联系我的微信 / 私聊我qq
  new RegExp(`(?:联系|找|私聊|私信|加)我(?:的)?\\s*${CHAT_APP}`),
  /私下(?:交易|解决|处理|沟通|联系)|私了|线下(?:解决|处理|交易)|平台外(?:解决|处理|沟通)|不要在平台/,
];
const EN_INVITATIONS = [
  /\b(?:add|contact|message|text|reach|dm|ping|find|call|msg)\s+me\s+(?:on|via|at|through|in)\s+(?:whatsapp|wechat|we chat|telegram|line|signal|skype|qq|viber|instagram|facebook|messenger|email|e-mail|my phone)\b/,
  /\bmy\s+(?:whatsapp|wechat|telegram|line|skype|signal|viber|qq)(?:\s+(?:id|number|handle))?\s+is\b/,
  /\bmy\s+(?:phone|cell|mobile)(?:\s+phone)?\s+(?:number|no\.?|#)\s+is\b/,
  /\b(?:whatsapp|wechat|telegram)\s+me\b/,
  /\b(?:outside|off)\s+(?:of\s+)?(?:the\s+)?(?:platform|amazon|ebay|taobao|app)\b/,
];

function digitsOf(run: string): string {
  let digits = '';
  for (const char of run) {
    if (char >= '0' && char <= '9') digits += char;
    else if (CN_DIGITS[char]) digits += CN_DIGITS[char];
  }
  return digits;
}

/** Contact details and invitations to talk off the platform. Pass normalised text (normaliseCueText). */
export function findContactCues(normalised: string): ContactCue[] {
  const cues: ContactCue[] = [];
  for (const match of normalised.matchAll(DIGIT_RUN)) {
    const run = match[0];
    const digits = digitsOf(run);
    // a run of Chinese numerals alone must look like a mobile number, ordinary text rarely has seven in a row
    const arabic = /\d/.test(run);
    const foreign = run.startsWith('+') && !digits.startsWith('86');
    if (!foreign && MOBILE.test(digits)) cues.push({ kind: 'mobile_phone', explicit: true });
    else if (!foreign && arabic && LANDLINE.test(digits) && /^0\d{2,3}[\s\-)]/.test(run.replace(/^\+/, '')))
      cues.push({ kind: 'landline_phone', explicit: true });
    else if (arabic && run.startsWith('+') && digits.length >= 8 && digits.length <= 15) cues.push({ kind: 'international_phone', explicit: true });
  }
  if (WECHAT_HANDLES.some((pattern) => pattern.test(normalised))) cues.push({ kind: 'wechat_id', explicit: true });
  if (QQ_NUMBER.test(normalised)) cues.push({ kind: 'qq_number', explicit: true });
  if (MESSENGER_HANDLE.test(normalised)) cues.push({ kind: 'messenger_id', explicit: true });
  if (EMAIL.test(normalised)) cues.push({ kind: 'email', explicit: true });
  if ([...ZH_INVITATIONS, ...EN_INVITATIONS].some((pattern) => pattern.test(normalised))) cues.push({ kind: 'invitation', explicit: false });
  return cues;
}

// ------------------------------------------------------------------ money demands

export type DemandCueKind = 'threat_for_money' | 'amount' | 'multiple_compensation' | 'emotional_damages';

export interface DemandCue {
  kind: DemandCueKind;
  /** for `amount` (and a threat that names one): the amount demanded, in the order's currency */
  amount?: number;
}

const NO_STOP = '[^。！!？?；;\\n]';
const ZH_REVIEW_HARM = '(?:差评|中评|一星|1星|一颗星|追评|曝光|挂你|天天评|给你好看)';
const ZH_MONEY = '(?:钱|赔偿|补偿|红包|现金|返现|好处费|\\d+\\s*(?:块|元|rmb|圆)|[¥￥]\\s*\\d|\\d{2,}(?!\\s*[天日号个次件%倍\\d]))';
const ZH_THREATS = [
  // 不赔钱就差评 / 不给补偿我就一直追评 / 没有红包就曝光
  new RegExp(
    `(?:不|没有?|不肯|不愿意?)(?:给|赔|补|打|转|发)?(?:我)?(?:点|个|些)?(?:钱|赔偿|补偿|红包|赔|现金|返现|好处)${NO_STOP}{0,8}?(?:就|便|等着)${NO_STOP}{0,8}?${ZH_REVIEW_HARM}`,
  ),
  // 赔我200，否则差评 / 转我300不然曝光
  new RegExp(
    `(?:赔|补偿|(?:给|转|打|发)(?:我)?${NO_STOP}{0,10}?${ZH_MONEY})${NO_STOP}{0,12}?(?:否则|不然|要不然|要不|不然的话)${NO_STOP}{0,10}?${ZH_REVIEW_HARM}`,
  ),
  // 给我500块就删评 / 发个红包我就改好评
  new RegExp(`(?:赔|补偿|给|转|打|发)(?:我)?${NO_STOP}{0,10}?${ZH_MONEY}${NO_STOP}{0,12}?(?:删|撤|改|修改)(?:掉|除|成|为)?(?:评|差评|评价|好评|追评)`),
];
// a remedy in the same clause (refund, price difference, exchange) makes it a normal request, not a threat
const ZH_REMEDY = /退|差价|换货|补发|重发/;

const EN_MONEY = '(?:pay|paid|compensat\\w*|money|cash|[$£€¥]\\s?\\d|\\d+\\s?(?:dollars|bucks|usd|eur|gbp|yuan|rmb))';
const EN_REVIEW_HARM =
  '(?:(?:1|one|zero|0)[- ]?stars?|(?:bad|negative|terrible|awful|scathing|horrible|1-star|one-star) (?:review|rating|feedback)|review bomb\\w*|expose you)';
const EN_NO_STOP = '[^.!?;\\n]';
// "pay me", "send us", not "I paid": the buyer asks for money
const EN_DEMAND = '(?:\\b(?:pay|send|give|transfer|wire|venmo|paypal|compensate|reimburse)\\s+(?:me|us)\\b)';
const EN_THREATS = [
  // pay me or I leave 1 star / compensate me $200 otherwise a bad review
  new RegExp(`${EN_DEMAND}${EN_NO_STOP}{0,40}?\\b(?:or|otherwise|or else|else)\\b${EN_NO_STOP}{0,30}?${EN_REVIEW_HARM}`),
  // unless you pay me I will leave a 1 star review
  new RegExp(`\\b(?:unless|if you don'?t|if you do not|until you)\\b${EN_NO_STOP}{0,30}?${EN_MONEY}${EN_NO_STOP}{0,40}?${EN_REVIEW_HARM}`),
  // I'll leave 1 star unless you pay
  new RegExp(`${EN_REVIEW_HARM}${EN_NO_STOP}{0,40}?\\b(?:unless|until|if you don'?t|if you do not)\\b${EN_NO_STOP}{0,30}?${EN_MONEY}`),
  // send me $50 and I will delete my review
  new RegExp(
    `(?:${EN_DEMAND}${EN_NO_STOP}{0,15}?${EN_MONEY}|\\b(?:pay|compensate) (?:me|us)\\b)${EN_NO_STOP}{0,40}?\\b(?:remove|delete|take down|change|update|edit|revise|raise)\\b${EN_NO_STOP}{0,15}?\\b(?:review|rating|stars?|feedback)\\b`,
  ),
];
const EN_REMEDY = /\brefund|\breturn|\bexchange|\breplace|price difference|\bdifference\b/;

const ZH_MULTIPLE = /(?:退|假|买)一赔(?:三|十|3|10|n|百)|(?:三|十|3|10|百)倍(?:的)?(?:赔偿|赔付|索赔|价款)|赔偿?(?:三|十|3|10|百)倍/;
const ZH_MULTIPLE_ALL = new RegExp(ZH_MULTIPLE.source, 'g');
const EN_MULTIPLE =
  /\b(?:3|10|ten|three|triple|tenfold|threefold)\s?(?:x|times|-fold|fold)?\s?(?:the\s+)?(?:refund|compensation|price|damages)\b|\bpunitive damages\b|\b(?:triple|tenfold|treble)\s+(?:refund|compensation|damages)\b/;
const ZH_EMOTIONAL = /精神损失|精神赔偿|精神抚慰/;
const EN_EMOTIONAL = /\bemotional (?:damages|distress)\b|\bpain and suffering\b/;

// amounts: a compensation verb then a number (Arabic or Chinese) with or without a currency unit
const ZH_AMOUNT = new RegExp(
  `(?:赔偿?|补偿|索赔|损失费|赔我|要你赔|给我|转我|打我|红包)${NO_STOP}{0,6}?(?:[¥￥]\\s*)?(\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千万几]+)\\s*(万|千)?\\s*(块|元|rmb|圆|人民币)?(?!\\s*[倍天日号个次件%])`,
  'g',
);
const EN_AMOUNT =
  /\b(?:compensat\w*|pay me|pay us|give me|send me|owe me|damages of|compensation of|plus|additional|extra)\b[^.!?;\n\d$£€¥]{0,15}([$£€¥]|usd|rmb)?\s?(\d+(?:,\d{3})*(?:\.\d+)?)\s?(dollars|bucks|usd|yuan|rmb|eur|gbp)?/g;

const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** 五百 -> 500, 两千 -> 2000, 一万五 is read as 10000 (enough to compare with an order amount); 几百 -> 100 */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char === '几') digit = 1;
    else if (CN_DIGITS[char] !== undefined) digit = Number(CN_DIGITS[char]);
    else if (char === '万') {
      total = (total + section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else if (CN_UNITS[char]) {
      section += (digit ?? 1) * CN_UNITS[char];
      digit = null;
    } else return null;
  }
  const value = total + section + (digit ?? 0);
  return value > 0 ? value : null;
}

function zhAmounts(normalised: string): number[] {
  const amounts: number[] = [];
  // the 十 of 退一赔十 is a multiple, not an amount
  for (const match of normalised.replace(ZH_MULTIPLE_ALL, ' ').matchAll(ZH_AMOUNT)) {
    const [whole, number, multiplier, unit] = match;
    const arabic = /^\d/.test(number);
    // "给我3" is a time or a count more often than money: without a unit only the compensation verbs count
    if (!unit && !/^(?:赔|补偿|索赔|损失费|要你赔)/.test(whole) && !/[¥￥]/.test(whole)) continue;
    // a lone Chinese numeral without a unit is a word ("一直", "一下"), not an amount
    if (!arabic && !unit && !multiplier && !/[十百千万]/.test(number)) continue;
    if (ZH_REMEDY.test(whole)) continue;
    const value = arabic ? Number(number) : parseChineseNumber(number);
    if (value === null) continue;
    amounts.push(value * (multiplier === '万' ? 10_000 : multiplier === '千' ? 1000 : 1));
  }
  return amounts;
}

function enAmounts(normalised: string): number[] {
  const amounts: number[] = [];
  for (const match of normalised.matchAll(EN_AMOUNT)) {
    const [whole, currency, number, unit] = match;
    if (!currency && !unit) continue;
    if (EN_REMEDY.test(whole)) continue;
    amounts.push(Number(number.replace(/,/g, '')));
  }
  return amounts;
}

/** Money demands tied to the review, outsized compensation claims. Pass normalised text (normaliseCueText). */
export function findDemandCues(normalised: string): DemandCue[] {
  const cues: DemandCue[] = [];
  for (const pattern of ZH_THREATS) {
    const match = pattern.exec(normalised);
    if (match && !ZH_REMEDY.test(match[0])) cues.push({ kind: 'threat_for_money' });
  }
  for (const pattern of EN_THREATS) {
    const match = pattern.exec(normalised);
    if (match && !EN_REMEDY.test(match[0])) cues.push({ kind: 'threat_for_money' });
  }
  if (ZH_MULTIPLE.test(normalised) || EN_MULTIPLE.test(normalised)) cues.push({ kind: 'multiple_compensation' });
  if (ZH_EMOTIONAL.test(normalised) || EN_EMOTIONAL.test(normalised)) cues.push({ kind: 'emotional_damages' });
  for (const amount of [...zhAmounts(normalised), ...enAmounts(normalised)]) cues.push({ kind: 'amount', amount });
  return cues;
}

// ------------------------------------------------------------------ complaint topics (when the classifier has not run)

const QUALITY =
  /质量|瑕疵|破损|坏了|坏的|损坏|假货|假的|仿品|高仿|与描述不符|和描述不符|不符|色差|起球|掉色|褪色|异味|臭|过期|变质|劣质|做工|开线|脱线|漏水|不能用|用不了|不好用|没法用|尺码|偏大|偏小|刺鼻|过敏|发霉|断了|裂|\bquality\b|\bdefect|\bbroken\b|\bbroke\b|\bfake\b|counterfeit|not as described|\bfaded\b|\bsmell|\bstinks?\b|expired|cheap material|stopped working|(?:doesn'?t|does not|didn'?t|won'?t) work|\btorn\b|\bripped\b|\bcracked\b|\bleak/;
const LOGISTICS =
  /物流|快递|发货|没收到|未收到|还没到|没到货|送货|配送|包裹|运输|派送|签收|丢件|错发|漏发|少发|\bshipping\b|\bshipped\b|\bdelivery\b|never arrived|(?:hasn'?t|has not|not|never) (?:arrived|received|delivered)|\bcourier\b|\bpackage\b|\bparcel\b|\blate\b|\btracking\b|lost in transit|wrong item|\bmissing\b/;
const SERVICE = /客服|态度|不回复|回复慢|不理人|售后|\bcustomer service\b|\bsupport\b|\brude\b|no (?:response|reply)|never (?:replied|responded)/;

export type ComplaintTopic = 'quality' | 'logistics' | 'service';

/** Rough topics of a complaint from its text, for reviews the classifier has not tagged. */
export function complaintTopics(normalised: string): Set<ComplaintTopic> {
  const topics = new Set<ComplaintTopic>();
  if (QUALITY.test(normalised)) topics.add('quality');
  if (LOGISTICS.test(normalised)) topics.add('logistics');
  if (SERVICE.test(normalised)) topics.add('service');
  return topics;
}
