import type { RecordedAction } from '../compliance/corrective-actions';
import type { Platform } from '../reviews/review.types';
import { replyFindings } from './reply-compliance';
import { ComposedReply, composeReply } from './reply-composer';
import type { Cause, ReplyLanguage } from './reply.types';
import { DEFAULT_REMEDY_POLICY } from './remedy-policy';
import { DEFAULT_REPLY_MAX_LENGTH } from './reply-settings.entity';

/**
 * Twenty reviews written for this page (both languages and scripts, every tag, several causes at once, a
 * flagged reviewer, a widespread defect, good reviews), drafted with the default policy, so a person can
 * judge the tone at a glance. `npm run docs:reply-samples` rewrites docs/reply-samples.md; a unit test
 * keeps the page in step with the library.
 */
export interface Sample {
  platform: Platform;
  rating: number;
  language: ReplyLanguage;
  text: string;
  causes: Cause[];
  buyerNick: string | null;
  productName: string | null;
  carrier: string | null;
  orderAmount: number | null;
  highRisk?: boolean;
  sameProblemBuyers?: number;
}

const q = (subTag: string): Cause => ({ tag: 'quality', subTag });
const l = (subTag: string): Cause => ({ tag: 'logistics', subTag });
const s = (subTag: string): Cause => ({ tag: 'service', subTag });
const p = (subTag: string): Cause => ({ tag: 'price', subTag });

export const SAMPLE_REVIEWS: readonly Sample[] = [
  {
    platform: 'taobao',
    rating: 1,
    language: 'zh-Hans',
    text: '下单五天了才发货，催了两次客服都说在排队，等得心都凉了。',
    causes: [l('slow_delivery')],
    buyerNick: '橙子味的夏天',
    productName: '便携榨汁杯',
    carrier: '韵达快递',
    orderAmount: 89,
  },
  {
    platform: 'tmall',
    rating: 1,
    language: 'zh-Hans',
    text: '杯身有一道裂纹，倒水就漏，第一次用就这样。',
    causes: [q('defect_broken')],
    buyerNick: '阿澈',
    productName: '双层玻璃杯',
    carrier: '中通快递',
    orderAmount: 45,
  },
  {
    platform: 'jd',
    rating: 2,
    language: 'zh-Hans',
    text: '箱子被压扁了，里面的台灯灯罩也碎了一块。',
    causes: [l('damaged_parcel'), q('defect_broken')],
    buyerNick: 'j***7',
    productName: '北欧风床头台灯',
    carrier: '京东物流',
    orderAmount: 239,
  },
  {
    platform: 'pdd',
    rating: 3,
    language: 'zh-Hans',
    text: '平时穿L，这件L穿着肩膀很紧，只能送人了。',
    causes: [q('size_fit')],
    buyerNick: null,
    productName: '纯棉短袖T恤',
    carrier: null,
    orderAmount: 39.9,
  },
  {
    platform: 'taobao',
    rating: 1,
    language: 'zh-Hans',
    text: '问了两个问题客服就不耐烦了，只回一句“自己看详情”。',
    causes: [s('attitude')],
    buyerNick: '小鹿乱撞',
    productName: '空气炸锅',
    carrier: null,
    orderAmount: 299,
  },
  {
    platform: 'tmall',
    rating: 2,
    language: 'zh-Hans',
    text: '前天刚买的399，今天直播间299，差了一百块。',
    causes: [p('price_drop')],
    buyerNick: '木子',
    productName: '蓝牙降噪耳机',
    carrier: null,
    orderAmount: 399,
  },
  {
    platform: 'taobao',
    rating: 1,
    language: 'zh-Hans',
    text: '收到的面膜生产日期是两年前的，离过期只剩一个月。',
    causes: [q('fake_or_expired')],
    buyerNick: '晚安月亮',
    productName: '补水面膜',
    carrier: '圆通速递',
    orderAmount: 129,
  },
  {
    platform: 'taobao',
    rating: 1,
    language: 'zh-Hans',
    text: '买的是黑色发来白色，找客服两天没人回。',
    causes: [l('wrong_item'), s('slow_response')],
    buyerNick: '跑步的猫',
    productName: '运动腰包',
    carrier: '申通快递',
    orderAmount: 59,
  },
  {
    platform: 'jd',
    rating: 2,
    language: 'zh-Hans',
    text: '退个货要自己联系快递、自己垫运费，退款拖了十天。',
    causes: [s('return_refund_hassle')],
    buyerNick: null,
    productName: '电动牙刷',
    carrier: null,
    orderAmount: 199,
  },
  {
    platform: 'taobao',
    rating: 1,
    language: 'zh-Hans',
    text: '跟图片完全不一样，不赔钱我就一直差评。',
    causes: [q('not_as_described')],
    buyerNick: 'tb2231',
    productName: '真皮钱包',
    carrier: null,
    orderAmount: 158,
    highRisk: true,
  },
  {
    platform: 'taobao',
    rating: 3,
    language: 'zh-Hans',
    text: '一般吧，没有想象中好。',
    causes: [],
    buyerNick: '清风',
    productName: '香薰蜡烛',
    carrier: null,
    orderAmount: 68,
  },
  {
    platform: 'taobao',
    rating: 1,
    language: 'zh-Hant',
    text: '打開就一股很重的塑膠味，放陽台三天還是有味道。',
    causes: [q('smell')],
    buyerNick: '小安',
    productName: '瑜伽墊',
    carrier: '黑貓宅急便',
    orderAmount: 120,
  },
  {
    platform: 'taobao',
    rating: 2,
    language: 'zh-Hant',
    text: '物流資訊一週沒更新，問了也沒人知道包裹在哪。',
    causes: [l('tracking')],
    buyerNick: null,
    productName: '保溫杯',
    carrier: '順豐速運',
    orderAmount: 88,
  },
  {
    platform: 'other',
    rating: 1,
    language: 'en',
    text: 'Ordered a set of four bowls and only three were in the box.',
    causes: [l('lost_or_missing')],
    buyerNick: 'maria_k',
    productName: 'Stoneware Bowl Set',
    carrier: 'DHL',
    orderAmount: 48,
  },
  {
    platform: 'other',
    rating: 2,
    language: 'en',
    text: 'The "sage green" is basically grey in person. Not what I wanted for the living room.',
    causes: [q('colour_difference')],
    buyerNick: 'tomh',
    productName: 'Linen Cushion Cover',
    carrier: null,
    orderAmount: 32,
    sameProblemBuyers: 5,
  },
  {
    platform: 'other',
    rating: 1,
    language: 'en',
    text: 'Lost suction after a week, and I have emailed support three times with no fix.',
    causes: [q('poor_effect'), s('unresolved')],
    buyerNick: 'dan.w',
    productName: 'Cordless Stick Vacuum',
    carrier: null,
    orderAmount: 1299,
  },
  {
    platform: 'other',
    rating: 3,
    language: 'en',
    text: 'The 20% off code did not apply at checkout even though the banner said it would.',
    causes: [p('promotion')],
    buyerNick: null,
    productName: 'Trail Running Shoes',
    carrier: null,
    orderAmount: 115,
  },
  {
    platform: 'other',
    rating: 1,
    language: 'en',
    text: 'My face broke out in a rash the morning after using this serum.',
    causes: [q('skin_reaction')],
    buyerNick: 'lena',
    productName: 'Vitamin C Serum',
    carrier: null,
    orderAmount: 210,
  },
  {
    platform: 'taobao',
    rating: 5,
    language: 'zh-Hans',
    text: '质量很好，物流也快，已经回购第三次了。',
    causes: [],
    buyerNick: '橙子味的夏天',
    productName: '便携榨汁杯',
    carrier: null,
    orderAmount: 89,
  },
  {
    platform: 'other',
    rating: 5,
    language: 'en',
    text: 'Lovely glaze and fast shipping, thank you!',
    causes: [],
    buyerNick: 'maria_k',
    productName: 'Stoneware Bowl Set',
    carrier: null,
    orderAmount: 48,
  },
];

const SHOP_NAMES: Record<ReplyLanguage, string> = { 'zh-Hans': '棉语家居', 'zh-Hant': '棉语家居', en: 'Cloud Loom' };

function draft(sample: Sample, index: number, recent: string[][] = [], actions: RecordedAction[] = []): ComposedReply {
  return composeReply({
    reviewId: `sample-${index}`,
    grade: sample.rating >= 4 ? 'good' : sample.rating === 3 ? 'medium' : 'bad',
    rating: sample.rating,
    platform: sample.platform,
    language: sample.language,
    causes: sample.causes,
    buyerNick: sample.buyerNick,
    productName: sample.productName,
    shopName: SHOP_NAMES[sample.language],
    carrier: sample.carrier,
    orderAmount: sample.orderAmount,
    highRisk: sample.highRisk ?? false,
    widespreadSubTags: new Set((sample.sameProblemBuyers ?? 0) >= DEFAULT_REMEDY_POLICY.widespreadThreshold ? sample.causes.map((c) => c.subTag ?? '') : []),
    sameProblemBuyers: sample.sameProblemBuyers ?? 1,
    policy: { ...DEFAULT_REMEDY_POLICY },
    maxLength: DEFAULT_REPLY_MAX_LENGTH,
    templates: [],
    recent,
    knownPersonalData: [],
    actions,
  });
}

const GRADE_STARS = (rating: number) => '★'.repeat(rating) + '☆'.repeat(5 - rating);
const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function section(sample: Sample, index: number, reply: ComposedReply): string {
  const causes = sample.causes.length
    ? sample.causes.map((c) => (c.subTag ? `${c.tag}/${c.subTag}` : c.tag)).join(' + ')
    : sample.rating >= 4
      ? 'good review'
      : 'no stated cause';
  const flags = [
    sample.highRisk ? 'reviewer flagged high-risk' : null,
    sample.sameProblemBuyers ? `${sample.sameProblemBuyers} buyers report the same problem` : null,
  ].filter(Boolean);
  const lines = [
    `## ${index + 1}. ${sample.platform} · ${GRADE_STARS(sample.rating)} · ${causes} · ${sample.language}${flags.length ? ` · ${flags.join(', ')}` : ''}`,
    '',
    quote(sample.text),
    '',
  ];
  if (reply.kind === 'thank_you') {
    lines.push(`**Thank-you** (${reply.length}/${reply.maxLength}): ${reply.text}`, '');
    return lines.join('\n');
  }
  lines.push(`| part | text |`, `|---|---|`, `| feel | ${reply.feel} |`, `| felt | ${reply.felt} |`, `| found | ${reply.found} |`, '');
  lines.push(`**Public reply** (${reply.length}/${reply.maxLength} characters${reply.shortened ? ', shortened' : ''}):`, '', quote(reply.text), '');
  const remedy = reply.remedy;
  if (remedy) {
    lines.push(
      `**Remedy**: \`${remedy.kind}\`${remedy.needsLeadApproval ? ' (a lead approves)' : ''}${remedy.privateText ? ` — ${remedy.privateText}` : ''}`,
      '',
    );
    lines.push(`**Why**: ${remedy.reason}`, '');
  }
  if (reply.outreach) lines.push('<details><summary>Outreach script</summary>', '', reply.outreach.text.replace(/\n/g, '  \n'), '', '</details>', '');
  return lines.join('\n');
}

/** The whole page. */
export function renderReplySamples(): string {
  const parts = [
    '# Reply samples',
    '',
    'Drafts for twenty reviews written for this page, with the built-in library and the default remedy policy',
    '(`src/replies/reply-samples.ts`; regenerate with `npm run docs:reply-samples`). Tags are given as the',
    'classifier would give them. The public reply is feel + felt + found; the outreach script is private.',
    '',
  ];
  sampleDrafts().forEach(({ sample, draft: reply }, index) => parts.push(section(sample, index, reply), complianceLine(sample, reply)));

  parts.push(
    '## Three replies in a row on one product',
    '',
    'Three slow-delivery reviews of the same product, drafted one after the other: each draft avoids the sentences of the ones before it.',
    '',
  );
  const recent: string[][] = [];
  for (let i = 0; i < 3; i++) {
    const reply = draft({ ...SAMPLE_REVIEWS[0], buyerNick: null }, 100 + i, [...recent]);
    recent.unshift(reply.templateIds);
    parts.push(`${i + 1}. ${reply.text}`);
  }
  parts.push('');

  const action: RecordedAction = {
    id: 'sample',
    what: '仓库出库前逐件扫码核对，当天下单当天发出',
    language: 'zh',
    tag: 'logistics',
    subTag: 'slow_delivery',
    productKey: null,
    carrier: null,
    since: '2026-11-30',
  };
  parts.push(
    '## With a recorded corrective action',
    '',
    'The first review again, after the shop recorded `POST /v1/actions {"what": "' +
      action.what +
      '", "subTag": "slow_delivery", "since": "' +
      action.since +
      '"}`: the found part states it as done, with its date. Without a recorded action the found part only says what the shop will do.',
    '',
    `> ${draft(SAMPLE_REVIEWS[0], 0, [], [action]).text}`,
    '',
  );
  return `${parts.join('\n').trimEnd()}\n`;
}

/** The draft of every sample, as the page shows them. */
export function sampleDrafts(): { sample: Sample; draft: ComposedReply }[] {
  return SAMPLE_REVIEWS.map((sample, index) => ({ sample, draft: draft(sample, index) }));
}

function complianceLine(sample: Sample, reply: ComposedReply): string {
  const findings = replyFindings(
    { text: reply.text, outreach: reply.outreach, remedy: reply.remedy, templateIds: reply.templateIds },
    { platform: sample.platform, giftsInPublic: false },
  );
  const listed = findings.map((f) => `${f.severity} \`${f.ruleId}\` in ${f.field} ("${f.excerpt}")`).join('; ');
  return `**Compliance** ([rules](compliance.md)): ${findings.length ? listed : 'no findings'}.\n`;
}
