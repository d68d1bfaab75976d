import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { FieldProblem, ValidationFailed } from '../common/errors/domain-error';
import { RemedyPolicyResponse, UpdateRemedyPolicyDto } from './dto/remedy-policy.dto';
import { DEFAULT_REMEDY_POLICY, RemedyPolicy } from './remedy-policy';
import { RemedyPolicyRow } from './remedy-policy.entity';
import { findBlame, findPersonalData } from './reply-rules';

const FIELDS = Object.keys(DEFAULT_REMEDY_POLICY) as (keyof RemedyPolicy)[];

/** A shop's remedy policy: stored as the values the shop changed, read with the defaults for the rest. */
@Injectable()
export class RemedyPolicyService {
  constructor(@InjectRepository(RemedyPolicyRow) private readonly policies: Repository<RemedyPolicyRow>) {}

  async effective(shopId: string, manager: EntityManager = this.policies.manager): Promise<RemedyPolicy> {
    const row = await manager.findOneBy(RemedyPolicyRow, { shopId });
    return withDefaults(row?.policy ?? {});
  }

  async get(shopId: string): Promise<RemedyPolicyResponse> {
    const row = await this.policies.findOneBy({ shopId });
    return toResponse(row);
  }

  async update(shopId: string, dto: UpdateRemedyPolicyDto, actor: string): Promise<RemedyPolicyResponse> {
    return this.policies.manager.transaction(async (manager) => {
      const row = await manager.findOneBy(RemedyPolicyRow, { shopId });
      const stored: Partial<RemedyPolicy> = { ...(row?.policy ?? {}) };
      for (const field of FIELDS) {
        const value = (dto as Record<string, unknown>)[field];
        if (value === undefined) continue;
        if (value === null) delete stored[field];
        else (stored as Record<string, unknown>)[field] = value;
      }
      if (stored.couponTiers)
        stored.couponTiers = [...stored.couponTiers]
          .map((t) => ({ minOrderAmount: t.minOrderAmount, amount: t.amount }))
          .sort((a, b) => a.minOrderAmount - b.minOrderAmount);
      const problems = check(stored);
      if (problems.length) throw new ValidationFailed(problems);
      await manager.upsert(RemedyPolicyRow, { shopId, policy: stored, updatedBy: actor }, ['shopId']);
      return toResponse(await manager.findOneBy(RemedyPolicyRow, { shopId }));
    });
  }
}

export function withDefaults(stored: Partial<RemedyPolicy>): RemedyPolicy {
  const policy = { ...DEFAULT_REMEDY_POLICY, couponTiers: [...DEFAULT_REMEDY_POLICY.couponTiers] };
  for (const field of FIELDS) if (stored[field] !== undefined) (policy as Record<string, unknown>)[field] = stored[field];
  return policy;
}

/** What class-validator cannot see: rules across fields, and gift names that end up in public replies. */
function check(policy: Partial<RemedyPolicy>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const tiers = policy.couponTiers ?? [];
  if (new Set(tiers.map((t) => t.minOrderAmount)).size !== tiers.length) {
    problems.push({ field: 'couponTiers', code: 'uniqueMinOrderAmount', message: 'couponTiers must not repeat a minOrderAmount' });
  }
  for (const field of ['giftNameZh', 'giftNameEn'] as const) {
    const name = policy[field];
    if (!name) continue;
    if (/[{}[\]]/.test(name)) problems.push({ field, code: 'noPlaceholders', message: `${field} must not contain { } [ ]` });
    else if (findPersonalData(name)) problems.push({ field, code: 'personalData', message: `${field} must not contain personal data` });
    else if (findBlame(name)) problems.push({ field, code: 'blamesBuyer', message: `${field} must not blame the buyer` });
  }
  return problems;
}

function toResponse(row: RemedyPolicyRow | null): RemedyPolicyResponse {
  const stored = row?.policy ?? {};
  return {
    ...withDefaults(stored),
    defaults: FIELDS.filter((field) => stored[field] === undefined),
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt ? row.updatedAt.toISOString() : null,
  };
}
