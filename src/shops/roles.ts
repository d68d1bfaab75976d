import { SetMetadata } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import type { Actor } from './actor';

const LEAD_ONLY = 'rrs:lead-only';
export const LEAD_ONLY_KEY = LEAD_ONLY;

/** Marks a route only a lead (or the shop's integration key, which acts with lead authority) may call. */
export const LeadOnly = () => SetMetadata(LEAD_ONLY, true);

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
