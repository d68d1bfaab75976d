import type { Label } from '../common/labels';
import type { AlertCause, SubjectType } from './alert-detector';

/** The names of early warning's subject types and causes: the console's and the weekly report's. */
export const SUBJECT_TYPE_LABELS: Readonly<Record<SubjectType, Label>> = {
  sku: { zh: '商品', en: 'SKU' },
  carrier: { zh: '快递公司', en: 'Carrier' },
  agent: { zh: '客服', en: 'Service agent' },
  shop: { zh: '全店', en: 'Whole shop' },
};

export const ALERT_CAUSE_LABELS: Readonly<Record<AlertCause, Label>> = {
  any: { zh: '中差评', en: 'Medium/bad reviews' },
  quality: { zh: '质量问题', en: 'Quality' },
  logistics: { zh: '物流问题', en: 'Logistics' },
  service: { zh: '服务问题', en: 'Service' },
  price: { zh: '价格问题', en: 'Price' },
};
