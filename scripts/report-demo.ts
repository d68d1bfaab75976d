import type { DataSource } from 'typeorm';
import { addDays } from '../src/reports/report-period';

/**
 * Invented reviews of an apparel shop for eight weeks ending with 2026-W47, with the problems a weekly
 * report should surface: a dress whose colour differs from the photos (many buyers: widespread), one-off
 * defects, a carrier that breaks parcels, an agent with slow replies, a price drop, and a bad review
 * revised to good. Written for this project; the texts are short made-up complaints. Reviews go in through
 * the API (`post`); tags are set with SQL afterwards, as the classifier would.
 */
export const DEMO_WEEK = '2026-W47';
const WEEK_STARTS = ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];

interface DemoReview {
  input: Record<string, unknown>;
  tags: string[];
  subTags: string[];
  phrase: string | null;
}

const PRODUCTS = [
  { productId: 'DRS-01', sku: 'DRS-01-RED-M', productName: '法式碎花连衣裙 红色 M' },
  { productId: 'DRS-01', sku: 'DRS-01-BLU-S', productName: '法式碎花连衣裙 蓝色 S' },
  { productId: 'TEE-02', sku: 'TEE-02-BLK-L', productName: '纯棉短袖T恤 黑色 L' },
  { productId: 'TEE-02', sku: 'TEE-02-WHT-M', productName: '纯棉短袖T恤 白色 M' },
  { productId: 'JNS-03', sku: 'JNS-03-BLU-28', productName: '高腰直筒牛仔裤 28' },
];
const CARRIERS = ['中通快递', '圆通速递', '顺丰速运', '韵达快递'];
const AGENTS = ['小美', '阿强', '莉莉'];

const GOOD = ['质量很好，穿着舒服', '物流很快，包装完好', '和图片一样，很满意', '客服很耐心，推荐', '性价比高，会回购'];
const COMPLAINTS: Record<string, { tag: string; texts: [string, string][] }> = {
  colour_difference: { tag: 'quality', texts: [['颜色和图片差太多了，红色偏橘', '差太多'], ['色差很大，实物发暗', '色差'], ['收到的颜色跟详情页完全不一样', '不一样']] },
  defect_broken: { tag: 'quality', texts: [['领口有个小洞，线头也多', '小洞'], ['拉链坏了，拉不上', '拉链坏了']] },
  size_fit: { tag: 'quality', texts: [['尺码偏小，平时穿M这个要L', '尺码偏小']] },
  damaged_parcel: { tag: 'logistics', texts: [['快递盒子压扁了，衣服都脏了', '压扁了'], ['包裹破了，里面的袋子也破了', '包裹破了']] },
  slow_delivery: { tag: 'logistics', texts: [['发货太慢了，五天才发出', '太慢'], ['物流一直不动，等了一周', '等了一周']] },
  slow_response: { tag: 'service', texts: [['问客服半天没人回', '没人回'], ['客服回复很慢，问题拖了两天', '回复很慢']] },
  attitude: { tag: 'service', texts: [['客服态度很差，爱答不理', '态度很差']] },
  price_drop: { tag: 'price', texts: [['刚买完就降价二十块，不能接受', '降价']] },
};

/** a small deterministic generator, so the demo report is the same every time */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function demoReviews(): DemoReview[] {
  const next = random(47);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const reviews: DemoReview[] = [];
  WEEK_STARTS.forEach((monday, week) => {
    const last = week === WEEK_STARTS.length - 1;
    const count = 60 + week * 4;
    for (let i = 0; i < count; i++) {
      const product = pick(PRODUCTS);
      const day = addDays(monday, Math.floor(next() * 7));
      const reviewedAt = `${day} ${String(8 + Math.floor(next() * 14)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}:00`;
      let cause: string | null = null;
      const roll = next();
      // the red dress's colour problem grows in the last weeks; the rest is background noise
      if (product.sku === 'DRS-01-RED-M' && roll < (week >= 5 ? 0.55 : 0.12)) cause = 'colour_difference';
      else if (roll < 0.05) cause = 'defect_broken';
      else if (roll < 0.08) cause = 'size_fit';
      else if (roll < (last ? 0.16 : 0.11)) cause = 'damaged_parcel';
      else if (roll < (last ? 0.19 : 0.14)) cause = 'slow_delivery';
      else if (roll < (last ? 0.23 : 0.16)) cause = 'slow_response';
      else if (roll < (last ? 0.25 : 0.17)) cause = 'attitude';
      else if (roll < (last ? 0.27 : 0.18)) cause = 'price_drop';
      const carrier = cause === 'damaged_parcel' && next() < 0.7 ? '圆通速递' : pick(CARRIERS);
      const agent = (cause === 'slow_response' || cause === 'attitude') && next() < 0.7 ? '阿强' : pick(AGENTS);
      const complaint = cause ? COMPLAINTS[cause] : null;
      const [text, phrase] = complaint ? pick(complaint.texts) : [pick(GOOD), null];
      reviews.push({
        input: {
          platform: 'taobao',
          externalId: `demo-${week}-${i}`,
          ...product,
          orderId: `D${week}${String(i).padStart(4, '0')}`,
          buyerId: `demo-buyer-${Math.floor(next() * 5000)}`,
          buyerNick: `买家${Math.floor(next() * 9000) + 1000}`,
          rating: complaint ? (next() < 0.4 ? 3 : next() < 0.5 ? 2 : 1) : next() < 0.8 ? 5 : 4,
          content: text,
          reviewedAt,
          carrier,
          serviceAgent: agent,
        },
        tags: complaint ? [complaint.tag] : [],
        subTags: cause ? [cause] : [],
        phrase,
      });
    }
  });
  // one buyer left a phone number in the review: the quote must not show it
  const withPhone = reviews.find((r) => r.subTags[0] === 'colour_difference' && String(r.input.reviewedAt) >= '2026-11-16');
  if (withPhone) withPhone.input.content = `${String(withPhone.input.content)}，有问题打13812345678`;
  return reviews;
}

/**
 * Stores the demo reviews through `post` (which returns their ids, analysed), tags them, and revises one
 * bad review of the week to good on its Thursday.
 */
export async function seedDemoShop(post: (items: Record<string, unknown>[]) => Promise<string[]>, db: DataSource): Promise<void> {
  const reviews = demoReviews();
  const ids: string[] = [];
  for (let i = 0; i < reviews.length; i += 500) ids.push(...(await post(reviews.slice(i, i + 500).map((r) => r.input))));
  const rows = reviews.map((r, i) => ({ id: ids[i], tags: r.tags, sub_tags: r.subTags, evidence: r.phrase ? [{ tag: r.tags[0], subTag: r.subTags[0], phrase: r.phrase }] : null }));
  await db.query(
    `UPDATE reviews r SET tags = x.tags, sub_tags = x.sub_tags, tag_evidence = x.evidence, tag_source = 'model'
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, tags text[], sub_tags text[], evidence jsonb) WHERE r.id = x.id`,
    [JSON.stringify(rows)],
  );
  const revised = reviews.findIndex((r) => r.subTags[0] === 'size_fit' && String(r.input.reviewedAt) >= '2026-11-16' && String(r.input.reviewedAt) < '2026-11-19');
  if (revised >= 0) {
    await post([{ ...reviews[revised].input, rating: 5, content: '换了大一码，很合身，谢谢客服' }]);
    await db.query(`UPDATE reviews SET tags = '{}', sub_tags = '{}' WHERE id = $1`, [ids[revised]]);
    await db.query(`UPDATE review_revisions SET replaced_at = '2026-11-19T15:00:00+08:00' WHERE review_id = $1`, [ids[revised]]);
  }
}
