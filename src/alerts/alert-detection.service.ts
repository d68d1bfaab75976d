import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { errorForLog } from '../common/errors/error-for-log';
import { sqlRows } from '../database/sql';
import type { AnalysisStep, AnalyzedBatch } from '../reviews/analysis-step';
import { CAUSE_TAGS } from '../reviews/taxonomy';
import { AlertCause, AlertSettings, Decision, SUBJECT_CAUSES, SubjectType, cusumDesignFor, decide, decideCauses } from './alert-detector';
import type { AlertEvidence } from './alert.entity';
import { AlertSettingsService } from './alert-settings.service';
import { BetaPrior, Counts, fitBetaPrior } from './beta-binomial';
import { CUSUM_START, CusumRun, advanceCusum } from './bernoulli-cusum';

/** the review column that names each subject; the shop as a whole is the subject '*' */
const SUBJECT_COLUMN: Record<Exclude<SubjectType, 'shop'>, string> = { sku: 'product_id', carrier: 'carrier', agent: 'service_agent' };
export const SHOP_SUBJECT = '*';
/** priors and subjects' histories are refitted this often (and by every sweep): they move by days, not minutes */
const FIT_TTL_MS = 3_600_000;
const HISTORY_CACHE_LIMIT = 100_000;
const CUSUM_CACHE_LIMIT = 200_000;
const SAMPLE_REVIEWS = 5;
const DAY_MS = 86_400_000;

interface RecentRow {
  subject: string;
  id: string;
  reviewed_at: Date;
  grade: string;
  tags: string[];
  revision: number;
}

type CauseCounts = Record<AlertCause, Counts>;
interface History {
  at: number;
  counts: CauseCounts;
  /** days of history the subject has within the baseline (at least 1) */
  days: number;
}

interface OpenAlert {
  id: string;
  subject_type: SubjectType;
  subject: string;
  cause: AlertCause;
}

export interface DetectionSummary {
  decided: number;
  opened: number;
  updated: number;
  resolved: number;
}

const isBad = (row: Pick<RecentRow, 'grade' | 'tags'>, cause: AlertCause) => row.grade !== 'good' && (cause === 'any' || row.tags.includes(cause));

const emptyCounts = (): CauseCounts => Object.fromEntries(['any', ...CAUSE_TAGS].map((c) => [c, { reviews: 0, bad: 0 }])) as CauseCounts;

/** per-cause counts of reviews and medium/bad ones, as SQL select items over reviews `r` */
const COUNT_ITEMS = [
  'count(*)::int AS reviews',
  `count(*) FILTER (WHERE r.grade <> 'good')::int AS bad_any`,
  ...CAUSE_TAGS.map((c) => `count(*) FILTER (WHERE r.grade <> 'good' AND '${c}' = ANY(r.tags))::int AS bad_${c}`),
].join(', ');
type CountRow = { reviews: number } & Record<`bad_${AlertCause}`, number>;
const countsOf = (row: CountRow | undefined): CauseCounts => {
  const counts = emptyCounts();
  if (!row) return counts;
  for (const cause of Object.keys(counts) as AlertCause[]) counts[cause] = { reviews: row.reviews, bad: row[`bad_${cause}`] };
  return counts;
};

/** `r.<column> = <value>` for a subject type, or nothing for the shop */
const subjectMatch = (type: SubjectType, value: string) => (type === 'shop' ? 'TRUE' : `r.${SUBJECT_COLUMN[type]} = ${value}`);

/**
 * Early warning (docs/alerts.md): decides subjects with the pure detector (alert-detector.ts) on the analysed reviews
 * as they stand now (a revision counts once its analysis has tagged it), and opens, updates and resolves their alerts. After each analysis commit it decides the SKUs, carriers
 * and agents the batch brought a medium/bad review to, and those with an open alert; the sweep decides every
 * subject with a medium/bad review in its window, every open alert (whose window may have emptied) and the shop as a
 * whole. An alert's change and its outbox event (migration AlertEvents) are one transaction.
 */
@Injectable()
export class AlertDetectionService implements AnalysisStep, BeforeApplicationShutdown {
  readonly name = 'alerts';
  private readonly logger = new Logger(AlertDetectionService.name);
  private readonly priors = new Map<string, { at: number; prior: BetaPrior }>();
  private readonly historyCache = new Map<string, History>();
  /** each subject's and cause's running CUSUM and the review it was advanced to (a new process restarts it from the last cusumReviews) */
  private readonly cusumRuns = new Map<string, { run: CusumRun; lastId: string }>();
  private readonly queued = new Map<string, { ids: Set<string>; running: boolean }>();
  /** the detections running after analysis commits, awaited on shutdown before the data source closes */
  private readonly draining = new Set<Promise<void>>();
  private closing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: AlertSettingsService,
  ) {}

  /**
   * Does not hold up the analysis: one detection per shop runs at a time, and the batches that commit meanwhile are
   * decided together by the next one (during an import, one decision covers many batches). A failure is logged; the
   * sweep catches up.
   */
  async afterCommit(batch: AnalyzedBatch): Promise<void> {
    // on the way down the sweep of the next start catches up
    if (this.closing) return;
    const entry = this.queued.get(batch.shopId) ?? { ids: new Set<string>(), running: false };
    this.queued.set(batch.shopId, entry);
    for (const id of batch.reviewIds) entry.ids.add(id);
    if (entry.running) return;
    const drained = this.drain(batch.shopId, entry);
    this.draining.add(drained);
    void drained.finally(() => this.draining.delete(drained));
  }

  /**
   * Runs after the workers stopped (onModuleDestroy) and before the data source closes (onApplicationShutdown): the
   * detection in progress finishes, the batches still queued are left to the sweep, so none fails on a closed pool.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.draining]);
  }

  private async drain(shopId: string, entry: { ids: Set<string>; running: boolean }): Promise<void> {
    entry.running = true;
    try {
      while (entry.ids.size && !this.closing) {
        const ids = [...entry.ids];
        entry.ids.clear();
        try {
          await this.detectForReviews(shopId, ids);
        } catch (error) {
          this.logger.warn({
            msg: 'alert detection after an analysis failed; the alert sweep catches up',
            shopId,
            reviews: ids.length,
            err: errorForLog(error),
          });
        }
      }
    } finally {
      entry.running = false;
      this.queued.delete(shopId);
    }
  }

  /** Incremental: the subjects of these reviews that could have changed state. */
  async detectForReviews(shopId: string, reviewIds: readonly string[], now = new Date()): Promise<DetectionSummary> {
    const { settings } = await this.settings.cached(shopId);
    const rows = await sqlRows<{ product_id: string | null; carrier: string | null; service_agent: string | null; bad: boolean; revision: number }>(
      this.dataSource,
      `SELECT product_id, carrier, service_agent, grade <> 'good' AS bad, revision FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[])`,
      [shopId, reviewIds],
    );
    const open = await this.openAlerts(shopId);
    const openSubjects = new Set(open.map((a) => `${a.subject_type}|${a.subject}`));
    const subjects = new Map<SubjectType, Set<string>>();
    for (const row of rows) {
      for (const type of Object.keys(SUBJECT_COLUMN) as (keyof typeof SUBJECT_COLUMN)[]) {
        const value = row[SUBJECT_COLUMN[type] as 'product_id' | 'carrier' | 'service_agent'];
        if (!value || !settings.subjects[type].enabled) continue;
        // a revised review counts as it stands now: the subject's CUSUM is run again from its latest reviews
        if (row.revision > 1) for (const cause of SUBJECT_CAUSES[type]) this.cusumRuns.delete(`${shopId}|${type}|${value}|${cause}`);
        // a good review cannot raise a subject's alarm: only its open alert may move
        if (row.bad || openSubjects.has(`${type}|${value}`)) (subjects.get(type) ?? subjects.set(type, new Set()).get(type)!).add(value);
      }
    }
    return this.decideSubjects(shopId, settings, subjects, open, now);
  }

  /** The sweep over one shop: refits its priors and decides every subject that could have an alert. */
  async sweepShop(shopId: string, now = new Date()): Promise<DetectionSummary> {
    for (const key of [...this.priors.keys()]) if (key.startsWith(`${shopId}|`)) this.priors.delete(key);
    const { settings } = await this.settings.load(shopId);
    const open = await this.openAlerts(shopId);
    const subjects = new Map<SubjectType, Set<string>>();
    for (const a of open) (subjects.get(a.subject_type) ?? subjects.set(a.subject_type, new Set()).get(a.subject_type)!).add(a.subject);
    for (const type of Object.keys(SUBJECT_COLUMN) as (keyof typeof SUBJECT_COLUMN)[]) {
      if (!settings.subjects[type].enabled) continue;
      const column = SUBJECT_COLUMN[type];
      const found = await sqlRows<{ subject: string }>(
        this.dataSource,
        `SELECT DISTINCT r.${column} AS subject FROM reviews r
         WHERE r.shop_id = $1 AND r.analyzed_revision = r.revision AND r.grade <> 'good' AND r.reviewed_at > $2::timestamptz - make_interval(hours => $3) AND r.reviewed_at <= $2 AND r.${column} IS NOT NULL`,
        [shopId, now, settings.subjects[type].windowHours],
      );
      for (const { subject } of found) (subjects.get(type) ?? subjects.set(type, new Set()).get(type)!).add(subject);
    }
    if (settings.subjects.shop.enabled) (subjects.get('shop') ?? subjects.set('shop', new Set()).get('shop')!).add(SHOP_SUBJECT);
    return this.decideSubjects(shopId, settings, subjects, open, now);
  }

  /** The shops the sweep visits: those with reviews within the longest window, or an open alert. */
  async shopsToSweep(now = new Date()): Promise<string[]> {
    const rows = await sqlRows<{ shop_id: string }>(
      this.dataSource,
      `SELECT s.id AS shop_id FROM shops s
       WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.shop_id = s.id AND r.reviewed_at > $1::timestamptz - interval '30 days' AND r.reviewed_at <= $1)
          OR EXISTS (SELECT 1 FROM alerts a WHERE a.shop_id = s.id AND a.status = 'open')
       ORDER BY s.id`,
      [now],
    );
    return rows.map((r) => r.shop_id);
  }

  private openAlerts(shopId: string): Promise<OpenAlert[]> {
    return sqlRows<OpenAlert>(this.dataSource, `SELECT id, subject_type, subject, cause FROM alerts WHERE shop_id = $1 AND status = 'open'`, [shopId]);
  }

  private async decideSubjects(
    shopId: string,
    settings: AlertSettings,
    subjects: Map<SubjectType, Set<string>>,
    open: OpenAlert[],
    now: Date,
  ): Promise<DetectionSummary> {
    const summary: DetectionSummary = { decided: 0, opened: 0, updated: 0, resolved: 0 };
    const openByKey = new Map(open.map((a) => [`${a.subject_type}|${a.subject}|${a.cause}`, a]));
    const changes: Change[] = [];
    for (const [type, values] of subjects) {
      if (!values.size) continue;
      const typeSettings = settings.subjects[type];
      const list = [...values].sort();
      const limit = Math.max(settings.cusumReviews, typeSettings.windowReviews);
      const recent = await sqlRows<RecentRow>(
        this.dataSource,
        `SELECT s.subject, x.id, x.reviewed_at, x.grade, x.tags, x.revision
         FROM unnest($2::text[]) AS s(subject)
         CROSS JOIN LATERAL (
           SELECT r.id, r.reviewed_at, r.grade, r.tags, r.revision FROM reviews r
           WHERE r.shop_id = $1 AND r.analyzed_revision = r.revision AND ${subjectMatch(type, 's.subject')}
             AND r.reviewed_at > $3::timestamptz - make_interval(days => $4) AND r.reviewed_at <= $3
           ORDER BY r.reviewed_at DESC, r.id DESC LIMIT $5) x`,
        [shopId, list, now, settings.baselineDays, limit],
      );
      const bySubject = new Map<string, RecentRow[]>();
      for (const row of recent) (bySubject.get(row.subject) ?? bySubject.set(row.subject, []).get(row.subject)!).push(row);
      const windowFrom = now.getTime() - typeSettings.windowHours * 3_600_000;
      const windows = list.map((subject) => {
        const rows = bySubject.get(subject) ?? [];
        let windowSize = 0;
        const minSize = Math.min(typeSettings.windowMinReviews, typeSettings.windowReviews);
        while (
          windowSize < rows.length &&
          windowSize < typeSettings.windowReviews &&
          (windowSize < minSize || rows[windowSize].reviewed_at.getTime() > windowFrom)
        )
          windowSize++;
        return { subject, rows, windowSize, windowStart: windowSize > 0 ? rows[windowSize - 1].reviewed_at : new Date(windowFrom) };
      });
      const histories = await this.histories(shopId, type, windows, settings.baselineDays);
      for (const { subject, rows, windowSize } of windows) {
        const history = histories.get(subject)!;
        const windowRows = rows.slice(0, windowSize);
        const priors = new Map<AlertCause, BetaPrior>();
        for (const cause of SUBJECT_CAUSES[type]) priors.set(cause, await this.prior(shopId, type, cause, now, settings.baselineDays));
        const decisions = decideCauses(
          SUBJECT_CAUSES[type],
          (cause) => {
            const prior = priors.get(cause)!;
            const reviewsPerDay = history.counts[cause].reviews / history.days;
            let bad = 0;
            for (const row of windowRows) if (isBad(row, cause)) bad++;
            const design = cusumDesignFor(prior, history.counts[cause], reviewsPerDay, settings);
            const cusum = design
              ? this.advanceRun(`${shopId}|${type}|${subject}|${cause}`, rows, settings.cusumReviews, (row) => isBad(row, cause), design)
              : null;
            return decide(
              prior,
              { history: history.counts[cause], window: { reviews: windowSize, bad }, cusum, reviewsPerDay },
              { ...settings, threshold: typeSettings.threshold },
            );
          },
          (cause) => openByKey.has(`${type}|${subject}|${cause}`),
        );
        for (const { cause, decision, transition } of decisions) {
          summary.decided++;
          if (transition === 'none') continue;
          changes.push({
            transition,
            alertId: openByKey.get(`${type}|${subject}|${cause}`)?.id ?? null,
            type,
            subject,
            cause,
            decision,
            evidence: evidenceOf(windowRows, cause, decision, history.counts[cause], typeSettings.windowHours, now),
            firstBadAt: firstBad(windowRows, cause) ?? now,
          });
        }
      }
    }
    if (!changes.length) return summary;
    await this.dataSource.transaction(async (manager) => {
      for (const change of changes) {
        const applied = await applyChange(manager, shopId, change);
        if (applied === 'open') summary.opened++;
        else if (applied === 'update') summary.updated++;
        else if (applied === 'resolve') summary.resolved++;
      }
    });
    if (summary.opened || summary.resolved) this.logger.log({ msg: 'alerts changed', shopId, opened: summary.opened, resolved: summary.resolved });
    return summary;
  }

  /**
   * The subject's CUSUM advanced over its reviews since the last decision (`rows` newest first); run afresh over the
   * last `cusumReviews` when this process has none for it or more reviews came than were read.
   */
  private advanceRun(
    key: string,
    rows: RecentRow[],
    cusumReviews: number,
    bad: (row: RecentRow) => boolean,
    design: { m: number; h: number },
  ): CusumRun | null {
    if (!rows.length) return this.cusumRuns.get(key)?.run ?? CUSUM_START;
    const cached = this.cusumRuns.get(key);
    const seen = cached ? rows.findIndex((row) => row.id === cached.lastId) : -1;
    const fresh = seen < 0 ? rows.slice(0, cusumReviews) : rows.slice(0, seen);
    const run = advanceCusum(seen < 0 ? CUSUM_START : cached!.run, fresh.reverse().map(bad), design);
    if (this.cusumRuns.size >= CUSUM_CACHE_LIMIT) this.cusumRuns.clear();
    this.cusumRuns.set(key, { run, lastId: rows[0].id });
    return run;
  }

  /**
   * Each subject's reviews before its window, within the baseline: one statement for the subjects not cached, each
   * refitted at most every FIT_TTL_MS (a history moves by days; its window start by the hour).
   */
  private async histories(
    shopId: string,
    type: SubjectType,
    windows: { subject: string; windowStart: Date }[],
    baselineDays: number,
  ): Promise<Map<string, History>> {
    const result = new Map<string, History>();
    const missing: { subject: string; windowStart: Date }[] = [];
    for (const w of windows) {
      const cached = this.historyCache.get(`${shopId}|${type}|${w.subject}|${baselineDays}`);
      if (cached && Date.now() - cached.at < FIT_TTL_MS) result.set(w.subject, cached);
      else missing.push(w);
    }
    if (!missing.length) return result;
    const rows = await sqlRows<CountRow & { subject: string; first_at: Date | null }>(
      this.dataSource,
      `SELECT s.subject, ${COUNT_ITEMS}, min(r.reviewed_at) AS first_at
       FROM unnest($2::text[], $3::timestamptz[]) AS s(subject, until)
       JOIN reviews r ON r.shop_id = $1 AND r.analyzed_revision = r.revision AND ${subjectMatch(type, 's.subject')}
         AND r.reviewed_at >= s.until - make_interval(days => $4) AND r.reviewed_at < s.until
       GROUP BY s.subject`,
      [shopId, missing.map((w) => w.subject), missing.map((w) => w.windowStart), baselineDays],
    );
    const found = new Map(rows.map((row) => [row.subject, row]));
    if (this.historyCache.size + missing.length > HISTORY_CACHE_LIMIT) this.historyCache.clear();
    for (const w of missing) {
      const row = found.get(w.subject);
      const days = row?.first_at ? Math.min(baselineDays, Math.max(1, (w.windowStart.getTime() - row.first_at.getTime()) / DAY_MS)) : 1;
      const history: History = { at: Date.now(), counts: countsOf(row), days };
      this.historyCache.set(`${shopId}|${type}|${w.subject}|${baselineDays}`, history);
      result.set(w.subject, history);
    }
    return result;
  }

  /** The shop's prior for a subject type and cause: fitted over its subjects' last baselineDays (method of moments). */
  private async prior(shopId: string, type: SubjectType, cause: AlertCause, now: Date, baselineDays: number): Promise<BetaPrior> {
    const key = `${shopId}|${type}|${cause}|${baselineDays}`;
    const cached = this.priors.get(key);
    if (cached && Date.now() - cached.at < FIT_TTL_MS) return cached.prior;
    const group = type === 'shop' ? `'${SHOP_SUBJECT}'` : `r.${SUBJECT_COLUMN[type]}`;
    const rows = await sqlRows<CountRow>(
      this.dataSource,
      `SELECT ${COUNT_ITEMS} FROM reviews r
       WHERE r.shop_id = $1 AND r.analyzed_revision = r.revision AND r.reviewed_at > $2::timestamptz - make_interval(days => $3) AND r.reviewed_at <= $2 ${type === 'shop' ? '' : `AND ${group} IS NOT NULL`}
       ${type === 'shop' ? '' : `GROUP BY ${group}`}`,
      [shopId, now, baselineDays],
    );
    // one fit per cause from the same scan
    const perCause = rows.map(countsOf);
    for (const c of SUBJECT_CAUSES[type])
      this.priors.set(`${shopId}|${type}|${c}|${baselineDays}`, { at: Date.now(), prior: fitBetaPrior(perCause.map((counts) => counts[c])) });
    return this.priors.get(key)!.prior;
  }
}

interface Change {
  transition: 'open' | 'update' | 'resolve';
  alertId: string | null;
  type: SubjectType;
  subject: string;
  cause: AlertCause;
  decision: Decision;
  evidence: AlertEvidence;
  firstBadAt: Date;
}

function firstBad(windowRows: RecentRow[], cause: AlertCause): Date | null {
  let first: Date | null = null;
  for (const row of windowRows) if (isBad(row, cause)) first = row.reviewed_at;
  return first;
}

function evidenceOf(windowRows: RecentRow[], cause: AlertCause, decision: Decision, history: Counts, windowHours: number, now: Date): AlertEvidence {
  const causeMix: Record<string, number> = {};
  const samples: string[] = [];
  let revised = 0;
  for (const row of windowRows) {
    if (row.revision > 1) revised++;
    if (row.grade !== 'good') for (const tag of row.tags) if ((CAUSE_TAGS as readonly string[]).includes(tag)) causeMix[tag] = (causeMix[tag] ?? 0) + 1;
    if (isBad(row, cause) && samples.length < SAMPLE_REVIEWS) samples.push(row.id);
  }
  return {
    windowHours,
    windowReviews: decision.window.reviews,
    windowBad: decision.window.bad,
    revisedReviews: revised,
    historyReviews: history.reviews,
    historyBad: history.bad,
    baselineRate: round(decision.baselineRate),
    probability: Number(decision.probability.toPrecision(4)),
    cusum: decision.cusum,
    causeMix,
    sampleReviewIds: samples,
    decidedAt: now.toISOString(),
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** One open alert per subject and cause: a second detector racing to open the same one updates it instead. */
async function applyChange(manager: EntityManager, shopId: string, change: Change): Promise<Change['transition'] | null> {
  if (change.transition === 'open') {
    const [row] = await sqlRows<{ inserted: boolean }>(
      manager,
      `INSERT INTO alerts (shop_id, subject_type, subject, cause, status, method, first_bad_at, evidence)
       VALUES ($1, $2, $3, $4, 'open', $5, $6, $7)
       ON CONFLICT (shop_id, subject_type, subject, cause) WHERE status = 'open'
       DO UPDATE SET evidence = EXCLUDED.evidence, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [shopId, change.type, change.subject, change.cause, change.decision.method, change.firstBadAt, JSON.stringify(change.evidence)],
    );
    return row?.inserted ? 'open' : 'update';
  }
  const rows = await sqlRows<{ id: string }>(
    manager,
    change.transition === 'resolve'
      ? `UPDATE alerts SET status = 'resolved', resolved_at = now(), updated_at = now(), evidence = $3 WHERE shop_id = $1 AND id = $2 AND status = 'open' RETURNING id`
      : `UPDATE alerts SET updated_at = now(), evidence = $3 WHERE shop_id = $1 AND id = $2 AND status = 'open' RETURNING id`,
    [shopId, change.alertId, JSON.stringify(change.evidence)],
  );
  return rows.length ? change.transition : null;
}
