import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { AUTO_DRAFT_MODES, DEFAULT_AUTO_DRAFT } from '../reply-settings.entity';
import type { AutoDraftMode } from '../reply-settings.entity';

export const MIN_REPLY_LENGTH = 100;
export const MAX_REPLY_LENGTH = 5_000;

/** PUT /v1/reply-settings: fields left out keep their value; `null` resets a field (and clears the webhook). */
export class UpdateReplySettingsDto {
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 500,
    minimum: MIN_REPLY_LENGTH,
    maximum: MAX_REPLY_LENGTH,
    description: "the platform's reply length limit in characters",
  })
  @IsOptional()
  @Min(MIN_REPLY_LENGTH)
  @Max(MAX_REPLY_LENGTH)
  @IsInt()
  maxLength?: number | null;

  @ApiPropertyOptional({
    enum: AUTO_DRAFT_MODES,
    nullable: true,
    default: DEFAULT_AUTO_DRAFT,
    description: 'which reviews are drafted by a job once they are analysed: off, negative (medium and bad), all (thank-yous too)',
  })
  @IsOptional()
  @IsIn(AUTO_DRAFT_MODES)
  autoDraft?: AutoDraftMode | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    default: false,
    description:
      'a public reply may name a gift or coupon; off by default (it invites copycat complaints and reads as buying the review: the remedy is arranged privately)',
  })
  @IsOptional()
  @IsBoolean()
  giftsInPublicReplies?: boolean | null;

  @ApiPropertyOptional({ type: String, format: 'uri', maxLength: 2000, example: 'https://adapter.example.com/hooks/replies', nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: '$property must be an http(s) URL' })
  @MaxLength(2000)
  @IsString()
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    minLength: 16,
    maxLength: 256,
    writeOnly: true,
    description: 'the shared secret deliveries are signed with (16-256 characters); write-only',
    nullable: true,
  })
  @IsOptional()
  @MaxLength(256)
  @MinLength(16)
  @NoControlCharacters()
  @IsString()
  webhookSecret?: string | null;
}

export class ReplySettingsResponse {
  @ApiProperty({ type: 'integer' }) maxLength!: number;
  @ApiProperty({ enum: AUTO_DRAFT_MODES }) autoDraft!: AutoDraftMode;
  @ApiProperty({ description: 'a public reply may name a gift or coupon' }) giftsInPublicReplies!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) webhookUrl!: string | null;
  @ApiProperty({ description: 'whether a shared secret is set; the secret itself is never returned' }) hasWebhookSecret!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}
