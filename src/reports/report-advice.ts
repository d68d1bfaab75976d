import type { Bilingual } from './report-text';

/**
 * What each department does about a sub-cause (domain brief sections 2, 3 and 6). Keyed by sub-tag; `null`
 * is the advice when the reviews name the cause but no sub-cause.
 */
type AdviceTable = Record<string, Bilingual> & { null: Bilingual };

export const QUALITY_ADVICE: AdviceTable = {
  defect_broken: { zh: '抽检库存批次，向供应商反馈并要求整改', en: 'inspect the stock lot and raise it with the supplier' },
  not_as_described: { zh: '核对详情页描述、参数与实物，修正不符之处', en: 'check the listing text and specs against the goods and correct them' },
  colour_difference: { zh: '核对商品图片与实物颜色，检查供应商批次', en: 'check the product photos against the goods and the supplier lot' },
  size_fit: { zh: '复核尺码表与实物尺寸，在详情页补充尺码建议', en: 'check the size chart against the goods and add fit advice to the listing' },
  fake_or_expired: { zh: '核查进货渠道、批次和保质期，下架可疑批次', en: 'check sourcing, lot numbers and expiry dates; pull doubtful lots' },
  poor_effect: { zh: '实测功能与效果，核对详情页宣传是否夸大', en: 'test the product and check that the listing does not overclaim' },
  smell: { zh: '检查材料与存放环境，出库前通风处理', en: 'check materials and storage; air the goods before dispatch' },
  skin_reaction: { zh: '立即核查成分与质检报告，考虑暂停销售', en: 'check ingredients and test reports now; consider pausing sales' },
  packaging: { zh: '改进商品包装，入库时检查包装状态', en: 'improve the product packaging and check it at goods-in' },
  null: { zh: '抽检库存批次，向供应商了解问题', en: 'inspect the stock lot and ask the supplier' },
};

export const LOGISTICS_ADVICE: AdviceTable = {
  slow_delivery: {
    zh: '核对发货时效与快递揽收、在途时长，必要时更换线路',
    en: "check dispatch times and the courier's pick-up and transit times; change routes if needed",
  },
  damaged_parcel: { zh: '加固包装（缓冲材料、纸箱强度），向快递索赔', en: 'reinforce packing (padding, carton strength) and claim damages from the courier' },
  lost_or_missing: { zh: '核对打包清单与包裹重量，向快递查件索赔', en: 'check packing lists and parcel weights; trace and claim lost parcels' },
  wrong_item: { zh: '检查仓库拣货与复核流程', en: 'check picking and the packing double-check at the warehouse' },
  tracking: { zh: '确认运单号及时上传，跟进快递扫描', en: 'make sure tracking numbers are uploaded on time and parcels are scanned' },
  courier_attitude: { zh: '向快递网点投诉并要求整改', en: "complain to the courier's local branch" },
  shipping_fee: { zh: '检查运费模板与偏远地区设置', en: 'check the shipping fee templates and remote-area settings' },
  null: { zh: '与快递公司复盘本期投诉', en: "go through this period's complaints with the carrier" },
};

export const SERVICE_ADVICE: AdviceTable = {
  attitude: { zh: '抽查聊天记录，主管跟进并辅导', en: 'review the chats; a supervisor follows up and coaches' },
  slow_response: { zh: '检查首次响应时间和高峰时段排班', en: 'check first-response times and staffing at peak hours' },
  return_refund_hassle: { zh: '简化退换货流程，提供上门取件或运费险', en: 'simplify returns and refunds (pick-up, return shipping cover)' },
  unresolved: { zh: '逐条跟进未解决的问题直至关闭', en: 'follow up each unsolved problem until it is closed' },
  warranty_repair: { zh: '梳理保修与维修流程，明确时限', en: 'review the warranty and repair process and its time limits' },
  null: { zh: '抽查聊天记录，找出共性问题', en: 'review the chats for a common problem' },
};

export const PRICE_ADVICE: AdviceTable = {
  price_drop: {
    zh: '为近期买家提供价保（小额退差价），调价前评估影响',
    en: 'offer price protection (refund small differences) to recent buyers and weigh it before cutting prices',
  },
  promotion: { zh: '检查优惠券和活动规则在下单时是否生效', en: 'check that coupons and promotions apply at checkout' },
  overpriced: { zh: '在详情页说明价值与卖点，对比同类商品定价', en: 'explain the value in the listing and compare prices of similar items' },
  null: { zh: '复核定价与活动规则', en: 'review pricing and promotion rules' },
};

export function adviceFor(table: AdviceTable, subTag: string | null): Bilingual {
  return (subTag !== null ? table[subTag] : undefined) ?? table.null;
}
