import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { DomainError } from '../common/errors/domain-error';
import type { Actor } from './actor';

const LEAD_ONLY = 'rrs:lead-only';
// @nestjs/swagger's metadata key of a route's documented responses (DECORATORS.API_RESPONSE, not exported)
const API_RESPONSES = 'swagger/apiResponse';
export const LEAD_ONLY_KEY = LEAD_ONLY;

/** Marks a route only a lead (or the shop's integration key, which acts with lead authority) may call; documents its 403. */
export const LeadOnly = () =>
  applyDecorators(SetMetadata(LEAD_ONLY, true), (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    // a route that documents its own 403 (applied before this decorator) keeps its wording
    const responses = Reflect.getMetadata(API_RESPONSES, descriptor ? (descriptor.value as object) : target) as Record<string, unknown> | undefined;
    if (responses?.['403']) return;
    ApiForbiddenResponse({ description: "ROLE_FORBIDDEN: an agent's key; only a lead or the integration key may" })(
      target,
      key as string | symbol,
      descriptor as PropertyDescriptor,
    );
  });

export class RoleForbidden extends DomainError {
  constructor(what: string) {
    super('ROLE_FORBIDDEN', 403, `Only a lead or the shop's integration key may ${what}`);
  }
}

/** true for a lead and for the integration key */
export function hasLeadAuthority(actor: Actor): boolean {
  return actor.role === 'lead' || actor.role === 'integration';
}

export function requireLead(actor: Actor, what: string): void {
  if (!hasLeadAuthority(actor)) throw new RoleForbidden(what);
}
