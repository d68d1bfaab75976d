import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '../common/errors/domain-error';
import { toInstant } from '../common/time/timestamps';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { Actor, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import { LeadOnly } from '../shops/roles';
import type { AuthenticatedShop } from '../shops/shops.service';
import {
  AssignDto,
  BulkAssignDto,
  ContactPolicyQuery,
  FiguresQuery,
  ListCasesQuery,
  LogContactDto,
  QueueQuery,
  ReassignDto,
  TransitionDto,
  UpdateSettingsDto,
} from './dto/recovery-requests.dto';
import {
  BulkAssignResponse,
  CaseDetailResponse,
  CasePageResponse,
  CaseResponse,
  ContactPolicyCheckResponse,
  ContactResponse,
  FiguresReportResponse,
  LoggedContactResponse,
  QueueResponse,
  SettingsResponse,
} from './dto/recovery-responses.dto';
import { RecoveryCasesService } from './recovery-cases.service';
import { RecoveryContactsService } from './recovery-contacts.service';
import { RecoveryFiguresService } from './recovery-figures.service';
import { RecoveryQueueService } from './recovery-queue.service';
import { RecoverySettingsService } from './recovery-settings.service';

const DAY_MS = 86_400_000;

function instant(text: string | undefined, tz: string): Date | undefined {
  return text === undefined ? undefined : (toInstant(text, tz) ?? undefined);
}

@ApiTags('recovery')
@ApiBearerAuth()
@Controller({ version: '1' })
export class RecoveryController {
  constructor(
    private readonly queue: RecoveryQueueService,
    private readonly cases: RecoveryCasesService,
    private readonly contacts: RecoveryContactsService,
    private readonly settings: RecoverySettingsService,
    private readonly figures: RecoveryFiguresService,
  ) {}

  @Get('queue')
  @ApiOperation({
    summary: 'The daily queue: open cases in the order a lead would work them, each with its reasons; high-risk reviewers apart',
    description:
      'Order: revision deadline (by the shop day), bad before medium, follow-ups due today, first contact past the SLA, ' +
      'order value, product popularity. Counts at the top may lag changes made by other processes by up to 5 s.',
  })
  @ApiOkResponse({ type: QueueResponse })
  @Header('Content-Type', 'application/json; charset=utf-8')
  async getQueue(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Query() query: QueueQuery): Promise<string> {
    // a QueueResponse, serialised once for the identical requests that arrive together
    return this.queue.presented(shop.shopId, query, actor, (queue) => JSON.stringify(QueueResponse.of(queue)));
  }

  @Get('queue/settings')
  @ApiOperation({ summary: "The shop's recovery settings: revision window, first-contact SLA, contact policy, queue thresholds" })
  @ApiOkResponse({ type: SettingsResponse })
  async getSettings(@CurrentShop() shop: AuthenticatedShop): Promise<SettingsResponse> {
    return SettingsResponse.of(await this.settings.get(shop.shopId));
  }

  @Put('queue/settings')
  @LeadOnly()
  @ApiOperation({
    summary: 'Change some settings (leads and the integration key)',
    description:
      'A new revisionWindowDays applies to cases opened from now on: open cases keep the deadline computed when they opened, so a change never closes or reopens open work. A new firstContactSlaHours moves the first-contact due time of the open cases not contacted yet.',
  })
  @ApiOkResponse({ type: SettingsResponse })
  async putSettings(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Body() body: UpdateSettingsDto): Promise<SettingsResponse> {
    return SettingsResponse.of(await this.settings.update(shop.shopId, body, actor));
  }

  @Get('cases')
  @ApiOperation({ summary: 'Cases, newest first, with filters and cursor pagination' })
  @ApiOkResponse({ type: CasePageResponse })
  async listCases(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Query() query: ListCasesQuery): Promise<CasePageResponse> {
    const page = await this.cases.list(
      shop.shopId,
      { ...query, openedFrom: instant(query.openedFrom, shop.timezone), openedTo: instant(query.openedTo, shop.timezone) },
      actor,
    );
    return { items: page.items.map(CaseResponse.of), nextCursor: page.nextCursor };
  }

  @Post('cases/bulk-assign')
  @HttpCode(200)
  @LeadOnly()
  @ApiOperation({ summary: 'Assign up to 500 open cases to one staff member (leads and the integration key)' })
  @ApiOkResponse({ type: BulkAssignResponse })
  async bulkAssign(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Body() body: BulkAssignDto): Promise<BulkAssignResponse> {
    return this.cases.bulkAssign(shop.shopId, body.caseIds, body.staffId.toLowerCase(), actor);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'One case with its review, contacts, audit log, reviewer risk and whether a contact is allowed now' })
  @ApiOkResponse({ type: CaseDetailResponse })
  async getCase(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<CaseDetailResponse> {
    return CaseDetailResponse.ofDetail(await this.cases.detail(shop.shopId, id));
  }

  @Post('cases/:id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an unassigned case (staff keys)' })
  @ApiOkResponse({ type: CaseResponse })
  @ApiConflictResponse({ description: 'CASE_ALREADY_ASSIGNED, CASE_CLOSED' })
  @ApiForbiddenResponse({ description: "STAFF_KEY_REQUIRED: the shop's integration key claims nothing; it assigns" })
  async claim(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Param('id', new ParseIdPipe()) id: string): Promise<CaseResponse> {
    return CaseResponse.of(await this.cases.claim(shop.shopId, id, actor));
  }

  @Post('cases/:id/assign')
  @HttpCode(200)
  @LeadOnly()
  @ApiOperation({ summary: 'Give an unassigned case to a staff member (leads); 409 when it is someone else’s: reassign instead' })
  @ApiOkResponse({ type: CaseResponse })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent key' })
  @ApiConflictResponse({ description: 'CASE_ALREADY_ASSIGNED (reassign instead), CASE_CLOSED' })
  async assign(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: AssignDto,
  ): Promise<CaseResponse> {
    return CaseResponse.of(await this.cases.assign(shop.shopId, id, body.staffId.toLowerCase(), actor));
  }

  @Post('cases/:id/reassign')
  @HttpCode(200)
  @LeadOnly()
  @ApiOperation({ summary: 'Move a case to another staff member, or to nobody (leads)' })
  @ApiOkResponse({ type: CaseResponse })
  async reassign(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: ReassignDto,
  ): Promise<CaseResponse> {
    return CaseResponse.of(await this.cases.reassign(shop.shopId, id, body.staffId?.toLowerCase() ?? null, body.reason ?? null, actor));
  }

  @Post('cases/:id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a case through its statuses',
    description:
      'new -> contacting -> awaiting_revision -> revised | closed_unrevised, plus escalated and dismissed. awaiting_revision is reached by ' +
      'logging a promise; escalated, closed_unrevised and dismissed need a reason; dismissed needs a lead.',
  })
  @ApiOkResponse({ type: CaseResponse })
  @ApiConflictResponse({ description: 'INVALID_CASE_TRANSITION' })
  @ApiForbiddenResponse({ description: "CASE_NOT_YOURS (an agent on a colleague's case), ROLE_FORBIDDEN (an agent dismissing)" })
  async transition(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: TransitionDto,
  ): Promise<CaseResponse> {
    return CaseResponse.of(await this.cases.transition(shop.shopId, id, body.status, body.reason ?? null, actor));
  }

  @Get('cases/:id/contact-policy')
  @ApiOperation({
    summary: 'Whether a contact at a given moment would be within the contact policy, and why not',
    description:
      'The rules (limits, quiet hours in the shop time zone), the contacts they count and the next allowed moment: what a contact form shows before it is sent.',
  })
  @ApiOkResponse({ type: ContactPolicyCheckResponse })
  async contactPolicy(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Query() query: ContactPolicyQuery,
  ): Promise<ContactPolicyCheckResponse> {
    const at = instant(query.at, shop.timezone) ?? new Date();
    return ContactPolicyCheckResponse.of(await this.cases.contactPolicyAt(shop.shopId, id, at));
  }

  @Get('cases/:id/contacts')
  @ApiOperation({ summary: 'The contacts of a case, oldest first' })
  @ApiOkResponse({ type: [ContactResponse] })
  async listContacts(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ContactResponse[]> {
    return (await this.cases.detail(shop.shopId, id)).contacts.map(ContactResponse.of);
  }

  @Post('cases/:id/contacts')
  @ApiOperation({
    summary: 'Log a contact with the buyer',
    description:
      'Checked against the contact policy (per-day and per-case limits, quiet hours in the shop time zone): 409 CONTACT_POLICY_VIOLATED ' +
      'unless a lead sends override.reason. A promised revision date moves the case to awaiting_revision and schedules the follow-up.',
  })
  @ApiCreatedResponse({ type: LoggedContactResponse })
  @ApiConflictResponse({ description: 'CONTACT_POLICY_VIOLATED, CASE_CLOSED' })
  @ApiForbiddenResponse({ description: 'CASE_NOT_YOURS, ROLE_FORBIDDEN (an agent sending override)' })
  async logContact(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: LogContactDto,
  ): Promise<LoggedContactResponse> {
    const { contact, recoveryCase } = await this.contacts.log(shop.shopId, id, body, actor);
    return { contact: ContactResponse.of(contact), case: CaseResponse.of(recoveryCase) };
  }

  @Get('recovery/figures')
  @ApiOperation({ summary: 'Per-shop and per-agent figures for a period: open cases, time to first contact, revision rate, compensation' })
  @ApiOkResponse({ type: FiguresReportResponse })
  async getFigures(@CurrentShop() shop: AuthenticatedShop, @Query() query: FiguresQuery): Promise<FiguresReportResponse> {
    const to = instant(query.to, shop.timezone) ?? new Date();
    const from = instant(query.from, shop.timezone) ?? new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to) throw new ValidationFailed([{ field: 'to', code: 'dateOrder', message: 'to must be after from' }]);
    return FiguresReportResponse.of(await this.figures.figures(shop.shopId, from, to));
  }
}
