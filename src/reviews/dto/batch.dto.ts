import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { ReviewInputDto } from './review-input.dto';

export const BATCH_MAX = 1_000;

/**
 * Items are validated one by one by the service, not by the global pipe, so that one bad item
 * is reported and rejected while the valid ones are stored.
 */
export class ReviewBatchDto {
  @ApiProperty({ type: [ReviewInputDto], maxItems: BATCH_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BATCH_MAX)
  items!: unknown[];
}
