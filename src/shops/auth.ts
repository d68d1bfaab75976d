import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { Unauthorized } from '../common/errors/domain-error';
import { PUBLIC_ROUTE } from '../common/http/public.decorator';
import type { ActorRequest } from './actor';
import { LEAD_ONLY_KEY, RoleForbidden, hasLeadAuthority } from './roles';
import { AuthenticatedShop, ShopsService } from './shops.service';

export type ShopRequest = Request & { shop?: AuthenticatedShop };

/**
 * Every route needs `Authorization: Bearer <key>` unless marked @Public(). The key identifies the shop
 * and the actor: the staff member of a staff key, or the shop's integration. Routes marked @LeadOnly()
 * refuse agents with 403.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly shops: ShopsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<ActorRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new Unauthorized();
    const found = await this.shops.authenticateActor(match[1]);
    if (!found) throw new Unauthorized('The API key is not valid or has been revoked');
    request.shop = found.shop;
    request.actor = found.actor;
    if (this.reflector.getAllAndOverride<boolean>(LEAD_ONLY_KEY, [context.getHandler(), context.getClass()]) && !hasLeadAuthority(found.actor)) {
      throw new RoleForbidden(`${request.method} ${request.route ? String((request.route as { path?: unknown }).path) : request.path}`);
    }
    return true;
  }
}

/** The shop of the API key that made the request. */
export const CurrentShop = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedShop => {
  const shop = context.switchToHttp().getRequest<ShopRequest>().shop;
  if (!shop) throw new Unauthorized();
  return shop;
});
