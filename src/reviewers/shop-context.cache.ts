import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RiskConfig } from './risk-config';
import { productAggregates, recentNegativeTexts } from './reviewer-risk.queries';
import type { ShopRiskContext } from './reviewer-risk.types';
import { contextFromProductStats } from './shop-risk-context';
import { TextTemplateIndex } from './text-template-index';

/**
 * What scoring needs about the whole shop: per-product statistics (SQL aggregates over every review of the
 * shop) and a template index over its recent medium/bad texts. Both cost a pass over the shop's reviews, so
 * they are kept per shop in this process. The statistics are rebuilt when they may have drifted: after
 * CONTEXT_TTL_MS, or once this process has analysed a fifth more reviews than they were built from (at least
 * CONTEXT_MIN_CHANGE). The texts of the buyers being scored are added to the index as they come, so a template
 * posted by several buyers within minutes is seen at once; the index itself is rebuilt after CONTEXT_TTL_MS (to
 * take in other worker processes' texts and drop old ones) or when it outgrew its bound.
 */
export const CONTEXT_TTL_MS = 5 * 60_000;
/** the statistics are rebuilt after max(CONTEXT_MIN_CHANGE, CONTEXT_CHANGE_SHARE x reviews) analysed reviews */
export const CONTEXT_MIN_CHANGE = 1_000;
export const CONTEXT_CHANGE_SHARE = 0.2;
/** medium/bad texts of the last TEMPLATE_WINDOW_DAYS, the latest TEMPLATE_TEXTS of them */
export const TEMPLATE_WINDOW_DAYS = 90;
export const TEMPLATE_TEXTS = 5_000;
/** shops kept, least recently used dropped: about 6 MB per shop at TEMPLATE_TEXTS texts */
export const CACHED_SHOPS = 16;

export interface ContextEntry {
  /** the settings the entry was built with */
  configKey: string;
  /** when the statistics were built */
  builtAt: number;
  /** when the template index was built */
  templatesBuiltAt: number;
  /** reviews of the shop when built */
  reviewCount: number;
  /** reviews analysed by this process since */
  analysedSince: number;
  context: ShopRiskContext;
  templates: TextTemplateIndex;
  /** reviews already in the index */
  indexed: Set<string>;
}

/** The settings a context depends on: another negative threshold or template setting needs another context. */
export function contextConfigKey(config: RiskConfig): string {
  const t = config.signals.template_text;
  return `${config.negativeRatingMax}/${t.similarity}/${t.minLength}`;
}

/** Whether the product statistics must be rebuilt before use. */
export function statisticsStale(entry: ContextEntry, configKey: string, now: number): boolean {
  if (entry.configKey !== configKey || now - entry.builtAt > CONTEXT_TTL_MS) return true;
  return entry.analysedSince > Math.max(CONTEXT_MIN_CHANGE, CONTEXT_CHANGE_SHARE * entry.reviewCount);
}

/** Whether the template index must be rebuilt before use. */
export function templatesStale(entry: ContextEntry, configKey: string, now: number): boolean {
  if (entry.configKey !== configKey || now - entry.templatesBuiltAt > CONTEXT_TTL_MS) return true;
  // texts added since the build: keep the index within twice its bound
  return entry.templates.size > 2 * TEMPLATE_TEXTS;
}

@Injectable()
export class ShopContextCache {
  // Map iteration order is insertion order: re-inserting on use makes the first key the least recently used
  private readonly entries = new Map<string, ContextEntry>();

  async get(manager: EntityManager, shopId: string, config: RiskConfig, now = Date.now()): Promise<ContextEntry> {
    const configKey = contextConfigKey(config);
    let entry = this.entries.get(shopId);
    const rebuildTemplates = !entry || templatesStale(entry, configKey, now);
    if (!entry || rebuildTemplates || statisticsStale(entry, configKey, now)) {
      entry = await this.build(manager, shopId, config, configKey, now, rebuildTemplates || !entry ? null : entry);
    }
    this.entries.delete(shopId);
    this.entries.set(shopId, entry);
    while (this.entries.size > CACHED_SHOPS) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  /** Adds medium/bad texts to a shop's index, each review once. */
  addTexts(entry: ContextEntry, texts: Iterable<{ reviewId: string; owner: string; text: string | null | undefined }>): void {
    for (const { reviewId, owner, text } of texts) {
      if (!text || entry.indexed.has(reviewId)) continue;
      entry.indexed.add(reviewId);
      entry.templates.add(reviewId, owner, text);
    }
  }

  noteAnalysed(shopId: string, reviews: number): void {
    const entry = this.entries.get(shopId);
    if (entry) entry.analysedSince += reviews;
  }

  invalidate(shopId: string): void {
    this.entries.delete(shopId);
  }

  /** New statistics; the template index of `keep` when it is still good, else a new one. */
  private async build(
    manager: EntityManager,
    shopId: string,
    config: RiskConfig,
    configKey: string,
    now: number,
    keep: ContextEntry | null,
  ): Promise<ContextEntry> {
    const { products, shop } = await productAggregates(manager, shopId, config.negativeRatingMax);
    const templates =
      keep?.templates ?? new TextTemplateIndex({ similarity: config.signals.template_text.similarity, minLength: config.signals.template_text.minLength });
    const entry: ContextEntry = {
      configKey,
      builtAt: now,
      templatesBuiltAt: keep ? keep.templatesBuiltAt : now,
      reviewCount: shop.reviewCount,
      analysedSince: 0,
      context: contextFromProductStats(products, shop, templates),
      templates,
      indexed: keep?.indexed ?? new Set(),
    };
    if (!keep) this.addTexts(entry, await recentNegativeTexts(manager, shopId, config.negativeRatingMax, TEMPLATE_WINDOW_DAYS, TEMPLATE_TEXTS));
    return entry;
  }
}
