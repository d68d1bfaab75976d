import { CsvMalformed, CsvMissingColumns } from '../../common/errors/domain-error';
import type { ReviewInputDto } from '../dto/review-input.dto';
import type { Platform } from '../review.types';

/** A field of the JSON review input, which is what each CSV row becomes. */
export type CsvField = keyof ReviewInputDto;

export type CellKind = 'platform' | 'id' | 'text' | 'rating' | 'integer' | 'amount' | 'boolean' | 'urls' | 'currency' | 'timestamp';

export interface CsvColumn {
  field: CsvField;
  kind: CellKind;
  /** headers of Chinese shop-backend exports; the field name itself and its snake_case always match */
  aliases: readonly string[];
}

/**
 * The columns of `POST /v1/reviews/import`. A header matches when it equals the API field name or
 * one of its aliases, ignoring case, spaces, `_` and `-` (so `external_id` and `External ID` match
 * externalId), full-width forms and a trailing unit in brackets (`实付金额(元)`).
 *
 * | Field           | Aliases                                  | Cell                                                      |
 * |-----------------|------------------------------------------|-----------------------------------------------------------|
 * | platform *      | 平台                                     | taobao, tmall, jd, pdd, other or 淘宝, 天猫, 京东, 拼多多 |
 * | externalId *    | 评价ID, 评论ID, 评价编号                 | text; `="123"` (Excel) is unwrapped                       |
 * | productId       | 商品ID, 宝贝ID, 商品编号                 | text; `="123"` is unwrapped                               |
 * | sku             | 商品规格, 规格, 宝贝规格                 | text                                                      |
 * | productName     | 商品名称, 宝贝名称, 商品标题, 宝贝标题   | text                                                      |
 * | orderId         | 订单号, 订单编号, 订单ID                 | text; `="123"` is unwrapped                               |
 * | buyerId         | 买家ID                                   | text; `="123"` is unwrapped                               |
 * | buyerNick       | 买家昵称, 会员名, 买家会员名             | text                                                      |
 * | rating *        | 评分, 星级, 评价星级                     | 1-5, also `5星`, `4分`, `五星`                            |
 * | content         | 评价内容, 评论内容                       | text                                                      |
 * | images          | 图片, 评价图片, 图片链接                 | URLs separated by whitespace, `,` `;` `|` `，` `；` `、`  |
 * | imageCount      | 图片数, 图片数量                         | integer                                                   |
 * | hasVideo        | 视频, 有视频, 是否有视频                 | true/false, 1/0, yes/no, y/n, 是/否, 有/无                |
 * | orderAmount     | 订单金额, 实付金额, 实付款               | number, at most 2 decimals; `¥`, `￥` and `1,299.00` ok   |
 * | currency        | 币种, 货币                               | ISO 4217 (any case); 人民币, RMB, 元 mean CNY             |
 * | orderedAt       | 下单时间                                 | timestamp (no offset: shop time zone)                     |
 * | shippedAt       | 发货时间                                 | timestamp                                                 |
 * | deliveredAt     | 签收时间, 收货时间, 确认收货时间         | timestamp                                                 |
 * | reviewedAt *    | 评价时间, 评论时间                       | timestamp                                                 |
 * | carrier         | 快递公司, 物流公司                       | text                                                      |
 * | serviceAgent    | 客服, 接待客服                           | text                                                      |
 * | followUpContent | 追评内容, 追加评论, 追评                 | text                                                      |
 * | followUpAt      | 追评时间, 追加评论时间                   | timestamp                                                 |
 *
 * `*` required; platform may instead come from `?platform=`. Empty cells are left out. A cell
 * that does not convert is passed on as text, so the row fails validation with the field's own
 * error (rating `very good` -> `isInt`) instead of failing the file.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'platform', kind: 'platform', aliases: ['平台'] },
  { field: 'externalId', kind: 'id', aliases: ['评价ID', '评论ID', '评价编号'] },
  { field: 'productId', kind: 'id', aliases: ['商品ID', '宝贝ID', '商品编号'] },
  { field: 'sku', kind: 'text', aliases: ['商品规格', '规格', '宝贝规格'] },
  { field: 'productName', kind: 'text', aliases: ['商品名称', '宝贝名称', '商品标题', '宝贝标题'] },
  { field: 'orderId', kind: 'id', aliases: ['订单号', '订单编号', '订单ID'] },
  { field: 'buyerId', kind: 'id', aliases: ['买家ID'] },
  { field: 'buyerNick', kind: 'text', aliases: ['买家昵称', '会员名', '买家会员名'] },
  { field: 'rating', kind: 'rating', aliases: ['评分', '星级', '评价星级'] },
  { field: 'content', kind: 'text', aliases: ['评价内容', '评论内容'] },
  { field: 'images', kind: 'urls', aliases: ['图片', '评价图片', '图片链接'] },
  { field: 'imageCount', kind: 'integer', aliases: ['图片数', '图片数量'] },
  { field: 'hasVideo', kind: 'boolean', aliases: ['视频', '有视频', '是否有视频'] },
  { field: 'orderAmount', kind: 'amount', aliases: ['订单金额', '实付金额', '实付款'] },
  { field: 'currency', kind: 'currency', aliases: ['币种', '货币'] },
  { field: 'orderedAt', kind: 'timestamp', aliases: ['下单时间'] },
  { field: 'shippedAt', kind: 'timestamp', aliases: ['发货时间'] },
  { field: 'deliveredAt', kind: 'timestamp', aliases: ['签收时间', '收货时间', '确认收货时间'] },
  { field: 'reviewedAt', kind: 'timestamp', aliases: ['评价时间', '评论时间'] },
  { field: 'carrier', kind: 'text', aliases: ['快递公司', '物流公司'] },
  { field: 'serviceAgent', kind: 'text', aliases: ['客服', '接待客服'] },
  { field: 'followUpContent', kind: 'text', aliases: ['追评内容', '追加评论', '追评'] },
  { field: 'followUpAt', kind: 'timestamp', aliases: ['追评时间', '追加评论时间'] },
];

const REQUIRED: readonly CsvField[] = ['platform', 'externalId', 'rating', 'reviewedAt'];

/** The comparable form of a header: see CSV_COLUMNS. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const COLUMN_BY_KEY: ReadonlyMap<string, CsvColumn> = (() => {
  const byKey = new Map<string, CsvColumn>();
  for (const column of CSV_COLUMNS) {
    for (const name of [column.field, ...column.aliases]) {
      const key = headerKey(name);
      const taken = byKey.get(key);
      if (taken && taken !== column) throw new Error(`CSV header ${name} is an alias of both ${taken.field} and ${column.field}`);
      byKey.set(key, column);
    }
  }
  return byKey;
})();

export function columnFor(header: string): CsvColumn | undefined {
  return COLUMN_BY_KEY.get(headerKey(header));
}

export interface CsvHeader {
  /** the column of each position of a row, null where the column is ignored */
  columns: (CsvColumn | null)[];
  /** headers that match no field, as written in the file */
  ignored: string[];
  /** the header each field is read from, as written in the file */
  headerOf: ReadonlyMap<string, string>;
}

/**
 * Maps the header row to fields. Two headers for one field are ambiguous and refused; so is a
 * header without a required column (platform is not required when `platformGiven`).
 */
export function readHeader(cells: readonly string[], line: number, platformGiven: boolean): CsvHeader {
  const columns: (CsvColumn | null)[] = [];
  const ignored: string[] = [];
  const headerOf = new Map<CsvField, string>();
  for (const cell of cells) {
    const header = cell.trim();
    const column = header === '' ? undefined : columnFor(header);
    if (!column) {
      if (header !== '') ignored.push(header);
      columns.push(null);
      continue;
    }
    const earlier = headerOf.get(column.field);
    if (earlier !== undefined) {
      throw new CsvMalformed(line, `the columns "${earlier}" and "${header}" are both ${column.field}; keep one of them`);
    }
    headerOf.set(column.field, header);
    columns.push(column);
  }
  const missing = REQUIRED.filter((field) => !headerOf.has(field) && !(field === 'platform' && platformGiven));
  if (missing.length) throw new CsvMissingColumns(missing);
  return { columns, ignored, headerOf };
}

export type CellValue = string | number | boolean | string[];

/** One data row as the JSON API input; empty cells are left out, `platform` fills a missing platform. */
export function rowToInput(cells: readonly string[], header: CsvHeader, platform: Platform | null): Record<string, CellValue> {
  const input: Record<string, CellValue> = {};
  header.columns.forEach((column, index) => {
    if (!column) return;
    const value = convertCell(column.kind, cells[index] ?? '');
    if (value !== undefined) input[column.field] = value;
  });
  if (input.platform === undefined && platform !== null) input.platform = platform;
  return input;
}

// Maps, not object literals: a cell such as "constructor" must not find Object.prototype members.
const PLATFORM_NAMES = new Map([
  ['淘宝', 'taobao'],
  ['天猫', 'tmall'],
  ['京东', 'jd'],
  ['拼多多', 'pdd'],
  ['其他', 'other'],
]);
const CURRENCY_NAMES = new Map([
  ['人民币', 'CNY'],
  ['RMB', 'CNY'],
  ['元', 'CNY'],
  ['¥', 'CNY'],
  ['￥', 'CNY'],
]);
const BOOLEANS = new Map([
  ...['true', '1', 'yes', 'y', '是', '有'].map((word) => [word, true] as const),
  ...['false', '0', 'no', 'n', '否', '无'].map((word) => [word, false] as const),
]);
const CHINESE_DIGITS = new Map([
  ['一', '1'],
  ['二', '2'],
  ['两', '2'],
  ['三', '3'],
  ['四', '4'],
  ['五', '5'],
]);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EXCEL_TEXT = /^="(.*)"$/;
const URL_SEPARATORS = /[\s,;|，；、]+/;

/** Converts one cell to the type the JSON input has; undefined for an empty cell. */
export function convertCell(kind: CellKind, cell: string): CellValue | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'platform':
      return PLATFORM_NAMES.get(text) ?? text.toLowerCase();
    case 'id':
      return EXCEL_TEXT.exec(text)?.[1].trim() ?? text;
    case 'rating': {
      const stars = /^(.+?)\s*[星分]$/.exec(text)?.[1] ?? text;
      return toNumber(CHINESE_DIGITS.get(stars) ?? stars) ?? text;
    }
    case 'integer':
      return toNumber(text) ?? text;
    case 'amount': {
      const amount = text.replace(/^[¥￥$]\s*/, '');
      return toNumber(THOUSANDS.test(amount) ? amount.replace(/,/g, '') : amount) ?? text;
    }
    case 'boolean':
      return BOOLEANS.get(text.toLowerCase()) ?? text;
    case 'urls':
      return text.split(URL_SEPARATORS).filter((url) => url !== '');
    case 'currency':
      return CURRENCY_NAMES.get(text.toUpperCase()) ?? text.toUpperCase();
    case 'text':
    case 'timestamp':
      return text;
  }
}

function toNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}
