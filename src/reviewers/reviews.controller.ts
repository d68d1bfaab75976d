import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import { CsvImportService, IMPORT_MEDIA_TYPES } from '../reviews/csv/csv-import.service';
import { ReviewBatchDto } from '../reviews/dto/batch.dto';
import { ImportResponse } from '../reviews/dto/import-response.dto';
import { ImportReviewsQuery } from '../reviews/dto/import-reviews.query';
import { ReviewInputDto } from '../reviews/dto/review-input.dto';
import { ReviewsService } from '../reviews/reviews.service';
import { ListReviewsQuery } from './dto/list-reviews.query';
import { BatchResponse, IngestResponse, ReviewDetailResponse, ReviewPageResponse, ReviewResponse, ReviewRevisionResponse } from './dto/review-response.dto';
import { ReviewReadsService } from './review-reads.service';

/**
 * The reviews API. It lives here, above reviews/, because a review is shown with its buyer's reviewer risk: the
 * reviews module stores and checks reviews, this controller assembles them with what reviewer risk knows.
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller({ path: 'reviews', version: '1' })
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly reads: ReviewReadsService,
    private readonly csvImport: CsvImportService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Store one review (idempotent on platform + externalId): 201 when created, 200 when updated or unchanged' })
  @ApiCreatedResponse({ type: IngestResponse, description: 'created' })
  @ApiOkResponse({ type: IngestResponse, description: 'updated or unchanged' })
  async create(@CurrentShop() shop: AuthenticatedShop, @Body() body: ReviewInputDto, @Res({ passthrough: true }) response: Response): Promise<IngestResponse> {
    const { result, id } = await this.reviews.ingestOne(shop, body);
    response.status(result === 'created' ? 201 : 200);
    return { result, review: ReviewResponse.of(await this.reads.get(shop.shopId, id)) };
  }

  @Post('batch')
  @HttpCode(200)
  @ApiOperation({ summary: 'Store up to 1,000 reviews; a result per item, valid items are kept when others are rejected' })
  @ApiOkResponse({ type: BatchResponse })
  async batch(@CurrentShop() shop: AuthenticatedShop, @Body() body: ReviewBatchDto): Promise<BatchResponse> {
    const results = await this.reviews.ingestBatch(shop, body.items);
    const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const item of results) summary[item.result]++;
    return { summary, results };
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: "Import a file of reviews: the generic CSV, or a platform's own export or API records (CSV, JSON or xlsx), in one transaction",
    description:
      'format names the shape (docs/platform-formats.md) or is detected from the header or the JSON records. Generic columns are the API ' +
      'field names or the Chinese export headers documented in docs/api/reviews.md. Each record is validated like POST /v1/reviews: bad ' +
      'records are reported by line and skipped, the others stored (idempotent as in the JSON API). A structurally broken file (quoting, ' +
      'column count, encoding, unreadable JSON or workbook, an empty sheet) or a missing required column stores nothing.',
  })
  @ApiConsumes(...IMPORT_MEDIA_TYPES)
  @ApiBody({
    description:
      'The file: the whole body (text/csv, application/json, the xlsx media type or application/octet-stream), or the field "file" of a ' +
      'multipart/form-data body. A JSON body is limited to BODY_LIMIT; a file up to CSV_MAX_BYTES goes as multipart or octet-stream.',
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: ImportResponse })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE: the file is larger than CSV_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_MEDIA_TYPE: neither text/csv nor multipart/form-data, or an unsupported charset' })
  @ApiUnprocessableEntityResponse({
    description:
      'CSV_MALFORMED (with the line), CSV_MISSING_COLUMNS (also for xlsx and platform exports), JSON_MALFORMED, XLSX_MALFORMED, IMPORT_EMPTY ' +
      '(no header row), IMPORT_FORMAT_UNKNOWN, IMPORT_FORMAT_MISMATCH; nothing was stored',
  })
  async importCsv(@CurrentShop() shop: AuthenticatedShop, @Req() request: Request, @Query() query: ImportReviewsQuery): Promise<ImportResponse> {
    return this.csvImport.importRequest(shop, request, query);
  }

  @Get()
  @ApiOperation({ summary: 'List reviews, newest first, with filters and cursor pagination' })
  @ApiOkResponse({ type: ReviewPageResponse })
  async list(@CurrentShop() shop: AuthenticatedShop, @Query() query: ListReviewsQuery): Promise<ReviewPageResponse> {
    const page = await this.reads.list(shop, query);
    return { items: page.items.map(ReviewResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One review with its earlier versions' })
  @ApiOkResponse({ type: ReviewDetailResponse })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ReviewDetailResponse> {
    const review = await this.reads.get(shop.shopId, id);
    const revisions = await this.reviews.revisionsOf(shop.shopId, id);
    return { ...ReviewResponse.of(review), revisions: revisions.map(ReviewRevisionResponse.of) };
  }
}
