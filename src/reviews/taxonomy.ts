/**
 * Root-cause tags of medium/bad reviews (中差评分类标签体系) and their sub-tags.
 * `other` is given when a review names no cause at all ("差评", an empty text).
 */
export const CAUSE_TAGS = ['quality', 'logistics', 'service', 'price'] as const;
export type CauseTag = (typeof CAUSE_TAGS)[number];

export const TAGS = [...CAUSE_TAGS, 'other'] as const;
export type Tag = (typeof TAGS)[number];

export const SUB_TAGS_BY_TAG = {
  quality: ['defect_broken', 'not_as_described', 'colour_difference', 'size_fit', 'fake_or_expired', 'poor_effect', 'smell', 'skin_reaction', 'packaging'],
  logistics: ['slow_delivery', 'damaged_parcel', 'lost_or_missing', 'wrong_item', 'tracking', 'courier_attitude', 'shipping_fee'],
  service: ['attitude', 'slow_response', 'return_refund_hassle', 'unresolved', 'warranty_repair'],
  price: ['price_drop', 'promotion', 'overpriced'],
} as const satisfies Record<CauseTag, readonly string[]>;

export type SubTagOf<T extends CauseTag> = (typeof SUB_TAGS_BY_TAG)[T][number];
export type SubTag = SubTagOf<CauseTag>;

export const SUB_TAGS: readonly SubTag[] = CAUSE_TAGS.flatMap((tag) => SUB_TAGS_BY_TAG[tag]);

const PARENT = new Map<string, CauseTag>(CAUSE_TAGS.flatMap((tag) => SUB_TAGS_BY_TAG[tag].map((sub) => [sub, tag] as const)));

export function parentTag(subTag: SubTag): CauseTag {
  const tag = PARENT.get(subTag);
  if (!tag) throw new Error(`unknown sub-tag ${subTag}`);
  return tag;
}

export function isTag(value: string): value is Tag {
  return (TAGS as readonly string[]).includes(value);
}

export function isCauseTag(value: string): value is CauseTag {
  return (CAUSE_TAGS as readonly string[]).includes(value);
}

export function isSubTag(value: string): value is SubTag {
  return PARENT.has(value);
}
