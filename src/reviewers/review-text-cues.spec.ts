import { complaintTopics, ContactCueKind, DemandCueKind, findContactCues, findDemandCues, normaliseCueText, parseChineseNumber } from './review-text-cues';

const contactKinds = (text: string): ContactCueKind[] => findContactCues(normaliseCueText(text)).map((cue) => cue.kind);
const demandKinds = (text: string): DemandCueKind[] => findDemandCues(normaliseCueText(text)).map((cue) => cue.kind);
const amounts = (text: string): number[] =>
  findDemandCues(normaliseCueText(text))
    .filter((cue) => cue.kind === 'amount')
    .map((cue) => cue.amount ?? NaN);

describe('off-platform contact cues', () => {
  it.each([
    ['有问题打我电话13800138000', 'mobile_phone'],
    ['电话 138 0013 8000', 'mobile_phone'],
    ['电话138-0013-8000', 'mobile_phone'],
    ['手机：１３８－００１３－８０００', 'mobile_phone'],
    ['+86 138 0013 8000', 'mobile_phone'],
    ['联系 0086-13800138000', 'mobile_phone'],
    ['幺三八零零幺三八零零零 打这个', 'mobile_phone'],
    ['座机 010-12345678', 'landline_phone'],
    ['call me +1 415 555 0134', 'international_phone'],
    ['加微信 abc12345 聊', 'wechat_id'],
    ['vx: wxid_abc123', 'wechat_id'],
    ['微信号：shop_hunter', 'wechat_id'],
    ['my WeChat is lily_2024', 'wechat_id'],
    ['QQ 12345678 找我', 'qq_number'],
    ['扣扣：987654321', 'qq_number'],
    ['LINE: shop_hunter88', 'messenger_id'],
    ['email me at refundking@mailbox.org', 'email'],
    ['加微信详聊', 'invitation'],
    ['加我qq', 'invitation'],
    ['有事V信联系', 'invitation'],
    ['加vx私聊', 'invitation'],
    ['我们私下解决吧', 'invitation'],
    ['add me on WhatsApp', 'invitation'],
    ['my phone number is below, call me', 'invitation'],
    ['Message me on Telegram to sort this out', 'invitation'],
    ['let us settle this outside the platform', 'invitation'],
  ])('finds %p (%s)', (text, kind) => {
    expect(contactKinds(text)).toContain(kind);
  });

  it.each([
    '订单号123456789012345678，到现在没发货',
    '2026-05-01 13:05 到货，包装破损',
    '价格39.9元，不值',
    '快递单号 SF1234567890123 一直没更新',
    '请联系客服处理',
    '打客服电话没人接',
    '客服说会电话联系我',
    '用微信支付的，付款很方便',
    'I called customer service three times',
    'Tracking 1Z999AA10123456784 never updated',
    'WeChat is great but this item is not',
    'My phone is broken so I could not reply',
    '在online上联系了客服',
    '一二三四五六七，数了好几遍还是少一件',
  ])('finds nothing in %p', (text) => {
    expect(contactKinds(text)).toEqual([]);
  });

  it('reads traditional Chinese', () => {
    expect(contactKinds('加我微信 abc12345，電話 139 1234 5678')).toEqual(expect.arrayContaining(['wechat_id', 'mobile_phone']));
  });
});

describe('money demand cues', () => {
  it.each([
    ['不赔钱就差评', 'threat_for_money'],
    ['不给补偿我就一直追评', 'threat_for_money'],
    ['没有红包就曝光你们', 'threat_for_money'],
    ['赔我200，否则差评', 'threat_for_money'],
    ['给我500块就删评', 'threat_for_money'],
    ['发个红包我就改好评', 'threat_for_money'],
    ['不賠錢就給你差評', 'threat_for_money'],
    ['pay me or I leave 1 star', 'threat_for_money'],
    ['Pay me $200 or I will leave a one-star review', 'threat_for_money'],
    ['Unless you pay me 100 dollars I will post a bad review', 'threat_for_money'],
    ['This stays a one-star review unless you send me $50', 'threat_for_money'],
    ['Send me $50 and I will delete my review', 'threat_for_money'],
    ['退一赔十', 'multiple_compensation'],
    ['假一赔三，必须三倍赔偿', 'multiple_compensation'],
    ['I want a 10x refund', 'multiple_compensation'],
    ['要精神损失费', 'emotional_damages'],
    ['compensation for my emotional distress', 'emotional_damages'],
    ['要求赔偿500元', 'amount'],
    ['赔我五百块', 'amount'],
    ['I demand compensation of $500', 'amount'],
  ])('finds %p (%s)', (text, kind) => {
    expect(demandKinds(text)).toContain(kind);
  });

  it.each([
    // ordinary consumer-rights language and normal remedies
    '我要退货',
    '要求退款',
    '根据消费者权益保护法，七天无理由退货，我要求退款',
    '不退款就差评',
    '给我退20元差价就改好评',
    '给我换货就改好评',
    '要求赔偿',
    'I want a refund',
    'I demand a full refund under consumer protection law',
    'Give me a refund or I will leave a bad review',
    'Give me a replacement and I will update my review',
    'If this is not resolved I will report it to the consumer protection agency',
    // money mentioned, no demand
    '花了钱就买到这种东西，差评',
    '不值这个钱，给差评',
    '我花了500块买的，质量这么差',
    '给我3天时间考虑',
    'I paid $50 for this garbage, one star',
    'I paid $50 and had to update my review after it broke',
  ])('finds nothing in %p', (text) => {
    expect(demandKinds(text)).toEqual([]);
  });

  it.each([
    ['要求赔偿500元', [500]],
    ['赔我五百块', [500]],
    ['精神损失费两千元', [2000]],
    ['赔偿1.5万', [15000]],
    ['I demand compensation of $1,200', [1200]],
    ['退一赔十', []],
    ['赔偿3倍', []],
  ])('reads the amount in %p', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  it.each([
    ['五百', 500],
    ['两千', 2000],
    ['三万', 30000],
    ['十五', 15],
    ['几百', 100],
    ['一千二百', 1200],
    ['abc', null],
  ])('parses the Chinese number %p', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });
});

describe('complaint topics without classifier tags', () => {
  it.each([
    ['质量太差，一用就坏了', ['quality']],
    ['物流太慢，十天还没到', ['logistics']],
    ['客服态度差，不回复', ['service']],
    ['Arrived broken and the courier was rude', ['quality', 'logistics', 'service']],
    ['还行吧', []],
  ])('%p is about %p', (text, topics) => {
    expect([...complaintTopics(normaliseCueText(text))].sort()).toEqual([...topics].sort());
  });
});
