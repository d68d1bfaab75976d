import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ENCODING_NAMES } from '../csv/csv-import.service';
import { PLATFORMS } from '../review.types';
import type { Platform } from '../review.types';

export class ImportReviewsQuery {
  @ApiPropertyOptional({ enum: PLATFORMS, description: 'Platform of rows without one (the file has no platform column)' })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({
    enum: [...ENCODING_NAMES.keys()],
    description: 'Overrides the Content-Type charset; without either the encoding is detected (UTF-8, else GB18030)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsIn([...ENCODING_NAMES.keys()])
  encoding?: string;
}
