import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { Actor, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import {
  BuiltinTemplateListResponse,
  BuiltinTemplatesQuery,
  CreateReplyTemplateDto,
  ListReplyTemplatesQuery,
  ReplyTemplateListResponse,
  ReplyTemplateResponse,
  UpdateReplyTemplateDto,
} from './dto/reply-template.dto';
import { ReplyTemplatesService } from './reply-templates.service';

@ApiTags('replies')
@ApiBearerAuth()
@Controller({ path: 'reply-templates', version: '1' })
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Post()
  @ApiOperation({ summary: 'Add a shop template for a part (feel, felt, found, remedy, thank_you, outreach_*) by tag, sub-tag and language' })
  @ApiCreatedResponse({ type: ReplyTemplateResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: e.g. field text, code unknownPlaceholder, placeholderNotAllowed, malformedTemplate, blamesBuyer, personalData',
  })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: complianceOverride sent with an agent’s key' })
  @ApiConflictResponse({
    description:
      'REPLY_TEMPLATE_LIMIT_REACHED, or COMPLIANCE_BLOCKED: an active template with a blocking compliance finding (save it with active=false, or a lead overrides)',
  })
  async create(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Body() body: CreateReplyTemplateDto): Promise<ReplyTemplateResponse> {
    return this.templates.create(shop.shopId, body, actor);
  }

  @Get()
  @ApiOperation({ summary: 'The shop templates, oldest first, with filters' })
  @ApiOkResponse({ type: ReplyTemplateListResponse })
  async list(@CurrentShop() shop: AuthenticatedShop, @Query() query: ListReplyTemplatesQuery): Promise<ReplyTemplateListResponse> {
    return { items: await this.templates.list(shop.shopId, query) };
  }

  @Get('builtin')
  @ApiOperation({ summary: 'The built-in library, to read before writing shop templates' })
  @ApiOkResponse({ type: BuiltinTemplateListResponse })
  builtin(@Query() query: BuiltinTemplatesQuery): BuiltinTemplateListResponse {
    return { items: this.templates.builtin(query) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One shop template' })
  @ApiOkResponse({ type: ReplyTemplateResponse })
  @ApiNotFoundResponse({ description: 'REPLY_TEMPLATE_NOT_FOUND' })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ReplyTemplateResponse> {
    return this.templates.get(shop.shopId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a shop template; validated as when created' })
  @ApiOkResponse({ type: ReplyTemplateResponse })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: complianceOverride sent with an agent’s key' })
  @ApiConflictResponse({ description: 'COMPLIANCE_BLOCKED: the template would be active with a blocking compliance finding' })
  async update(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: UpdateReplyTemplateDto,
  ): Promise<ReplyTemplateResponse> {
    return this.templates.update(shop.shopId, id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a shop template (drafts that used it keep their text)' })
  @ApiNoContentResponse()
  async remove(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<void> {
    await this.templates.remove(shop.shopId, id);
  }
}
