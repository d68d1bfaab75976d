import { JSON_FORMATS, MappingContext, TABLE_FORMATS, TableRecord } from './platform-formats';

const context: MappingContext = { timeZone: 'Asia/Shanghai', platform: null };
const json = (name: string) => JSON_FORMATS.find((format) => format.name === name)!;
const table = (name: string) => TABLE_FORMATS.find((format) => format.name === name)!;
/** a table row by header, as record-sources gives it */
const row = (cells: Record<string, string | number>): TableRecord => ({ excel: false, get: (header) => cells[header] });

describe('platform mapping tables', () => {
  it('each field is read from its first source that gives a value, and errors name the first', () => {
    const tmall = json('tmall-feed');
    expect(
      tmall.map({ child_trade_id: 7, user_nick: 't***1', has_negtv: true, content: '一般', comment_time: '2026-11-01 10:00:00' }, context).input,
    ).toMatchObject({
      externalId: '7',
      orderId: '7',
      buyerNick: 't***1',
      rating: 1,
    });
    // an unknown grade is a problem of its own, and the feed's flag still grades the review
    const graded = tmall.map({ child_trade_id: 7, result: 'great', has_negtv: false, comment_time: '2026-11-01 10:00:00' }, context);
    expect(graded.input.rating).toBe(5);
    expect(graded.problems).toEqual([expect.objectContaining({ field: 'rating', code: 'isIn' })]);
    expect(tmall.sourceOf).toMatchObject({ externalId: 'child_trade_id', orderId: 'tid', buyerNick: 'nick', rating: 'result' });
  });

  it("JD: the seller's first reply object, and isVenderReply as the replied flag", () => {
    const mapped = json('jd-comment').map(
      {
        commentId: 'c1',
        skuid: 's1',
        score: 2,
        creationTime: '2026-11-01 10:00:00',
        isVenderReply: true,
        replies: ['x', { content: '已补发', creationTime: '2026-11-02 09:00:00' }],
      },
      context,
    );
    expect(mapped.input).toMatchObject({ sellerReply: '已补发', sellerReplyAt: '2026-11-02T09:00:00+08:00', sellerReplied: true });
  });

  it('Douyin: 商家是否回复 is the flag whether or not 回复内容 came; the grade word when no score; the derived id', () => {
    const douyin = table('douyin-export');
    const base = { 评价日期: '2026-11-01 10:00:00', 订单ID: 'o1', 商品ID: 'p1', 评价等级: '差评' };
    const replied = douyin.map(row({ ...base, 商家是否回复: '是' }), context).input;
    expect(replied).toMatchObject({ platform: 'douyin', rating: 1, sellerReplied: true });
    expect(replied.sellerReply).toBeUndefined();
    expect(douyin.map(row({ ...base, 商家是否回复: '否' }), context).input).toMatchObject({ externalId: replied.externalId, sellerReplied: false });
    expect(douyin.required).toEqual(['订单ID', '商品ID', '评价日期']);
    expect(douyin.sourceOf.externalId).toBe('订单ID');
  });

  it('Judge.me: the e-mail only as its hash; an id derived from product, e-mail and time when the file has none', () => {
    const judgeMe = table('judgeme');
    const cells = {
      product_handle: 'mug',
      reviewer_email: 'A@Example.com ',
      reviewer_name: 'A',
      rating: 2,
      body: 'chipped',
      review_date: '2026-11-01T10:00:00Z',
    };
    const mapped = judgeMe.map(row(cells), context).input;
    expect(mapped.buyerId).toMatch(/^email-[0-9a-f]{24}$/);
    expect(JSON.stringify(mapped)).not.toContain('xample');
    expect(mapped.externalId).toMatch(/^jm-[0-9a-f]{24}$/);
    expect(judgeMe.map(row({ ...cells, reviewer_email: 'a@example.com' }), context).input.externalId).toBe(mapped.externalId);
    expect(judgeMe.map(row({ ...cells, id: '991' }), context).input.externalId).toBe('991');
  });
});
