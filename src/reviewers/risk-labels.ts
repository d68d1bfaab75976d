import type { ContactCueKind, DemandCueKind } from './review-text-cues';
import type { ContactOutcomeKind, DecisionAction, Explanation, RiskLevel, SignalCode, WatchStatus } from './reviewer-risk.types';

/** Names people read (evidence packs, the console, the signal table of docs/api/reviewers.md), in both languages. */

export const SIGNAL_TITLES: Record<SignalCode, Explanation> = {
  bad_review_burst: { zh: '短期内多条中差评', en: 'Many medium/bad reviews in a short time' },
  cross_shop_bad_reviews: { zh: '在其他店铺的中差评', en: 'Medium/bad reviews in other shops' },
  bad_review_share: { zh: '中差评占比异常', en: 'Unusual share of medium/bad reviews' },
  rating_below_product: { zh: '评分远低于商品通常评分', en: "Ratings far below the product's usual rating" },
  targets_best_sellers: { zh: '集中针对畅销商品', en: 'Targets best-selling products' },
  early_negative_review: { zh: '商品上架初期的中差评', en: "Medium/bad review early in a product's life" },
  daily_review_burst: { zh: '一天内多条评价', en: 'Many reviews within a day' },
  quality_complaint_without_photo: { zh: '质量投诉未附图片或视频', en: 'Quality complaint without a photo or video' },
  platform_fraud_flag: { zh: '平台判定作弊', en: 'The platform judged it fraudulent' },
  platform_complaint: { zh: '买家向平台投诉', en: 'Complaint open with the platform' },
  off_platform_contact: { zh: '评价中留有站外联系方式', en: 'Off-platform contact details in the review' },
  compensation_demand: { zh: '索要赔偿或以差评要挟', en: 'Compensation demand or threat' },
  review_before_delivery: { zh: '签收前给出质量评价', en: 'Quality verdict before delivery' },
  review_soon_after_delivery: { zh: '签收后立即给出质量评价', en: 'Quality verdict right after delivery' },
  template_text: { zh: '模板化文字', en: 'Template text' },
  contact_no_answer: { zh: '联系未接听', en: 'Did not answer contacts' },
  contact_refused_photos: { zh: '拒绝提供问题照片', en: 'Refused to send photos' },
  contact_excess_demand: { zh: '沟通中索要过高赔偿', en: 'Demanded excess compensation when contacted' },
  established_buyer: { zh: '长期正常购物记录（减分）', en: 'Established buyer (lowers the score)' },
  photo_evidence: { zh: '附有图片或视频（减分）', en: 'Photo or video evidence (lowers the score)' },
  contact_cooperative: { zh: '配合售后处理（减分）', en: 'Worked with after-sales (lowers the score)' },
};

export const OUTCOME_LABELS: Record<ContactOutcomeKind, Explanation> = {
  no_answer: { zh: '未接听/未回复', en: 'no answer' },
  refused_photos: { zh: '拒绝提供照片', en: 'refused to send photos' },
  demanded_excess_compensation: { zh: '索要过高赔偿', en: 'demanded excess compensation' },
  cooperative: { zh: '配合处理', en: 'cooperative' },
};

export const ACTION_LABELS: Record<DecisionAction, Explanation> = {
  confirm: { zh: '确认为职业差评师', en: 'confirmed as a professional bad-reviewer' },
  dismiss: { zh: '驳回标记', en: 'dismissed the flag' },
  reopen: { zh: '撤销上一决定', en: 'undid the previous decision' },
};

export const STATUS_LABELS: Record<WatchStatus, Explanation> = {
  none: { zh: '无标记', en: 'not flagged' },
  flagged: { zh: '待人工确认', en: 'flagged, waiting for a person' },
  confirmed: { zh: '已确认（观察名单）', en: 'confirmed (watchlist)' },
  dismissed: { zh: '已驳回', en: 'dismissed' },
};

export const LEVEL_LABELS: Record<RiskLevel, Explanation> = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
};

export const CONTACT_CUE_LABELS: Record<ContactCueKind, Explanation> = {
  mobile_phone: { zh: '手机号', en: 'mobile number' },
  landline_phone: { zh: '座机号', en: 'landline number' },
  international_phone: { zh: '国际电话号码', en: 'international phone number' },
  wechat_id: { zh: '微信号', en: 'WeChat id' },
  qq_number: { zh: 'QQ号', en: 'QQ number' },
  email: { zh: '邮箱', en: 'email address' },
  messenger_id: { zh: '即时通讯账号', en: 'messenger id' },
  invitation: { zh: '站外联系邀约', en: 'invitation to talk off the platform' },
};

export const DEMAND_CUE_LABELS: Record<DemandCueKind, Explanation> = {
  threat_for_money: { zh: '以差评要挟索要钱款', en: 'threatens a bad review unless paid' },
  amount: { zh: '索要金额', en: 'amount demanded' },
  multiple_compensation: { zh: '倍数赔偿要求', en: 'multiple of the price demanded' },
  emotional_damages: { zh: '精神损失费', en: 'emotional damages' },
};
