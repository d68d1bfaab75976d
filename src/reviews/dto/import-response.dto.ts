import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_FORMATS } from '../import/platform-formats';
import type { ImportFormatName } from '../import/platform-formats';

/** How an imported file was read: GBK files are read as GB18030, its superset. */
export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export class ImportSummary {
  @ApiProperty({ description: 'Data rows read; the header and blank rows are not counted' }) lines!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'Rows skipped because of the errors listed' }) rejected!: number;
}

export class ImportLineError {
  @ApiProperty({
    description: 'Physical line of the row in a CSV (the header is line 1), row number in an xlsx sheet, position (from 1) of the record in a JSON list',
    example: 7,
  })
  line!: number;
  @ApiProperty({ description: 'API field name', example: 'rating' }) field!: string;
  @ApiPropertyOptional({ description: 'The column (as written in the file) or the platform field the value came from', example: '评分' }) column?: string;
  @ApiProperty({ example: 'max' }) code!: string;
  @ApiProperty({ example: 'rating must not be greater than 5' }) message!: string;
}

export class ImportResponse {
  @ApiProperty({ type: ImportSummary }) summary!: ImportSummary;
  @ApiProperty({ enum: IMPORT_FORMATS, description: 'The shape the file was read as: the `format` asked for or the one detected (docs/platform-formats.md)' })
  format!: ImportFormatName;
  @ApiProperty({ type: [String], description: 'Headers that match no field; their cells were not read' }) ignoredColumns!: string[];
  @ApiProperty({ enum: CSV_ENCODINGS, description: 'How the file was decoded (declared or detected)' }) encoding!: CsvEncoding;
  @ApiProperty({ type: [ImportLineError], description: 'Problems of the rejected rows, at most 1,000' }) errors!: ImportLineError[];
  @ApiProperty({ description: 'true when there were more than 1,000 problems and the rest were left out' }) errorsTruncated!: boolean;
}
