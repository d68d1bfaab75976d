import { composeInput } from '../../test/support/compose-input';
import { toSimplified } from '../text/chinese-script';
import { CAUSE_TAGS, SUB_TAGS, parentTag } from '../reviews/taxonomy';
import { builtinLibrary, joinSentences } from './library/library';
import { LanguageLibrary } from './library/library.types';
import { causesOf, ComposedReply, ComposeInput, composeReply, preferenceOrder, shortProductName } from './reply-composer';
import { INTERNAL_PLACEHOLDERS, PLACEHOLDERS, placeholdersIn } from './reply-placeholders';
import { findBlame, findCompensation, findPersonalData, findUnfilledPlaceholder, replyLength } from './reply-rules';
import { Cause, REPLY_LANGUAGES, ReplyLanguage } from './reply.types';

const HAN = /\p{Script=Han}/u;

const SITUATIONS: { name: string; causes: Cause[] }[] = [
  ...SUB_TAGS.map((subTag) => ({ name: subTag, causes: [{ tag: parentTag(subTag), subTag }] })),
  ...CAUSE_TAGS.map((tag) => ({ name: `${tag} without a sub-tag`, causes: [{ tag, subTag: null }] })),
  { name: 'no stated cause', causes: [] },
  {
    name: 'two causes',
    causes: [
      { tag: 'logistics', subTag: 'damaged_parcel' },
      { tag: 'service', subTag: 'slow_response' },
    ],
  },
  {
    name: 'three causes',
    causes: [
      { tag: 'quality', subTag: 'colour_difference' },
      { tag: 'logistics', subTag: 'slow_delivery' },
      { tag: 'price', subTag: 'price_drop' },
    ],
  },
];

const WITH_DETAILS = { buyerNick: 'sunny_day', productName: 'Linen Shirt', carrier: 'SF Express', shopName: 'Cloud Loom' };
const WITHOUT_DETAILS = { buyerNick: null, productName: null, carrier: null, shopName: null };

/** Every string of a library a buyer reads or hears; staff notes (the *Goal fields) may name what buyers must never be called. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !key.endsWith('Goal') && key !== 'leadApproval')
      .flatMap(([, item]) => allStrings(item));
  }
  return [];
}

function expectPublicRules(reply: ComposedReply, highRisk: boolean, maxLength: number) {
  expect(findUnfilledPlaceholder(reply.text)).toBeNull();
  expect(reply.text).not.toMatch(/[[\]{}]/);
  expect(findBlame(reply.text)).toBeNull();
  expect(findPersonalData(reply.text)).toBeNull();
  expect(replyLength(reply.text)).toBeLessThanOrEqual(maxLength);
  expect(reply.length).toBe(replyLength(reply.text));
  if (highRisk) expect(findCompensation(reply.text)).toBeNull();
}

function expectScript(language: ReplyLanguage, text: string, details: boolean) {
  if (language === 'en') {
    if (!details) expect(text).not.toMatch(HAN);
  } else if (language === 'zh-Hans') {
    expect(toSimplified(text)).toBe(text);
  } else {
    expect(toSimplified(text, true)).not.toBe(text);
  }
}

describe('the built-in library', () => {
  const allowed = new Set<string>([...PLACEHOLDERS, ...INTERNAL_PLACEHOLDERS]);

  it.each(REPLY_LANGUAGES)('%s covers every sub-tag and every tag with several variants', (language) => {
    const lib: LanguageLibrary = builtinLibrary(language);
    for (const key of [...SUB_TAGS.map((sub) => `${parentTag(sub)}/${sub}`), ...CAUSE_TAGS, 'other']) {
      const texts = lib.causes[key];
      expect({
        key,
        feel: texts?.feel.length >= 3,
        found: texts?.found.length >= 3,
        issue: texts?.issue.length >= 1,
        explain: texts?.explain.length >= 1,
      }).toEqual({
        key,
        feel: true,
        found: true,
        issue: true,
        explain: true,
      });
    }
    for (const tag of [...CAUSE_TAGS, 'other'] as const) expect(lib.felt[tag].length).toBeGreaterThanOrEqual(3);
    expect(lib.thankYou.length).toBeGreaterThanOrEqual(8);
  });

  it.each(REPLY_LANGUAGES)('%s: every template uses known placeholders and breaks no rule', (language) => {
    const lib = builtinLibrary(language);
    for (const text of allStrings(lib)) {
      for (const name of placeholdersIn(text)) expect({ text, name, known: allowed.has(name) }).toEqual({ text, name, known: true });
      expect({ text, blame: findBlame(text) }).toEqual({ text, blame: null });
      expect({ text, personal: findPersonalData(text) }).toEqual({ text, personal: null });
    }
    for (const text of allStrings(lib.highRisk)) expect({ text, compensation: findCompensation(text) }).toEqual({ text, compensation: null });
  });
});

describe('composeReply: rules over every situation', () => {
  const combos: [string, ReplyLanguage, boolean, boolean, number][] = [];
  for (const situation of SITUATIONS) {
    for (const language of REPLY_LANGUAGES) {
      for (const highRisk of [false, true]) {
        for (const details of [true, false]) combos.push([situation.name, language, highRisk, details, situation.causes.length > 1 ? 1 : 2]);
      }
    }
  }

  it(`holds the rules for ${combos.length * 3} generated drafts (sub-tag x language x risk x details x length limit)`, () => {
    let checked = 0;
    for (const [name, language, highRisk, details, rating] of combos) {
      const situation = SITUATIONS.find((s) => s.name === name) as { causes: Cause[] };
      for (const maxLength of [500, 160, 100]) {
        const reply = composeReply(
          composeInput({ language, highRisk, rating, causes: situation.causes, maxLength, ...(details ? WITH_DETAILS : WITHOUT_DETAILS) }),
        );
        expect(reply.kind).toBe('recovery');
        expect(reply.language).toBe(language);
        for (const part of [reply.feel, reply.felt, reply.found]) expect(part?.length).toBeGreaterThan(0);
        expect(reply.text).toBe(joinSentences(language, [reply.feel ?? '', reply.felt ?? '', reply.found ?? '']));
        expectPublicRules(reply, highRisk, maxLength);
        expectScript(language, reply.text, details);
        for (const step of reply.outreach?.steps ?? []) {
          expect(findUnfilledPlaceholder(`${step.goal} ${step.say ?? ''}`)).toBeNull();
          expect(findBlame(step.say ?? '')).toBeNull();
        }
        expect(reply.templateIds.length).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBe(combos.length * 3);
  });

  it('at the default limit nothing is shortened for a single cause, in any language', () => {
    for (const situation of SITUATIONS.filter((s) => s.causes.length <= 1)) {
      for (const language of REPLY_LANGUAGES) {
        const reply = composeReply(composeInput({ language, causes: situation.causes, ...WITH_DETAILS }));
        expect({ name: situation.name, language, shortened: reply.shortened }).toEqual({ name: situation.name, language, shortened: false });
      }
    }
  });

  it('a high-risk reviewer gets a calm factual reply and a script to collect evidence, with nothing offered', () => {
    for (const language of REPLY_LANGUAGES) {
      const reply = composeReply(composeInput({ language, highRisk: true, causes: [{ tag: 'quality', subTag: 'defect_broken' }] }));
      expect(findCompensation(reply.text)).toBeNull();
      expect(reply.remedy).toMatchObject({ kind: 'evidence_first', publicText: null, privateText: null, needsLeadApproval: true });
      expect(reply.remedy?.withheld?.kind).toBe('free_replacement');
      const steps = reply.outreach?.steps.map((s) => s.step);
      expect(steps).toEqual(['prepare', 'apology', 'evidence', 'explain', 'no_compensation', 'record']);
      const script = reply.outreach?.text ?? '';
      expect(script).toMatch(language === 'en' ? /collect evidence.*photos/s : /收集证据|收集證據/);
      expect(script).toMatch(language === 'en' ? /until a lead has decided/ : /负责人决定之前|負責人決定之前/);
      expect(steps).not.toContain('review_request');
    }
  });

  it('an ordinary reviewer gets the workflow: apology, room to vent, explanation, remedy, and only then the request', () => {
    const reply = composeReply(composeInput({ causes: [{ tag: 'logistics', subTag: 'slow_delivery' }] }));
    expect(reply.outreach?.steps.map((s) => s.step)).toEqual(['prepare', 'apology', 'listen', 'explain', 'remedy', 'review_request', 'how_to', 'record']);
    const remedyStep = reply.outreach?.steps.find((s) => s.step === 'remedy');
    expect(remedyStep?.say).toContain('小礼物');
    expect(reply.outreach?.steps.find((s) => s.step === 'how_to')?.say).toContain('淘宝');
    expect(composeReply(composeInput({ platform: 'jd' })).outreach?.steps.find((s) => s.step === 'how_to')?.say).toContain('京东');
  });
});

describe('composeReply: content', () => {
  it('names the cause and its remedy: a light touch and a gift for slow delivery, the carrier by name', () => {
    const reply = composeReply(composeInput({ causes: [{ tag: 'logistics', subTag: 'slow_delivery' }] }));
    expect(reply.remedy).toMatchObject({ kind: 'gift', giftValue: 10 });
    // the gift is arranged privately: a public reply names it only where the shop allows it
    expect(reply.found).not.toContain('小礼物');
    expect(reply.outreach?.text).toContain('小礼物');
    expect(composeReply(composeInput({ causes: [{ tag: 'logistics', subTag: 'slow_delivery' }], giftsInPublic: true })).found).toContain('小礼物');
    expect(reply.remedy?.reason).toContain('物流');
    const withCarrier = [0, 1, 2, 3, 4, 5].map((i) => composeReply(composeInput({ reviewId: `r-${i}` })).text).find((t) => t.includes('中通快递'));
    expect(withCarrier).toBeDefined();
  });

  it('uses the nick, the product and the shop where known, and fallbacks that read well where not', () => {
    const known = composeReply(composeInput({ causes: [{ tag: 'quality', subTag: 'size_fit' }], reviewId: 'x' }));
    expect(known.feel).toContain('小蓝鲸');
    const unknown = composeReply(composeInput({ ...WITHOUT_DETAILS, reviewId: 'x', causes: [{ tag: 'quality', subTag: 'size_fit' }] }));
    expect(unknown.feel).toMatch(/亲|宝贝/);
    const en = composeReply(composeInput({ language: 'en', ...WITHOUT_DETAILS, causes: [{ tag: 'quality', subTag: 'defect_broken' }] }));
    expect(en.feel).toMatch(/^Hi there, /);
  });

  it('keeps personal data found in a nick or a product name out of the reply', () => {
    const reply = composeReply(composeInput({ buyerNick: '13812345678', productName: '订单号202611051234567', knownPersonalData: ['202611051234567'] }));
    expect(reply.text).not.toContain('13812345678');
    expect(reply.text).not.toContain('202611051234567');
    expect(findPersonalData(reply.text)).toBeNull();
  });

  it('a multi-cause review gets one coherent reply: one feel naming every problem, one felt, an action per cause, one remedy', () => {
    const causes: Cause[] = [
      { tag: 'logistics', subTag: 'slow_delivery' },
      { tag: 'quality', subTag: 'defect_broken' },
    ];
    for (const language of REPLY_LANGUAGES) {
      const reply = composeReply(composeInput({ language, causes }));
      const lib = builtinLibrary(language);
      const issues = causes.map((c) => lib.causes[`${c.tag}/${c.subTag}`].issue);
      for (const options of issues) expect(options.some((issue) => reply.feel?.includes(issue))).toBe(true);
      expect(reply.templateIds.filter((id) => id.includes(':multi.feel:'))).toHaveLength(1);
      expect(reply.templateIds.filter((id) => id.includes(':multi.felt:'))).toHaveLength(1);
      expect(reply.templateIds.some((id) => id.includes('causes.logistics/slow_delivery.found'))).toBe(true);
      expect(reply.templateIds.some((id) => id.includes('causes.quality/defect_broken.found'))).toBe(true);
      expect(reply.templateIds.filter((id) => id.includes(':remedy:'))).toHaveLength(1);
      expect(reply.remedy).toMatchObject({ kind: 'free_replacement', cause: { tag: 'quality', subTag: 'defect_broken' } });
      expect(reply.causes).toEqual(causes);
    }
  });

  it('a widespread quality problem is explained honestly instead of promising replacements', () => {
    const reply = composeReply(
      composeInput({ rating: 2, causes: [{ tag: 'quality', subTag: 'defect_broken' }], widespreadSubTags: new Set(['defect_broken']), sameProblemBuyers: 4 }),
    );
    expect(reply.templateIds.some((id) => id.includes(':widespread:'))).toBe(true);
    expect(reply.remedy?.kind).toBe('return_exchange');
    expect(reply.remedy?.reason).toContain('4位');
  });

  it('a service attitude complaint speaks in a supervisor voice', () => {
    const reply = composeReply(composeInput({ causes: [{ tag: 'service', subTag: 'attitude' }] }));
    expect(reply.felt).toMatch(/主管|负责人/);
    expect(reply.remedy?.kind).toBe('supervisor_callback');
  });

  it('shortens gracefully: whole sentences only, the remedy stays in the private script', () => {
    const causes: Cause[] = [
      { tag: 'quality', subTag: 'not_as_described' },
      { tag: 'logistics', subTag: 'damaged_parcel' },
      { tag: 'service', subTag: 'return_refund_hassle' },
    ];
    const full = composeReply(composeInput({ language: 'en', causes, maxLength: 2000 }));
    const short = composeReply(composeInput({ language: 'en', causes, maxLength: 300 }));
    expect(full.shortened).toBe(false);
    expect(short.shortened).toBe(true);
    expect(short.length).toBeLessThanOrEqual(300);
    for (const sentence of short.text.split(/(?<=[.!?])\s+/)) {
      expect(sentence).toMatch(/^[A-Z].*[.!?]$/);
      expect(sentence.length).toBeGreaterThan(10);
    }
    expect(short.outreach?.steps.find((s) => s.step === 'remedy')?.say).toBeTruthy();
  });

  it('fits the tightest allowed limit with the three parts still there', () => {
    for (const language of REPLY_LANGUAGES) {
      const reply = composeReply(composeInput({ language, maxLength: 100, causes: SITUATIONS[SITUATIONS.length - 1].causes }));
      expect(reply.length).toBeLessThanOrEqual(100);
      expect([reply.feel, reply.felt, reply.found].every((p) => (p ?? '').length > 0)).toBe(true);
    }
  });
});

describe('composeReply: variation', () => {
  const history = (count: number, base: Partial<ComposeInput>) => {
    const recent: string[][] = [];
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
      const reply = composeReply(composeInput({ ...base, reviewId: `review-${i}`, recent: [...recent] }));
      texts.push(reply.text);
      recent.unshift(reply.templateIds);
    }
    return texts;
  };

  it.each(REPLY_LANGUAGES)('%s: replies on the same product differ, sentence by sentence', (language) => {
    const texts = history(6, { language, causes: [{ tag: 'logistics', subTag: 'slow_delivery' }] });
    expect(new Set(texts.slice(0, 3)).size).toBe(3);
    for (let i = 1; i < texts.length; i++) expect(texts[i]).not.toBe(texts[i - 1]);
    const firstSentences = texts.slice(0, 3).map((t) => t.split(/[。.!！]/)[0]);
    expect(new Set(firstSentences).size).toBe(3);
  });

  it.each(REPLY_LANGUAGES)('%s: a thank-you is never the same twice in a row for a product', (language) => {
    const texts = history(25, { language, grade: 'good', rating: 5, causes: [] });
    expect(new Set(texts.slice(0, builtinLibrary(language).thankYou.length)).size).toBe(builtinLibrary(language).thankYou.length);
    for (let i = 1; i < texts.length; i++) expect(texts[i]).not.toBe(texts[i - 1]);
    for (const text of texts) expect(replyLength(text)).toBeLessThanOrEqual(120);
  });

  it('is deterministic: the same inputs and history give the same draft', () => {
    const recent = [['builtin:zh-Hans:causes.logistics/slow_delivery.feel:0']];
    expect(composeReply(composeInput({ recent }))).toEqual(composeReply(composeInput({ recent })));
  });

  it('prefers variants never used on the product, then the least recently used', () => {
    const candidates = ['a', 'b', 'c'].map((id) => ({ id, text: id }));
    expect(preferenceOrder(candidates, [['a'], ['b']], 'seed').map((c) => c.id)).toEqual(['c', 'b', 'a']);
    expect(preferenceOrder(candidates, [['c'], ['a'], ['b']], 'seed').map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('composeReply: shop templates', () => {
  const template = (overrides: Partial<ComposeInput['templates'][number]>) => ({
    id: '11111111-1111-4111-8111-111111111111',
    tag: 'logistics',
    subTag: 'slow_delivery',
    language: 'zh-Hans' as const,
    part: 'feel' as const,
    text: '{buyer}，让您等久了，{shop}给您赔个不是。',
    ...overrides,
  });

  it('uses the most specific shop template for a slot, and records its id', () => {
    const specific = template({});
    const general = template({ id: '22222222-2222-4222-8222-222222222222', subTag: null, text: '{buyer}，物流让您不省心了。' });
    const reply = composeReply(composeInput({ templates: [general, specific] }));
    expect(reply.feel).toBe('小蓝鲸，让您等久了，棉语家居给您赔个不是。');
    expect(reply.templateIds).toContain(specific.id);
    const other = composeReply(composeInput({ templates: [general, specific], causes: [{ tag: 'logistics', subTag: 'tracking' }] }));
    expect(other.feel).toBe('小蓝鲸，物流让您不省心了。');
  });

  it('converts a simplified shop template for a traditional Chinese review', () => {
    const reply = composeReply(composeInput({ language: 'zh-Hant', templates: [template({})] }));
    expect(reply.feel).toBe('小蓝鲸，讓您等久了，棉语家居給您賠個不是。');
  });

  it('a shop remedy sentence carries the remedy', () => {
    const reply = composeReply(
      composeInput({ giftsInPublic: true, templates: [template({ part: 'remedy', tag: null, subTag: null, text: '小小心意：{remedy}。' })] }),
    );
    expect(reply.found).toContain('小小心意：给您寄一份小礼物，聊表心意。');
  });
});

describe('helpers', () => {
  it.each([
    ['【限时特惠】纯棉T恤 男款 短袖', '纯棉T恤 男款 短袖'],
    ['2026新款纯棉短袖T恤男宽松百搭潮流体恤衫', null],
    ['Organic Cotton Crew Neck T-Shirt Regular Fit Pack of 3', 'Organic Cotton Crew Neck'],
    ['Mug', 'Mug'],
    [null, null],
  ])('short product name of %s is %s', (name, short) => {
    expect(shortProductName(name)).toBe(short);
  });

  it('reads causes from sub-tags and tags, most confident tag first', () => {
    const parent = (sub: string) => (sub === 'slow_delivery' ? 'logistics' : sub === 'defect_broken' ? 'quality' : null);
    expect(causesOf(['logistics', 'quality', 'service'], ['slow_delivery', 'defect_broken'], { quality: 0.9, logistics: 0.6, service: 0.3 }, parent)).toEqual([
      { tag: 'quality', subTag: 'defect_broken' },
      { tag: 'logistics', subTag: 'slow_delivery' },
      { tag: 'service', subTag: null },
    ]);
    expect(causesOf(['other'], [], null, parent)).toEqual([]);
  });
});
