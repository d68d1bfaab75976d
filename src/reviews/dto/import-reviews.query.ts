import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ENCODING_NAMES } from '../csv/csv-import.service';
import { IMPORT_FORMATS } from '../import/platform-formats';
import { PLATFORMS } from '../review.types';
import type { Platform } from '../review.types';

export class ImportReviewsQuery {
  @ApiPropertyOptional({
    enum: ['auto', ...IMPORT_FORMATS],
    description: 'The shape of the file (docs/platform-formats.md); auto (the default) detects it from the CSV or sheet header or the JSON records',
  })
  @IsOptional()
  @IsIn(['auto', ...IMPORT_FORMATS])
  format?: string;

  @ApiPropertyOptional({
    enum: PLATFORMS,
    description:
      "Platform of rows without one (generic files without a platform column); for platform formats, overrides the format's platform (taobao-traderate records of a Tmall shop: tmall)",
  })
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
