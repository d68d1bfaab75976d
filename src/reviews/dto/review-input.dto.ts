import { REVIEW_TEXT_MAX } from '../review-fields';
import { PLATFORMS } from '../review.types';
import type { Platform } from '../review.types';
import { ReviewInputField } from './review-input-field.decorator';

/**
 * A review as a shop backend or another service sends it; each field is checked as REVIEW_FIELDS declares it.
 * One problem is reported per field, the most basic one (toFieldProblems): "rating must be an integer" rather
 * than "rating must not be greater than 5".
 */
export class ReviewInputDto {
  @ReviewInputField({ enum: PLATFORMS, example: 'taobao' })
  platform!: Platform;

  @ReviewInputField({ description: 'The review id on the platform; with platform, the idempotency key', example: 'TB-1029384756' })
  externalId!: string;

  @ReviewInputField({ example: '6523109' })
  productId?: string;

  @ReviewInputField({ example: '6523109-black-L' })
  sku?: string;

  @ReviewInputField({ example: '纯棉短袖T恤' })
  productName?: string;

  @ReviewInputField({ example: '318812223344556' })
  orderId?: string;

  @ReviewInputField({ description: 'Stable buyer id on the platform', example: 'b-77120' })
  buyerId?: string;

  @ReviewInputField({ description: 'Display name (personal data: never logged)', example: 't***8' })
  buyerNick?: string;

  @ReviewInputField({ minimum: 1, maximum: 5, description: '1-2 bad, 3 medium, 4-5 good' })
  rating!: number;

  @ReviewInputField({ maxLength: REVIEW_TEXT_MAX, example: '物流太慢了，等了一个星期' })
  content?: string;

  @ReviewInputField({ type: [String], description: 'Photo URLs (at most 50)' })
  images?: string[];

  @ReviewInputField({ description: 'Number of photos when the URLs are not sent' })
  imageCount?: number;

  @ReviewInputField({ description: 'The review has a video' })
  hasVideo?: boolean;

  @ReviewInputField({ example: 89.9 })
  orderAmount?: number;

  @ReviewInputField({ description: 'ISO 4217; defaults to CNY on taobao, tmall, jd and pdd', example: 'CNY' })
  currency?: string;

  @ReviewInputField({ example: '2026-11-01T09:12:00+08:00' })
  orderedAt?: string;

  @ReviewInputField()
  shippedAt?: string;

  @ReviewInputField()
  deliveredAt?: string;

  @ReviewInputField({ description: 'Without an offset, read in the shop time zone', example: '2026-11-05 20:31:00' })
  reviewedAt!: string;

  @ReviewInputField({ example: '中通快递' })
  carrier?: string;

  @ReviewInputField({ description: 'The customer-service agent who served the buyer', example: '小美' })
  serviceAgent?: string;

  @ReviewInputField({ description: 'Follow-up review text (追评)' })
  followUpContent?: string;

  @ReviewInputField()
  followUpAt?: string;

  @ReviewInputField({ minimum: 1, maximum: 5, description: "The platform's product-quality score (1-5)" })
  qualityScore?: number;

  @ReviewInputField({ minimum: 1, maximum: 5, description: "The platform's logistics score (1-5); 2 or less is evidence for the logistics cause" })
  logisticsScore?: number;

  @ReviewInputField({ minimum: 1, maximum: 5, description: "The platform's seller-service score (1-5)" })
  serviceScore?: number;

  @ReviewInputField({ minimum: 1, maximum: 5, description: "The platform's as-described score (1-5)" })
  descriptionScore?: number;

  @ReviewInputField({ description: "The seller's public reply already posted on the platform" })
  sellerReply?: string;

  @ReviewInputField({ description: "When the seller's reply was posted" })
  sellerReplyAt?: string;

  @ReviewInputField({ description: 'Posted anonymously' })
  anonymous?: boolean;

  @ReviewInputField({ description: 'Written by the platform when the buyer did not review in time (默认好评)' })
  autoReview?: boolean;

  @ReviewInputField({ description: 'The platform judged the review or its buyer fraudulent (a reviewer-risk signal)' })
  platformCheat?: boolean;

  @ReviewInputField({ description: 'The buyer has a complaint open with the platform (a reviewer-risk signal)' })
  platformComplaint?: boolean;

  @ReviewInputField({ minimum: 0, maximum: 100, description: 'Number of videos' })
  videoCount?: number;

  @ReviewInputField({
    description: "The platform says the seller already replied (Douyin 商家是否回复, Kuaishou replied), with or without the reply's text",
  })
  sellerReplied?: boolean;
}
