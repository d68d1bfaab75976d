import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-error';
import type { Actor } from '../shops/actor';
import { actorLabel } from '../shops/actor';
import { Shop } from '../shops/shop.entity';
import { ContactPolicy } from './contact-policy';
import { parseClock } from '../common/time/local-time';
import { DEFAULT_RECOVERY_SETTINGS, RecoverySettings } from './recovery-settings.entity';
import { urgencySql, WORKING_SQL } from './recovery-sql';

export interface EffectiveSettings {
  timezone: string;
  revisionWindowDays: number;
  firstContactSlaHours: number;
  maxContactsPerDay: number;
  maxContactsTotal: number;
  quietHoursStart: string;
  quietHoursEnd: string;
  highValueOrderAmount: number;
  bestSellerReviews30d: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type SettingsChange = Partial<Omit<EffectiveSettings, 'timezone' | 'updatedBy' | 'updatedAt'>>;

export function contactPolicyOf(settings: EffectiveSettings): ContactPolicy {
  return {
    maxContactsPerDay: settings.maxContactsPerDay,
    maxContactsTotal: settings.maxContactsTotal,
    quietHoursStart: settings.quietHoursStart,
    quietHoursEnd: settings.quietHoursEnd,
    timezone: settings.timezone,
  };
}

/** A shop's recovery settings: the revision window, the first-contact SLA, the contact policy and queue thresholds. */
const CACHE_MS = 5_000;

@Injectable()
export class RecoverySettingsService {
  private readonly cache = new Map<string, { at: number; value: Promise<EffectiveSettings> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** For hot reads (the queue): at most CACHE_MS old; a change made in this process is seen at once. */
  async cached(shopId: string, now = Date.now()): Promise<EffectiveSettings> {
    const entry = this.cache.get(shopId);
    if (entry && now - entry.at < CACHE_MS) return entry.value;
    const value = this.get(shopId);
    this.cache.set(shopId, { at: now, value });
    value.catch(() => this.cache.delete(shopId));
    return value;
  }

  async get(shopId: string, manager: EntityManager = this.dataSource.manager): Promise<EffectiveSettings> {
    const shop = await manager.findOneByOrFail(Shop, { id: shopId });
    const row = await manager.findOneBy(RecoverySettings, { shopId });
    return {
      timezone: shop.timezone,
      revisionWindowDays: row?.revisionWindowDays ?? DEFAULT_RECOVERY_SETTINGS.revisionWindowDays,
      firstContactSlaHours: row?.firstContactSlaHours ?? DEFAULT_RECOVERY_SETTINGS.firstContactSlaHours,
      maxContactsPerDay: row?.maxContactsPerDay ?? DEFAULT_RECOVERY_SETTINGS.maxContactsPerDay,
      maxContactsTotal: row?.maxContactsTotal ?? DEFAULT_RECOVERY_SETTINGS.maxContactsTotal,
      quietHoursStart: row?.quietHoursStart ?? DEFAULT_RECOVERY_SETTINGS.quietHoursStart,
      quietHoursEnd: row?.quietHoursEnd ?? DEFAULT_RECOVERY_SETTINGS.quietHoursEnd,
      highValueOrderAmount: row ? Number(row.highValueOrderAmount) : DEFAULT_RECOVERY_SETTINGS.highValueOrderAmount,
      bestSellerReviews30d: row?.bestSellerReviews30d ?? DEFAULT_RECOVERY_SETTINGS.bestSellerReviews30d,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /**
   * Saves a change. A new revision window applies to the cases opened after it: an open case keeps the deadline
   * computed when it opened, so lowering the window never closes open work at the next sweep (and raising it
   * could not reopen what it closed). A new SLA moves the first-contact due time of the cases not contacted yet.
   */
  async update(shopId: string, change: SettingsChange, actor: Actor): Promise<EffectiveSettings> {
    for (const field of ['quietHoursStart', 'quietHoursEnd'] as const) {
      const value = change[field];
      if (value !== undefined && parseClock(value) === null) {
        throw new ValidationFailed([{ field, code: 'isClock', message: `${field} must be a time HH:MM (00:00-23:59)` }]);
      }
    }
    this.cache.delete(shopId);
    return this.dataSource
      .transaction(async (manager) => {
        const current = await this.get(shopId, manager);
        // a DTO carries absent fields as undefined: they keep the current value
        const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
        const next: EffectiveSettings = { ...current, ...defined };
        await manager.upsert(
          RecoverySettings,
          {
            shopId,
            revisionWindowDays: next.revisionWindowDays,
            firstContactSlaHours: next.firstContactSlaHours,
            maxContactsPerDay: next.maxContactsPerDay,
            maxContactsTotal: next.maxContactsTotal,
            quietHoursStart: next.quietHoursStart,
            quietHoursEnd: next.quietHoursEnd,
            highValueOrderAmount: next.highValueOrderAmount.toFixed(2),
            bestSellerReviews30d: next.bestSellerReviews30d,
            updatedBy: actorLabel(actor),
          },
          ['shopId'],
        );
        if (next.firstContactSlaHours !== current.firstContactSlaHours) {
          await manager.query(
            `UPDATE recovery_cases c SET first_contact_due_at = c.opened_at + make_interval(hours => $2), updated_at = now()
           WHERE c.shop_id = $1 AND c.status IN ${WORKING_SQL} AND c.first_contacted_at IS NULL`,
            [shopId, next.firstContactSlaHours],
          );
          await manager.query(
            `UPDATE recovery_cases c SET queue_urgency = ${urgencySql('c', '$2', 'now()')}
           WHERE c.shop_id = $1 AND c.status IN ${WORKING_SQL} AND c.queue_urgency IS DISTINCT FROM (${urgencySql('c', '$2', 'now()')})`,
            [shopId, current.timezone],
          );
        }
        return this.get(shopId, manager);
      })
      .finally(() => this.cache.delete(shopId));
  }
}
