import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { Unauthorized } from '../common/errors/domain-error';
import { AuthenticatedShop, ShopsService } from './shops.service';

const PUBLIC = 'rrs:public';

/** Marks a route that needs no API key (health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

export type ShopRequest = Request & { shop?: AuthenticatedShop };

/** Every route needs `Authorization: Bearer <key>` unless marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly shops: ShopsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<ShopRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new Unauthorized();
    const shop = await this.shops.authenticate(match[1]);
    if (!shop) throw new Unauthorized('The API key is not valid or has been revoked');
    request.shop = shop;
    return true;
  }
}

/** The shop of the API key that made the request. */
export const CurrentShop = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedShop => {
  const shop = context.switchToHttp().getRequest<ShopRequest>().shop;
  if (!shop) throw new Unauthorized();
  return shop;
});
