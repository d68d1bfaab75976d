/**
 * How a report sees reviews. The rule: a review belongs to the period of its reviewedAt (the platform's
 * posting time, which a revision does not move) and counts as it stood at the END of that period: when it
 * was revised after the period ended, the earliest version replaced after the end (review_revisions) is
 * the one that counts, with that version's grade, product, carrier, agent and tags. So a bad review
 * revised to good on Thursday counts as good in its week, and a regenerated report of an old week gives
 * the numbers the week had, not today's.
 *
 * Every section's SQL runs in ONE statement (report-engine.ts) over the CTEs below, so every section sees
 * the same snapshot of the database: `rr_negative`, the medium/bad reviews of both periods row by row, and
 * `rr_counts`, this period's reviews counted by carrier, agent and SKU. Most reviews are good and no section
 * needs them one by one, so the period's reviews are read once into counts, not kept as rows.
 *
 * Parameters shared by all section SQL:
 *   $1 shop id, $2 start of the previous period, $3 start of this period, $4 end of this period (exclusive),
 *   $5 bounds of the trend periods (timestamptz[], ascending, n + 1 instants), $6 the settings (jsonb).
 */
export const REPORT_PARAMS = ['shopId', 'previousStart', 'start', 'end', 'trendBounds', 'settings'] as const;

/**
 * A revision is written when a review is replaced, which is after it was posted: reviewed_at can be at most
 * 10 minutes in the future at ingestion (review-fields.ts). This margin bounds the index range on
 * review_revisions (shop_id, replaced_at) without missing any revision of a review of the period.
 */
const REPLACED_AFTER_POSTED_MARGIN = `interval '1 hour'`;

/**
 * The posting time of the review a revision (alias rv) belongs to: the revision's own reviewed_at, which is
 * the review's unless a later revision moved it; for the reviews in `moved` (a revision of theirs changed
 * reviewedAt) and revisions without one, the review's, by primary key. Every later revision of a review
 * was replaced later, so a set of revisions from some instant on holds every move that matters.
 */
function postedAtOfRevision(moved: string): string {
  return `CASE WHEN rv.reviewed_at IS NULL OR rv.review_id IN (SELECT review_id FROM ${moved})
      THEN (SELECT r.reviewed_at FROM reviews r WHERE r.id = rv.review_id AND r.shop_id = $1)
      ELSE rv.reviewed_at END`;
}

/**
 * A field of the review `r` as it stood at the end of its period: from the snapshot of the revision in effect
 * then (`v`, joined from version_at_end), else the current row. Grouping keys are in byte order ("C"): grouping
 * needs equality only, and C sorts fast.
 */
function atEnd(column: string, snapshotField: string, key = true): string {
  const value = `CASE WHEN v.id IS NULL THEN r.${column} ELSE v.snapshot->>'${snapshotField}' END`;
  return key ? `(${value}) COLLATE "C" AS ${column}` : `${value} AS ${column}`;
}

/**
 * Both CTEs see every review as it stood at the end of its period. `version` is the revision number that
 * counts when it is not the current row. Revised reviews are found from the revisions side (few rows, each
 * with its posting time), so unrevised ones cost nothing extra.
 *
 * `rr_negative`: the medium/bad reviews of this period (bucket 0) and of the previous one (bucket -1, for
 * week-over-week changes), with what the sections group by and quote.
 * `rr_counts`: this period's reviews counted per carrier, per agent and per SKU and in
 * all (`per`: carrier, service_agent, sku, all), with `recovered`: medium or bad at some point before the end
 * of the period, good at its end. One scan, hashed into all four groupings at once.
 */
export const REPORT_REVIEWS_CTE = `
  revisions_since AS (
    SELECT rv.review_id, rv.revision, rv.replaced_at, rv.rating, rv.grade, rv.reviewed_at, rv.changed_fields, rv.snapshot, rv.tags, rv.sub_tags
    FROM review_revisions rv
    WHERE rv.shop_id = $1 AND rv.replaced_at >= $2::timestamptz - ${REPLACED_AFTER_POSTED_MARGIN}
  ),
  moved_since AS (
    SELECT review_id FROM revisions_since WHERE 'reviewedAt' = ANY(changed_fields)
  ),
  revised AS (
    SELECT rv.review_id, rv.revision, rv.replaced_at, rv.rating, rv.grade, rv.snapshot, rv.tags, rv.sub_tags,
      CASE WHEN w.reviewed_at >= $3 THEN $4::timestamptz ELSE $3::timestamptz END AS bucket_end
    FROM revisions_since rv
    CROSS JOIN LATERAL (SELECT ${postedAtOfRevision('moved_since')} AS reviewed_at) w
    WHERE w.reviewed_at >= $2 AND w.reviewed_at < $4
  ),
  version_at_end AS (
    SELECT DISTINCT ON (review_id) review_id AS id, revision, rating, grade, snapshot, tags, sub_tags
    FROM revised
    WHERE replaced_at >= bucket_end
    ORDER BY review_id, revision
  ),
  negative_before_end AS (
    SELECT DISTINCT review_id AS id FROM revised WHERE replaced_at < bucket_end AND grade <> 'good'
  ),
  rr_negative AS MATERIALIZED (
    SELECT r.id, r.platform,
      CASE WHEN r.reviewed_at >= $3 THEN 0 ELSE -1 END AS bucket,
      v.revision AS version,
      coalesce(v.rating, r.rating) AS rating,
      coalesce(v.grade, r.grade) AS grade,
      ${atEnd('product_id', 'productId')},
      ${atEnd('sku', 'sku')},
      ${atEnd('product_name', 'productName', false)},
      ${atEnd('buyer_id', 'buyerId')},
      ${atEnd('carrier', 'carrier')},
      ${atEnd('service_agent', 'serviceAgent')},
      (CASE WHEN v.id IS NULL OR v.tags IS NULL THEN r.tags ELSE v.tags END) COLLATE "C" AS tags,
      (CASE WHEN v.id IS NULL OR v.sub_tags IS NULL THEN r.sub_tags ELSE v.sub_tags END) COLLATE "C" AS sub_tags
    FROM (
      -- medium/bad now (the partial index ix_reviews_shop_negative), and good now but medium/bad at the end
      SELECT r.* FROM reviews r WHERE r.shop_id = $1 AND r.reviewed_at >= $2 AND r.reviewed_at < $4 AND r.grade <> 'good'
      UNION ALL
      SELECT r.* FROM version_at_end v JOIN reviews r ON r.id = v.id
      WHERE v.grade <> 'good' AND r.grade = 'good' AND r.shop_id = $1 AND r.reviewed_at >= $2 AND r.reviewed_at < $4
    ) r
    LEFT JOIN version_at_end v ON v.id = r.id
    WHERE coalesce(v.grade, r.grade) <> 'good'
  ),
  rr_counts AS MATERIALIZED (
    SELECT CASE GROUPING(p.carrier, p.service_agent, p.product_id, p.sku)
        WHEN 7 THEN 'carrier' WHEN 11 THEN 'service_agent' WHEN 12 THEN 'sku' ELSE 'all' END AS per,
      p.carrier, p.service_agent, p.product_id, p.sku,
      count(*)::int AS reviews, count(*) FILTER (WHERE p.recovered)::int AS recovered
    FROM (
      SELECT
        ${atEnd('product_id', 'productId')},
        ${atEnd('sku', 'sku')},
        ${atEnd('carrier', 'carrier')},
        ${atEnd('service_agent', 'serviceAgent')},
        (coalesce(v.grade, r.grade) = 'good' AND n.id IS NOT NULL) AS recovered
      FROM reviews r
      LEFT JOIN version_at_end v ON v.id = r.id
      LEFT JOIN negative_before_end n ON n.id = r.id
      WHERE r.shop_id = $1 AND r.reviewed_at >= $3 AND r.reviewed_at < $4
    ) p
    GROUP BY GROUPING SETS ((p.carrier), (p.service_agent), (p.product_id, p.sku), ())
  )`;

/**
 * Reviews by grade in each trend period, each as it stood at the end of its own period: counts by the
 * current grade, corrected by the few reviews whose grade at their period's end came from a later-replaced
 * revision. Bucket i (1-based) is [$5[i], $5[i+1]).
 *
 * The current counts add up review_grade_counts (kept by triggers on reviews, per UTC hour) for the whole
 * hours of the period, and count the reviews of the minutes before its first whole hour and after its last
 * one (a shop whose UTC offset is not whole hours; none otherwise) from the covering index.
 */
export const GRADES_BY_TREND_PERIOD = `
  WITH bounds AS (
    SELECT i AS bucket, b.lo, b.hi, h.first_hour, greatest(h.end_hour, h.first_hour) AS end_hour
    FROM generate_series(1, array_length($5::timestamptz[], 1) - 1) AS i
    CROSS JOIN LATERAL (SELECT ($5::timestamptz[])[i] AS lo, ($5::timestamptz[])[i + 1] AS hi) b
    CROSS JOIN LATERAL (
      SELECT least(date_trunc('hour', b.lo, 'UTC') + CASE WHEN date_trunc('hour', b.lo, 'UTC') < b.lo THEN interval '1 hour' ELSE interval '0' END, b.hi) AS first_hour,
        date_trunc('hour', b.hi, 'UTC') AS end_hour
    ) h
  ),
  current_grades AS (
    SELECT b.bucket, c.grade, sum(c.reviews) AS n
    FROM bounds b
    JOIN review_grade_counts c ON c.shop_id = $1 AND c.hour >= b.first_hour AND c.hour < b.end_hour
    GROUP BY 1, 2
    UNION ALL
    SELECT b.bucket, r.grade, count(*)
    FROM bounds b
    JOIN reviews r ON r.shop_id = $1 AND r.reviewed_at >= b.lo AND r.reviewed_at < b.first_hour
    GROUP BY 1, 2
    UNION ALL
    SELECT b.bucket, r.grade, count(*)
    FROM bounds b
    JOIN reviews r ON r.shop_id = $1 AND r.reviewed_at >= b.end_hour AND r.reviewed_at < b.hi
    GROUP BY 1, 2
  ),
  window_revisions AS (
    SELECT rv.review_id, rv.replaced_at, rv.grade, rv.next_grade, rv.reviewed_at, rv.changed_fields
    FROM review_revisions rv
    WHERE rv.shop_id = $1 AND rv.replaced_at >= ($5::timestamptz[])[1] - ${REPLACED_AFTER_POSTED_MARGIN}
  ),
  moved AS (
    SELECT review_id FROM window_revisions WHERE 'reviewedAt' = ANY(changed_fields)
  ),
  -- A revision replaced after the end of its review's period turns that period's count back: +1 for the grade
  -- the revision had, -1 for the grade that replaced it. Along a review's revisions replaced after that end,
  -- these add up to +1 for the version at the end and -1 for the current one, which the counts hold.
  revised_in_trend AS (
    SELECT c.bucket, c.was, c.now
    FROM (
      SELECT width_bucket(${postedAtOfRevision('moved')}, $5::timestamptz[]) AS bucket, rv.grade AS was, rv.next_grade AS now, rv.replaced_at
      FROM window_revisions rv
      WHERE rv.grade <> rv.next_grade
    ) c
    WHERE c.bucket BETWEEN 1 AND array_length($5::timestamptz[], 1) - 1 AND c.replaced_at >= ($5::timestamptz[])[c.bucket + 1]
  )
  SELECT bucket,
    sum(n)::int AS reviews,
    coalesce(sum(n) FILTER (WHERE grade = 'good'), 0)::int AS good,
    coalesce(sum(n) FILTER (WHERE grade = 'medium'), 0)::int AS medium,
    coalesce(sum(n) FILTER (WHERE grade = 'bad'), 0)::int AS bad
  FROM (
    SELECT bucket, grade, n FROM current_grades
    UNION ALL SELECT bucket, now, -1 FROM revised_in_trend
    UNION ALL SELECT bucket, was, 1 FROM revised_in_trend
  ) x
  GROUP BY bucket`;
