import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-error';
import { sqlRows } from '../database/sql';
import { JobQueue } from '../jobs/job-queue';
import type { Actor } from '../shops/actor';
import { actorLabel } from '../shops/actor';
import { DEFAULT_FLAG_LEVEL, FlagLevel } from './reviewer-risk-settings.entity';
import { DEFAULT_RISK_CONFIG, resolveRiskConfig, RiskConfig, RiskConfigOverride } from './risk-config';

/** A shop's settings as scoring uses them. */
export interface ShopRiskSettings {
  flagLevel: FlagLevel;
  override: RiskConfigOverride;
  /** the defaults with the override merged in */
  config: RiskConfig;
  version: number;
  rescoredVersion: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

interface SettingsRow {
  flag_level: FlagLevel;
  override: RiskConfigOverride;
  version: number;
  rescored_version: number;
  updated_by: string | null;
  updated_at: Date;
}

/**
 * Per-shop weights and thresholds. A change bumps the settings' version and enqueues a `rescore-reviewers`
 * job that scores every reviewer of the shop again; until it has run, profiles keep the scores of the
 * earlier settings (the settings show `rescoring: true`). A lost job is found again by the sweeper from
 * `version > rescored_version`.
 */
@Injectable()
export class ReviewerSettingsService {
  private readonly logger = new Logger(ReviewerSettingsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async load(db: EntityManager | DataSource, shopId: string): Promise<ShopRiskSettings> {
    const [row] = await sqlRows<SettingsRow>(
      db,
      `SELECT flag_level, override, version, rescored_version, updated_by, updated_at FROM reviewer_risk_settings WHERE shop_id = $1`,
      [shopId],
    );
    if (!row) {
      return { flagLevel: DEFAULT_FLAG_LEVEL, override: {}, config: DEFAULT_RISK_CONFIG, version: 0, rescoredVersion: 0, updatedBy: null, updatedAt: null };
    }
    const resolved = resolveRiskConfig(row.override);
    if (!resolved.ok) {
      // only possible if a later release tightened the limits: score with the defaults rather than not at all
      this.logger.warn({ msg: 'stored reviewer-risk override is no longer valid; using the defaults', shopId, fields: resolved.problems.map((p) => p.field) });
    }
    return {
      flagLevel: row.flag_level,
      override: row.override,
      config: resolved.ok ? resolved.config : DEFAULT_RISK_CONFIG,
      version: row.version,
      rescoredVersion: row.rescored_version,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  /** Replaces the shop's settings (PUT): what is not given returns to its default. Rescoring follows in a job. */
  async replace(shopId: string, input: { flagLevel?: FlagLevel; override?: Record<string, unknown> }, actor: Actor): Promise<ShopRiskSettings> {
    const override = input.override ?? {};
    const resolved = resolveRiskConfig(override);
    if (!resolved.ok) {
      throw new ValidationFailed(
        resolved.problems.map((problem) => ({
          ...problem,
          field: problem.field ? `override.${problem.field}` : 'override',
          message: problem.field ? problem.message.replace(problem.field, `override.${problem.field}`) : problem.message,
        })),
      );
    }
    const [row] = await sqlRows<{ version: number }>(
      this.dataSource,
      `INSERT INTO reviewer_risk_settings AS s (shop_id, flag_level, override, version, rescored_version, rescore_enqueued_at, updated_by, updated_at)
       VALUES ($1, $2, $3::jsonb, 1, 0, now(), $4, now())
       ON CONFLICT (shop_id) DO UPDATE SET flag_level = EXCLUDED.flag_level, override = EXCLUDED.override, version = s.version + 1,
         rescore_enqueued_at = now(), updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING version`,
      [shopId, input.flagLevel ?? DEFAULT_FLAG_LEVEL, JSON.stringify(override), actorLabel(actor)],
    );
    await this.enqueueRescoring([shopId]);
    this.logger.log({ msg: 'reviewer-risk settings changed; rescoring enqueued', shopId, version: row.version });
    return this.load(this.dataSource.manager, shopId);
  }

  async enqueueRescoring(shopIds: string[]): Promise<void> {
    await this.jobs.add(
      'rescore-reviewers',
      shopIds.map((shopId) => ({ shopId })),
    );
  }

  /** Marks a rescoring done for `version` (a newer change keeps its own job pending). */
  async markRescored(shopId: string, version: number): Promise<void> {
    await this.dataSource.query(`UPDATE reviewer_risk_settings SET rescored_version = $2 WHERE shop_id = $1 AND rescored_version < $2`, [shopId, version]);
  }

  /** Shops whose rescoring is pending and was enqueued longer than `overdueMs` ago, stamped as enqueued now. */
  async claimOverdueRescoring(overdueMs: number): Promise<string[]> {
    const rows = await sqlRows<{ shop_id: string }>(
      this.dataSource,
      `UPDATE reviewer_risk_settings SET rescore_enqueued_at = now()
       WHERE shop_id IN (
         SELECT shop_id FROM reviewer_risk_settings
         WHERE rescored_version < version AND (rescore_enqueued_at IS NULL OR rescore_enqueued_at < now() - make_interval(secs => $1::double precision / 1000))
         LIMIT 100
         FOR UPDATE SKIP LOCKED)
       RETURNING shop_id`,
      [overdueMs],
    );
    return rows.map((row) => row.shop_id);
  }
}
