import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '../actor';
import type { Shop } from '../shop.entity';
import { ShopResponse } from './api-key.dto';

/** Who a key acts as: what a client (the staff console) needs to decide what to show. */
export class MeResponse {
  @ApiPropertyOptional({ type: String, nullable: true, description: "the staff member; null for the shop's integration keys" }) staffId!: string | null;
  @ApiProperty({ description: "the staff member's name, or api:<key id> for the integration" }) name!: string;
  @ApiProperty({ enum: ['lead', 'agent', 'integration'], description: 'the integration acts with a lead’s authority' }) role!: Actor['role'];
  @ApiProperty({ description: 'what audit fields record for this key: staff:<id> or api:<key id>' }) actor!: string;
  @ApiProperty({ description: 'may assign cases, override the contact policy, dismiss cases and change settings' }) leadAuthority!: boolean;
  @ApiProperty({ type: ShopResponse }) shop!: ShopResponse;

  static of(actor: Actor, label: string, leadAuthority: boolean, shop: Shop): MeResponse {
    return { staffId: actor.staffId, name: actor.name, role: actor.role, actor: label, leadAuthority, shop: ShopResponse.of(shop) };
  }
}
