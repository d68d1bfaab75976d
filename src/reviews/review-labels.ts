import type { Label } from '../common/labels';
import type { Platform } from './review.types';

/** The platforms' names: the console's, and what a CSV export may write in the platform column. */
export const PLATFORM_LABELS: Readonly<Record<Platform, Label>> = {
  taobao: { zh: '淘宝', en: 'Taobao' },
  tmall: { zh: '天猫', en: 'Tmall' },
  jd: { zh: '京东', en: 'JD' },
  pdd: { zh: '拼多多', en: 'Pinduoduo' },
  kuaishou: { zh: '快手', en: 'Kuaishou' },
  douyin: { zh: '抖音', en: 'Douyin' },
  shopify: { zh: 'Shopify', en: 'Shopify' },
  other: { zh: '其他', en: 'Other' },
};
