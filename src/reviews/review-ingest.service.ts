import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql';
import { AnalysisQueue } from '../jobs/analysis.queue';
// the column TypeORM's SnakeNamingStrategy (typeorm-naming-strategies) gives a property
import { snakeCase as snake } from 'typeorm/util/StringUtils';
import { AMOUNT_DECIMALS, changedFieldNames, FieldKind, hashReviewFields, REVIEW_FIELDS, ReviewFields } from './review-fields';
import { gradeOf } from './review.types';

export interface IngestItem {
  fields: ReviewFields;
}

export interface IngestOutcome {
  result: 'created' | 'updated' | 'unchanged';
  id: string;
  revision: number;
}

/** PostgreSQL type of each kind of field, for jsonb_to_recordset. */
const SQL_TYPES: Record<FieldKind, string> = {
  platform: 'text',
  id: 'text',
  text: 'text',
  currency: 'text',
  rating: 'smallint',
  integer: 'integer',
  amount: 'numeric',
  boolean: 'boolean',
  urls: 'text[]',
  timestamp: 'timestamptz',
};

// the entity's columns, named by the same strategy
const COLUMN_OF = REVIEW_FIELDS.map((spec) => [spec, snake(spec.name)] as const);
const COLUMNS = COLUMN_OF.map(([, column]) => column);
const RECORD_TYPE = COLUMN_OF.map(([spec, column]) => `${column} ${SQL_TYPES[spec.kind]}`).join(', ');

// Concurrent batches take row locks in one order (inserts by key, existing rows by id), so two
// overlapping batches wait for each other instead of deadlocking.
// Rows are passed as one jsonb array: one parameter whatever the batch size, and PostgreSQL
// turns JSON arrays into text[] for image_urls.
const INSERT_SQL = `
  INSERT INTO reviews (shop_id, ${COLUMNS.join(', ')}, grade, content_hash)
  SELECT $1, ${COLUMNS.map((c) => `x.${c}`).join(', ')}, x.grade, x.content_hash
  FROM jsonb_to_recordset($2::jsonb) AS x(${RECORD_TYPE}, grade text, content_hash text)
  ORDER BY x.platform, x.external_id
  ON CONFLICT (shop_id, platform, external_id) DO NOTHING
  RETURNING id, platform, external_id`;

const UPDATE_SQL = `
  UPDATE reviews AS r SET
    ${COLUMNS.map((c) => `${c} = x.${c}`).join(',\n    ')},
    grade = x.grade, content_hash = x.content_hash,
    revision = r.revision + 1,
    analysis_status = 'pending', analysis_attempts = 0, analysis_error = NULL, analysis_enqueued_at = now(),
    updated_at = now()
  FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, ${RECORD_TYPE}, grade text, content_hash text)
  WHERE r.id = x.id AND r.shop_id = $1
  RETURNING r.id, r.revision`;

const LOCK_SQL = `
  SELECT r.id, r.revision, r.grade, r.content_hash, r.tags, r.sub_tags, r.tag_evidence, ${COLUMNS.map((c) => `r.${c}`).join(', ')}
  FROM reviews r
  JOIN jsonb_to_recordset($2::jsonb) AS k(platform text, external_id text)
    ON r.platform = k.platform AND r.external_id = k.external_id
  WHERE r.shop_id = $1
  ORDER BY r.id
  FOR UPDATE OF r`;

const REVISION_SQL = `
  INSERT INTO review_revisions (shop_id, review_id, revision, rating, grade, next_grade, reviewed_at, snapshot, changed_fields, tags, sub_tags, tag_evidence)
  SELECT $1, x.review_id, x.revision, x.rating, x.grade, x.next_grade, x.reviewed_at, x.snapshot, x.changed_fields, x.tags, x.sub_tags, x.tag_evidence
  FROM jsonb_to_recordset($2::jsonb)
    AS x(review_id uuid, revision integer, rating smallint, grade text, next_grade text, reviewed_at timestamptz, snapshot jsonb, changed_fields text[], tags text[], sub_tags text[], tag_evidence jsonb)`;

interface ExistingRow extends Record<string, unknown> {
  id: string;
  revision: number;
  grade: string;
  content_hash: string;
  tags: string[];
  sub_tags: string[];
  tag_evidence: unknown;
}

const keyOf = (platform: string, externalId: string) => `${platform}\u0000${externalId}`;

/**
 * Idempotent, race-free storage of reviews keyed by (shop, platform, externalId). Existing rows are
 * locked before they are compared, new rows go in with ON CONFLICT DO NOTHING and are retried as
 * updates when a concurrent request won the insert.
 */
@Injectable()
export class ReviewIngestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysisQueue: AnalysisQueue,
  ) {}

  /** Stores the items in one transaction, then hands created and changed reviews to analysis. */
  async ingest(shopId: string, items: IngestItem[]): Promise<IngestOutcome[]> {
    const outcomes = await retryOnConflict(() => this.dataSource.transaction((manager) => this.ingestWithin(manager, shopId, items)));
    await this.enqueueAnalysis(shopId, outcomes);
    return outcomes;
  }

  async enqueueAnalysis(shopId: string, outcomes: IngestOutcome[]): Promise<void> {
    await this.analysisQueue.enqueueOrLeaveToSweeper(
      shopId,
      outcomes.filter((o) => o.result !== 'unchanged').map((o) => o.id),
    );
  }

  /** For callers that keep their own transaction open (CSV import); they enqueue after commit. */
  async ingestWithin(manager: EntityManager, shopId: string, items: IngestItem[]): Promise<IngestOutcome[]> {
    const outcomes = new Array<IngestOutcome>(items.length);
    // The same key twice in one batch is applied in order: each round holds each key once.
    let pending = items.map((item, index) => ({ item, index }));
    while (pending.length) {
      const seen = new Set<string>();
      const round: typeof pending = [];
      const later: typeof pending = [];
      for (const entry of pending) {
        const key = keyOf(entry.item.fields.platform, entry.item.fields.externalId);
        (seen.has(key) ? later : round).push(entry);
        seen.add(key);
      }
      await this.applyRound(manager, shopId, round, outcomes);
      pending = later;
    }
    return outcomes;
  }

  private async applyRound(manager: EntityManager, shopId: string, round: { item: IngestItem; index: number }[], outcomes: IngestOutcome[]): Promise<void> {
    let remaining = round;
    for (let attempt = 0; remaining.length && attempt < 3; attempt++) {
      const existing = await this.lockExisting(manager, shopId, remaining);
      const inserts: { item: IngestItem; index: number }[] = [];
      const updates: { item: IngestItem; index: number; row: ExistingRow; hash: string }[] = [];
      for (const entry of remaining) {
        const row = existing.get(keyOf(entry.item.fields.platform, entry.item.fields.externalId));
        if (!row) {
          inserts.push(entry);
          continue;
        }
        const hash = hashReviewFields(entry.item.fields);
        if (row.content_hash === hash) {
          outcomes[entry.index] = { result: 'unchanged', id: row.id, revision: row.revision };
        } else {
          updates.push({ ...entry, row, hash });
        }
      }
      if (updates.length) await this.applyUpdates(manager, shopId, updates, outcomes);
      remaining = inserts.length ? await this.applyInserts(manager, shopId, inserts, outcomes) : [];
    }
    if (remaining.length) throw new Error(`could not settle ${remaining.length} concurrent review inserts`);
  }

  private async lockExisting(manager: EntityManager, shopId: string, entries: { item: IngestItem }[]) {
    const keys = entries.map(({ item }) => ({ platform: item.fields.platform, external_id: item.fields.externalId }));
    const rows: ExistingRow[] = await manager.query(LOCK_SQL, [shopId, JSON.stringify(keys)]);
    return new Map(rows.map((row) => [keyOf(String(row.platform), String(row.external_id)), row]));
  }

  /** Returns the entries that lost an insert race and must be retried as updates. */
  private async applyInserts(
    manager: EntityManager,
    shopId: string,
    entries: { item: IngestItem; index: number }[],
    outcomes: IngestOutcome[],
  ): Promise<{ item: IngestItem; index: number }[]> {
    const rows = entries.map(({ item }) => ({ ...toRecord(item.fields), grade: gradeOf(item.fields.rating), content_hash: hashReviewFields(item.fields) }));
    const inserted: { id: string; platform: string; external_id: string }[] = await manager.query(INSERT_SQL, [shopId, JSON.stringify(rows)]);
    const ids = new Map(inserted.map((row) => [keyOf(row.platform, row.external_id), row.id]));
    const lost: { item: IngestItem; index: number }[] = [];
    for (const entry of entries) {
      const id = ids.get(keyOf(entry.item.fields.platform, entry.item.fields.externalId));
      if (id) outcomes[entry.index] = { result: 'created', id, revision: 1 };
      else lost.push(entry);
    }
    return lost;
  }

  private async applyUpdates(
    manager: EntityManager,
    shopId: string,
    entries: { item: IngestItem; index: number; row: ExistingRow; hash: string }[],
    outcomes: IngestOutcome[],
  ): Promise<void> {
    const revisions = entries.map(({ item, row }) => {
      const before = fromRow(row);
      return {
        review_id: row.id,
        revision: row.revision,
        rating: before.rating,
        grade: row.grade,
        next_grade: gradeOf(item.fields.rating),
        reviewed_at: before.reviewedAt || null,
        snapshot: before,
        changed_fields: changedFieldNames(before, item.fields),
        // the replaced version's classification: reports count a review by its version at a period's end
        tags: row.tags,
        sub_tags: row.sub_tags,
        tag_evidence: row.tag_evidence,
      };
    });
    await manager.query(REVISION_SQL, [shopId, JSON.stringify(revisions)]);
    const rows = entries.map(({ item, row, hash }) => ({ id: row.id, ...toRecord(item.fields), grade: gradeOf(item.fields.rating), content_hash: hash }));
    const updated = await sqlRows<{ id: string; revision: number }>(manager, UPDATE_SQL, [shopId, JSON.stringify(rows)]);
    const revisionById = new Map(updated.map((r) => [r.id, r.revision]));
    for (const entry of entries) {
      outcomes[entry.index] = { result: 'updated', id: entry.row.id, revision: revisionById.get(entry.row.id) ?? entry.row.revision + 1 };
    }
  }
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

/** A transaction PostgreSQL aborted to resolve a conflict is safe to run again: nothing of it was written. */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}

function toRecord(fields: ReviewFields): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [spec, column] of COLUMN_OF) record[column] = fields[spec.name];
  return record;
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** A column's value in the form normalizeReview gives the field. */
function fieldValue(kind: FieldKind, value: unknown): unknown {
  if (value === null || value === undefined) return kind === 'urls' ? [] : null;
  switch (kind) {
    case 'rating':
    case 'integer':
      return Number(value);
    case 'amount':
      return Number(value).toFixed(AMOUNT_DECIMALS);
    case 'boolean':
      return Boolean(value);
    case 'timestamp':
      return iso(value);
    case 'urls':
      return value;
    default:
      return String(value);
  }
}

/** Reads the canonical fields back from a locked row, in the same shape as normalizeReview writes them. */
function fromRow(row: Record<string, unknown>): ReviewFields {
  const fields: Record<string, unknown> = {};
  for (const [spec, column] of COLUMN_OF) fields[spec.name] = fieldValue(spec.kind, row[column]);
  return fields as unknown as ReviewFields;
}
