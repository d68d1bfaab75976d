import { complianceRules } from '../compliance/compliance-rules';
import { checkPublicText, findBlame, findCompensation, findPersonalData, replyLength } from './reply-rules';

describe('reply rules', () => {
  it.each([
    '是您自己没有按说明书使用',
    '这是使用不当造成的',
    '您确定收到的是我们家的吗？',
    '這是您自己操作不當',
    'This is not our fault.',
    'You should have read the description.',
    'Are you sure you ordered the right size?',
    'Clearly a fake review.',
  ])('finds blame or doubt in "%s"', (text) => {
    expect(findBlame(text)).not.toBeNull();
  });

  it.each(complianceRules().lexicons.blame.map((term) => term.replace(/[*~]$/, '')))(
    'refuses every blame phrase of the compliance rules (one list for both): "%s"',
    (phrase) => {
      expect(findBlame(`亲，${phrase}。`)).not.toBeNull();
    },
  );

  it("reads the rules' phrases as written: a space also matches a hyphen, a term ending in * longer words", () => {
    expect(findBlame('Another bad-reviewer.')).toBe('bad-reviewer');
    expect(findBlame('The item was misused.')).toBe('misused');
  });

  it.each(['非常抱歉给您添麻烦了，是我们的问题。', 'We are sorry; this is on us.', 'Our supplies ran low.', '这次是我们没有描述清楚。'])(
    'lets "%s" pass',
    (text) => expect(findBlame(text)).toBeNull(),
  );

  it.each([
    ['请拨打13812345678联系我们', 'a phone number'],
    ['电话 138 1234 5678', 'a phone number'],
    ['座机010-12345678', 'a phone number'],
    ['Call +1 415 555 0134', 'a phone number'],
    ['订单号：202611051234567890', 'a long number (an order id or a phone number)'],
    ['订单号: TB-88812', 'an order number'],
    ['order #A77812 has shipped', 'an order number'],
    ['write to help@example.com', 'an e-mail address'],
    ['加微信：shop_helper01', 'a messenger account'],
  ])('finds personal data in "%s"', (text, what) => {
    expect(findPersonalData(text)).toBe(what);
  });

  it('finds the ids of the order and buyer wherever they are', () => {
    expect(findPersonalData('about ZX-7781 again', ['ZX-7781'])).toBe('an id of this order or buyer');
    expect(findPersonalData('满100元减10元，7天无理由退换')).toBeNull();
  });

  it('finds compensation in either script and in English', () => {
    expect(findCompensation('送您一张優惠券')).toBe('优惠券');
    expect(findCompensation('We will refund you.')).toBe('refund');
    expect(findCompensation('我们会按平台规则处理。')).toBeNull();
  });

  it('reports every broken rule with its code and the field', () => {
    const problems = checkPublicText('您自己没看清，加微信abc12345，{buyer}，送您优惠券', 'found', { highRisk: true, maxLength: 10 });
    expect(problems.map((p) => p.code)).toEqual(['blamesBuyer', 'personalData', 'unfilledPlaceholder', 'compensationForHighRisk', 'tooLong']);
    expect(problems.every((p) => p.field === 'found')).toBe(true);
  });

  it('counts characters as platforms do: one per Chinese character or emoji', () => {
    expect(replyLength('谢谢您😀')).toBe(4);
  });
});
