import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-error';
import { sqlRows } from '../database/sql';
import type { Actor } from '../shops/actor';
import { actorLabel } from '../shops/actor';
import { AlertSettings, DEFAULT_ALERT_SETTINGS } from './alert-detector';
import { AlertSettingsOverride, resolveAlertSettings } from './alert-settings';

export interface ShopAlertSettings {
  settings: AlertSettings;
  override: AlertSettingsOverride;
  updatedBy: string | null;
  updatedAt: Date | null;
}

const CACHE_MS = 5_000;

/** A shop's early-warning settings: the defaults (DEFAULT_ALERT_SETTINGS) with the shop's override merged in. */
@Injectable()
export class AlertSettingsService {
  private readonly logger = new Logger(AlertSettingsService.name);
  private readonly cache = new Map<string, { at: number; value: Promise<ShopAlertSettings> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** For the detector, run after every analysis batch: at most CACHE_MS old; a change made in this process is seen at once. */
  cached(shopId: string, now = Date.now()): Promise<ShopAlertSettings> {
    const entry = this.cache.get(shopId);
    if (entry && now - entry.at < CACHE_MS) return entry.value;
    const value = this.load(shopId);
    this.cache.set(shopId, { at: now, value });
    value.catch(() => this.cache.delete(shopId));
    return value;
  }

  async load(shopId: string): Promise<ShopAlertSettings> {
    const [row] = await sqlRows<{ override: Record<string, unknown>; updated_by: string | null; updated_at: Date }>(
      this.dataSource,
      `SELECT override, updated_by, updated_at FROM alert_settings WHERE shop_id = $1`,
      [shopId],
    );
    if (!row) return { settings: DEFAULT_ALERT_SETTINGS, override: {}, updatedBy: null, updatedAt: null };
    const resolved = resolveAlertSettings(row.override);
    if (!resolved.ok) {
      // only possible if a later release tightened the limits: detect with the defaults rather than not at all
      this.logger.warn({ msg: 'stored alert settings are no longer valid; using the defaults', shopId, fields: resolved.problems.map((p) => p.field) });
      return { settings: DEFAULT_ALERT_SETTINGS, override: {}, updatedBy: row.updated_by, updatedAt: row.updated_at };
    }
    return { settings: resolved.settings, override: resolved.override, updatedBy: row.updated_by, updatedAt: row.updated_at };
  }

  /** Replaces the shop's override (PUT): what is not given returns to its default. */
  async replace(shopId: string, override: Record<string, unknown>, actor: Actor): Promise<ShopAlertSettings> {
    const resolved = resolveAlertSettings(override);
    if (!resolved.ok) throw new ValidationFailed(resolved.problems);
    await this.dataSource.query(
      `INSERT INTO alert_settings (shop_id, override, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (shop_id) DO UPDATE SET override = EXCLUDED.override, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [shopId, JSON.stringify(resolved.override), actorLabel(actor)],
    );
    this.cache.delete(shopId);
    return this.load(shopId);
  }
}
