import { CsvMalformed, CsvMissingColumns } from '../../common/errors/domain-error';
import { REVIEW_FIELDS } from '../review-fields';
import { CellKind, columnFor, convertCell, CSV_COLUMNS, readHeader, rowToInput } from './csv-columns';

describe('CSV columns', () => {
  describe('header matching', () => {
    it.each([
      ['externalId', 'externalId'],
      ['externalid', 'externalId'],
      ['EXTERNAL_ID', 'externalId'],
      ['External ID', 'externalId'],
      ['  order-id ', 'orderId'],
      ['follow_up_content', 'followUpContent'],
      ['SKU', 'sku'],
      ['平台', 'platform'],
      ['评价ID', 'externalId'],
      ['评论id', 'externalId'],
      ['评价ＩＤ', 'externalId'],
      ['宝贝ID', 'productId'],
      ['商品规格', 'sku'],
      ['宝贝名称', 'productName'],
      ['订单编号', 'orderId'],
      ['会员名', 'buyerNick'],
      ['星级', 'rating'],
      ['评论内容', 'content'],
      ['评价图片', 'images'],
      ['图片数', 'imageCount'],
      ['有视频', 'hasVideo'],
      ['实付金额(元)', 'orderAmount'],
      ['订单金额（元）', 'orderAmount'],
      ['币种', 'currency'],
      ['下单时间', 'orderedAt'],
      ['发货时间', 'shippedAt'],
      ['收货时间', 'deliveredAt'],
      ['评论时间', 'reviewedAt'],
      ['物流公司', 'carrier'],
      ['接待客服', 'serviceAgent'],
      ['追加评论', 'followUpContent'],
      ['追评时间', 'followUpAt'],
    ])('%s is %s', (header, field) => {
      expect(columnFor(header)?.field).toBe(field);
    });

    it.each(['备注', 'imageUrls', 'stars', '', '评价'])('%j matches no field', (header) => {
      expect(columnFor(header)).toBeUndefined();
    });

    it('every field of the JSON input has a column', () => {
      expect(CSV_COLUMNS.map((column) => column.field)).toEqual(REVIEW_FIELDS.map((spec) => spec.input));
    });
  });

  describe('header row', () => {
    it('maps columns by position and lists the unknown ones as written', () => {
      const header = readHeader(['评价ID', ' 备注 ', '评分', '', 'platform', '评价时间'], 1, false);
      expect(header.columns.map((column) => column?.field ?? null)).toEqual(['externalId', null, 'rating', null, 'platform', 'reviewedAt']);
      expect(header.ignored).toEqual(['备注']);
      expect(header.headerOf.get('rating')).toBe('评分');
    });

    it.each([
      [['评价ID', '评分'], false, ['platform', 'reviewedAt']],
      [['评价ID', '评分'], true, ['reviewedAt']],
      [['content'], true, ['externalId', 'rating', 'reviewedAt']],
    ])('%j (platform by query: %s) lacks %j', (cells, platformGiven, missing) => {
      const read = () => readHeader(cells, 1, platformGiven);
      expect(read).toThrow(CsvMissingColumns);
      try {
        read();
      } catch (error) {
        expect((error as CsvMissingColumns).problems.map((problem) => problem.field)).toEqual(missing);
      }
    });

    it('refuses two columns for one field', () => {
      expect(() => readHeader(['平台', '评价ID', '评论ID', '评分', '评价时间'], 3, false)).toThrow(CsvMalformed);
      expect(() => readHeader(['平台', '评价ID', '评论ID', '评分', '评价时间'], 3, false)).toThrow(/line 3/);
    });
  });

  describe('cells', () => {
    it.each<[CellKind, string, unknown]>([
      ['text', '', undefined],
      ['text', '   ', undefined],
      ['text', '  keeps inner  spaces ', 'keeps inner  spaces'],
      ['id', '="318812223344556"', '318812223344556'],
      ['id', 'TB-1', 'TB-1'],
      ['platform', 'Taobao', 'taobao'],
      ['platform', '天猫', 'tmall'],
      ['platform', '拼多多', 'pdd'],
      ['platform', 'amazon', 'amazon'],
      ['rating', '5', 5],
      ['rating', ' 3 ', 3],
      ['rating', '4.0', 4],
      ['rating', '4.5', 4.5],
      ['rating', '1星', 1],
      ['rating', '五星', 5],
      ['rating', '4分', 4],
      ['rating', 'very good', 'very good'],
      ['integer', '12', 12],
      ['integer', '-1', -1],
      ['integer', 'a few', 'a few'],
      ['amount', '89.9', 89.9],
      ['amount', '￥45.50', 45.5],
      ['amount', '¥ 1,299.00', 1299],
      ['amount', '0', 0],
      ['amount', '1,2', '1,2'],
      ['amount', 'free', 'free'],
      ['boolean', 'true', true],
      ['boolean', 'FALSE', false],
      ['boolean', '1', true],
      ['boolean', '0', false],
      ['boolean', 'Yes', true],
      ['boolean', 'no', false],
      ['boolean', '是', true],
      ['boolean', '否', false],
      ['boolean', '有', true],
      ['boolean', '无', false],
      ['boolean', 'maybe', 'maybe'],
      ['boolean', 'constructor', 'constructor'],
      ['urls', 'https://a.example/1.jpg', ['https://a.example/1.jpg']],
      ['urls', 'https://a.example/1.jpg https://a.example/2.jpg', ['https://a.example/1.jpg', 'https://a.example/2.jpg']],
      [
        'urls',
        'https://a.example/1.jpg,https://a.example/2.jpg;https://a.example/3.jpg',
        ['https://a.example/1.jpg', 'https://a.example/2.jpg', 'https://a.example/3.jpg'],
      ],
      [
        'urls',
        'https://a.example/1.jpg | https://a.example/2.jpg\nhttps://a.example/3.jpg',
        ['https://a.example/1.jpg', 'https://a.example/2.jpg', 'https://a.example/3.jpg'],
      ],
      ['urls', 'https://a.example/1.jpg，https://a.example/2.jpg、', ['https://a.example/1.jpg', 'https://a.example/2.jpg']],
      ['currency', 'usd', 'USD'],
      ['currency', '人民币', 'CNY'],
      ['currency', 'rmb', 'CNY'],
      ['currency', 'Euro', 'EURO'],
      ['timestamp', ' 2026-11-05 20:00 ', '2026-11-05 20:00'],
    ])('%s %j -> %j', (kind, cell, expected) => {
      expect(convertCell(kind, cell)).toEqual(expected);
    });
  });

  describe('rows', () => {
    const header = readHeader(['评价ID', '评分', '评价时间', '有视频', '备注', '平台'], 1, true);

    it.each([
      [
        'a row',
        ['r-1', '2', '2026-11-05 10:00', '否', 'note', 'jd'],
        { externalId: 'r-1', rating: 2, reviewedAt: '2026-11-05 10:00', hasVideo: false, platform: 'jd' },
      ],
      [
        'empty cells are left out, the platform from the query fills in',
        ['r-2', '', '2026-11-05 10:00', '', '', ''],
        { externalId: 'r-2', reviewedAt: '2026-11-05 10:00', platform: 'taobao' },
      ],
      [
        'a cell that does not convert stays text for validation to reject',
        ['r-3', 'five', 'yesterday', 'maybe', '', 'tmall'],
        { externalId: 'r-3', rating: 'five', reviewedAt: 'yesterday', hasVideo: 'maybe', platform: 'tmall' },
      ],
    ])('%s', (_name, cells, input) => {
      expect(rowToInput(cells, header, 'taobao')).toEqual(input);
    });
  });
});
