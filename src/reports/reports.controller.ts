import { Body, Controller, Get, Param, Patch, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ValidationFailed } from '../common/errors/domain-error';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { Actor, actorLabel, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import {
  ReportFormatQuery,
  ReportPageResponse,
  ReportResponse,
  ReportSettingsResponse,
  ReportsQuery,
  UpdateReportSettingsDto,
  WeeklyReportQuery,
} from './dto/report-query.dto';
import { ReportListEntry, ReportsService, ReportSnapshot } from './reports.service';
import { LeadOnly } from '../shops/roles';

const PRODUCES = ['application/json', 'text/csv', 'text/markdown', 'text/html'];

function toResponse(snapshot: ReportSnapshot): ReportResponse {
  return {
    id: snapshot.id,
    kind: snapshot.kind,
    week: snapshot.week,
    from: snapshot.data.period.from,
    to: snapshot.data.period.to,
    periodStart: snapshot.periodStart.toISOString(),
    periodEnd: snapshot.periodEnd.toISOString(),
    timezone: snapshot.timezone,
    trigger: snapshot.trigger,
    generatedAt: snapshot.generatedAt.toISOString(),
    generatorVersion: snapshot.generatorVersion,
    stored: snapshot.id !== null,
    data: snapshot.data as unknown as Record<string, unknown>,
  };
}

function toListItem(entry: ReportListEntry) {
  return { ...entry, periodStart: entry.periodStart.toISOString(), periodEnd: entry.periodEnd.toISOString(), generatedAt: entry.generatedAt.toISOString() };
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller({ path: 'reports', version: '1' })
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('weekly')
  @ApiOperation({
    summary: "The weekly root-cause report of an ISO week in the shop's time zone",
    description:
      'Returns the stored snapshot of the week, generating and storing it first when there is none (regenerate=true stores a new one). ' +
      'A week that has not ended is generated for the request and not stored. format=csv|md|html renders the snapshot; lang overrides the shop locale.',
  })
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ type: ReportResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field week (isIsoWeek, notStarted), format, lang or regenerate' })
  async weekly(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Query() query: WeeklyReportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportResponse | string> {
    const snapshot = await this.reports.weekly(shop.shopId, query.week, { regenerate: query.regenerate ?? false, requestedBy: actorLabel(actor) });
    return this.respond(snapshot, query, response);
  }

  @Get()
  @ApiOperation({
    summary: 'With from and to: the report of those local days (generated if missing). Without: the stored reports, newest first',
  })
  @ApiProduces(...PRODUCES)
  @ApiExtraModels(ReportResponse, ReportPageResponse)
  @ApiOkResponse({
    description: 'With from and to: a ReportResponse (or the rendered file when format is csv, md or html). Without: a ReportPageResponse',
    schema: { oneOf: [{ $ref: getSchemaPath(ReportResponse) }, { $ref: getSchemaPath(ReportPageResponse) }] },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field from, to (isLocalDate, dateOrder, maxRange), format or regenerate' })
  async rangeOrList(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Query() query: ReportsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportResponse | ReportPageResponse | string> {
    if (query.from !== undefined || query.to !== undefined) {
      if (query.from === undefined || query.to === undefined) {
        const field = query.from === undefined ? 'from' : 'to';
        throw new ValidationFailed([{ field, code: 'isDefined', message: `${field} is required with ${field === 'from' ? 'to' : 'from'}` }]);
      }
      for (const field of ['kind', 'limit', 'cursor'] as const) {
        if (query[field] !== undefined)
          throw new ValidationFailed([{ field, code: 'listingOnly', message: `${field} applies to the listing, without from and to` }]);
      }
      const snapshot = await this.reports.range(shop.shopId, query.from, query.to, { regenerate: query.regenerate ?? false, requestedBy: actorLabel(actor) });
      return this.respond(snapshot, query, response);
    }
    for (const field of ['format', 'lang', 'regenerate'] as const) {
      if (query[field] !== undefined && !(field === 'format' && query.format === 'json')) {
        throw new ValidationFailed([{ field, code: 'reportOnly', message: `${field} applies to a report: give from and to, or use /v1/reports/:id` }]);
      }
    }
    const page = await this.reports.list(shop.shopId, query);
    return { items: page.items.map(toListItem), nextCursor: page.nextCursor };
  }

  @Get('settings')
  @ApiOperation({ summary: "The shop's report settings: thresholds of the quality spread, table sizes, quotes and the Monday schedule" })
  @ApiOkResponse({ type: ReportSettingsResponse })
  async settings(@CurrentShop() shop: AuthenticatedShop): Promise<ReportSettingsResponse> {
    return this.reports.settings(shop.shopId);
  }

  @Patch('settings')
  @LeadOnly()
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent; settings are for leads and the integration key' })
  @ApiOperation({ summary: 'Change report settings; null puts a setting back to its default. Applies to reports generated afterwards' })
  @ApiOkResponse({ type: ReportSettingsResponse })
  async updateSettings(@CurrentShop() shop: AuthenticatedShop, @Body() body: UpdateReportSettingsDto): Promise<ReportSettingsResponse> {
    return this.reports.updateSettings(shop.shopId, { ...body });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored report snapshot, in any format and language' })
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ type: ReportResponse })
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND, also for another shop’s report' })
  async get(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Query() query: ReportFormatQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportResponse | string> {
    return this.respond(await this.reports.get(shop.shopId, id), query, response);
  }

  private respond(snapshot: ReportSnapshot, query: ReportFormatQuery, response: Response): ReportResponse | string {
    if (snapshot.id) response.setHeader('X-Report-Id', snapshot.id);
    const format = query.format ?? 'json';
    if (format === 'json') return toResponse(snapshot);
    const file = this.reports.render(snapshot, format, query.lang);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `${format === 'csv' ? 'attachment' : 'inline'}; filename="${file.filename}"`);
    for (const [name, value] of Object.entries(file.headers)) response.setHeader(name, value);
    return file.body;
  }
}
