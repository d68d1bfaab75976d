import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { isTimeZone } from '../common/time/timestamps';
import { ApiKey } from './api-key.entity';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key';
import { Shop, SHOP_LOCALES, ShopLocale } from './shop.entity';

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
      await manager.save(manager.create(ApiKey, { shopId: shop.id, name: 'default', prefix, keyHash: hash, revokedAt: null }));
      return { shop, key };
    });
  }

  async updateShop(shopId: string, changes: { locale?: ShopLocale }): Promise<Shop> {
    if (changes.locale !== undefined) await this.shops.update({ id: shopId }, { locale: changes.locale });
    return this.getShop(shopId);
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
    if (!looksLikeApiKey(key)) return null;
    const found = await this.apiKeys.findOne({
      where: { keyHash: hashApiKey(key), revokedAt: IsNull() },
      relations: { shop: true },
    });
    if (!found?.shop) return null;
    return { shopId: found.shopId, apiKeyId: found.id, timezone: found.shop.timezone };
  }

  async createApiKey(shopId: string, name: string): Promise<CreatedApiKey> {
    const { key, prefix, hash } = generateApiKey();
    const apiKey = await this.apiKeys.save(this.apiKeys.create({ shopId, name: name.trim(), prefix, keyHash: hash, revokedAt: null }));
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
    }
    return apiKey;
  }
}
