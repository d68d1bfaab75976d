import { TtlMap } from '../common/cache/ttl-map';
import type { Actor } from './actor';
import type { AuthenticatedShop } from './shops.service';

export interface KeyIdentity {
  shop: AuthenticatedShop;
  actor: Actor;
}

/**
 * Who an API key is, remembered for a few seconds so a busy client does not cost a database round trip on
 * every request. Only valid keys are remembered (a new key works at once). A revocation or deactivation made
 * by this process forgets the shop's keys at once; one made by another process is seen within the TTL.
 */
export class ApiKeyCache {
  private readonly entries: TtlMap<string, KeyIdentity>;

  constructor(ttlMs: number, maxEntries = 10_000, clock: () => number = Date.now) {
    this.entries = new TtlMap(ttlMs, maxEntries, clock);
  }

  get(keyHash: string): KeyIdentity | undefined {
    return this.entries.get(keyHash);
  }

  set(keyHash: string, identity: KeyIdentity): void {
    this.entries.set(keyHash, identity);
  }

  /** Forgets every key of a shop: after a key is revoked or a staff member deactivated. */
  forgetShop(shopId: string): void {
    this.entries.deleteWhere((identity) => identity.shop.shopId === shopId);
  }

  get size(): number {
    return this.entries.size;
  }
}
