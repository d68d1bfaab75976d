import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '../../common/validation/text.validators';
import type { ApiKey } from '../api-key.entity';
import { SHOP_LOCALES } from '../shop.entity';
import type { Shop, ShopLocale } from '../shop.entity';
import { IsOptionalNotNull } from '../../common/validation/presence.validators';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'erp-sync' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  name!: string;
}

export class ApiKeyResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'First characters of the key' }) prefix!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The staff member the key acts as; null for the shop's integration keys" })
  staffId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt!: string | null;

  static of(apiKey: ApiKey): ApiKeyResponse {
    return {
      id: apiKey.id,
      name: apiKey.name,
      prefix: apiKey.prefix,
      staffId: apiKey.staffId ?? null,
      createdAt: apiKey.createdAt.toISOString(),
      revokedAt: apiKey.revokedAt ? apiKey.revokedAt.toISOString() : null,
    };
  }
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key itself: shown this once, store it now' }) key!: string;
}

export class ShopResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ enum: SHOP_LOCALES, description: 'Language of reports' }) locale!: ShopLocale;
  @ApiProperty() createdAt!: string;

  static of(shop: Shop): ShopResponse {
    return { id: shop.id, name: shop.name, timezone: shop.timezone, locale: shop.locale, createdAt: shop.createdAt.toISOString() };
  }
}

export class UpdateShopDto {
  @ApiPropertyOptional({ enum: SHOP_LOCALES, description: 'Language of reports (zh or en)' })
  @IsOptionalNotNull()
  @IsIn(SHOP_LOCALES)
  locale?: ShopLocale;
}
