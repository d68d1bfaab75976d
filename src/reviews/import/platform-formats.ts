import type { FieldProblem } from '../../common/errors/domain-error';
import { headerKey } from '../csv/csv-columns';
import type { ReviewInputDto } from '../dto/review-input.dto';
import type { Platform } from '../review.types';
import {
  booleanField,
  Cell,
  CHINA_OFFSET,
  compact,
  countOf,
  derivedId,
  hashedBuyerId,
  instantOf,
  isRecord,
  numberField,
  platformTime,
  statusFlag,
  textField,
  textOf,
  urlList,
} from './import-values';

/**
 * The platform shapes `POST /v1/reviews/import` reads unchanged, each turned into the JSON review input
 * (ReviewInputDto) and then validated and stored like any other review. docs/platform-formats.md is the
 * reader's version of this file: keep the two in step.
 */
export const IMPORT_FORMATS = [
  'generic',
  'taobao-traderate',
  'tmall-feed',
  'jd-comment',
  'kuaishou-comment',
  'pdd-review',
  'douyin-export',
  'judgeme',
  'okendo',
  'shopify-product-reviews',
] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];

export interface MappingContext {
  /** the shop's time zone: timestamps of the English apps without an offset are read in it */
  timeZone: string;
  /** `?platform=`: which platform the records come from where the format serves several (Taobao and Tmall) */
  platform: Platform | null;
}

export interface Mapped {
  input: Record<string, unknown>;
  /** what the mapping itself found wrong (an unknown grade); the rest is left to the input's validation */
  problems: FieldProblem[];
}

interface FormatBase {
  name: ImportFormatName;
  /** where the shape is documented */
  source: string;
  /** API field -> the platform's field, for the error report's `column` */
  sourceOf: Readonly<Record<string, string>>;
}

export interface JsonFormat extends FormatBase {
  kind: 'json';
  /** where the records sit in an API response; a bare array of records is always read */
  listPaths: readonly string[];
  /** the record's keys are this format's */
  detect(record: Record<string, unknown>): boolean;
  map(record: Record<string, unknown>, context: MappingContext): Mapped;
}

/** One data row of a table format, read by header name (compared as csv-columns' headerKey does). */
export interface TableRecord {
  get(header: string): Cell | undefined;
  /** the file is an .xlsx: bare numbers in date columns are Excel serials */
  excel: boolean;
}

export interface TableFormat extends FormatBase {
  kind: 'table';
  /** headers a file of this format always has */
  required: readonly string[];
  /** the header row is this format's */
  detect(headers: ReadonlySet<string>): boolean;
  map(row: TableRecord, context: MappingContext): Mapped;
}

export type PlatformFormat = JsonFormat | TableFormat;

const problem = (field: string, code: string, message: string): FieldProblem => ({ field, code, message });

// ---- the mapping tables --------------------------------------------------------------------------------------

/** What a parser gets beside the value: the field and the platform name it came from, the row's other values, the context. */
interface ParseEnv {
  field: string;
  source: string;
  /** an .xlsx row: bare numbers in date columns are Excel serials */
  excel: boolean;
  /** another value of the same record, by the platform's name */
  get(name: string): unknown;
  problems: FieldProblem[];
}

/** A platform value as the review input's value: undefined when the record has none (the next source is tried). */
type Parse = (value: unknown, env: ParseEnv) => unknown;

/** One platform name (a JSON path such as `replies[0].content`, or a table header) and how its value is read. */
type Source = readonly [name: string, parse: Parse];

/**
 * A review input field: its platform sources, tried in order until one gives a value (errors name the first), or
 * `derived` when the format's `complete` computes it from other fields (errors name `column`).
 */
type FieldMapping = Source | readonly Source[] | { derived: string };

/** a field of the review input (ReviewInputDto) a platform value becomes */
type InputField = Exclude<keyof ReviewInputDto, 'platform'> & string;

interface CompleteEnv {
  /** a value of the record by the platform's name */
  get(name: string): unknown;
  /** the platform's value a field was read from, as it was before its parser */
  raw(field: string): unknown;
  problems: FieldProblem[];
  context: MappingContext;
}

interface MappingDeclaration<F extends InputField> {
  /** the platform a record is from unless `?platform=` says otherwise */
  platform: Platform;
  fields: Readonly<Record<F, FieldMapping>>;
  /** what the table alone cannot say: an id derived from other fields, a record the platform's shape allows but is no review */
  complete?(input: Record<NoInfer<F>, unknown>, env: CompleteEnv): void;
}

const isSource = (mapping: FieldMapping): mapping is Source => Array.isArray(mapping) && typeof mapping[0] === 'string';
const sourcesOf = (mapping: FieldMapping): readonly Source[] => (isSource(mapping) ? [mapping] : Array.isArray(mapping) ? mapping : []);

/** The platform's name of each field, for the error report's `column`. */
function sourceNames(fields: Readonly<Record<string, FieldMapping>>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [field, mapping] of Object.entries(fields)) names[field] = sourcesOf(mapping)[0]?.[0] ?? (mapping as { derived: string }).derived;
  return names;
}

/** How a record of one kind is read by a platform name, compiled once per name. */
type Access<R> = (name: string) => (record: R) => unknown;

/** The declaration as a function from one record to the review input; the names are compiled once, not per record. */
function mapper<F extends InputField, R>(declaration: MappingDeclaration<F>, access: Access<R>) {
  const plan = Object.entries<FieldMapping>(declaration.fields).map(([field, mapping]) => ({
    field,
    sources: sourcesOf(mapping).map(([name, parse]) => ({ name, parse, read: access(name) })),
  }));
  const position = new Map(plan.map(({ field }, index) => [field, index]));
  return (record: R, excel: boolean, context: MappingContext): Mapped => {
    const problems: FieldProblem[] = [];
    const get = (name: string) => access(name)(record);
    const input: Record<string, unknown> = { platform: context.platform ?? declaration.platform };
    // the value each field was read from: the source that gave one, else its first
    const raws: unknown[] = new Array(plan.length);
    const env: ParseEnv = { field: '', source: '', excel, get, problems };
    for (let i = 0; i < plan.length; i++) {
      const { field, sources } = plan[i];
      let value: unknown;
      env.field = field;
      for (let j = 0; j < sources.length; j++) {
        const source = sources[j];
        env.source = source.name;
        const raw = source.read(record);
        value = source.parse(raw, env);
        if (j === 0 || value !== undefined) raws[i] = raw;
        if (value !== undefined) break;
      }
      input[field] = value;
    }
    declaration.complete?.(input as Record<F, unknown>, { get, raw: (field) => raws[position.get(field) ?? -1], problems, context });
    return { input: compact(input), problems };
  };
}

/** A JSON path: dotted keys; `name[0]` is the first object of the list `name` (JD's replies). */
function jsonAccess(dotted: string): (record: Record<string, unknown>) => unknown {
  if (!/[.[]/.test(dotted)) return (record) => record[dotted];
  const steps = dotted.split('.').map((key) => (key.endsWith('[0]') ? { key: key.slice(0, -3), first: true } : { key, first: false }));
  return (record) => {
    let value: unknown = record;
    for (const { key, first } of steps) {
      if (!isRecord(value)) return undefined;
      value = value[key];
      if (first) value = Array.isArray(value) ? value.find(isRecord) : undefined;
    }
    return value;
  };
}

/** The value at a dotted path of an API response (where its list of records is). */
const path = (record: Record<string, unknown>, dotted: string): unknown => jsonAccess(dotted)(record);

function jsonFormat<F extends InputField>(format: Omit<JsonFormat, 'kind' | 'sourceOf' | 'map'> & MappingDeclaration<F>): JsonFormat {
  const map = mapper(format, jsonAccess);
  return {
    kind: 'json',
    name: format.name,
    source: format.source,
    listPaths: format.listPaths,
    detect: format.detect,
    sourceOf: sourceNames(format.fields),
    map: (record, context) => map(record, false, context),
  };
}

function tableFormat<F extends InputField>(
  format: Omit<TableFormat, 'kind' | 'sourceOf' | 'map' | 'required'> & MappingDeclaration<F> & { required: readonly NoInfer<F>[] },
): TableFormat {
  const sourceOf = sourceNames(format.fields);
  const map = mapper(format, (header) => (row: TableRecord) => row.get(header));
  return {
    kind: 'table',
    name: format.name,
    source: format.source,
    detect: format.detect,
    sourceOf,
    required: format.required.map((field) => sourceOf[field]),
    map: (row, context) => map(row, row.excel, context),
  };
}

// ---- parsers ---------------------------------------------------------------------------------------------------

/** text as is, numbers as their digits, other types passed on for validation to name */
const text: Parse = (value) => textField(value);
/** an id: text or digits, nothing else */
const id: Parse = (value) => textOf(value);
const number: Parse = (value) => numberField(value);
const flag: Parse = (value) => booleanField(value);
const status: Parse = (value) => statusFlag(value);
const count: Parse = (value) => countOf(value);
const urls: Parse = (value) => urlList(value);
const urlsAt =
  (key: string): Parse =>
  (value) =>
    urlList(value, key);
/** a Chinese platform's time: China time without an offset, epochs, Excel serials in an xlsx */
const chinaTime: Parse = (value, env) => platformTime(value, CHINA_OFFSET, env.excel);
/** an English app's time: with an offset or `UTC`, else in the shop's time zone (applied on validation) */
const shopTime: Parse = (value, env) => platformTime(value, null, env.excel);
/** an e-mail address is personal data: only its hash is kept, as the buyer id */
const hashedEmail: Parse = (value) => {
  const email = textOf(value);
  return email === undefined ? undefined : hashedBuyerId(email);
};

/** 好评/中评/差评 as the service's rating: 5, 3, 1 (the grade is what counts; the stars are the grade's own). */
const GRADE_RATING = new Map<string, number>([
  ['good', 5],
  ['neutral', 3],
  ['bad', 1],
  ['好评', 5],
  ['中评', 3],
  ['差评', 1],
]);

const grade: Parse = (value, env) => {
  if (value === null || value === undefined || value === '') return undefined;
  const rating = typeof value === 'string' ? GRADE_RATING.get(value.trim().toLowerCase()) : undefined;
  if (rating === undefined) env.problems.push(problem(env.field, 'isIn', `${env.source} must be good, neutral or bad (好评, 中评, 差评)`));
  return rating;
};

const has = (record: Record<string, unknown>, ...keys: string[]) => keys.every((key) => key in record);

// ---- Taobao / Tmall ------------------------------------------------------------------------------------------

/** `taobao.traderates.get` TradeRate: one record per rated sub-order; it has no review id, the sub-order is the key. */
const taobaoTradeRate = jsonFormat({
  name: 'taobao-traderate',
  source: 'Taobao open platform taobao.traderates.get, TradeRate',
  platform: 'taobao',
  listPaths: ['traderates_get_response.trade_rates.trade_rate', 'trade_rates.trade_rate', 'trade_rates'],
  detect: (record) => has(record, 'result', 'created') && ('oid' in record || 'tid' in record),
  fields: {
    externalId: [
      ['oid', id],
      ['tid', id],
    ],
    orderId: ['tid', text],
    productId: ['num_iid', text],
    productName: ['item_title', text],
    buyerNick: ['nick', text],
    rating: ['result', grade],
    content: ['content', text],
    orderAmount: ['item_price', number],
    reviewedAt: ['created', chinaTime],
    followUpContent: ['append_content', text],
    followUpAt: ['append_time', chinaTime],
    sellerReply: ['reply', text],
  },
  complete(_input, { get, problems }) {
    const role = get('role');
    if (role !== undefined && role !== 'buyer') {
      problems.unshift(problem('role', 'buyerReviewOnly', "role must be buyer: a seller's rating of the buyer is not a review"));
    }
  },
});

/** Tmall's negative flag as the rating of its grade: bad 1, else good 5. */
const negativeFlag: Parse = (value) => {
  const negative = booleanField(value);
  return negative === true ? 1 : negative === false ? 5 : negative;
};

/**
 * `tmall.traderate.feeds.get` TmallRateInfo: the review of one sub-order with its 追评 and semantic tags. The
 * response carries neither the sub-order id nor a grade: the connector adds the `child_trade_id` it asked for,
 * and the grade is the feed's own negative flag (has_negtv) unless a TradeRate `result` is merged in.
 */
const tmallFeed = jsonFormat({
  name: 'tmall-feed',
  source: 'Tmall open platform tmall.traderate.feeds.get, TmallRateInfo (with the requested child_trade_id)',
  platform: 'tmall',
  listPaths: ['tmall_traderate_feeds_get_response.tmall_rate_info', 'tmall_rate_info'],
  detect: (record) => 'comment_time' in record || ('has_negtv' in record && 'content' in record),
  fields: {
    externalId: [
      ['child_trade_id', id],
      ['oid', id],
    ],
    orderId: [
      ['tid', text],
      ['child_trade_id', text],
    ],
    productId: [
      ['num_iid', text],
      ['item_id', text],
    ],
    // the SDK's TmallRateInfo calls it user_nick; a record merged with its TradeRate has nick
    buyerNick: [
      ['nick', text],
      ['user_nick', text],
    ],
    rating: [
      ['result', grade],
      ['has_negtv', negativeFlag],
    ],
    content: ['content', text],
    reviewedAt: ['comment_time', chinaTime],
    followUpContent: ['append_content', text],
    followUpAt: ['append_time', chinaTime],
    sellerReply: ['reply', text],
  },
  complete(input, { problems }) {
    if (input.externalId === undefined) {
      problems.unshift(problem('externalId', 'required', 'child_trade_id is required: add the sub-order id the feed was asked for'));
    }
  },
});

// ---- JD ------------------------------------------------------------------------------------------------------

const jdComment = jsonFormat({
  name: 'jd-comment',
  source: 'JD open platform (JOS) PopCommentJosVo',
  platform: 'jd',
  listPaths: ['comments', 'data.comments', 'result.comments', 'returnType.comments'],
  detect: (record) => 'commentId' in record && ('skuid' in record || 'creationTime' in record),
  fields: {
    externalId: ['commentId', id],
    productId: ['skuid', text],
    sku: ['skuid', text],
    productName: ['skuName', text],
    orderId: ['orderId', text],
    buyerNick: ['nickName', text],
    rating: ['score', number],
    content: ['content', text],
    images: ['images', urlsAt('imgUrl')],
    videoCount: ['videos', count],
    reviewedAt: ['creationTime', chinaTime],
    // the seller's first reply is the public one; later entries answer the buyer's follow-ups
    sellerReply: ['replies[0].content', text],
    sellerReplyAt: ['replies[0].creationTime', chinaTime],
    sellerReplied: ['isVenderReply', flag],
  },
});

// ---- Kuaishou -------------------------------------------------------------------------------------------------

/** The 追评 of a Kuaishou review is an object with its own content and time, or its text beside attachedTime. */
const attachedText: Parse = (value) => (typeof value === 'string' ? textField(value) : undefined);
const attachedTime: Parse = (value, env) => {
  const attached = env.get('attached');
  return isRecord(attached) || typeof attached === 'string' ? chinaTime(value, env) : undefined;
};

const kuaishouComment = jsonFormat({
  name: 'kuaishou-comment',
  source: 'Kuaishou open platform open.comment.list.get, rootComment',
  platform: 'kuaishou',
  listPaths: ['data.rootComment', 'rootComment', 'data.comments', 'data.list'],
  detect: (record) => 'commentId' in record && ('qualityScore' in record || 'itemId' in record || 'rootCommentId' in record),
  fields: {
    externalId: ['commentId', id],
    productId: ['itemId', text],
    sku: ['itemSkuId', text],
    orderId: ['orderId', text],
    // the review's overall score; a record without one is graded by its product-quality score
    rating: [
      ['creditScore', number],
      ['qualityScore', number],
    ],
    content: ['content', text],
    images: ['imageUrl', urls],
    videoCount: ['videoId', count],
    reviewedAt: ['createTime', chinaTime],
    followUpContent: [
      ['attached.content', text],
      ['attached', attachedText],
    ],
    followUpAt: [
      ['attached.createTime', attachedTime],
      ['attachedTime', attachedTime],
    ],
    qualityScore: ['qualityScore', number],
    logisticsScore: ['logisticsScore', number],
    serviceScore: ['serviceScore', number],
    sellerReply: ['sellerReply', text],
    sellerReplyAt: ['replyTime', chinaTime],
    anonymous: ['anonymous', flag],
    autoReview: ['auto', flag],
    platformCheat: ['cheatStatus', status],
    platformComplaint: ['complainStatus', status],
    sellerReplied: ['replied', flag],
  },
});

// ---- Pinduoduo -----------------------------------------------------------------------------------------------

const pddReview = jsonFormat({
  name: 'pdd-review',
  source: 'Pinduoduo seller backend (商家后台) review list JSON',
  platform: 'pdd',
  listPaths: ['result.list', 'result.data', 'data.list', 'list', 'reviews'],
  detect: (record) => 'reviewId' in record && ('goodsId' in record || 'orderSn' in record),
  fields: {
    externalId: ['reviewId', id],
    productId: ['goodsId', text],
    productName: ['goodsName', text],
    sku: [
      ['specs', text],
      ['skuSpec', text],
    ],
    orderId: ['orderSn', text],
    rating: ['score', number],
    content: ['comment', text],
    images: ['pictures', urlsAt('url')],
    reviewedAt: ['createTime', chinaTime],
    descriptionScore: ['descScore', number],
    logisticsScore: ['logisticsScore', number],
    serviceScore: ['serviceScore', number],
    sellerReply: ['reply', text],
  },
});

// ---- Douyin (抖店) -------------------------------------------------------------------------------------------

const douyinExport = tableFormat({
  name: 'douyin-export',
  source: 'Douyin shop backend (抖店) review export, .xlsx',
  platform: 'douyin',
  required: ['orderId', 'productId', 'reviewedAt'],
  detect: (headers) => headers.has(headerKey('评价日期')) && headers.has(headerKey('订单ID')) && !headers.has(headerKey('评价ID')),
  fields: {
    externalId: { derived: '订单ID' },
    orderId: ['订单ID', id],
    productId: ['商品ID', id],
    productName: ['商品名称', text],
    sku: ['商品规格', text],
    buyerNick: ['用户昵称', text],
    rating: [
      ['商品评价得分', number],
      ['评价等级', grade],
    ],
    content: ['评价内容', text],
    images: ['评价图片', urls],
    reviewedAt: ['评价日期', chinaTime],
    followUpContent: ['追评内容', text],
    followUpAt: ['追评时间', chinaTime],
    sellerReply: ['回复内容', text],
    logisticsScore: ['物流评分', number],
    serviceScore: ['服务评分', number],
    // 是 with an empty 回复内容: the platform has a reply the export does not carry
    sellerReplied: ['商家是否回复', flag],
  },
  complete(input) {
    // no review id in the export: the same review always has the same order, product and time
    const at = input.reviewedAt;
    input.externalId = derivedId('dy', [input.orderId as string | undefined, input.productId as string | undefined, instantOf(at, 'UTC') ?? String(at ?? '')]);
  },
});

// ---- Shopify review apps -------------------------------------------------------------------------------------

/** A review without an id of its own: product, reviewer (the e-mail as given, else the name) and time make it one. */
const appReviewId =
  (prefix: string): MappingDeclaration<'externalId' | 'productId' | 'buyerId' | 'buyerNick' | 'reviewedAt'>['complete'] =>
  (input, { raw, context }) => {
    if (input.externalId !== undefined) return;
    const reviewer = textOf(raw('buyerId')) ?? textOf(input.buyerNick);
    const at = instantOf(input.reviewedAt, context.timeZone) ?? String(input.reviewedAt ?? '');
    input.externalId = derivedId(prefix, [input.productId as string | undefined, reviewer?.toLowerCase(), at]);
  };

const judgeMe = tableFormat({
  name: 'judgeme',
  source: 'Judge.me review export / import CSV',
  platform: 'shopify',
  required: ['content', 'rating', 'reviewedAt'],
  detect: (headers) => headers.has('reviewdate') && headers.has('body') && (headers.has('reviewername') || headers.has('revieweremail')),
  fields: {
    externalId: ['id', id],
    productId: [
      ['product_handle', id],
      ['product_id', id],
    ],
    buyerId: ['reviewer_email', hashedEmail],
    buyerNick: ['reviewer_name', text],
    rating: ['rating', number],
    content: ['body', text],
    images: ['picture_urls', urls],
    reviewedAt: ['review_date', shopTime],
    sellerReply: ['reply', text],
    sellerReplyAt: ['reply_date', shopTime],
  },
  complete: appReviewId('jm'),
});

const okendo = tableFormat({
  name: 'okendo',
  source: 'Okendo import template / review export CSV',
  platform: 'shopify',
  required: ['content', 'rating', 'reviewedAt'],
  detect: (headers) => headers.has('datecreated') && headers.has('body') && headers.has('rating'),
  fields: {
    externalId: ['reviewId', id],
    productId: [
      ['productId', id],
      ['handle', id],
      ['sku', id],
    ],
    sku: ['sku', text],
    buyerId: ['email', hashedEmail],
    buyerNick: ['name', text],
    rating: ['rating', number],
    content: ['body', text],
    images: ['imageUrls', urls],
    reviewedAt: ['dateCreated', shopTime],
    sellerReply: ['reply', text],
    sellerReplyAt: ['replyDate', shopTime],
  },
  complete: appReviewId('ok'),
});

const shopifyProductReviews = tableFormat({
  name: 'shopify-product-reviews',
  source: 'Shopify Product Reviews app CSV export',
  platform: 'shopify',
  required: ['productId', 'rating', 'content', 'reviewedAt'],
  detect: (headers) => headers.has('producthandle') && headers.has('author') && headers.has('createdat'),
  fields: {
    externalId: ['id', id],
    productId: ['product_handle', id],
    buyerId: ['email', hashedEmail],
    buyerNick: ['author', text],
    rating: ['rating', number],
    content: ['body', text],
    reviewedAt: ['created_at', shopTime],
    sellerReply: ['reply', text],
    sellerReplyAt: ['replied_at', shopTime],
  },
  complete: appReviewId('spr'),
});

/** In the order detection tries them: the more specific shape first. */
export const JSON_FORMATS: readonly JsonFormat[] = [taobaoTradeRate, tmallFeed, kuaishouComment, jdComment, pddReview];
export const TABLE_FORMATS: readonly TableFormat[] = [douyinExport, shopifyProductReviews, judgeMe, okendo];
export const PLATFORM_FORMATS: readonly PlatformFormat[] = [...JSON_FORMATS, ...TABLE_FORMATS];

export function platformFormat(name: ImportFormatName): PlatformFormat | undefined {
  return PLATFORM_FORMATS.find((format) => format.name === name);
}

/** The records of a JSON document: a bare array, or the list at one of the format's (or any format's) paths. */
export function jsonRecords(document: unknown, format: JsonFormat | null): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (!isRecord(document)) return null;
  for (const candidate of format ? [format] : JSON_FORMATS) {
    for (const listPath of candidate.listPaths) {
      const found = path(document, listPath);
      if (Array.isArray(found)) return found;
      // a response for one review (tmall.traderate.feeds.get) holds the record itself
      if (isRecord(found)) return [found];
    }
  }
  return null;
}

export function detectJsonFormat(records: readonly unknown[]): JsonFormat | null {
  const first = records.find(isRecord);
  if (!first) return null;
  return JSON_FORMATS.find((format) => format.detect(first)) ?? null;
}

export function detectTableFormat(headerKeys: ReadonlySet<string>): TableFormat | null {
  return TABLE_FORMATS.find((format) => format.detect(headerKeys)) ?? null;
}
