import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ShopRequest } from './auth';

/** Rate limits per API key (per client address for public routes). Runs after ApiKeyGuard. */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const shopRequest = request as unknown as ShopRequest;
    return shopRequest.shop ? `key:${shopRequest.shop.apiKeyId}` : `ip:${shopRequest.ip ?? 'unknown'}`;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ShopRequest>();
    return request.path === '/health' || (await super.shouldSkip(context));
  }
}
