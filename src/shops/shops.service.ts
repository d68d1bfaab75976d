import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { preparedRows } from '../database/prepared-query';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { isTimeZone } from '../common/time/timestamps';
import { ApiKey } from './api-key.entity';
import { ApiKeyCache } from './api-key-cache';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key';
import type { KeyIdentity } from './api-key-cache';
import { Shop, SHOP_LOCALES, ShopLocale } from './shop.entity';
import type { StaffRole } from './staff-member.entity';

export interface AuthenticatedShop {
  shopId: string;
  apiKeyId: string;
  timezone: string;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** the secret; never stored, never shown again */
  key: string;
}

@Injectable()
export class ShopsService {
  constructor(
    @InjectRepository(Shop) private readonly shops: Repository<Shop>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly keyCache: ApiKeyCache,
  ) {}

  async createShop(name: string, timezone = 'Asia/Shanghai', locale: ShopLocale = 'zh'): Promise<{ shop: Shop; key: string }> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) {
      throw new ValidationFailed([{ field: 'name', code: 'length', message: 'name must be 1 to 200 characters' }]);
    }
    if (!isTimeZone(timezone)) {
      throw new ValidationFailed([{ field: 'timezone', code: 'isTimeZone', message: 'timezone must be an IANA time zone such as Asia/Shanghai' }]);
    }
    if (!(SHOP_LOCALES as readonly string[]).includes(locale)) {
      throw new ValidationFailed([{ field: 'locale', code: 'isIn', message: `locale must be one of ${SHOP_LOCALES.join(', ')}` }]);
    }
    return this.shops.manager.transaction(async (manager) => {
      const shop = await manager.save(manager.create(Shop, { name: trimmed, timezone, locale }));
      const { key, prefix, hash } = generateApiKey();
      await manager.save(manager.create(ApiKey, { shopId: shop.id, name: 'default', prefix, keyHash: hash, revokedAt: null, staffId: null }));
      return { shop, key };
    });
  }

  async updateShop(shopId: string, changes: { locale?: ShopLocale }): Promise<Shop> {
    if (changes.locale !== undefined) await this.shops.update({ id: shopId }, { locale: changes.locale });
    return this.getShop(shopId);
  }

  /**
   * Changes some of the shop's stored report settings (reports/ checks their names and values) and removes others, in
   * one statement: concurrent changes of different settings both stick. Throws NotFound for an unknown shop.
   */
  async mergeReportSettings(shopId: string, set: Record<string, number | boolean>, unset: string[]): Promise<void> {
    const updated = await this.shops.query(`UPDATE shops SET report_settings = (report_settings - $3::text[]) || $2::jsonb WHERE id = $1 RETURNING id`, [
      shopId,
      JSON.stringify(set),
      unset,
    ]);
    // UPDATE ... RETURNING answers [rows, count]
    if (!updated[1]) throw new NotFound('shop', shopId);
  }

  async countShops(): Promise<number> {
    return this.shops.count();
  }

  async getShop(shopId: string): Promise<Shop> {
    const shop = await this.shops.findOneBy({ id: shopId });
    if (!shop) throw new NotFound('shop', shopId);
    return shop;
  }

  async authenticate(key: string): Promise<AuthenticatedShop | null> {
    return (await this.authenticateActor(key))?.shop ?? null;
  }

  /**
   * The shop and the actor of a key: a staff key acts as its staff member (refused once the member is
   * deactivated), the shop's own keys act as the integration. One indexed query, remembered for a few seconds
   * (ApiKeyCache): it runs on every request.
   */
  async authenticateActor(key: string): Promise<KeyIdentity | null> {
    if (!looksLikeApiKey(key)) return null;
    const keyHash = hashApiKey(key);
    const known = this.keyCache.get(keyHash);
    if (known) return known;
    const identity = await this.lookUpKey(keyHash);
    if (identity) this.keyCache.set(keyHash, identity);
    return identity;
  }

  private async lookUpKey(keyHash: string): Promise<KeyIdentity | null> {
    const rows = await preparedRows<{
      id: string;
      shop_id: string;
      timezone: string;
      staff_id: string | null;
      staff_name: string | null;
      staff_role: StaffRole | null;
      deactivated_at: Date | null;
    }>(
      this.apiKeys.manager.connection,
      'authenticate-api-key',
      `SELECT k.id, k.shop_id, s.timezone, k.staff_id, m.name AS staff_name, m.role AS staff_role, m.deactivated_at
       FROM api_keys k
       JOIN shops s ON s.id = k.shop_id
       LEFT JOIN staff_members m ON m.id = k.staff_id AND m.shop_id = k.shop_id
       WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    const found = rows[0];
    if (!found) return null;
    const shop = { shopId: found.shop_id, apiKeyId: found.id, timezone: found.timezone };
    if (found.staff_id === null) return { shop, actor: { staffId: null, name: `api:${found.id}`, role: 'integration' } };
    if (found.staff_role === null || found.staff_name === null || found.deactivated_at !== null) return null;
    return { shop, actor: { staffId: found.staff_id, name: found.staff_name, role: found.staff_role } };
  }

  async createApiKey(shopId: string, name: string, staffId: string | null = null): Promise<CreatedApiKey> {
    const { key, prefix, hash } = generateApiKey();
    const apiKey = await this.apiKeys.save(this.apiKeys.create({ shopId, name: name.trim(), prefix, keyHash: hash, revokedAt: null, staffId }));
    return { apiKey, key };
  }

  async listApiKeys(shopId: string): Promise<ApiKey[]> {
    return this.apiKeys.find({ where: { shopId }, order: { createdAt: 'ASC' } });
  }

  async revokeApiKey(shopId: string, keyId: string): Promise<ApiKey> {
    const apiKey = await this.apiKeys.findOneBy({ id: keyId, shopId });
    if (!apiKey) throw new NotFound('api_key', keyId);
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await this.apiKeys.save(apiKey);
      this.keyCache.forgetShop(shopId);
    }
    return apiKey;
  }
}
