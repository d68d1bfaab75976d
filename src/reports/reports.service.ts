import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { cursorAfterRow, decodeCursor, Page } from '../common/pagination/cursor';
import { sqlRows } from '../database/sql';
import type { Shop } from '../shops/shop.entity';
import { ShopsService } from '../shops/shops.service';
import type { ReportTrigger } from './report.entity';
import { buildReportData, renderReport } from './report-engine';
import { ReportEventsService } from './report-events.service';
import { daysBetween } from '../common/time/local-time';
import { lastCompletedWeek, localMidnight, MAX_RANGE_DAYS, parseIsoWeek, rangePeriod, ReportPeriod, weekPeriod } from './report-period';
import { DEFAULT_REPORT_SETTINGS, effectiveSettings, ReportSettings, ReportSettingsOverrides } from './report-settings';
import type { ReportLang } from './report-text';
import { REPORT_GENERATOR_VERSION, ReportData, ReportFormat } from './report.types';
import { renderCsv } from './render/csv';
import { REPORT_CSP, renderHtml } from './render/html';
import { renderMarkdown } from './render/markdown';

/** A report as the API returns it: a stored snapshot, or one generated for a period that has not ended. */
export interface ReportSnapshot {
  id: string | null;
  kind: ReportData['kind'];
  week: string | null;
  periodStart: Date;
  periodEnd: Date;
  timezone: string;
  trigger: ReportTrigger | null;
  generatedAt: Date;
  generatorVersion: string;
  data: ReportData;
}

export interface ReportListEntry {
  id: string;
  kind: ReportData['kind'];
  week: string | null;
  from: string;
  to: string;
  periodStart: Date;
  periodEnd: Date;
  timezone: string;
  trigger: ReportTrigger;
  generatedAt: Date;
  generatorVersion: string;
  reviews: number;
  negative: number;
  negativeRate: number | null;
}

export interface RenderedFile {
  contentType: string;
  filename: string;
  body: string;
  /** extra response headers */
  headers: Record<string, string>;
}

interface GenerateOptions {
  regenerate: boolean;
  trigger: ReportTrigger;
  requestedBy: string;
}

interface ReportRow {
  id: string;
  kind: ReportData['kind'];
  week: string | null;
  period_start: Date;
  period_end: Date;
  timezone: string;
  trigger: ReportTrigger;
  generated_at: Date;
  generator_version: string;
  data: ReportData;
}

const SNAPSHOT_COLUMNS = 'id, kind, week, period_start, period_end, timezone, trigger, generated_at, generator_version, data';

const toSnapshot = (row: ReportRow): ReportSnapshot => ({
  id: row.id,
  kind: row.kind,
  week: row.week,
  periodStart: new Date(row.period_start),
  periodEnd: new Date(row.period_end),
  timezone: row.timezone,
  trigger: row.trigger,
  generatedAt: new Date(row.generated_at),
  generatorVersion: row.generator_version,
  data: row.data,
});

/**
 * Reports: generated from the database, stored as immutable snapshots (a new row on every regeneration),
 * rendered from the stored data in any format. Every read and write is scoped by shop.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: ReportEventsService,
    private readonly shops: ShopsService,
  ) {}

  /** The weekly report of an ISO week (default: the last completed one) in the shop's time zone. */
  async weekly(shopId: string, week: string | undefined, options: { regenerate: boolean; requestedBy: string }, now = new Date()): Promise<ReportSnapshot> {
    const shop = await this.shop(shopId);
    const isoWeek = week === undefined ? lastCompletedWeek(now, shop.timezone) : parseIsoWeek(week);
    if (!isoWeek) throw new ValidationFailed([{ field: 'week', code: 'isIsoWeek', message: 'week must be an ISO week such as 2026-W47' }]);
    const period = weekPeriod(isoWeek, shop.timezone);
    if (period.start.getTime() > now.getTime()) {
      throw new ValidationFailed([{ field: 'week', code: 'notStarted', message: `week ${period.week} has not started yet` }]);
    }
    return this.getOrGenerate(
      shop,
      period,
      { regenerate: options.regenerate, trigger: options.regenerate ? 'regenerate' : 'request', requestedBy: options.requestedBy },
      now,
    );
  }

  /** A report of local days `from` to `to`, both included. */
  async range(shopId: string, from: string, to: string, options: { regenerate: boolean; requestedBy: string }, now = new Date()): Promise<ReportSnapshot> {
    const days = daysBetween(from, to) + 1;
    if (days < 1) throw new ValidationFailed([{ field: 'to', code: 'dateOrder', message: 'to must be on or after from' }]);
    if (days > MAX_RANGE_DAYS) throw new ValidationFailed([{ field: 'to', code: 'maxRange', message: `a report covers at most ${MAX_RANGE_DAYS} days` }]);
    const shop = await this.shop(shopId);
    if (localMidnight(from, shop.timezone).getTime() > now.getTime()) {
      throw new ValidationFailed([{ field: 'from', code: 'notStarted', message: `${from} has not started yet` }]);
    }
    const period = rangePeriod(from, to, shop.timezone);
    return this.getOrGenerate(
      shop,
      period,
      { regenerate: options.regenerate, trigger: options.regenerate ? 'regenerate' : 'request', requestedBy: options.requestedBy },
      now,
    );
  }

  /**
   * The scheduled report of a week: generated once per shop and week, however many workers run the job
   * (an advisory lock serialises them, and a unique index on scheduled reports backs it up). Returns null
   * when a report of that week was already stored.
   */
  async generateScheduled(shopId: string, week: string, now = new Date()): Promise<ReportSnapshot | null> {
    const shop = await this.shop(shopId);
    const isoWeek = parseIsoWeek(week);
    if (!isoWeek) throw new Error(`not an ISO week: ${week}`);
    const period = weekPeriod(isoWeek, shop.timezone);
    if (period.end.getTime() > now.getTime()) throw new Error(`week ${week} has not ended in ${shop.timezone}`);
    const stored = await this.dataSource.transaction(async (manager) => {
      await this.lockPeriod(manager, shop.id, period);
      if (await this.latestStored(manager, shop.id, period)) return null;
      return this.generateAndStore(manager, shop, period, { regenerate: false, trigger: 'scheduled', requestedBy: 'scheduler' }, now);
    });
    if (!stored?.created) return null;
    await this.events.announce(shop.id, stored.snapshot.id as string);
    return stored.snapshot;
  }

  async get(shopId: string, id: string): Promise<ReportSnapshot> {
    const [row] = await sqlRows<ReportRow>(this.dataSource, `SELECT ${SNAPSHOT_COLUMNS} FROM reports WHERE shop_id = $1 AND id = $2`, [shopId, id]);
    if (!row) throw new NotFound('report', id);
    return toSnapshot(row);
  }

  /** Stored reports, newest first. */
  async list(shopId: string, query: { kind?: ReportData['kind']; limit?: number; cursor?: string }): Promise<Page<ReportListEntry>> {
    const limit = query.limit ?? 20;
    const params: unknown[] = [shopId, limit + 1];
    const where = ['shop_id = $1'];
    if (query.kind) {
      params.push(query.kind);
      where.push(`kind = $${params.length}`);
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      params.push(cursor.at, cursor.id);
      where.push(`(generated_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await sqlRows<
      Omit<ReportRow, 'data'> & { from: string; to: string; reviews: number | null; negative: number | null; negative_rate: number | null }
    >(
      this.dataSource,
      `SELECT id, kind, week, period_start, period_end, timezone, trigger, generated_at, generator_version,
         data->'period'->>'from' AS "from", data->'period'->>'to' AS "to",
         (data->'sections'->'summary'->'current'->>'reviews')::float8 AS reviews,
         (data->'sections'->'summary'->'current'->>'negative')::float8 AS negative,
         (data->'sections'->'summary'->'current'->>'negativeRate')::float8 AS negative_rate
       FROM reports WHERE ${where.join(' AND ')}
       ORDER BY generated_at DESC, id DESC
       LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit).map((row): ReportListEntry => ({
      id: row.id,
      kind: row.kind,
      week: row.week,
      from: row.from,
      to: row.to,
      periodStart: new Date(row.period_start),
      periodEnd: new Date(row.period_end),
      timezone: row.timezone,
      trigger: row.trigger,
      generatedAt: new Date(row.generated_at),
      generatorVersion: row.generator_version,
      reviews: row.reviews ?? 0,
      negative: row.negative ?? 0,
      negativeRate: row.negative_rate,
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? await cursorAfterRow(this.dataSource, 'reports', 'generated_at', last.id) : null };
  }

  async settings(shopId: string): Promise<{ settings: ReportSettings; defaults: ReportSettings; overrides: ReportSettingsOverrides }> {
    const shop = await this.shop(shopId);
    const settings = effectiveSettings(shop.reportSettings);
    const overrides = Object.fromEntries(
      Object.entries(shop.reportSettings ?? {}).filter(([key]) => key in DEFAULT_REPORT_SETTINGS),
    ) as ReportSettingsOverrides;
    return { settings, defaults: { ...DEFAULT_REPORT_SETTINGS }, overrides };
  }

  /** Changes some settings; null puts a setting back to its default. One statement: concurrent changes of different settings both stick. */
  async updateSettings(shopId: string, changes: Record<string, number | boolean | null | undefined>): Promise<ReturnType<ReportsService['settings']>> {
    const set: Record<string, number | boolean> = {};
    const unset: string[] = [];
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in DEFAULT_REPORT_SETTINGS) || value === undefined) continue;
      if (value === null) unset.push(key);
      else set[key] = value;
    }
    await this.shops.mergeReportSettings(shopId, set, unset);
    return this.settings(shopId);
  }

  /** A snapshot in a format and language (default: the shop's locale at generation). */
  render(snapshot: ReportSnapshot, format: Exclude<ReportFormat, 'json'>, lang: ReportLang | undefined): RenderedFile {
    const rendered = renderReport(snapshot.data, lang ?? snapshot.data.shop.locale);
    const name = `report-${snapshot.week ?? `${snapshot.data.period.from}_${snapshot.data.period.to}`}-${rendered.lang}`;
    switch (format) {
      case 'csv':
        return { contentType: 'text/csv; charset=utf-8', filename: `${name}.csv`, body: renderCsv(rendered), headers: {} };
      case 'md':
        return { contentType: 'text/markdown; charset=utf-8', filename: `${name}.md`, body: renderMarkdown(rendered), headers: {} };
      case 'html':
        return {
          contentType: 'text/html; charset=utf-8',
          filename: `${name}.html`,
          body: renderHtml(rendered),
          headers: { 'Content-Security-Policy': REPORT_CSP },
        };
    }
  }

  private async getOrGenerate(shop: Shop, period: ReportPeriod, options: GenerateOptions, now: Date): Promise<ReportSnapshot> {
    if (period.end.getTime() > now.getTime()) {
      // a period that has not ended changes by the minute: answered, never stored
      return this.dataSource.transaction(async (manager) => {
        const data = await buildReportData(manager, shop, period, now);
        return {
          id: null,
          kind: period.kind,
          week: period.week,
          periodStart: period.start,
          periodEnd: period.end,
          timezone: period.timezone,
          trigger: null,
          generatedAt: now,
          generatorVersion: REPORT_GENERATOR_VERSION,
          data,
        };
      });
    }
    const result = await this.dataSource.transaction(async (manager) => {
      // concurrent first requests for a period wait for one generation instead of storing two
      await this.lockPeriod(manager, shop.id, period);
      if (!options.regenerate) {
        const stored = await this.latestStored(manager, shop.id, period);
        if (stored) return { snapshot: stored, created: false };
      }
      return this.generateAndStore(manager, shop, period, options, now);
    });
    // after the commit: the delivery job must find the report and its event
    if (result.created) await this.events.announce(shop.id, result.snapshot.id as string);
    return result.snapshot;
  }

  /** Stores a new snapshot with its report.created event; `created` is false when a scheduled report of the week was there first. */
  private async generateAndStore(
    manager: EntityManager,
    shop: Shop,
    period: ReportPeriod,
    options: GenerateOptions,
    now: Date,
  ): Promise<{ snapshot: ReportSnapshot; created: boolean }> {
    const started = Date.now();
    const data = await buildReportData(manager, shop, period, now);
    const durationMs = Date.now() - started;
    const [row] = await sqlRows<ReportRow>(
      manager,
      `INSERT INTO reports (shop_id, kind, week, period_start, period_end, timezone, trigger, requested_by, generator_version, generated_at, duration_ms, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (shop_id, kind, period_start) WHERE "trigger" = 'scheduled' DO NOTHING
       RETURNING ${SNAPSHOT_COLUMNS}`,
      [
        shop.id,
        period.kind,
        period.week,
        period.start,
        period.end,
        period.timezone,
        options.trigger,
        options.requestedBy,
        REPORT_GENERATOR_VERSION,
        now,
        durationMs,
        JSON.stringify(data),
      ],
    );
    if (!row) {
      // another worker stored the scheduled report of this week first
      const stored = await this.latestStored(manager, shop.id, period);
      if (!stored) throw new Error('a scheduled report conflicted but none is stored');
      return { snapshot: stored, created: false };
    }
    await manager.query(`INSERT INTO report_events (shop_id, report_id, type, payload) VALUES ($1, $2, 'report.created', $3)`, [
      shop.id,
      row.id,
      JSON.stringify(reportCreatedPayload(row.id, data, options.trigger)),
    ]);
    this.logger.log({
      msg: 'report stored',
      shopId: shop.id,
      reportId: row.id,
      kind: period.kind,
      week: period.week,
      trigger: options.trigger,
      ms: durationMs,
    });
    return { snapshot: toSnapshot(row), created: true };
  }

  private async latestStored(manager: EntityManager, shopId: string, period: ReportPeriod): Promise<ReportSnapshot | null> {
    const [row] = await sqlRows<ReportRow>(
      manager,
      `SELECT ${SNAPSHOT_COLUMNS} FROM reports
       WHERE shop_id = $1 AND kind = $2 AND period_start = $3 AND period_end = $4
       ORDER BY generated_at DESC, id DESC LIMIT 1`,
      [shopId, period.kind, period.start, period.end],
    );
    return row ? toSnapshot(row) : null;
  }

  /** Serialises generation of one shop's period across processes until the transaction ends. */
  private async lockPeriod(manager: EntityManager, shopId: string, period: ReportPeriod): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `report:${shopId}:${period.kind}:${period.start.toISOString()}:${period.end.toISOString()}`,
    ]);
  }

  private async shop(shopId: string): Promise<Shop> {
    return this.shops.getShop(shopId);
  }
}

/**
 * What a `report.created` announcement carries (the `report` of the webhook body, stored in report_events with
 * the snapshot): ids, the period, headline counts and where to fetch each format. Counts only: no buyer, no
 * review text, no staff name.
 */
export function reportCreatedPayload(reportId: string, data: ReportData, trigger: ReportTrigger): Record<string, unknown> {
  const { summary, funnel, reviewerRisk, actions } = data.sections;
  const link = `/v1/reports/${reportId}`;
  return {
    id: reportId,
    kind: data.kind,
    week: data.period.week,
    from: data.period.from,
    to: data.period.to,
    periodStart: data.period.start,
    periodEnd: data.period.end,
    timezone: data.shop.timezone,
    locale: data.shop.locale,
    trigger,
    generatedAt: data.generatedAt,
    generatorVersion: data.generatorVersion,
    counts: {
      reviews: summary?.current.reviews ?? 0,
      negative: summary?.current.negative ?? 0,
      negativeRate: summary?.current.negativeRate ?? null,
      goodRate: summary?.current.goodRate ?? null,
      recovered: summary?.recovered ?? 0,
      casesOpened: funnel?.current.opened ?? 0,
      casesRevised: funnel?.current.revised ?? 0,
      revisionRate: funnel?.current.revisionRate ?? null,
      compensation: (funnel?.compensationTotals ?? []).map(({ currency, offers, amount }) => ({ currency, offers, amount })),
      reviewersFlagged: reviewerRisk?.flagged ?? 0,
      reviewersConfirmed: reviewerRisk?.confirmed ?? 0,
      reviewersDismissed: reviewerRisk?.dismissed ?? 0,
      actions: actions?.items.length ?? 0,
    },
    links: { json: link, csv: `${link}?format=csv`, md: `${link}?format=md`, html: `${link}?format=html` },
  };
}
