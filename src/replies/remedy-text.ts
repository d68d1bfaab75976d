import { inScript, joinNames } from './library/library';
import type { Remedy, RemedyPolicy } from './remedy-policy';
import type { Cause, ReplyLanguage, Severity } from './reply.types';

/** Words for remedies, causes and reasons. Written in simplified Chinese and English; zh-Hant is converted. */
type Lang = 'zh' | 'en';
const langOf = (language: ReplyLanguage): Lang => (language === 'en' ? 'en' : 'zh');

const TAG_NAMES: Record<Lang, Record<string, string>> = {
  zh: { quality: '质量问题', logistics: '物流问题', service: '服务问题', price: '价格问题', other: '未说明原因' },
  en: { quality: 'quality', logistics: 'delivery', service: 'service', price: 'price', other: 'no stated cause' },
};

const SUB_TAG_NAMES: Record<Lang, Record<string, string>> = {
  zh: {
    defect_broken: '瑕疵/破损',
    not_as_described: '与描述不符',
    colour_difference: '色差',
    size_fit: '尺码不合适',
    fake_or_expired: '真伪或保质期',
    poor_effect: '效果不好',
    smell: '异味',
    skin_reaction: '皮肤不适',
    packaging: '包装',
    slow_delivery: '发货/配送慢',
    damaged_parcel: '包裹破损',
    lost_or_missing: '丢件/缺件',
    wrong_item: '发错货',
    tracking: '物流信息不更新',
    courier_attitude: '快递员态度',
    shipping_fee: '运费',
    attitude: '客服态度',
    slow_response: '客服回复慢',
    return_refund_hassle: '退换货麻烦',
    unresolved: '问题未解决',
    warranty_repair: '保修维修',
    price_drop: '买后降价',
    promotion: '优惠未生效',
    overpriced: '价格偏高',
  },
  en: {
    defect_broken: 'defect or damage',
    not_as_described: 'not as described',
    colour_difference: 'colour difference',
    size_fit: 'size or fit',
    fake_or_expired: 'authenticity or shelf life',
    poor_effect: 'poor performance',
    smell: 'smell',
    skin_reaction: 'skin reaction',
    packaging: 'packaging',
    slow_delivery: 'slow delivery',
    damaged_parcel: 'damaged parcel',
    lost_or_missing: 'lost or missing item',
    wrong_item: 'wrong item',
    tracking: 'tracking not updated',
    courier_attitude: 'courier attitude',
    shipping_fee: 'shipping fee',
    attitude: 'staff attitude',
    slow_response: 'slow replies',
    return_refund_hassle: 'return or refund hassle',
    unresolved: 'unresolved problem',
    warranty_repair: 'warranty repair',
    price_drop: 'price dropped after purchase',
    promotion: 'promotion not applied',
    overpriced: 'overpriced',
  },
};

const SEVERITY_NAMES: Record<Lang, Record<Severity, string>> = {
  zh: { low: '轻', medium: '中', high: '重' },
  en: { low: 'low', medium: 'medium', high: 'high' },
};

export function causeName(language: ReplyLanguage, cause: Cause): string {
  const lang = langOf(language);
  const tag = TAG_NAMES[lang][cause.tag] ?? cause.tag;
  const sub = cause.subTag ? (SUB_TAG_NAMES[lang][cause.subTag] ?? cause.subTag) : null;
  return inScript(language, sub ? (lang === 'en' ? `${tag}: ${sub}` : `${tag}（${sub}）`) : tag);
}

export function causeNames(language: ReplyLanguage, causes: readonly Cause[]): string {
  return joinNames(
    language,
    causes.map((cause) => causeName(language, cause)),
  );
}

function number(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2).replace(/0$/, '');
}

const ZH_CURRENCY: Record<string, string> = { CNY: '元', USD: '美元', HKD: '港元', TWD: '新台币', EUR: '欧元', GBP: '英镑', JPY: '日元' };
const EN_CURRENCY: Record<string, string> = { CNY: '¥', USD: '$', HKD: 'HK$', EUR: '€', GBP: '£', JPY: '¥' };

export function money(language: ReplyLanguage, amount: number, currency: string): string {
  if (langOf(language) === 'zh') {
    const unit = ZH_CURRENCY[currency];
    return inScript(language, unit ? `${number(amount)}${unit}` : `${number(amount)} ${currency}`);
  }
  const symbol = EN_CURRENCY[currency];
  return symbol ? `${symbol}${number(amount)}` : `${currency} ${number(amount)}`;
}

function giftName(lang: Lang, policy: RemedyPolicy): string {
  if (lang === 'zh') return policy.giftNameZh ?? '小礼物';
  return policy.giftNameEn ?? 'small gift';
}

type RemedyCore = Omit<Remedy, 'withheld' | 'basis'>;

/**
 * The remedy as the public reply says it: what will be done, never an amount (amounts stay in the private
 * script, so the public reply offers nobody a price for a review). null for evidence_first: nothing in public.
 * Without `giftsInPublic` (the shop setting) no gift or coupon is named: null for those remedies, and the
 * extra gift or coupon of another remedy is left out.
 */
export function publicRemedyText(language: ReplyLanguage, remedy: RemedyCore, policy: RemedyPolicy, giftsInPublic = true): string | null {
  if (!giftsInPublic && (remedy.kind === 'gift' || remedy.kind === 'coupon')) return null;
  const lang = langOf(language);
  const gift = giftName(lang, policy);
  const shipping = remedy.sellerPaysReturnShipping;
  const sub = remedy.cause.subTag;
  let text: string | null;
  if (lang === 'zh') {
    const extra = !giftsInPublic
      ? ''
      : remedy.kind !== 'coupon' && remedy.couponAmount !== null
        ? '，另外送上一张优惠券'
        : remedy.kind !== 'gift' && remedy.giftValue !== null
          ? `，再附上一份${gift}表达歉意`
          : '';
    const core: Record<RemedyCore['kind'], string | null> = {
      evidence_first: null,
      refund: `为您办理全额退款${shipping ? '，退货运费由我们承担' : ''}`,
      free_replacement: '免费给您换一件新的',
      return_exchange: `为您办理退换货${shipping ? '，来回运费由我们承担' : ''}`,
      reship:
        sub === 'lost_or_missing'
          ? '尽快给您补发缺少的商品'
          : sub === 'wrong_item'
            ? '马上给您换发正确的商品'
            : sub === 'damaged_parcel'
              ? '重新给您发一件完好的'
              : '重新给您安排发货',
      repair_or_replace: '优先为您安排维修，修不好就直接换新',
      supervisor_callback: '由客服主管亲自和您联系，把问题处理好',
      price_difference_refund: '核实后为您退还差价',
      dedicated_follow_up: '安排专人跟进您的问题，直到处理好为止',
      return_policy: `为您办理${remedy.returnWindowDays ?? policy.returnWindowDays}天无理由退换${shipping ? '，运费由我们承担' : ''}`,
      gift: `给您寄一份${gift}，聊表心意`,
      coupon: '给您送上一张优惠券',
    };
    text = core[remedy.kind] === null ? null : `${core[remedy.kind]}${extra}`;
  } else {
    const extra = !giftsInPublic
      ? ''
      : remedy.kind !== 'coupon' && remedy.couponAmount !== null
        ? ', plus a coupon for your next order'
        : remedy.kind !== 'gift' && remedy.giftValue !== null
          ? `, with a ${gift} by way of apology`
          : '';
    const core: Record<RemedyCore['kind'], string | null> = {
      evidence_first: null,
      refund: `give you a full refund${shipping ? ', with return shipping on us' : ''}`,
      free_replacement: 'send you a brand-new replacement free of charge',
      return_exchange: `arrange a return or exchange${shipping ? ', with shipping both ways on us' : ''}`,
      reship:
        sub === 'lost_or_missing'
          ? 'send the missing items right away'
          : sub === 'wrong_item'
            ? 'send you the right item straight away'
            : sub === 'damaged_parcel'
              ? 'send you a new one in perfect condition'
              : 'ship your order again',
      repair_or_replace: 'put your repair first in line, and replace the item if it cannot be fixed',
      supervisor_callback: 'have our customer service manager call you personally',
      price_difference_refund: 'refund the price difference once we have checked it',
      dedicated_follow_up: 'assign one person to follow your case until it is resolved',
      return_policy: `accept a no-questions-asked return within ${remedy.returnWindowDays ?? policy.returnWindowDays} days${shipping ? ', with shipping on us' : ''}`,
      gift: `send you a ${gift} by way of apology`,
      coupon: 'send you a coupon for your next order',
    };
    text = core[remedy.kind] === null ? null : `${core[remedy.kind]}${extra}`;
  }
  return text === null ? null : inScript(language, text);
}

/** The remedy as staff say it on the phone: with the coupon amount. */
export function privateRemedyText(language: ReplyLanguage, remedy: RemedyCore, policy: RemedyPolicy): string | null {
  const base = publicRemedyText(language, remedy, policy);
  if (base === null || remedy.couponAmount === null) return base;
  const lang = langOf(language);
  const amount = money(language, remedy.couponAmount, remedy.currency);
  const minSpend = policy.couponMinSpend > 0 ? money(language, policy.couponMinSpend, remedy.currency) : null;
  if (lang === 'zh') {
    const coupon = inScript(language, `一张${amount}的优惠券${minSpend ? `（满${minSpend}可用）` : '（无门槛）'}`);
    return base.replace(inScript(language, '一张优惠券'), coupon);
  }
  const coupon = `a ${amount} coupon${minSpend ? ` (on orders over ${minSpend})` : ''}`;
  return base.replace('a coupon', coupon);
}

/** Staff notes for the remedy step: the limits behind the offer. */
export function remedyPolicyNote(language: ReplyLanguage, remedy: RemedyCore, policy: RemedyPolicy): string | null {
  const lang = langOf(language);
  const m = (amount: number) => money(language, amount, remedy.currency);
  const notes: string[] = [];
  if (remedy.kind === 'price_difference_refund' && remedy.refundDifferenceUpTo !== null) {
    notes.push(
      lang === 'zh'
        ? `先核实差价：${m(remedy.refundDifferenceUpTo)}以内直接退；超过时改送一份${giftName(lang, policy)}，并请负责人决定。`
        : `Check the difference first: refund it directly up to ${m(remedy.refundDifferenceUpTo)}; above that, offer a ${giftName(lang, policy)} instead and ask a lead.`,
    );
  }
  if (remedy.couponAmount !== null) {
    notes.push(lang === 'zh' ? `优惠券面额${m(remedy.couponAmount)}。` : `The coupon is worth ${m(remedy.couponAmount)}.`);
  }
  if (remedy.giftValue !== null) {
    notes.push(lang === 'zh' ? `礼品成本约${m(remedy.giftValue)}。` : `The gift costs about ${m(remedy.giftValue)}.`);
  }
  return notes.length ? inScript(language, notes.join(lang === 'zh' ? '' : ' ')) : null;
}

/** Why this remedy: the causes, the severity and spread, the policy values behind it, and what a lead must decide. */
export function remedyReason(language: ReplyLanguage, remedy: Remedy, policy: RemedyPolicy): string {
  const lang = langOf(language);
  const basis = remedy.basis;
  const core: RemedyCore = remedy.withheld ?? remedy;
  const m = (amount: number) => money(language, amount, remedy.currency);
  const zh = lang === 'zh';
  const parts: string[] = [];
  const amount = basis.orderAmount === null ? (zh ? '未知' : 'unknown') : m(basis.orderAmount);
  parts.push(
    zh
      ? `原因：${causeNames(language, basis.causes)}；严重程度：${SEVERITY_NAMES.zh[basis.severity]}；订单金额：${amount}。`
      : `Causes: ${causeNames(language, basis.causes)}; severity: ${basis.severity}; order amount: ${amount}.`,
  );
  if (basis.causes.length > 1) {
    parts.push(
      zh
        ? `几个原因中，“${causeName(language, core.cause)}”需要的处理最重，一条评价只给一个方案。`
        : `Of these causes, "${causeName(language, core.cause)}" calls for the strongest remedy; one review gets one remedy.`,
    );
  }
  const days = policy.widespreadWindowDays;
  const buyers = basis.sameProblemBuyers;
  const spread = (widespread: boolean) =>
    zh
      ? `同款商品近${days}天有${buyers ?? 1}位买家反馈同类问题（达到${policy.widespreadThreshold}位算多人反馈的共性问题），${widespread ? '属于共性问题' : '属于个别情况'}`
      : `${buyers ?? 1} ${(buyers ?? 1) === 1 ? 'buyer' : 'buyers'} of this product reported the same problem in the last ${days} days (${policy.widespreadThreshold} make it widespread), so it is ${widespread ? 'widespread' : 'isolated'}`;
  const why: Record<RemedyCore['kind'], string> = zh
    ? {
        evidence_first: '',
        refund:
          core.cause.subTag === 'fake_or_expired' || core.cause.subTag === 'skin_reaction'
            ? '涉及真伪或健康问题，直接全额退款。'
            : basis.widespread
              ? `${spread(true)}，且问题严重：全额退款，并把问题交给供应链。`
              : '问题严重，按政策全额退款。',
        free_replacement: `${spread(false)}：按政策免费换新。`,
        return_exchange: basis.widespread ? `${spread(true)}：提供退换货，并把问题交给供应链，而不是逐个换新。` : '商品与预期不符：按政策提供退换货。',
        reship: '商品在物流环节缺失、发错或损坏：重新发货，并送礼品致歉。',
        repair_or_replace: '保修问题：优先维修，修不好就换新。',
        supervisor_callback: '客服态度问题：由客服主管出面道歉。',
        price_difference_refund: `价格问题：核实差价，${m(policy.priceDifferenceRefundLimit)}以内直接退还。`,
        dedicated_follow_up: '服务流程问题：安排专人跟进到底。',
        return_policy: `尺码、口味等个人适配问题：重申${policy.returnWindowDays}天无理由退换。`,
        gift: '物流体验问题：道歉并送一份礼品。',
        coupon: '按订单金额送一张优惠券致歉。',
      }
    : {
        evidence_first: '',
        refund:
          core.cause.subTag === 'fake_or_expired' || core.cause.subTag === 'skin_reaction'
            ? 'A health or authenticity claim: a full refund straight away.'
            : basis.widespread
              ? `${spread(true)}, and it is severe: a full refund, and the problem goes to the supply chain.`
              : 'A severe problem: a full refund, as the policy says.',
        free_replacement: `${spread(false)}: a free replacement, as the policy says.`,
        return_exchange: basis.widespread
          ? `${spread(true)}: a return or exchange, and the problem goes to the supply chain instead of replacing units one by one.`
          : 'The item did not meet expectations: a return or exchange, as the policy says.',
        reship: 'The item was lost, wrong or damaged in delivery: ship it again, with a gift to apologise.',
        repair_or_replace: 'A warranty problem: repair first, replace if it cannot be fixed.',
        supervisor_callback: 'A complaint about staff attitude: the customer service manager apologises in person.',
        price_difference_refund: `A price complaint: check the difference and refund it directly up to ${m(policy.priceDifferenceRefundLimit)}.`,
        dedicated_follow_up: 'A service process problem: one person follows the case to the end.',
        return_policy: `Size, fit or taste: restate the ${policy.returnWindowDays}-day no-reason return policy.`,
        gift: 'A delivery experience problem: apologise with a small gift.',
        coupon: 'An apology coupon sized by the order amount.',
      };
  parts.push(why[core.kind]);
  if (core.couponAmount !== null) {
    parts.push(
      zh
        ? `优惠券按订单金额取档：${m(core.couponAmount)}${basis.severity === 'high' ? '（问题严重，上调一档）' : ''}。`
        : `Coupon by order amount: ${m(core.couponAmount)}${basis.severity === 'high' ? ' (one tier up for a severe problem)' : ''}.`,
    );
  }
  if (core.approvalReasons.includes('overLimit')) {
    parts.push(
      zh
        ? `补偿成本${m(core.compensationCost)}超过${m(policy.leadApprovalAbove)}，需要负责人批准。`
        : `The compensation cost of ${m(core.compensationCost)} is above ${m(policy.leadApprovalAbove)}: a lead must approve it.`,
    );
  }
  if (core.approvalReasons.includes('healthOrAuthenticity')) {
    parts.push(zh ? '涉及健康或真伪，需要负责人批准。' : 'Health and authenticity claims need a lead’s approval.');
  }
  if (remedy.withheld) {
    const held = publicRemedyText(language, remedy.withheld, policy);
    parts.push(
      zh
        ? `评价者被标记为高风险（疑似职业差评）：公开回复不提任何补偿，先收集证据，由负责人决定。否则按政策会${held ?? '致歉'}。`
        : `The reviewer is flagged high-risk (possible professional bad-reviewer): no compensation in public; collect evidence and let a lead decide. Otherwise the policy would ${held ?? 'apologise'}.`,
    );
  }
  return inScript(language, parts.filter(Boolean).join(zh ? '' : ' '));
}
