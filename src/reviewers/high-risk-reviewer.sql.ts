/**
 * "High-risk reviewer", declared once for every module that reads reviewer_profiles: a possible professional
 * bad-reviewer flagged for a person or confirmed by one, or scored high and not dismissed by a person.
 * The recovery queue lists their cases apart, reply drafting offers them no compensation in public, and their
 * complaints do not make a quality problem widespread (drafting, remedies, the weekly report).
 */

/** whether the reviewer profile under alias `p` is high-risk (SQL condition) */
export const highRiskProfileSql = (p: string): string =>
  `(${p}.status IN ('flagged', 'confirmed') OR (${p}.risk_level = 'high' AND ${p}.status <> 'dismissed'))`;

/**
 * Whether the author of a review is a high-risk reviewer of the shop (SQL condition); the arguments are SQL
 * expressions for the review's shop id, platform and buyer id, qualified by the review's alias (an unqualified
 * `platform` would name the profile's own column). A review without a buyer id is not: nobody to flag.
 */
export const isHighRiskBuyerSql = (shopId: string, platform: string, buyerId: string): string =>
  `EXISTS (SELECT 1 FROM reviewer_profiles hr WHERE hr.shop_id = ${shopId} AND hr.platform = ${platform} AND hr.buyer_id = ${buyerId} AND ${highRiskProfileSql('hr')})`;
