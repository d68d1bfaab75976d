import type { TagEvidence } from './review.types';
import { Queryable, sqlRows } from '../database/sql';

/**
 * Every write of a review's analysis columns (language, tags, analysis status and attempts): the reviews module owns
 * the `reviews` table, so the analysis job (analysis/) and classification's retraining and corrections write
 * through these named statements. Each takes the caller's connection or transaction.
 */

/** A classifier's output for one revision of a review, as stored on its row. */
export interface ModelTags {
  id: string;
  revision: number;
  tags: string[];
  subTags: string[];
  confidence: Record<string, number>;
  evidence: TagEvidence[];
  version: string;
}

/** The analysis of one revision: its language, and the model's tags unless it keeps a person's (tags absent). */
export type AnalysedReview = { id: string; revision: number; language: string | null } & Partial<Omit<ModelTags, 'id' | 'revision'>>;

const MODEL_TAGS_RECORDSET = `(id uuid, revision integer, language text, tags text[], "subTags" text[], confidence jsonb, evidence jsonb, version text)`;

/** The rule for a model's tags: they never replace a person's (tag_source 'staff'), even one set since they were read. */
const MODEL_MAY_TAG = `r.tag_source IS DISTINCT FROM 'staff'`;

/** The columns a model's tags write, from the recordset `x`. */
const MODEL_TAG_COLUMNS: ReadonlyArray<readonly [column: string, value: string]> = [
  ['tags', 'x.tags'],
  ['sub_tags', 'x."subTags"'],
  ['tag_confidence', 'x.confidence'],
  ['tag_evidence', 'x.evidence'],
  ['classifier_version', 'x.version'],
  ['classified_at', 'now()'],
  ['tag_source', `'model'`],
];

/**
 * Marks the analysed revisions done, with their language and, where the rule allows, the model's tags: one UPDATE
 * per batch (each extra one would write every row again). A newer revision that arrived meanwhile stays pending.
 */
export async function markAnalysed(db: Queryable, shopId: string, rows: AnalysedReview[]): Promise<string[]> {
  const when = `x.tags IS NOT NULL AND ${MODEL_MAY_TAG}`;
  const tagColumns = MODEL_TAG_COLUMNS.map(([column, value]) => `${column} = CASE WHEN ${when} THEN ${value} ELSE r.${column} END`).join(',\n       ');
  const marked = await sqlRows<{ id: string }>(
    db,
    `UPDATE reviews r SET language = x.language, analysis_status = 'done', analyzed_revision = x.revision,
       analyzed_at = now(), analysis_error = NULL,
       ${tagColumns}
     FROM jsonb_to_recordset($2::jsonb) AS x${MODEL_TAGS_RECORDSET}
     WHERE r.shop_id = $1 AND r.id = x.id AND r.revision = x.revision
     RETURNING r.id`,
    [shopId, JSON.stringify(rows)],
  );
  return marked.map((row) => row.id);
}

/** Stores a model's tags for the given revisions (a retraining or reclassification); returns the ids whose tags changed. */
export async function storeModelTags(db: Queryable, shopId: string, rows: ModelTags[]): Promise<string[]> {
  if (!rows.length) return [];
  const changed = await sqlRows<{ id: string; changed: boolean }>(
    db,
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS x${MODEL_TAGS_RECORDSET}
     ), old AS (
       SELECT r.id, r.tags, r.sub_tags FROM reviews r JOIN x ON x.id = r.id WHERE r.shop_id = $1
     )
     UPDATE reviews r SET ${MODEL_TAG_COLUMNS.map(([column, value]) => `${column} = ${value}`).join(', ')}
     FROM x JOIN old ON old.id = x.id
     WHERE r.shop_id = $1 AND r.id = x.id AND r.revision = x.revision AND ${MODEL_MAY_TAG}
     RETURNING r.id, (old.tags IS DISTINCT FROM x.tags OR old.sub_tags IS DISTINCT FROM x."subTags") AS changed`,
    [shopId, JSON.stringify(rows)],
  );
  return changed.filter((row) => row.changed).map((row) => row.id);
}

/** A person's tags (PUT /v1/reviews/{id}/tags): from now on no model replaces them. */
export async function storeStaffTags(
  db: Queryable,
  shopId: string,
  reviewId: string,
  tags: { tags: string[]; subTags: string[]; confidence: Record<string, number>; evidence: ModelTags['evidence'] },
): Promise<void> {
  await db.query(
    `UPDATE reviews SET tags = $3, sub_tags = $4, tag_confidence = $5, tag_evidence = $6, tag_source = 'staff', classified_at = now()
     WHERE shop_id = $1 AND id = $2`,
    [shopId, reviewId, tags.tags, tags.subTags, JSON.stringify(tags.confidence), JSON.stringify(tags.evidence)],
  );
}

export interface StartedReview {
  id: string;
  revision: number;
  rating: number;
  content: string;
  follow_up_content: string | null;
  tag_source: string | null;
  analysis_attempts: number;
  quality_score: number | null;
  logistics_score: number | null;
  service_score: number | null;
  description_score: number | null;
}

/**
 * Counts an attempt for each pending review a run starts, and stamps it as started (the sweeper measures "overdue"
 * from there). Rows another transaction holds are skipped, not waited for.
 */
export function startAnalysis(db: Queryable, shopId: string, reviewIds: string[]): Promise<StartedReview[]> {
  return sqlRows<StartedReview>(
    db,
    `UPDATE reviews r SET analysis_attempts = r.analysis_attempts + 1, analysis_enqueued_at = now()
     WHERE r.id IN (SELECT id FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[]) AND analysis_status = 'pending' ORDER BY id FOR UPDATE SKIP LOCKED)
     RETURNING r.id, r.revision, r.rating, r.content, r.follow_up_content, r.tag_source, r.analysis_attempts,
       r.quality_score, r.logistics_score, r.service_score, r.description_score`,
    [shopId, reviewIds],
  );
}

/** Takes back the attempt a run counted, for reviews still pending. */
export async function giveBackAnalysisAttempt(db: Queryable, shopId: string, reviewIds: string[]): Promise<void> {
  await db.query(
    `UPDATE reviews SET analysis_attempts = greatest(analysis_attempts - 1, 0) WHERE shop_id = $1 AND id = ANY($2::uuid[]) AND analysis_status = 'pending'`,
    [shopId, reviewIds],
  );
}

/** Parks pending reviews as `failed` with their reason; returns the ids parked. */
export async function parkAnalysis(db: Queryable, shopId: string, failures: { id: string; error: string }[]): Promise<string[]> {
  const parked = await sqlRows<{ id: string }>(
    db,
    `UPDATE reviews r SET analysis_status = 'failed', analysis_error = x.error
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, error text)
     WHERE r.shop_id = $1 AND r.id = x.id AND r.analysis_status = 'pending'
     RETURNING r.id`,
    [shopId, JSON.stringify(failures)],
  );
  return parked.map((row) => row.id);
}

/** Records why an analysis failed; `last` says the review has used its last attempt. */
export function recordAnalysisErrors(
  db: Queryable,
  shopId: string,
  failures: { id: string; error: string }[],
  maxAttempts: number,
): Promise<{ id: string; last: boolean }[]> {
  return sqlRows<{ id: string; last: boolean }>(
    db,
    `UPDATE reviews r SET analysis_error = x.error
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, error text)
     WHERE r.shop_id = $1 AND r.id = x.id
     RETURNING r.id, r.analysis_attempts >= $3 AS last`,
    [shopId, JSON.stringify(failures), maxAttempts],
  );
}

/** Makes pending reviews due for the next analysis sweep at once (their stamp goes to the epoch). */
export async function markAnalysisUnqueued(db: Queryable, shopId: string, reviewIds: string[]): Promise<void> {
  await db.query(`UPDATE reviews SET analysis_enqueued_at = to_timestamp(0) WHERE shop_id = $1 AND id = ANY($2::uuid[]) AND analysis_status = 'pending'`, [
    shopId,
    reviewIds,
  ]);
}

/**
 * Claims pending reviews whose analysis is overdue and stamps them as enqueued now, so concurrent sweepers never
 * claim the same rows; `queued` (still waiting in the queue) are left alone.
 */
export function claimOverdueAnalyses(db: Queryable, overdueMs: number, limit: number, queued: string[]): Promise<{ id: string; shop_id: string }[]> {
  return sqlRows<{ id: string; shop_id: string }>(
    db,
    `UPDATE reviews SET analysis_enqueued_at = now()
     WHERE id IN (
       SELECT id FROM reviews
       WHERE analysis_status = 'pending' AND analysis_enqueued_at < now() - make_interval(secs => $1::double precision / 1000)
         AND id <> ALL($3::uuid[])
       ORDER BY analysis_enqueued_at
       LIMIT $2
       FOR UPDATE SKIP LOCKED)
     RETURNING id, shop_id`,
    [overdueMs, limit, queued],
  );
}
