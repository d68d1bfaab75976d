import type { FieldProblem } from '../../common/errors/domain-error';
import { headerKey } from '../csv/csv-columns';
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

/** 好评/中评/差评 as the service's rating: 5, 3, 1 (the grade is what counts; the stars are the grade's own). */
const GRADE_RATING = new Map<string, number>([
  ['good', 5],
  ['neutral', 3],
  ['bad', 1],
  ['好评', 5],
  ['中评', 3],
  ['差评', 1],
]);

function gradeRating(value: unknown, field: string, source: string, problems: FieldProblem[]): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const rating = typeof value === 'string' ? GRADE_RATING.get(value.trim().toLowerCase()) : undefined;
  if (rating === undefined) problems.push(problem(field, 'isIn', `${source} must be good, neutral or bad (好评, 中评, 差评)`));
  return rating;
}

const path = (record: Record<string, unknown>, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), record);

const has = (record: Record<string, unknown>, ...keys: string[]) => keys.every((key) => key in record);

// ---- Taobao / Tmall ------------------------------------------------------------------------------------------

/** `taobao.traderates.get` TradeRate: one record per rated sub-order; it has no review id, the sub-order is the key. */
const taobaoTradeRate: JsonFormat = {
  kind: 'json',
  name: 'taobao-traderate',
  source: 'Taobao open platform taobao.traderates.get, TradeRate',
  listPaths: ['traderates_get_response.trade_rates.trade_rate', 'trade_rates.trade_rate', 'trade_rates'],
  sourceOf: {
    externalId: 'oid',
    orderId: 'tid',
    productId: 'num_iid',
    productName: 'item_title',
    buyerNick: 'nick',
    rating: 'result',
    content: 'content',
    orderAmount: 'item_price',
    reviewedAt: 'created',
    followUpContent: 'append_content',
    followUpAt: 'append_time',
    sellerReply: 'reply',
  },
  detect: (record) => has(record, 'result', 'created') && ('oid' in record || 'tid' in record),
  map(record, context) {
    const problems: FieldProblem[] = [];
    if (record.role !== undefined && record.role !== 'buyer') {
      problems.push(problem('role', 'buyerReviewOnly', "role must be buyer: a seller's rating of the buyer is not a review"));
    }
    const oid = textOf(record.oid) ?? textOf(record.tid);
    return {
      problems,
      input: compact({
        platform: context.platform ?? 'taobao',
        externalId: oid,
        orderId: textField(record.tid),
        productId: textField(record.num_iid),
        productName: textField(record.item_title),
        buyerNick: textField(record.nick),
        rating: gradeRating(record.result, 'rating', 'result', problems),
        content: textField(record.content),
        orderAmount: numberField(record.item_price),
        reviewedAt: platformTime(record.created, CHINA_OFFSET),
        followUpContent: textField(record.append_content),
        followUpAt: platformTime(record.append_time, CHINA_OFFSET),
        sellerReply: textField(record.reply),
      }),
    };
  },
};

/**
 * `tmall.traderate.feeds.get` TmallRateInfo: the review of one sub-order with its 追评 and semantic tags. The
 * response carries neither the sub-order id nor a grade: the connector adds the `child_trade_id` it asked for,
 * and the grade is the feed's own negative flag (has_negtv) unless a TradeRate `result` is merged in.
 */
const tmallFeed: JsonFormat = {
  kind: 'json',
  name: 'tmall-feed',
  source: 'Tmall open platform tmall.traderate.feeds.get, TmallRateInfo (with the requested child_trade_id)',
  listPaths: ['tmall_traderate_feeds_get_response.tmall_rate_info', 'tmall_rate_info'],
  sourceOf: {
    externalId: 'child_trade_id',
    rating: 'has_negtv',
    content: 'content',
    reviewedAt: 'comment_time',
    followUpContent: 'append_content',
    followUpAt: 'append_time',
    sellerReply: 'reply',
  },
  detect: (record) => 'comment_time' in record || ('has_negtv' in record && 'content' in record),
  map(record, context) {
    const problems: FieldProblem[] = [];
    const id = textOf(record.child_trade_id) ?? textOf(record.oid);
    if (id === undefined) problems.push(problem('externalId', 'required', 'child_trade_id is required: add the sub-order id the feed was asked for'));
    let rating: unknown = gradeRating(record.result, 'rating', 'result', problems);
    if (rating === undefined) {
      const negative = booleanField(record.has_negtv);
      rating = negative === true ? 1 : negative === false ? 5 : negative;
    }
    return {
      problems,
      input: compact({
        platform: context.platform ?? 'tmall',
        externalId: id,
        orderId: textField(record.tid ?? record.child_trade_id),
        productId: textField(record.num_iid ?? record.item_id),
        buyerNick: textField(record.nick),
        rating,
        content: textField(record.content),
        reviewedAt: platformTime(record.comment_time, CHINA_OFFSET),
        followUpContent: textField(record.append_content),
        followUpAt: platformTime(record.append_time, CHINA_OFFSET),
        sellerReply: textField(record.reply),
      }),
    };
  },
};

// ---- JD ------------------------------------------------------------------------------------------------------

const jdComment: JsonFormat = {
  kind: 'json',
  name: 'jd-comment',
  source: 'JD open platform (JOS) PopCommentJosVo',
  listPaths: ['comments', 'data.comments', 'result.comments', 'returnType.comments'],
  sourceOf: {
    externalId: 'commentId',
    productId: 'skuid',
    sku: 'skuid',
    productName: 'skuName',
    orderId: 'orderId',
    buyerNick: 'nickName',
    rating: 'score',
    content: 'content',
    images: 'images',
    videoCount: 'videos',
    reviewedAt: 'creationTime',
    sellerReply: 'replies[0].content',
    sellerReplyAt: 'replies[0].creationTime',
    sellerReplied: 'isVenderReply',
  },
  detect: (record) => 'commentId' in record && ('skuid' in record || 'creationTime' in record),
  map(record, context) {
    // the seller's first reply is the public one; later entries answer the buyer's follow-ups
    const reply = Array.isArray(record.replies) ? record.replies.find(isRecord) : undefined;
    return {
      problems: [],
      input: compact({
        platform: context.platform ?? 'jd',
        externalId: textOf(record.commentId),
        productId: textField(record.skuid),
        sku: textField(record.skuid),
        productName: textField(record.skuName),
        orderId: textField(record.orderId),
        buyerNick: textField(record.nickName),
        rating: numberField(record.score),
        content: textField(record.content),
        images: urlList(record.images, 'imgUrl'),
        videoCount: countOf(record.videos),
        reviewedAt: platformTime(record.creationTime, CHINA_OFFSET),
        sellerReply: textField(reply?.content),
        sellerReplyAt: platformTime(reply?.creationTime, CHINA_OFFSET),
        sellerReplied: booleanField(record.isVenderReply),
      }),
    };
  },
};

// ---- Kuaishou -------------------------------------------------------------------------------------------------

/** The 追评 of a Kuaishou review: an object with its own content and time, or its text beside attachedTime. */
function kuaishouAttached(record: Record<string, unknown>): { content: unknown; at: unknown } {
  const attached = record.attached;
  if (isRecord(attached)) return { content: attached.content, at: attached.createTime ?? record.attachedTime };
  if (typeof attached === 'string') return { content: attached, at: record.attachedTime };
  return { content: undefined, at: undefined };
}

const kuaishouComment: JsonFormat = {
  kind: 'json',
  name: 'kuaishou-comment',
  source: 'Kuaishou open platform open.comment.list.get, rootComment',
  listPaths: ['data.rootComment', 'rootComment', 'data.comments', 'data.list'],
  sourceOf: {
    externalId: 'commentId',
    productId: 'itemId',
    sku: 'itemSkuId',
    orderId: 'orderId',
    rating: 'creditScore',
    content: 'content',
    images: 'imageUrl',
    videoCount: 'videoId',
    reviewedAt: 'createTime',
    followUpContent: 'attached',
    followUpAt: 'attachedTime',
    qualityScore: 'qualityScore',
    logisticsScore: 'logisticsScore',
    serviceScore: 'serviceScore',
    sellerReply: 'sellerReply',
    sellerReplyAt: 'replyTime',
    anonymous: 'anonymous',
    autoReview: 'auto',
    platformCheat: 'cheatStatus',
    platformComplaint: 'complainStatus',
    sellerReplied: 'replied',
  },
  detect: (record) => 'commentId' in record && ('qualityScore' in record || 'itemId' in record || 'rootCommentId' in record),
  map(record, context) {
    const attached = kuaishouAttached(record);
    return {
      problems: [],
      input: compact({
        platform: context.platform ?? 'kuaishou',
        externalId: textOf(record.commentId),
        productId: textField(record.itemId),
        sku: textField(record.itemSkuId),
        orderId: textField(record.orderId),
        // the review's overall score; a record without one is graded by its product-quality score
        rating: numberField(record.creditScore ?? record.qualityScore),
        content: textField(record.content),
        images: urlList(record.imageUrl),
        videoCount: countOf(record.videoId),
        reviewedAt: platformTime(record.createTime, CHINA_OFFSET),
        followUpContent: textField(attached.content),
        followUpAt: platformTime(attached.at, CHINA_OFFSET),
        qualityScore: numberField(record.qualityScore),
        logisticsScore: numberField(record.logisticsScore),
        serviceScore: numberField(record.serviceScore),
        sellerReply: textField(record.sellerReply),
        sellerReplyAt: platformTime(record.replyTime, CHINA_OFFSET),
        anonymous: booleanField(record.anonymous),
        autoReview: booleanField(record.auto),
        platformCheat: statusFlag(record.cheatStatus),
        platformComplaint: statusFlag(record.complainStatus),
        sellerReplied: booleanField(record.replied),
      }),
    };
  },
};

// ---- Pinduoduo -----------------------------------------------------------------------------------------------

const pddReview: JsonFormat = {
  kind: 'json',
  name: 'pdd-review',
  source: 'Pinduoduo seller backend (商家后台) review list JSON',
  listPaths: ['result.list', 'result.data', 'data.list', 'list', 'reviews'],
  sourceOf: {
    externalId: 'reviewId',
    productId: 'goodsId',
    productName: 'goodsName',
    orderId: 'orderSn',
    rating: 'score',
    content: 'comment',
    images: 'pictures',
    reviewedAt: 'createTime',
    descriptionScore: 'descScore',
    logisticsScore: 'logisticsScore',
    serviceScore: 'serviceScore',
    sellerReply: 'reply',
  },
  detect: (record) => 'reviewId' in record && ('goodsId' in record || 'orderSn' in record),
  map(record, context) {
    return {
      problems: [],
      input: compact({
        platform: context.platform ?? 'pdd',
        externalId: textOf(record.reviewId),
        productId: textField(record.goodsId),
        productName: textField(record.goodsName),
        sku: textField(record.specs ?? record.skuSpec),
        orderId: textField(record.orderSn),
        rating: numberField(record.score),
        content: textField(record.comment),
        images: urlList(record.pictures, 'url'),
        reviewedAt: platformTime(record.createTime, CHINA_OFFSET),
        descriptionScore: numberField(record.descScore),
        logisticsScore: numberField(record.logisticsScore),
        serviceScore: numberField(record.serviceScore),
        sellerReply: textField(record.reply),
      }),
    };
  },
};

// ---- Douyin (抖店) -------------------------------------------------------------------------------------------

const douyinExport: TableFormat = {
  kind: 'table',
  name: 'douyin-export',
  source: 'Douyin shop backend (抖店) review export, .xlsx',
  required: ['订单ID', '商品ID', '评价日期'],
  sourceOf: {
    externalId: '订单ID',
    orderId: '订单ID',
    productId: '商品ID',
    productName: '商品名称',
    sku: '商品规格',
    rating: '商品评价得分',
    content: '评价内容',
    buyerNick: '用户昵称',
    images: '评价图片',
    reviewedAt: '评价日期',
    followUpContent: '追评内容',
    followUpAt: '追评时间',
    sellerReply: '回复内容',
    logisticsScore: '物流评分',
    serviceScore: '服务评分',
    sellerReplied: '商家是否回复',
  },
  detect: (headers) => headers.has(headerKey('评价日期')) && headers.has(headerKey('订单ID')) && !headers.has(headerKey('评价ID')),
  map(row, context) {
    const problems: FieldProblem[] = [];
    const reviewedAt = platformTime(row.get('评价日期'), CHINA_OFFSET, row.excel);
    const orderId = textOf(row.get('订单ID'));
    const productId = textOf(row.get('商品ID'));
    let rating: unknown = numberField(row.get('商品评价得分'));
    if (rating === undefined) rating = gradeRating(row.get('评价等级'), 'rating', '评价等级', problems);
    // no review id in the export: the same review always has the same order, product and time
    const externalId = derivedId('dy', [orderId, productId, instantOf(reviewedAt, 'UTC') ?? String(reviewedAt ?? '')]);
    return {
      problems,
      input: compact({
        platform: context.platform ?? 'douyin',
        externalId,
        orderId,
        productId,
        productName: textField(row.get('商品名称')),
        sku: textField(row.get('商品规格')),
        buyerNick: textField(row.get('用户昵称')),
        rating,
        content: textField(row.get('评价内容')),
        images: urlList(row.get('评价图片')),
        reviewedAt,
        followUpContent: textField(row.get('追评内容')),
        followUpAt: platformTime(row.get('追评时间'), CHINA_OFFSET, row.excel),
        sellerReply: textField(row.get('回复内容')),
        logisticsScore: numberField(row.get('物流评分')),
        serviceScore: numberField(row.get('服务评分')),
        // 是 with an empty 回复内容: the platform has a reply the export does not carry
        sellerReplied: booleanField(row.get('商家是否回复')),
      }),
    };
  },
};

// ---- Shopify review apps -------------------------------------------------------------------------------------

/** English apps' dates: with an offset or `UTC`, else in the shop's time zone. */
const shopTime = (row: TableRecord, header: string) => platformTime(row.get(header), null, row.excel);

/** A review without an id of its own: product, reviewer and time make it one. */
function appReviewId(prefix: string, product: string | undefined, reviewer: string | undefined, reviewedAt: unknown, timeZone: string): string {
  return derivedId(prefix, [product, reviewer?.toLowerCase(), instantOf(reviewedAt, timeZone) ?? String(reviewedAt ?? '')]);
}

const judgeMe: TableFormat = {
  kind: 'table',
  name: 'judgeme',
  source: 'Judge.me review export / import CSV',
  required: ['body', 'rating', 'review_date'],
  sourceOf: {
    productId: 'product_handle',
    buyerId: 'reviewer_email',
    buyerNick: 'reviewer_name',
    rating: 'rating',
    content: 'body',
    images: 'picture_urls',
    reviewedAt: 'review_date',
    sellerReply: 'reply',
    sellerReplyAt: 'reply_date',
  },
  detect: (headers) => headers.has('reviewdate') && headers.has('body') && (headers.has('reviewername') || headers.has('revieweremail')),
  map(row, context) {
    const email = textOf(row.get('reviewer_email'));
    const product = textOf(row.get('product_handle')) ?? textOf(row.get('product_id'));
    const reviewedAt = shopTime(row, 'review_date');
    return {
      problems: [],
      input: compact({
        platform: context.platform ?? 'shopify',
        externalId: textOf(row.get('id')) ?? appReviewId('jm', product, email ?? textOf(row.get('reviewer_name')), reviewedAt, context.timeZone),
        productId: product,
        buyerId: email === undefined ? undefined : hashedBuyerId(email),
        buyerNick: textField(row.get('reviewer_name')),
        rating: numberField(row.get('rating')),
        content: textField(row.get('body')),
        images: urlList(row.get('picture_urls')),
        reviewedAt,
        sellerReply: textField(row.get('reply')),
        sellerReplyAt: shopTime(row, 'reply_date'),
      }),
    };
  },
};

const okendo: TableFormat = {
  kind: 'table',
  name: 'okendo',
  source: 'Okendo import template / review export CSV',
  required: ['body', 'rating', 'dateCreated'],
  sourceOf: {
    externalId: 'reviewId',
    productId: 'productId',
    sku: 'sku',
    buyerId: 'email',
    buyerNick: 'name',
    rating: 'rating',
    content: 'body',
    images: 'imageUrls',
    reviewedAt: 'dateCreated',
    sellerReply: 'reply',
    sellerReplyAt: 'replyDate',
  },
  detect: (headers) => headers.has('datecreated') && headers.has('body') && headers.has('rating'),
  map(row, context) {
    const email = textOf(row.get('email'));
    const product = textOf(row.get('productId')) ?? textOf(row.get('handle')) ?? textOf(row.get('sku'));
    const reviewedAt = shopTime(row, 'dateCreated');
    return {
      problems: [],
      input: compact({
        platform: context.platform ?? 'shopify',
        externalId: textOf(row.get('reviewId')) ?? appReviewId('ok', product, email ?? textOf(row.get('name')), reviewedAt, context.timeZone),
        productId: product,
        sku: textField(row.get('sku')),
        buyerId: email === undefined ? undefined : hashedBuyerId(email),
        buyerNick: textField(row.get('name')),
        rating: numberField(row.get('rating')),
        content: textField(row.get('body')),
        images: urlList(row.get('imageUrls')),
        reviewedAt,
        sellerReply: textField(row.get('reply')),
        sellerReplyAt: shopTime(row, 'replyDate'),
      }),
    };
  },
};

const shopifyProductReviews: TableFormat = {
  kind: 'table',
  name: 'shopify-product-reviews',
  source: 'Shopify Product Reviews app CSV export',
  required: ['product_handle', 'rating', 'body', 'created_at'],
  sourceOf: {
    productId: 'product_handle',
    buyerId: 'email',
    buyerNick: 'author',
    rating: 'rating',
    content: 'body',
    reviewedAt: 'created_at',
    sellerReply: 'reply',
    sellerReplyAt: 'replied_at',
  },
  detect: (headers) => headers.has('producthandle') && headers.has('author') && headers.has('createdat'),
  map(row, context) {
    const email = textOf(row.get('email'));
    const product = textOf(row.get('product_handle'));
    const reviewedAt = shopTime(row, 'created_at');
    return {
      problems: [],
      input: compact({
        platform: context.platform ?? 'shopify',
        externalId: textOf(row.get('id')) ?? appReviewId('spr', product, email ?? textOf(row.get('author')), reviewedAt, context.timeZone),
        productId: product,
        buyerId: email === undefined ? undefined : hashedBuyerId(email),
        buyerNick: textField(row.get('author')),
        rating: numberField(row.get('rating')),
        content: textField(row.get('body')),
        reviewedAt,
        sellerReply: textField(row.get('reply')),
        sellerReplyAt: shopTime(row, 'replied_at'),
      }),
    };
  },
};

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
