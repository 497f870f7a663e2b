import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../platform/auth/decorators';
import type { Principal } from '../platform/auth/principal';
import { ErrorBodyDto } from '../platform/common/errors/error-body.dto';
import { UuidParam } from '../platform/common/http/uuid-param';
import { AlertsService } from './alerts.service';
import { BreaksService } from './breaks.service';
import { OffersService } from './offers.service';
import { RecoveryRequestsService } from './recovery-requests.service';
import { WellbeingReportService } from './wellbeing-report.service';
import {
  AlertDto,
  AlertListDto,
  AlertsQueryDto,
  BookBreakDto,
  BreakDto,
  BreakCapacityDto,
  BreakCapacityQueryDto,
  BreakListDto,
  BreakListQueryDto,
  BreakWindowsDto,
  BreakWindowsQueryDto,
  ExtendRecoveryDto,
  HostileReportResultDto,
  OfferListDto,
  PolicySettingsDto,
  PolicyViewDto,
  RecoveryViewDto,
  ReportHostileDto,
  ReportQueryDto,
  ShortenRecoveryDto,
  WellbeingReportDto,
} from './dto/wellbeing.dto';
import { WellbeingPoliciesService } from './wellbeing-policies.service';

@ApiTags('wellbeing')
@Controller()
export class WellbeingController {
  constructor(
    private readonly recovery: RecoveryRequestsService,
    private readonly alertsService: AlertsService,
    private readonly offersService: OffersService,
    private readonly reports: WellbeingReportService,
    private readonly policies: WellbeingPoliciesService,
    private readonly breaks: BreaksService,
  ) {}

  @Post('calls/:callId/hostile')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Report a call as hostile',
    description:
      'By the agent who took the call (within 30 minutes of its end: later → 403 REPORT_WINDOW_CLOSED) or a supervisor ' +
      'of the agent’s team; anyone else 403. After the call has ended the recovery starts at once if the agent is free, ' +
      'else right after its current call. A second report raises the severity and never stacks a second break. ' +
      'The note is confidential: stored, never logged.',
  })
  @ApiOkResponse({ type: HostileReportResultDto })
  report(
    @Param('callId') callId: string,
    @Body() body: ReportHostileDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<HostileReportResultDto> {
    return this.recovery.reportHostile(callId, body, caller);
  }

  @Post('agents/:agentId/recovery/shorten')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Shorten a running recovery break (supervisor of the team, with a reason; audited)',
    description: 'Never below the policy floor from its start: 400 BELOW_RECOVERY_FLOOR.',
  })
  @ApiOkResponse({ type: RecoveryViewDto })
  @ApiBadRequestResponse({ description: 'BELOW_RECOVERY_FLOOR or NOT_SHORTER', type: ErrorBodyDto })
  @ApiConflictResponse({ description: 'NOT_IN_RECOVERY', type: ErrorBodyDto })
  shorten(
    @Param('agentId', UuidParam) agentId: string,
    @Body() body: ShortenRecoveryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<RecoveryViewDto> {
    return this.recovery.shortenRecovery(agentId, body.totalMinutes, body.reason, caller);
  }

  @Post('agents/:agentId/recovery/extend')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({
    summary: 'Extend one’s own running recovery break (audited)',
    description: 'Up to the policy maximum in total: 400 ABOVE_RECOVERY_MAXIMUM.',
  })
  @ApiOkResponse({ type: RecoveryViewDto })
  @ApiBadRequestResponse({ description: 'ABOVE_RECOVERY_MAXIMUM', type: ErrorBodyDto })
  @ApiConflictResponse({ description: 'NOT_IN_RECOVERY', type: ErrorBodyDto })
  extend(
    @Param('agentId', UuidParam) agentId: string,
    @Body() body: ExtendRecoveryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<RecoveryViewDto> {
    return this.recovery.extendRecovery(agentId, body.minutes, caller);
  }

  @Get('wellbeing/policies/teams/:teamId')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'A team’s effective wellbeing policy (team → site default → built-in defaults)',
  })
  @ApiOkResponse({ type: PolicyViewDto })
  teamPolicy(@Param('teamId', UuidParam) teamId: string) {
    return this.policies.view('team', teamId);
  }

  @Put('wellbeing/policies/teams/:teamId')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'Change a team’s policy (admins; supervisors for their own team; audited)',
    description: 'Unset settings keep their value. Incoherent settings → 400 INVALID_POLICY.',
  })
  @ApiOkResponse({ type: PolicyViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or INVALID_POLICY', type: ErrorBodyDto })
  putTeamPolicy(
    @Param('teamId', UuidParam) teamId: string,
    @Body() body: PolicySettingsDto,
    @CurrentPrincipal() caller: Principal,
  ) {
    return this.policies.update('team', teamId, body, caller);
  }

  @Get('wellbeing/policies/sites/:siteId')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'A site’s default wellbeing policy' })
  @ApiOkResponse({ type: PolicyViewDto })
  sitePolicy(@Param('siteId', UuidParam) siteId: string) {
    return this.policies.view('site', siteId);
  }

  @Put('wellbeing/policies/sites/:siteId')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a site’s default policy (admins; audited)' })
  @ApiOkResponse({ type: PolicyViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or INVALID_POLICY', type: ErrorBodyDto })
  putSitePolicy(
    @Param('siteId', UuidParam) siteId: string,
    @Body() body: PolicySettingsDto,
    @CurrentPrincipal() caller: Principal,
  ) {
    return this.policies.update('site', siteId, body, caller);
  }

  @Get('wellbeing/alerts')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary:
      'Supervisor alerts for a team: escalations, occupancy above the cap, many hostile calls in a shift',
  })
  @ApiOkResponse({ type: AlertListDto })
  async alerts(@Query() query: AlertsQueryDto): Promise<AlertListDto> {
    return {
      alerts: await this.alertsService.list(query.teamId, query.includeAcknowledged ?? false),
    };
  }

  @Post('wellbeing/alerts/:id/ack')
  @HttpCode(200)
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Acknowledge an alert (idempotent; audited)' })
  @ApiOkResponse({ type: AlertDto })
  ack(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AlertDto> {
    return this.alertsService.acknowledge(id, caller);
  }

  @Get('wellbeing/offers')
  @Roles('agent')
  @ApiOperation({
    summary: 'The calling agent’s open, confidential offers (e.g. counselling)',
    description:
      'Each counselling offer carries a few suggested slots computed when read (counsellors speaking one ' +
      'of the agent’s dialects first). Only the agent sees its offers.',
  })
  @ApiOkResponse({ type: OfferListDto })
  async offers(@CurrentPrincipal() caller: Principal): Promise<OfferListDto> {
    return { offers: await this.offersService.myOffers(caller) };
  }

  @Post('wellbeing/offers/:id/decline')
  @HttpCode(204)
  @Roles('agent')
  @ApiOperation({
    summary: 'Decline one of my offers (no, thank you): it is no longer shown. Idempotent',
    description:
      'A session booked after an offer answers it without this call. Another agent’s offer is 404, like one that does not exist.',
  })
  @ApiNoContentResponse({ description: 'Declined' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such offer of yours', type: ErrorBodyDto })
  declineOffer(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<void> {
    return this.offersService.decline(caller, id);
  }

  @Get('wellbeing/report')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'A team’s wellbeing day: hostile calls (distribution), recovery granted, micro-breaks',
  })
  @ApiOkResponse({ type: WellbeingReportDto })
  teamReport(@Query() query: ReportQueryDto): Promise<WellbeingReportDto> {
    return this.reports.report(query.teamId, query.date);
  }

  @Post('breaks')
  @Roles('agent')
  @ApiOperation({
    summary: 'Book a rest or meal break ahead',
    description:
      'No overlap with the agent’s other breaks (409 BREAK_OVERLAP); once the agent has published shifts on that day ' +
      '(the site’s local day), wholly inside one of them (409 OUTSIDE_SHIFT; also on a day off, one the team’s published schedule covers without a shift for the agent; on a day no published schedule covers yet any time ' +
      'is allowed); inside the daily allowance of the site’s local day (409 BREAK_ALLOWANCE_EXCEEDED); ' +
      'and at most the team cap of logged-in agents on self-booked breaks at once (409 BREAK_CAPACITY). ' +
      'At its start the agent moves to break at the end of any call in progress.',
  })
  @ApiCreatedResponse({ type: BreakDto })
  @ApiConflictResponse({
    description: 'BREAK_CAPACITY, BREAK_OVERLAP, OUTSIDE_SHIFT or BREAK_ALLOWANCE_EXCEEDED',
    type: ErrorBodyDto,
  })
  book(@Body() body: BookBreakDto, @CurrentPrincipal() caller: Principal): Promise<BreakDto> {
    return this.breaks.book(body, caller);
  }

  @Get('breaks/windows')
  @Roles('agent')
  @ApiOperation({
    summary: 'Before booking: when a break may lie, per site day overlapping from-to',
    description:
      'On a site day with published shifts, one window per shift (a break starting that day lies wholly inside it); ' +
      'none on a day off (the team’s published schedule covers it, the agent has no shift); on a day no published ' +
      'schedule covers yet, the whole day. The booking checks the same windows (409 OUTSIDE_SHIFT); the cap, the ' +
      'allowance and overlaps are checked at booking (and by /v1/breaks/capacity).',
  })
  @ApiOkResponse({ type: BreakWindowsDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (to not after from, or more than 7 days)',
    type: ErrorBodyDto,
  })
  breakWindows(
    @Query() query: BreakWindowsQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BreakWindowsDto> {
    return this.breaks.windows(query, caller);
  }

  @Get('breaks/capacity')
  @Roles('agent')
  @ApiOperation({
    summary: "Before booking: the team's break cap, who is booked then, and the day's allowance",
  })
  @ApiOkResponse({ type: BreakCapacityDto })
  breakCapacity(
    @Query() query: BreakCapacityQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BreakCapacityDto> {
    return this.breaks.capacity(query, caller);
  }

  @Get('breaks')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Booked breaks: the agent’s own, or an agent’s (supervisors of its team, admins)',
  })
  @ApiOkResponse({ type: BreakListDto })
  async listBreaks(
    @Query() query: BreakListQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BreakListDto> {
    return { breaks: await this.breaks.list(query, caller) };
  }

  @Post('breaks/:id/cancel')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'Cancel one’s booked break before it starts (409 BREAK_STARTED after)' })
  @ApiOkResponse({ type: BreakDto })
  cancel(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BreakDto> {
    return this.breaks.cancel(id, caller);
  }
}
