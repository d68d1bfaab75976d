import type { Actor } from './actor';
import type { AuthenticatedShop } from './shops.service';

export interface KeyIdentity {
  shop: AuthenticatedShop;
  actor: Actor;
}

interface Entry {
  identity: KeyIdentity;
  expiresAt: number;
}

/**
 * Who an API key is, remembered for a few seconds so a busy client does not cost a database round trip on
 * every request. Only valid keys are remembered (a new key works at once). A revocation or deactivation made
 * by this process forgets the shop's keys at once; one made by another process is seen within the TTL.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(keyHash: string): KeyIdentity | undefined {
    if (this.ttlMs <= 0) return undefined;
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.identity;
  }

  set(keyHash: string, identity: KeyIdentity): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(keyHash);
    // a Map iterates in insertion order: the first key is the oldest
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(keyHash, { identity, expiresAt: this.clock() + this.ttlMs });
  }

  /** Forgets every key of a shop: after a key is revoked or a staff member deactivated. */
  forgetShop(shopId: string): void {
    for (const [hash, entry] of this.entries) if (entry.identity.shop.shopId === shopId) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }
}
