import type { DataSource } from 'typeorm';
import { addDays } from '../src/common/time/local-time';

/**
 * Invented reviews of an apparel shop for eight weeks ending with 2026-W47, with the problems a weekly
 * report should surface: a dress whose colour differs from the photos (many buyers: widespread), one-off
 * defects, a carrier that breaks parcels, an agent with slow replies, a price drop, and a bad review
 * revised to good; and the recovery of the last two weeks' medium/bad reviews (cases, contacts, promises,
 * revisions, compensation) for the funnel. Written for this project; the texts are short made-up complaints.
 * Reviews go in through the API (`post`); tags and the recovery history are set with SQL afterwards.
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
  colour_difference: {
    tag: 'quality',
    texts: [
      ['颜色和图片差太多了，红色偏橘', '差太多'],
      ['色差很大，实物发暗', '色差'],
      ['收到的颜色跟详情页完全不一样', '不一样'],
    ],
  },
  defect_broken: {
    tag: 'quality',
    texts: [
      ['领口有个小洞，线头也多', '小洞'],
      ['拉链坏了，拉不上', '拉链坏了'],
    ],
  },
  size_fit: { tag: 'quality', texts: [['尺码偏小，平时穿M这个要L', '尺码偏小']] },
  damaged_parcel: {
    tag: 'logistics',
    texts: [
      ['快递盒子压扁了，衣服都脏了', '压扁了'],
      ['包裹破了，里面的袋子也破了', '包裹破了'],
    ],
  },
  slow_delivery: {
    tag: 'logistics',
    texts: [
      ['发货太慢了，五天才发出', '太慢'],
      ['物流一直不动，等了一周', '等了一周'],
    ],
  },
  slow_response: {
    tag: 'service',
    texts: [
      ['问客服半天没人回', '没人回'],
      ['客服回复很慢，问题拖了两天', '回复很慢'],
    ],
  },
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

interface DemoCase {
  id: string;
  grade: 'medium' | 'bad';
  /** minutes after the review: the case opened, and the contacts */
  openedAfter: number;
  contacts: { after: number; outcome: string; channel: string; compensation: { type: string; amount: number } | null; promisedAfter: number | null }[];
  outcome: { status: 'revised' | 'closed_unrevised'; after: number } | null;
}

/** what the recovery team typically offers for a cause (domain brief, section 3) */
const REMEDIES: Record<string, { type: string; amount: number }[]> = {
  colour_difference: [
    { type: 'coupon', amount: 10 },
    { type: 'partial_refund', amount: 30 },
  ],
  defect_broken: [
    { type: 'replacement', amount: 0 },
    { type: 'coupon', amount: 10 },
  ],
  size_fit: [{ type: 'return_shipping', amount: 12 }],
  damaged_parcel: [
    { type: 'gift', amount: 8 },
    { type: 'partial_refund', amount: 20 },
  ],
  slow_delivery: [{ type: 'coupon', amount: 5 }],
  slow_response: [{ type: 'coupon', amount: 10 }],
  attitude: [{ type: 'coupon', amount: 15 }],
  price_drop: [{ type: 'price_difference', amount: 20 }],
};

/**
 * The recovery of the medium/bad reviews of the last two demo weeks, the same every time: most buyers contacted
 * within a day, some late, a few never; about half promise a revision, most of those revise; compensation by
 * cause. `revisedId` is the review the demo revises to good: its case ends revised then.
 */
function demoCases(reviews: DemoReview[], ids: string[], revisedId: string | null): DemoCase[] {
  const next = random(11);
  const HOUR = 60;
  const cases: DemoCase[] = [];
  reviews.forEach((review, i) => {
    const rating = Number(review.input.rating);
    if (rating > 3 || String(review.input.reviewedAt) < WEEK_STARTS[WEEK_STARTS.length - 2]) return;
    const openedAfter = 20 + Math.floor(next() * 160);
    const roll = next();
    // 10 % never reached, 15 % first contact after the 24-hour SLA, the rest within it
    const firstAfter = roll < 0.1 ? null : openedAfter + (roll < 0.25 ? 26 * HOUR + next() * 34 * HOUR : 2 * HOUR + next() * 18 * HOUR);
    const demoCase: DemoCase = { id: ids[i], grade: rating === 3 ? 'medium' : 'bad', openedAfter, contacts: [], outcome: null };
    cases.push(demoCase);
    if (ids[i] === revisedId) {
      demoCase.contacts.push({
        after: openedAfter + 3 * HOUR,
        outcome: 'promised_revision',
        channel: 'phone',
        compensation: { type: 'return_shipping', amount: 12 },
        promisedAfter: 2 * 24 * HOUR,
      });
      demoCase.outcome = { status: 'revised', after: -1 };
      return;
    }
    if (firstAfter === null) return;
    const remedies = REMEDIES[review.subTags[0] ?? ''] ?? [{ type: 'coupon', amount: 10 }];
    const remedy = next() < 0.65 ? remedies[Math.floor(next() * remedies.length)] : null;
    const answered = next() < 0.8;
    if (!answered) demoCase.contacts.push({ after: firstAfter, outcome: 'no_answer', channel: 'phone', compensation: null, promisedAfter: null });
    const reached = answered ? firstAfter : firstAfter + 4 * HOUR;
    const fate = next();
    if (fate < 0.5) {
      demoCase.contacts.push({
        after: reached,
        outcome: 'promised_revision',
        channel: answered ? 'phone' : 'im',
        compensation: remedy,
        promisedAfter: 2 * 24 * HOUR,
      });
      if (next() < 0.75) demoCase.outcome = { status: 'revised', after: reached + (12 + next() * 60) * HOUR };
    } else {
      demoCase.contacts.push({ after: reached, outcome: 'reached', channel: answered ? 'phone' : 'im', compensation: remedy, promisedAfter: null });
      if (fate < 0.75) demoCase.outcome = { status: 'closed_unrevised', after: reached + (48 + next() * 72) * HOUR };
    }
  });
  return cases;
}

/** Writes the demo cases and contacts, with the columns the workflow would have set. */
async function seedDemoRecovery(db: DataSource, cases: DemoCase[], revisedAt: string): Promise<void> {
  await db.query(
    `INSERT INTO recovery_cases (shop_id, review_id, status, grade, grade_rank, platform, buyer_id, product_id, order_amount, reviewed_at,
       revision_deadline_at, deadline_day, first_contact_due_at, opened_at)
     SELECT r.shop_id, r.id, 'new', x.grade, CASE x.grade WHEN 'bad' THEN 0 ELSE 1 END, r.platform, r.buyer_id, r.product_id, r.order_amount, r.reviewed_at,
       r.reviewed_at + interval '30 days', ((r.reviewed_at + interval '30 days') AT TIME ZONE 'Asia/Shanghai')::date,
       r.reviewed_at + make_interval(mins => x.opened_after + 24 * 60), r.reviewed_at + make_interval(mins => x.opened_after)
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, grade text, opened_after int) JOIN reviews r ON r.id = x.id`,
    [JSON.stringify(cases.map((c) => ({ id: c.id, grade: c.grade, opened_after: c.openedAfter })))],
  );
  const contacts = cases.flatMap((c) =>
    c.contacts.map((k) => ({
      id: c.id,
      after: Math.round(k.after),
      outcome: k.outcome,
      channel: k.channel,
      type: k.compensation?.type ?? null,
      amount: k.compensation?.amount ?? null,
      promised_after: k.promisedAfter,
    })),
  );
  await db.query(
    `INSERT INTO recovery_contacts (shop_id, case_id, review_id, at, channel, outcome, actor, compensation_type, compensation_amount, compensation_currency, promised_revision_at)
     SELECT c.shop_id, c.id, c.review_id, c.reviewed_at + make_interval(mins => x.after), x.channel, x.outcome, 'staff:demo', x.type, x.amount,
       CASE WHEN x.type IS NOT NULL THEN 'CNY' END, c.reviewed_at + make_interval(mins => x.after + x.promised_after)
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, after int, outcome text, channel text, type text, amount numeric, promised_after int)
     JOIN recovery_cases c ON c.review_id = x.id`,
    [JSON.stringify(contacts)],
  );
  const outcomes = cases.filter((c) => c.outcome).map((c) => ({ id: c.id, status: c.outcome?.status, after: Math.round(c.outcome?.after ?? 0) }));
  await db.query(
    `UPDATE recovery_cases c SET status = x.status, queue_urgency = NULL,
       closed_at = CASE WHEN x.after < 0 THEN $2::timestamptz ELSE c.reviewed_at + make_interval(mins => x.after) END,
       revised_at = CASE WHEN x.status <> 'revised' THEN NULL WHEN x.after < 0 THEN $2::timestamptz ELSE c.reviewed_at + make_interval(mins => x.after) END
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, after int) WHERE c.review_id = x.id`,
    [JSON.stringify(outcomes), revisedAt],
  );
  await db.query(
    `UPDATE recovery_cases c SET first_contacted_at = k.first_at, last_contact_at = k.last_at, contact_count = k.n,
       promised_revision_at = k.promised_at, first_promised_at = k.first_promised_at,
       status = CASE WHEN c.status <> 'new' THEN c.status WHEN k.promised_at IS NOT NULL THEN 'awaiting_revision' ELSE 'contacting' END
     FROM (SELECT case_id, min(at) AS first_at, max(at) AS last_at, count(*)::int AS n, max(promised_revision_at) AS promised_at,
             min(at) FILTER (WHERE outcome = 'promised_revision') AS first_promised_at
           FROM recovery_contacts GROUP BY case_id) k
     WHERE k.case_id = c.id AND c.review_id = ANY($1::uuid[])`,
    [cases.map((c) => c.id)],
  );
}

/**
 * Stores the demo reviews through `post` (which returns their ids, analysed), tags them, revises one bad
 * review of the week to good on its Thursday, and writes the recovery of the last two weeks (the cases the
 * analysis opened are replaced, so the demo is the same whatever day it runs).
 */
export async function seedDemoShop(post: (items: Record<string, unknown>[]) => Promise<string[]>, db: DataSource): Promise<void> {
  const reviews = demoReviews();
  const ids: string[] = [];
  for (let i = 0; i < reviews.length; i += 500) ids.push(...(await post(reviews.slice(i, i + 500).map((r) => r.input))));
  const rows = reviews.map((r, i) => ({
    id: ids[i],
    tags: r.tags,
    sub_tags: r.subTags,
    evidence: r.phrase ? [{ tag: r.tags[0], subTag: r.subTags[0], phrase: r.phrase }] : null,
  }));
  await db.query(
    `UPDATE reviews r SET tags = x.tags, sub_tags = x.sub_tags, tag_evidence = x.evidence, tag_source = 'model'
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, tags text[], sub_tags text[], evidence jsonb) WHERE r.id = x.id`,
    [JSON.stringify(rows)],
  );
  const revised = reviews.findIndex(
    (r) => r.subTags[0] === 'size_fit' && String(r.input.reviewedAt) >= '2026-11-16' && String(r.input.reviewedAt) < '2026-11-19',
  );
  const revisedAt = '2026-11-19T15:00:00+08:00';
  if (revised >= 0) {
    await post([{ ...reviews[revised].input, rating: 5, content: '换了大一码，很合身，谢谢客服' }]);
    await db.query(`UPDATE reviews SET tags = '{}', sub_tags = '{}' WHERE id = $1`, [ids[revised]]);
    await db.query(`UPDATE review_revisions SET replaced_at = $2 WHERE review_id = $1`, [ids[revised], revisedAt]);
  }
  const shopId = (await db.query(`SELECT shop_id FROM reviews WHERE id = $1`, [ids[0]]))[0].shop_id as string;
  await db.query(`DELETE FROM recovery_cases WHERE shop_id = $1`, [shopId]);
  await seedDemoRecovery(db, demoCases(reviews, ids, revised >= 0 ? ids[revised] : null), revisedAt);
}
