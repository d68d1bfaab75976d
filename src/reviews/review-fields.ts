import { createHash } from 'node:crypto';
import { FieldProblem } from '../common/errors/domain-error';
import { toInstant } from '../common/time/timestamps';
import type { ReviewInputDto } from './dto/review-input.dto';
import { gradeOf, Grade, Platform } from './review.types';

/** The stored, canonical form of an ingested review: what is hashed, compared and kept in revisions. */
export interface ReviewFields {
  platform: Platform;
  externalId: string;
  productId: string | null;
  sku: string | null;
  productName: string | null;
  orderId: string | null;
  buyerId: string | null;
  buyerNick: string | null;
  rating: number;
  content: string;
  imageUrls: string[];
  imageCount: number;
  hasVideo: boolean;
  /** decimal string with two places, e.g. "89.90" */
  orderAmount: string | null;
  currency: string | null;
  orderedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  reviewedAt: string;
  carrier: string | null;
  serviceAgent: string | null;
  followUpContent: string | null;
  followUpAt: string | null;
  qualityScore: number | null;
  logisticsScore: number | null;
  serviceScore: number | null;
  descriptionScore: number | null;
  sellerReply: string | null;
  sellerReplyAt: string | null;
  anonymous: boolean | null;
  autoReview: boolean | null;
  platformCheat: boolean | null;
  platformComplaint: boolean | null;
  videoCount: number | null;
  /** the platform says the seller replied (Douyin 商家是否回复, Kuaishou replied), whether or not the reply's text came with it */
  sellerReplied: boolean | null;
}

/** How a field is written in the input, which decides its checks, its CSV cell conversion and its column type. */
export type FieldKind = 'platform' | 'id' | 'text' | 'rating' | 'integer' | 'amount' | 'boolean' | 'urls' | 'currency' | 'timestamp';

export interface ReviewFieldSpec {
  /** the stored name (ReviewFields, the entity's property; the column is its snake_case) */
  name: keyof ReviewFields;
  /** the name in the JSON input and the CSV header */
  input: string;
  kind: FieldKind;
  required: boolean;
  /** text: most characters (urls: of each URL) */
  maxLength?: number;
  /** urls: most URLs */
  maxItems?: number;
  /** numbers: the range */
  min?: number;
  max?: number;
  /** headers of Chinese shop-backend exports; the input name and its snake_case always match */
  csvHeaders: readonly string[];
  /** for docs/api/reviews.md */
  note?: string;
  /**
   * Declared after stored reviews were hashed without it: hashed only when it holds a value, so an import of an
   * old file (which leaves it empty) hashes as before and reads as `unchanged`. Every field added from now on has it.
   */
  hashedWhenSet?: boolean;
  /**
   * A flag whose false says no more than its absence (no reply yet): hashed only when true, so a file that says 否
   * everywhere hashes as it did before the flag was read, and a flag turning true alone makes the review `updated`.
   */
  hashedWhenTrue?: boolean;
}

export const REVIEW_TEXT_MAX = 10_000;
const ID_MAX = 128;
/** decimal places of an order amount */
export const AMOUNT_DECIMALS = 2;

/** a platform's per-dimension score, 1-5 */
const SCORE = { min: 1, max: 5, hashedWhenSet: true } as const;

type Options = Partial<Omit<ReviewFieldSpec, 'name' | 'kind' | 'csvHeaders'>>;
const field = (name: keyof ReviewFields, kind: FieldKind, csvHeaders: readonly string[], options: Options = {}): ReviewFieldSpec => ({
  name,
  input: name,
  kind,
  required: false,
  csvHeaders,
  ...options,
});

/**
 * The review's fields, declared once: the input's validation (review-input.dto and its fast path), the CSV
 * columns, the ingest SQL and docs/api/reviews.md derive from this list. Its order is the content hash's: a
 * new field goes at the end, or every stored review reads as changed on its next import.
 */
export const REVIEW_FIELDS: readonly ReviewFieldSpec[] = [
  field('platform', 'platform', ['平台'], { required: true }),
  field('externalId', 'id', ['评价ID', '评论ID', '评价编号'], {
    required: true,
    maxLength: ID_MAX,
    note: 'the review id on the platform; `(shop, platform, externalId)` is the idempotency key',
  }),
  field('productId', 'id', ['商品ID', '宝贝ID', '商品编号'], { maxLength: ID_MAX }),
  field('sku', 'text', ['商品规格', '规格', '宝贝规格'], { maxLength: ID_MAX }),
  field('productName', 'text', ['商品名称', '宝贝名称', '商品标题', '宝贝标题'], { maxLength: 500 }),
  field('orderId', 'id', ['订单号', '订单编号', '订单ID'], { maxLength: ID_MAX }),
  field('buyerId', 'id', ['买家ID'], { maxLength: ID_MAX, note: 'links the review to its [reviewer profile](reviewers.md)' }),
  field('buyerNick', 'text', ['买家昵称', '会员名', '买家会员名'], { maxLength: ID_MAX, note: 'personal data: stored, returned, never logged' }),
  field('rating', 'rating', ['评分', '星级', '评价星级'], {
    required: true,
    min: 1,
    max: 5,
    note: 'the grade is derived: 4-5 `good` (好评), 3 `medium` (中评), 1-2 `bad` (差评)',
  }),
  field('content', 'text', ['评价内容', '评论内容'], { maxLength: REVIEW_TEXT_MAX }),
  field('imageUrls', 'urls', ['图片', '评价图片', '图片链接'], { input: 'images', maxItems: 50, maxLength: 2048, note: 'photo URLs; or just `imageCount`' }),
  field('imageCount', 'integer', ['图片数', '图片数量'], { min: 0, max: 1000, note: 'at least the number of `images`' }),
  field('hasVideo', 'boolean', ['视频', '有视频', '是否有视频']),
  field('orderAmount', 'amount', ['订单金额', '实付金额', '实付款'], { min: 0, max: 999_999_999 }),
  field('currency', 'currency', ['币种', '货币'], { note: 'defaults to `CNY` with an amount on taobao, tmall, jd and pdd' }),
  field('orderedAt', 'timestamp', ['下单时间']),
  field('shippedAt', 'timestamp', ['发货时间']),
  field('deliveredAt', 'timestamp', ['签收时间', '收货时间', '确认收货时间']),
  field('reviewedAt', 'timestamp', ['评价时间', '评论时间'], { required: true, note: 'when the buyer posted it' }),
  field('carrier', 'text', ['快递公司', '物流公司'], { maxLength: 64, note: 'the weekly report routes logistics complaints by it' }),
  field('serviceAgent', 'text', ['客服', '接待客服'], {
    maxLength: 64,
    note: 'the customer-service agent who served the buyer; the weekly report routes service complaints by it',
  }),
  field('followUpContent', 'text', ['追评内容', '追加评论', '追评'], { maxLength: REVIEW_TEXT_MAX, note: 'the follow-up review (追评)' }),
  field('followUpAt', 'timestamp', ['追评时间', '追加评论时间']),
  // ---- added with the platform formats (issue 16): hashed only when set, see hashedWhenSet
  field('qualityScore', 'integer', ['质量评分', '商品质量评分', '商品质量'], {
    ...SCORE,
    note: "the platform's product-quality score, 1-5 (Kuaishou qualityScore)",
  }),
  field('logisticsScore', 'integer', ['物流评分', '物流服务评分', '物流服务'], {
    ...SCORE,
    note: "the platform's logistics score, 1-5; 2 or less is evidence for the logistics cause",
  }),
  field('serviceScore', 'integer', ['服务评分', '服务态度评分', '服务态度'], { ...SCORE, note: "the platform's seller-service score, 1-5" }),
  field('descriptionScore', 'integer', ['描述评分', '描述相符评分', '描述相符'], {
    ...SCORE,
    note: "the platform's as-described score, 1-5 (Pinduoduo descScore); 2 or less is evidence for the quality cause",
  }),
  field('sellerReply', 'text', ['商家回复', '回复内容', '卖家回复', '掌柜回复'], {
    maxLength: REVIEW_TEXT_MAX,
    hashedWhenSet: true,
    note: "the seller's public reply already posted on the platform: the review is `repliedOnPlatform` and gets no automatic public draft",
  }),
  field('sellerReplyAt', 'timestamp', ['回复时间', '商家回复时间'], { hashedWhenSet: true }),
  field('anonymous', 'boolean', ['匿名', '是否匿名', '匿名评价'], { hashedWhenSet: true, note: 'posted anonymously' }),
  field('autoReview', 'boolean', ['自动评价', '系统默认评价', '默认评价'], {
    hashedWhenSet: true,
    note: 'written by the platform when the buyer did not review in time (默认好评)',
  }),
  field('platformCheat', 'boolean', ['平台判定作弊', '作弊状态'], {
    hashedWhenSet: true,
    note: 'the platform judged the review or its buyer fraudulent (Kuaishou cheatStatus not 0): a reviewer-risk signal',
  }),
  field('platformComplaint', 'boolean', ['投诉状态', '是否投诉'], {
    hashedWhenSet: true,
    note: 'the buyer has a complaint open with the platform about the order (Kuaishou complainStatus not 0): a reviewer-risk signal',
  }),
  field('videoCount', 'integer', ['视频数', '视频数量'], {
    min: 0,
    max: 100,
    hashedWhenSet: true,
    note: 'number of videos; `hasVideo` is true when it is more than 0',
  }),
  field('sellerReplied', 'boolean', ['商家是否回复', '是否已回复', '商家已回复'], {
    hashedWhenSet: true,
    hashedWhenTrue: true,
    note: "the platform says the seller already replied (Douyin 商家是否回复, Kuaishou replied), even without the reply's text: the review is `repliedOnPlatform`",
  }),
];

export const REVIEW_FIELD_NAMES: readonly (keyof ReviewFields)[] = REVIEW_FIELDS.map((spec) => spec.name);

const BY_INPUT: ReadonlyMap<string, ReviewFieldSpec> = new Map(REVIEW_FIELDS.map((spec) => [spec.input, spec]));

/** A text field's declared maximum length: its column's length too (review.entity). */
export function maxLengthOf(name: keyof ReviewFields): number {
  const max = REVIEW_FIELDS.find((spec) => spec.name === name)?.maxLength;
  if (max === undefined) throw new Error(`review field ${name} declares no maxLength`);
  return max;
}

/** The declaration of an input field (`images`, not `imageUrls`), undefined for a name the input does not have. */
export function reviewInputField(input: string): ReviewFieldSpec | undefined {
  return BY_INPUT.get(input);
}

const DOMESTIC_PLATFORMS: readonly Platform[] = ['taobao', 'tmall', 'jd', 'pdd', 'kuaishou', 'douyin'];
/** a review stamped further in the future than this is a clock or data error */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export type NormalizeResult = { ok: true; fields: ReviewFields; grade: Grade } | { ok: false; problems: FieldProblem[] };

/** JSON null in an optional field means the same as leaving the field out (validation let it through). */
function withoutNulls(input: ReviewInputDto): ReviewInputDto {
  const copy: Record<string, unknown> = { ...input };
  for (const key of Object.keys(copy)) if (copy[key] === null) delete copy[key];
  return copy as unknown as ReviewInputDto;
}

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Turns a validated input into canonical fields and checks what single-field validation cannot:
 * the order of the timeline and timestamps in the future.
 */
export function normalizeReview(validated: ReviewInputDto, timeZone: string, now: Date, path = ''): NormalizeResult {
  const input = withoutNulls(validated);
  const problems: FieldProblem[] = [];
  const field = (name: string) => (path === '' ? name : `${path}.${name}`);
  const instant = (name: keyof ReviewInputDto, value: string | undefined): string | null => {
    if (value === undefined) return null;
    const date = toInstant(value, timeZone);
    if (!date) {
      problems.push({ field: field(name), code: 'isTimestamp', message: `${field(name)} is not a real date-time` });
      return null;
    }
    return date.toISOString();
  };

  const imageUrls = (input.images ?? []).map((url) => url.trim());
  const fields: ReviewFields = {
    platform: input.platform,
    externalId: input.externalId.trim(),
    productId: text(input.productId),
    sku: text(input.sku),
    productName: text(input.productName),
    orderId: text(input.orderId),
    buyerId: text(input.buyerId),
    buyerNick: text(input.buyerNick),
    rating: input.rating,
    content: (input.content ?? '').trim(),
    imageUrls,
    imageCount: Math.max(input.imageCount ?? 0, imageUrls.length),
    hasVideo: input.hasVideo ?? false,
    orderAmount: input.orderAmount === undefined ? null : input.orderAmount.toFixed(AMOUNT_DECIMALS),
    currency: input.currency ?? (input.orderAmount !== undefined && DOMESTIC_PLATFORMS.includes(input.platform) ? 'CNY' : null),
    orderedAt: instant('orderedAt', input.orderedAt),
    shippedAt: instant('shippedAt', input.shippedAt),
    deliveredAt: instant('deliveredAt', input.deliveredAt),
    reviewedAt: instant('reviewedAt', input.reviewedAt) ?? '',
    carrier: text(input.carrier),
    serviceAgent: text(input.serviceAgent),
    followUpContent: text(input.followUpContent),
    followUpAt: instant('followUpAt', input.followUpAt),
    qualityScore: input.qualityScore ?? null,
    logisticsScore: input.logisticsScore ?? null,
    serviceScore: input.serviceScore ?? null,
    descriptionScore: input.descriptionScore ?? null,
    sellerReply: text(input.sellerReply),
    sellerReplyAt: instant('sellerReplyAt', input.sellerReplyAt),
    anonymous: input.anonymous ?? null,
    autoReview: input.autoReview ?? null,
    platformCheat: input.platformCheat ?? null,
    platformComplaint: input.platformComplaint ?? null,
    videoCount: input.videoCount ?? null,
    sellerReplied: input.sellerReplied ?? null,
  };
  if (fields.videoCount !== null && fields.videoCount > 0) fields.hasVideo = true;

  if (fields.externalId === '') {
    problems.push({ field: field('externalId'), code: 'isNotEmpty', message: `${field('externalId')} must not be blank` });
  }
  if (fields.orderAmount !== null && fields.currency === null) {
    problems.push({ field: field('currency'), code: 'required', message: `${field('currency')} is required with orderAmount on platform ${fields.platform}` });
  }
  const notBefore = (later: keyof ReviewFields, earlier: keyof ReviewFields) => {
    const a = fields[later];
    const b = fields[earlier];
    if (typeof a === 'string' && typeof b === 'string' && a !== '' && Date.parse(a) < Date.parse(b)) {
      problems.push({ field: field(later), code: 'dateOrder', message: `${field(later)} is before ${field(earlier)}` });
    }
  };
  notBefore('shippedAt', 'orderedAt');
  notBefore('deliveredAt', 'shippedAt');
  notBefore('deliveredAt', 'orderedAt');
  notBefore('reviewedAt', 'orderedAt');
  notBefore('followUpAt', 'reviewedAt');
  notBefore('sellerReplyAt', 'reviewedAt');
  for (const name of ['orderedAt', 'shippedAt', 'deliveredAt', 'reviewedAt', 'followUpAt', 'sellerReplyAt'] as const) {
    const value = fields[name];
    if (value && Date.parse(value) > now.getTime() + FUTURE_TOLERANCE_MS) {
      problems.push({ field: field(name), code: 'inFuture', message: `${field(name)} is in the future` });
    }
  }

  if (problems.length) return { ok: false, problems };
  return { ok: true, fields, grade: gradeOf(fields.rating) };
}

const HASHED_ALWAYS = REVIEW_FIELDS.filter((spec) => !spec.hashedWhenSet).map((spec) => spec.name);
const HASHED_WHEN_SET = REVIEW_FIELDS.filter((spec) => spec.hashedWhenSet).map((spec) => spec.name);

const HASHED_WHEN_TRUE: ReadonlySet<keyof ReviewFields> = new Set(REVIEW_FIELDS.filter((spec) => spec.hashedWhenTrue).map((spec) => spec.name));

/** empty: what an input without the field gives (null, or an empty list), and false for a flag hashed only when true */
function isEmptyValue(name: keyof ReviewFields, value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (value === false && HASHED_WHEN_TRUE.has(name));
}

/**
 * SHA-256 of the canonical fields. The fields declared before issue 16 are hashed as a plain list, as they always
 * were; a later field is appended as [name, value] only when it holds a value, so a review imported before it
 * existed hashes the same when imported again without it (a re-import of an old file stays `unchanged`).
 */
export function hashReviewFields(fields: ReviewFields): string {
  const canonical: unknown[] = HASHED_ALWAYS.map((name) => fields[name]);
  for (const name of HASHED_WHEN_SET) if (!isEmptyValue(name, fields[name])) canonical.push([name, fields[name]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * The seller already replied on the platform: its reply's text came with the review, or the platform said so
 * without it. Such a review gets no automatic public draft and the queue asks for no public reply.
 */
export function repliedOnPlatform(review: { sellerReply: string | null; sellerReplied: boolean | null }): boolean {
  return review.sellerReply !== null || review.sellerReplied === true;
}

/** repliedOnPlatform in SQL, for the review row `alias` */
export const repliedOnPlatformSql = (alias: string): string => `(${alias}.seller_reply IS NOT NULL OR ${alias}.seller_replied IS TRUE)`;

export function changedFieldNames(before: ReviewFields, after: ReviewFields): string[] {
  return REVIEW_FIELD_NAMES.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
