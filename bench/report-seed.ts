/**
 * SQL that seeds one shop with generated reviews for bench:report, fast (generate_series, one statement
 * per table). Deterministic for a seed: setseed() before the INSERTs, and no parallel plan for INSERT.
 *
 * Shape: `weeks` consecutive ISO weeks of `perWeek` reviews each, ending with the reported week, so the
 * report's 8-week trend reads 8 full weeks. 80 % good, 7 % medium, 13 % bad; medium/bad reviews carry
 * tags (quality 45 %, logistics 30 %, service 15 %, price 5 %, other 5 %; every 7th has a second tag) with
 * sub-tags and evidence; 500 products x 4 SKUs with a skew towards the first products; 300,000 buyers;
 * 6 carriers; 20 agents; 2 % of reviews revised once (a medium/bad version replaced some days later).
 * Recovery (seedRecoverySql): a case for every medium/bad review, opened within 6 hours of it; 80 % contacted
 * (first contact within 48 hours, a third of them offering a coupon or a refund), 40 % of those promised to
 * revise and 60 % of the promises kept; some closed unrevised or dismissed; a case older than its 30-day
 * window is closed.
 */
export interface SeedShape {
  shopId: string;
  /** Monday 00:00 local of the first seeded week */
  firstWeekStart: Date;
  weeks: number;
  perWeek: number;
  seed: number;
}

const QUALITY = ['defect_broken', 'not_as_described', 'colour_difference', 'size_fit', 'poor_effect', 'smell', 'packaging'];
const LOGISTICS = ['slow_delivery', 'damaged_parcel', 'lost_or_missing', 'wrong_item', 'tracking'];
const SERVICE = ['attitude', 'slow_response', 'return_refund_hassle', 'unresolved'];
const PRICE = ['price_drop', 'promotion'];

const arr = (items: string[]) => `ARRAY[${items.map((s) => `'${s}'`).join(',')}]`;

export function seedSql(shape: SeedShape): string[] {
  const total = shape.weeks * shape.perWeek;
  return [
    `SELECT setseed(${(shape.seed % 1000) / 1000})`,
    `SET max_parallel_workers_per_gather = 0`,
    `
    INSERT INTO reviews (shop_id, platform, external_id, product_id, sku, product_name, order_id, buyer_id, buyer_nick,
      rating, grade, content, reviewed_at, carrier, service_agent, tags, sub_tags, tag_evidence, tag_source,
      content_hash, analysis_status, analyzed_revision, analyzed_at, language, revision)
    SELECT '${shape.shopId}', 'taobao', 'bench-' || g, 'P' || p, 'P' || p || '-' || s, '商品 ' || p, 'O' || (10000000 + g), 'B' || b, 'nick' || b,
      rating, CASE WHEN rating >= 4 THEN 'good' WHEN rating = 3 THEN 'medium' ELSE 'bad' END,
      CASE
        WHEN rating >= 4 THEN '质量很好，物流也快，满意'
        WHEN tag = 'quality' THEN '收到的东西' || (${arr(['有瑕疵', '和描述不一样', '色差很大', '尺码偏小', '没效果', '有味道', '包装烂了'])})[1 + q % 7] || '，联系客服13812345678也没用'
        WHEN tag = 'logistics' THEN (${arr(['发货太慢了', '包裹破了', '少发了一件', '发错货了', '物流一直不更新'])})[1 + q % 5] || '，等了很久'
        WHEN tag = 'service' THEN '客服' || (${arr(['态度很差', '半天不回', '退货太麻烦', '问题一直没解决'])})[1 + q % 4]
        WHEN tag = 'price' THEN (${arr(['刚买就降价了', '优惠券没用上'])})[1 + q % 2]
        ELSE '不喜欢'
      END,
      '${shape.firstWeekStart.toISOString()}'::timestamptz + make_interval(days => 7 * ((g - 1) / ${shape.perWeek})::int, secs => floor(random() * 604799)),
      (${arr(['中通快递', '圆通速递', '申通快递', '韵达快递', '顺丰速运', '极兔速递'])})[1 + c],
      'agent-' || a,
      CASE WHEN rating >= 4 THEN '{}'::text[] WHEN g % 7 = 0 AND tag <> 'logistics' THEN ARRAY[tag, 'logistics'] ELSE ARRAY[tag] END,
      CASE
        WHEN rating >= 4 OR tag IN ('other') THEN '{}'::text[]
        ELSE ARRAY[CASE tag
          WHEN 'quality' THEN (${arr(QUALITY)})[1 + q % ${QUALITY.length}]
          WHEN 'logistics' THEN (${arr(LOGISTICS)})[1 + q % ${LOGISTICS.length}]
          WHEN 'service' THEN (${arr(SERVICE)})[1 + q % ${SERVICE.length}]
          ELSE (${arr(PRICE)})[1 + q % ${PRICE.length}] END]
      END,
      CASE WHEN rating >= 4 THEN NULL ELSE jsonb_build_array(jsonb_build_object('tag', tag, 'phrase', '等了很久')) END,
      CASE WHEN rating >= 4 THEN NULL ELSE 'model' END,
      md5(g::text) || md5((g + 1)::text), 'done', 1, now(), 'zh-Hans', 1
    FROM (
      SELECT g, floor(pow(random(), 2) * 500)::int AS p, floor(random() * 4)::int AS s, floor(random() * 300000)::int AS b,
        floor(random() * 6)::int AS c, floor(random() * 20)::int AS a, floor(random() * 1000)::int AS q,
        CASE WHEN x < 0.13 THEN 1 + floor(random() * 2)::int WHEN x < 0.20 THEN 3 ELSE 4 + floor(random() * 2)::int END AS rating,
        CASE WHEN y < 0.45 THEN 'quality' WHEN y < 0.75 THEN 'logistics' WHEN y < 0.90 THEN 'service' WHEN y < 0.95 THEN 'price' ELSE 'other' END AS tag
      FROM (SELECT g, random() AS x, random() AS y FROM generate_series(1, ${total}) AS g) AS base
    ) AS gen`,
    // 2 % of the reviews were revised once: the replaced version was bad, the current one is what was seeded
    `
    WITH picked AS (
      UPDATE reviews SET revision = 2
      WHERE shop_id = '${shape.shopId}' AND hashtext(external_id) % 50 = 0
      RETURNING id, grade, reviewed_at, product_id, sku, product_name, buyer_id, carrier, service_agent, content
    )
    INSERT INTO review_revisions (shop_id, review_id, revision, rating, grade, next_grade, reviewed_at, snapshot, changed_fields, replaced_at, tags, sub_tags)
    SELECT '${shape.shopId}', id, 1, 1, 'bad', grade, reviewed_at,
      -- the replaced version's fields as ingestion writes them (reviewedAt as JavaScript's toISOString)
      jsonb_build_object('reviewedAt', to_char(reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'productId', product_id, 'sku', sku, 'productName', product_name, 'buyerId', buyer_id,
        'carrier', carrier, 'serviceAgent', service_agent, 'content', '质量太差了', 'rating', 1),
      ARRAY['rating', 'content'], reviewed_at + make_interval(hours => 1 + floor(random() * 240)::int), ARRAY['quality'], ARRAY['defect_broken']
    FROM picked`,
    `RESET max_parallel_workers_per_gather`,
  ];
}

/** Cases and contacts behind the seeded reviews, so the recovery funnel reads a realistic volume. */
export function seedRecoverySql(shape: SeedShape): string[] {
  return [
    `SELECT setseed(${((shape.seed + 1) % 1000) / 1000})`,
    `SET max_parallel_workers_per_gather = 0`,
    `
    INSERT INTO recovery_cases (shop_id, review_id, status, grade, grade_rank, platform, buyer_id, product_id, reviewed_at,
      revision_deadline_at, deadline_day, first_contact_due_at, first_contacted_at, last_contact_at, contact_count,
      promised_revision_at, first_promised_at, opened_at, closed_at, revised_at)
    SELECT '${shape.shopId}', x.id, x.status, x.grade, CASE x.grade WHEN 'bad' THEN 0 ELSE 1 END, 'taobao', x.buyer_id, x.product_id, x.reviewed_at,
      x.reviewed_at + interval '30 days', ((x.reviewed_at + interval '30 days') AT TIME ZONE 'Asia/Shanghai')::date,
      x.opened + interval '24 hours', x.first_at, x.first_at, CASE WHEN x.first_at IS NULL THEN 0 ELSE 1 END,
      CASE WHEN x.promised THEN x.first_at + interval '3 days' END, CASE WHEN x.promised THEN x.first_at END, x.opened,
      CASE WHEN x.status IN ('revised', 'closed_unrevised', 'dismissed') THEN least(x.first_at + interval '2 days', x.opened + interval '30 days', now()) END,
      CASE WHEN x.status = 'revised' THEN least(x.first_at + interval '2 days', now()) END
    FROM (
      SELECT r.id, r.grade, r.buyer_id, r.product_id, r.reviewed_at, o.opened, c.first_at, c.promised,
        CASE
          WHEN r.v < 0.03 THEN 'dismissed'
          WHEN c.first_at IS NULL THEN CASE WHEN o.opened < now() - interval '30 days' THEN 'closed_unrevised' ELSE 'new' END
          WHEN c.promised AND r.w < 0.6 AND c.first_at + interval '2 days' < now() THEN 'revised'
          WHEN o.opened < now() - interval '30 days' OR r.w > 0.9 THEN 'closed_unrevised'
          WHEN c.promised THEN 'awaiting_revision'
          ELSE 'contacting'
        END AS status
      -- the random numbers are columns of a subquery: a LATERAL that does not refer to the row runs once
      FROM (SELECT r.*, random() AS u, random() AS v, random() AS w, random() AS p FROM reviews r WHERE r.shop_id = '${shape.shopId}' AND r.grade <> 'good') r
      CROSS JOIN LATERAL (SELECT r.reviewed_at + r.u * interval '6 hours' AS opened) o
      CROSS JOIN LATERAL (
        SELECT CASE WHEN r.v < 0.83 THEN o.opened + r.p * interval '48 hours' END AS first_at, r.p < 0.4 AND r.v < 0.83 AS promised
      ) c
    ) x`,
    `
    INSERT INTO recovery_contacts (shop_id, case_id, review_id, at, channel, outcome, actor, compensation_type, compensation_amount, compensation_currency, promised_revision_at)
    SELECT '${shape.shopId}', c.id, c.review_id, c.first_contacted_at, CASE WHEN random() < 0.6 THEN 'im' ELSE 'phone' END,
      CASE WHEN c.promised_revision_at IS NOT NULL THEN 'promised_revision' WHEN random() < 0.7 THEN 'reached' ELSE 'no_answer' END,
      'staff:bench', k.type, k.amount, CASE WHEN k.type IS NOT NULL THEN 'CNY' END, c.promised_revision_at
    FROM (SELECT c.*, random() AS z FROM recovery_cases c WHERE c.shop_id = '${shape.shopId}' AND c.first_contacted_at IS NOT NULL) c
    CROSS JOIN LATERAL (SELECT c.z) d
    CROSS JOIN LATERAL (
      SELECT CASE WHEN d.z < 0.2 THEN 'coupon' WHEN d.z < 0.33 THEN 'partial_refund' END AS type,
        CASE WHEN d.z < 0.2 THEN 5 + floor(d.z * 100)::int WHEN d.z < 0.33 THEN 10 + floor(d.z * 120)::int END AS amount
    ) k`,
    `RESET max_parallel_workers_per_gather`,
  ];
}
