import compliant from '../../test/fixtures/compliance/compliant.json';
import violations from '../../test/fixtures/compliance/violations.json';
import { checkCompliance, ComplianceContext } from './compliance-engine';
import { complianceRules, parseRuleSet, TextKind } from './compliance-rules';

interface CorpusItem {
  text: string;
  rule?: string;
  kind?: string;
  platform?: string;
  remedyOffered?: boolean;
  recordedActions?: boolean;
  allowPublicGift?: boolean;
}

function contextOf(item: CorpusItem): ComplianceContext {
  return {
    kind: (item.kind ?? 'private_message') as TextKind,
    platform: item.platform ?? null,
    remedyOffered: item.remedyOffered ?? false,
    recordedActions: item.recordedActions ?? false,
    allowPublicGift: item.allowPublicGift ?? false,
  };
}

const bad = violations.items as CorpusItem[];
const good = compliant.items as CorpusItem[];

describe('compliance corpus', () => {
  it('is big enough and covers every rule in both languages', () => {
    expect(bad.length).toBeGreaterThanOrEqual(80);
    expect(good.length).toBeGreaterThanOrEqual(80);
    const han = /[\u3400-\u9fff]/;
    for (const rule of complianceRules().rules) {
      const items = bad.filter((item) => item.rule === rule.id);
      expect({ rule: rule.id, zh: items.some((i) => han.test(i.text)), en: items.some((i) => !han.test(i.text)) }).toEqual({
        rule: rule.id,
        zh: true,
        en: true,
      });
    }
  });

  it.each(bad.map((item) => [item.rule, item.text, item] as const))('flags %s: %s', (rule, _text, item) => {
    const findings = checkCompliance(item.text, contextOf(item));
    expect(findings.map((f) => f.ruleId)).toContain(rule);
    const finding = findings.find((f) => f.ruleId === rule)!;
    expect(item.text.slice(finding.start, finding.end)).toBe(finding.excerpt);
    expect(finding.excerpt.length).toBeGreaterThan(0);
  });

  it.each(good.map((item) => [item.text, item] as const))('does not block: %s', (_text, item) => {
    const blocking = checkCompliance(item.text, contextOf(item)).filter((f) => f.severity === 'block');
    expect(blocking.map((f) => `${f.ruleId}: ${f.excerpt}`)).toEqual([]);
  });
});

describe('checkCompliance', () => {
  it('finds a rule through full-width letters, spaces inside words and traditional script', () => {
    expect(checkCompliance('好 評 返 現', { kind: 'private_message' }).map((f) => f.ruleId)).toContain('compensation-for-review');
    expect(checkCompliance('加我ＶＸ', { kind: 'private_message' }).map((f) => f.ruleId)).toContain('off-platform-contact');
  });

  it('points the span at the original text', () => {
    const text = '亲，电话是１３８ １２３４ ５６７８。';
    const [finding] = checkCompliance(text, { kind: 'public_reply' });
    expect(finding.ruleId).toBe('personal-data');
    expect(finding.excerpt).toBe('１３８ １２３４ ５６７８');
  });

  it('explains in the language of the text and gives the rewrite and source', () => {
    const [zh] = checkCompliance('好评返现', { kind: 'template' });
    expect(zh.explanation).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.source).toContain('465.4');
    const [en] = checkCompliance('Update your review and we refund you.', { kind: 'template' });
    expect(en.rewrite).toMatch(/^[\x20-\x7e]+$/);
  });

  it('asks about the review on Amazon is blocked, on Taobao it is not', () => {
    const text = 'If you wish, you are welcome to update your review.';
    expect(checkCompliance(text, { kind: 'private_message', platform: 'amazon' }).map((f) => f.ruleId)).toContain('review-request-forbidden');
    expect(checkCompliance(text, { kind: 'private_message', platform: 'taobao' })).toEqual([]);
  });

  it('a contact note may record what the buyer asked, not a conditional deal', () => {
    expect(checkCompliance('买家要求加微信，已拒绝', { kind: 'contact_note' })).toEqual([]);
    expect(checkCompliance('答应买家删评后退款', { kind: 'contact_note' }).map((f) => f.ruleId)).toEqual(['compensation-for-review']);
  });
});

describe('parseRuleSet', () => {
  const base = () => JSON.parse(JSON.stringify(complianceRules())) as Record<string, unknown> & { rules: Record<string, unknown>[] };

  it('refuses an unknown lexicon, severity or broken pattern, naming the rule', () => {
    const unknownLexicon = base();
    unknownLexicon.rules[0].detectors = [{ all: [['@nope']] }];
    expect(() => parseRuleSet(unknownLexicon)).toThrow(/compensation-for-review.*@nope/);
    const severity = base();
    severity.rules[1].severity = 'maybe';
    expect(() => parseRuleSet(severity)).toThrow(/severity maybe/);
    const pattern = base();
    pattern.rules[2].detectors = [{ patterns: ['(unclosed'] }];
    expect(() => parseRuleSet(pattern)).toThrow(/pattern/);
  });
});
