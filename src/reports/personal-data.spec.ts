import { maskIdentifier, maskPersonalData, shortQuote } from './personal-data';

describe('maskPersonalData', () => {
  it.each([
    ['mobile', '有问题打我电话13812345678', '13812345678'],
    ['mobile with +86 and spaces', 'call +86 138 1234 5678 please', '1234'],
    ['mobile with dashes', '电话 139-1234-5678', '5678'],
    ['landline', '座机 0755-12345678 找我', '12345678'],
    ['international', 'reach me on +1 415 555 0199', '555'],
    ['WeChat id', '加我微信：wxid_abc123 细聊', 'wxid_abc123'],
    ['WeChat id after vx', 'vx abc_12345', 'abc_12345'],
    ['QQ number', 'QQ号：12345678', '12345678'],
    ['QQ number after 扣扣', '扣扣 987654321', '987654321'],
    ['e-mail', 'mail me at jane.doe@example.com', 'jane.doe'],
    ['link', '看这里 https://example.com/p?id=42', 'example.com'],
    ['order id', '订单号 2026112012345678 一直没发货', '2026112012345678'],
    ['tracking number with letters', '运单 SF1234567890 没更新', '1234567890'],
    ['@handle', '联系 @小美呀 处理', '小美呀'],
    ['surname and title', '客服说让王先生等等', '王先生'],
    ['self-introduction', '我叫李小明，东西坏了', '李小明'],
    ['English name', 'my name is John Smith and it broke', 'John'],
    ['English title', 'Mr. Brown was rude', 'Brown'],
  ])('masks a %s', (_kind, text, secret) => {
    const masked = maskPersonalData(text);
    expect(masked).not.toContain(secret);
    expect(masked).toContain('*');
  });

  it('masks the values the review names as personal, whatever their form', () => {
    expect(maskPersonalData('淘宝用户Tb_Buyer88说质量差，tb_buyer88', ['tb_buyer88', null, 'x'])).toBe('淘宝用户***说质量差，***');
  });

  it.each([
    '快递师傅态度很差，包装也破了',
    '衣服洗了一次就掉色了，质量太差',
    'Arrived two weeks late, box crushed',
    '尺码偏小两码，退货很麻烦',
    '第3天才发货，等了5天',
  ])('leaves ordinary complaints alone: %s', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('shortQuote', () => {
  it('quotes the sentence with the evidence phrase', () => {
    expect(shortQuote('包装很好看。但是色差太大了，和图片完全不一样！客服回复也慢', '色差', 60)).toBe('但是色差太大了，和图片完全不一样！');
  });

  it('falls back to the first sentence without evidence', () => {
    expect(shortQuote('Arrived late. The box was crushed.', null, 60)).toBe('Arrived late.');
  });

  it('cuts a long sentence around the phrase, with ellipses', () => {
    const text = `${'前面说了很多无关的话'.repeat(5)}鞋底开胶了${'后面也说了很多无关的话'.repeat(5)}`;
    const quote = shortQuote(text, '开胶', 20);
    expect(Array.from(quote).length).toBeLessThanOrEqual(20);
    expect(quote).toContain('开胶');
    expect(quote.startsWith('…')).toBe(true);
    expect(quote.endsWith('…')).toBe(true);
  });

  it('masks before cutting, so no part of a phone number survives', () => {
    const quote = shortQuote('东西坏了请联系13812345678谢谢', '坏了', 12);
    expect(quote).not.toMatch(/\d{3,}/);
  });

  it('masks identifiers to their first and last character', () => {
    expect(maskIdentifier('tb_buyer_0427')).toBe('t***7');
    expect(maskIdentifier('ab')).toBe('***');
    expect(maskIdentifier(null)).toBe('***');
  });
});
