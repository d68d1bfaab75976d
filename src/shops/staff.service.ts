import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { DomainError, NotFound } from '../common/errors/domain-error';
import { ApiKey } from './api-key.entity';
import { ApiKeyCache } from './api-key-cache';
import { generateApiKey } from './api-key';
import { StaffMember, StaffRole } from './staff-member.entity';

export class StaffDeactivated extends DomainError {
  constructor(id: string) {
    super('STAFF_DEACTIVATED', 409, `staff member ${id} is deactivated`);
  }
}

/** Staff members of a shop and their API keys. */
@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    private readonly keyCache: ApiKeyCache,
  ) {}

  async create(shopId: string, name: string, role: StaffRole): Promise<StaffMember> {
    return this.staff.save(this.staff.create({ shopId, name: name.trim(), role, deactivatedAt: null }));
  }

  async list(shopId: string): Promise<StaffMember[]> {
    return this.staff.find({ where: { shopId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(shopId: string, id: string): Promise<StaffMember> {
    const member = await this.staff.findOneBy({ id, shopId });
    if (!member) throw new NotFound('staff', id);
    return member;
  }

  /** An active member of the shop, e.g. someone a case can be assigned to. */
  async getActive(shopId: string, id: string): Promise<StaffMember> {
    const member = await this.get(shopId, id);
    if (member.deactivatedAt) throw new StaffDeactivated(id);
    return member;
  }

  /** Issues a key that acts as the staff member; the key is returned once and never stored. */
  async createKey(shopId: string, staffId: string, name = 'staff'): Promise<{ apiKey: ApiKey; key: string }> {
    await this.getActive(shopId, staffId);
    const { key, prefix, hash } = generateApiKey();
    const apiKey = await this.staff.manager.save(
      this.staff.manager.create(ApiKey, { shopId, staffId, name: name.trim(), prefix, keyHash: hash, revokedAt: null }),
    );
    return { apiKey, key };
  }

  /** Deactivates the member and revokes their keys: from now on their requests answer 401. Idempotent. */
  async deactivate(shopId: string, id: string): Promise<StaffMember> {
    const deactivated = await this.staff.manager.transaction(async (manager) => {
      const member = await manager.findOne(StaffMember, { where: { id, shopId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new NotFound('staff', id);
      if (!member.deactivatedAt) {
        member.deactivatedAt = new Date();
        await manager.save(member);
        await manager.update(ApiKey, { shopId, staffId: id, revokedAt: IsNull() }, { revokedAt: member.deactivatedAt });
      }
      return member;
    });
    this.keyCache.forgetShop(shopId);
    return deactivated;
  }
}
