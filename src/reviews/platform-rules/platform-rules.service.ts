import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PLATFORMS } from '../review.types';
import type { Platform } from '../review.types';
import { PlatformRuleOverrideRow } from './platform-rule-override.entity';
import { EffectivePlatformRules, effectiveRules, PLATFORM_RULE_NAMES, PlatformRules } from './platform-rules';
import type { PlatformRulesOverrideDto } from './platform-rules.dto';

export type ShopPlatformRules = Readonly<Record<Platform, EffectivePlatformRules>>;

/** The platform rules a shop works by: the shipped table, with the shop's overrides over it. */
@Injectable()
export class PlatformRulesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every platform's rules for the shop; `manager` inside a transaction. */
  async forShop(shopId: string, manager: EntityManager = this.dataSource.manager): Promise<ShopPlatformRules> {
    const rows = await manager.findBy(PlatformRuleOverrideRow, { shopId });
    const byPlatform = new Map(rows.map((row) => [row.platform, row]));
    return Object.fromEntries(PLATFORMS.map((platform) => [platform, effectiveRules(platform, byPlatform.get(platform))])) as Record<
      Platform,
      EffectivePlatformRules
    >;
  }

  async forPlatform(shopId: string, platform: Platform, manager: EntityManager = this.dataSource.manager): Promise<EffectivePlatformRules> {
    return effectiveRules(platform, await manager.findOneBy(PlatformRuleOverrideRow, { shopId, platform }));
  }

  /** Sets the shop's values for the rules the body names (merged with an earlier override); the source is replaced. */
  async override(shopId: string, platform: Platform, dto: PlatformRulesOverrideDto, actor: string): Promise<EffectivePlatformRules> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(PlatformRuleOverrideRow, { where: { shopId, platform }, lock: { mode: 'pessimistic_write' } });
      const rules: Partial<PlatformRules> = { ...(current?.rules ?? {}) };
      for (const name of PLATFORM_RULE_NAMES) {
        if (dto[name] !== undefined) (rules as Record<string, unknown>)[name] = dto[name];
      }
      await manager.upsert(PlatformRuleOverrideRow, { shopId, platform, rules, source: dto.source.trim(), updatedBy: actor }, ['shopId', 'platform']);
      return this.forPlatform(shopId, platform, manager);
    });
  }

  /** Back to the shipped rules for the platform. */
  async clear(shopId: string, platform: Platform): Promise<EffectivePlatformRules> {
    await this.dataSource.manager.delete(PlatformRuleOverrideRow, { shopId, platform });
    return effectiveRules(platform, null);
  }
}
