import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Unauthorized } from '../common/errors/domain-error';
import type { ShopRequest } from './auth';

/**
 * Who did something, as recorded in audit fields (corrected by, confirmed by, approved by...).
 * A request made with the shop's own key is the shop's integration acting with the shop's authority.
 */
export interface Actor {
  /** the staff member, when the request identifies one */
  staffId: string | null;
  /** what audit logs show: the staff member's name, or `api:<key id>` for the integration */
  name: string;
  role: 'lead' | 'agent' | 'integration';
}

export type ActorRequest = ShopRequest & { actor?: Actor };

/** The actor of the request: set by the auth guard; the integration when no staff member is identified. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<ActorRequest>();
  if (request.actor) return request.actor;
  if (!request.shop) throw new Unauthorized();
  return { staffId: null, name: `api:${request.shop.apiKeyId}`, role: 'integration' };
});

/** The string an audit column stores for an actor. */
export function actorLabel(actor: Actor): string {
  return actor.staffId ? `staff:${actor.staffId}` : actor.name;
}
