import type { Label } from '../common/labels';
import type { SubTag, Tag } from './taxonomy';

/** The names of the root-cause tags and sub-tags: the weekly report's and the console's. */
export const TAG_LABELS: Readonly<Record<Tag, Label>> = {
  quality: { zh: '质量问题', en: 'Quality' },
  logistics: { zh: '物流问题', en: 'Logistics' },
  service: { zh: '服务问题', en: 'Service' },
  price: { zh: '价格问题', en: 'Price' },
  other: { zh: '其他', en: 'Other' },
};

export const SUB_TAG_LABELS: Readonly<Record<SubTag, Label>> = {
  defect_broken: { zh: '瑕疵/破损', en: 'defect or broken' },
  not_as_described: { zh: '与描述不符', en: 'not as described' },
  colour_difference: { zh: '色差', en: 'colour difference' },
  size_fit: { zh: '尺码不符', en: 'wrong size or fit' },
  fake_or_expired: { zh: '假货/过期', en: 'fake or expired' },
  poor_effect: { zh: '效果差/功能异常', en: 'poor effect or not working' },
  smell: { zh: '异味', en: 'smell' },
  skin_reaction: { zh: '过敏/皮肤不适', en: 'skin reaction' },
  packaging: { zh: '商品包装问题', en: 'product packaging' },
  slow_delivery: { zh: '发货慢/物流慢', en: 'slow delivery' },
  damaged_parcel: { zh: '包裹破损', en: 'damaged parcel' },
  lost_or_missing: { zh: '丢件/漏发', en: 'lost or missing item' },
  wrong_item: { zh: '错发', en: 'wrong item' },
  tracking: { zh: '物流信息不更新', en: 'tracking not updated' },
  courier_attitude: { zh: '快递员态度差', en: 'courier attitude' },
  shipping_fee: { zh: '运费问题', en: 'shipping fee' },
  attitude: { zh: '态度差', en: 'attitude' },
  slow_response: { zh: '回复慢', en: 'slow replies' },
  return_refund_hassle: { zh: '退换货麻烦', en: 'return or refund hassle' },
  unresolved: { zh: '问题未解决', en: 'problem not solved' },
  warranty_repair: { zh: '保修/维修', en: 'warranty or repair' },
  price_drop: { zh: '买后降价', en: 'price dropped after purchase' },
  promotion: { zh: '优惠未生效', en: 'promotion not applied' },
  overpriced: { zh: '价格偏高', en: 'overpriced' },
};
