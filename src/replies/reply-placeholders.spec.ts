import { fillTemplate, parseTemplate, placeholdersIn, validateTemplateText } from './reply-placeholders';

describe('reply placeholders', () => {
  it('fills values, falls back where a value is missing, and drops optional segments without a value', () => {
    const text = '[{buyer}，]收到的{product}有瑕疵，我们已和{carrier}核实。';
    expect(fillTemplate(text, { buyer: '小鱼', product: 'T恤', carrier: '中通' }, { carrier: '快递公司', product: '宝贝' })).toBe(
      '小鱼，收到的T恤有瑕疵，我们已和中通核实。',
    );
    expect(fillTemplate(text, { buyer: null, product: '', carrier: null }, { carrier: '快递公司', product: '宝贝' })).toBe(
      '收到的宝贝有瑕疵，我们已和快递公司核实。',
    );
  });

  it('never returns a placeholder unfilled: no value and no fallback is an error, not a leftover', () => {
    expect(() => fillTemplate('谢谢{buyer}', {}, {})).toThrow('no value for {buyer}');
  });

  it.each([
    ['{buyer', 'malformedTemplate'],
    ['buyer}', 'malformedTemplate'],
    ['{ buyer }', 'malformedTemplate'],
    ['[[{buyer}]]', 'malformedTemplate'],
    ['[{buyer}', 'malformedTemplate'],
    ['{buyer}]', 'malformedTemplate'],
    ['亲爱的{nick}', 'unknownPlaceholder'],
    ['{phone}', 'unknownPlaceholder'],
  ])('%s is refused with %s', (text, code) => {
    expect(validateTemplateText(text, 'feel')).toEqual([expect.objectContaining({ field: 'text', code })]);
  });

  it('allows {remedy} only where the remedy is said', () => {
    expect(validateTemplateText('我们会{remedy}。', 'remedy')).toEqual([]);
    expect(validateTemplateText('我们会{remedy}。', 'found')).toEqual([expect.objectContaining({ code: 'placeholderNotAllowed' })]);
    expect(validateTemplateText('谢谢{carrier}', 'thank_you')).toEqual([expect.objectContaining({ code: 'placeholderNotAllowed' })]);
    expect(validateTemplateText('Hi {buyer}, sorry about the {product}.', 'feel')).toEqual([]);
  });

  it('lists the placeholders of a template once each', () => {
    expect(placeholdersIn('{buyer}{product}[{buyer}]')).toEqual(['buyer', 'product']);
    expect(parseTemplate('【新品】{product}').ok).toBe(true);
  });
});
