import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../platform/auth/decorators';
import { actorId, Principal } from '../platform/auth/principal';
import { ErrorBodyDto } from '../platform/common/errors/error-body.dto';
import { UuidParam } from '../platform/common/http/uuid-param';
import { PageQueryDto } from '../platform/common/pagination/page-query.dto';
import { Clock } from '../platform/common/clock/clock';
import { BookingsService } from './bookings.service';
import { CounselingErasure } from './counseling-erasure.service';
import { CounselorNotifications } from './counselor-notifications.service';
import { VisibleBookings } from './visible-bookings.service';
import { CounselingStatsService } from './counseling-stats.service';
import { SuggestedSlotsService } from './suggested-slots.service';
import { CounselorsService } from './counselors.service';
import {
  BookingDto,
  BookingNotesDto,
  BookingPageDto,
  CancelBookingDto,
  CounselingExportDto,
  CounselorNotificationListDto,
  CreateBookingDto,
  ErasedDto,
  MonthlyStatsDto,
  MonthlyStatsQueryDto,
  RescheduleBookingDto,
} from './dto/booking.dto';
import {
  AvailabilityDto,
  CounselorDto,
  CounselorPageDto,
  CreateCounselorDto,
  ListCounselorsQueryDto,
  SlotsDto,
  SlotsQueryDto,
  SuggestedSlotsDto,
  SuggestedSlotsQueryDto,
} from './dto/counselor.dto';
import { forbidden } from '../platform/common/errors/domain-error';

const NOT_VISIBLE =
  'NOT_FOUND: no such booking, or the caller is neither its agent nor its counsellor (a booking is confidential)';

@ApiTags('counseling')
@Controller('counseling')
export class CounselingController {
  constructor(
    private readonly counselors: CounselorsService,
    private readonly bookings: BookingsService,
    private readonly visibleBookings: VisibleBookings,
    private readonly counselorNotifications: CounselorNotifications,
    private readonly erasure: CounselingErasure,
    private readonly statsService: CounselingStatsService,
    private readonly slotsService: SuggestedSlotsService,
    private readonly clock: Clock,
  ) {}

  @Post('counselors')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a counsellor: a login with role counselor and its profile' })
  @ApiCreatedResponse({ type: CounselorDto })
  @ApiConflictResponse({ description: 'DUPLICATE_EMAIL', type: ErrorBodyDto })
  create(
    @Body() body: CreateCounselorDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<CounselorDto> {
    return this.counselors.create(body, actorId(caller));
  }

  @Get('counselors')
  @Roles('agent', 'counselor', 'admin', 'supervisor')
  @ApiOperation({
    summary: 'Find counsellors, optionally by language or dialect (`?language=yue`)',
  })
  @ApiOkResponse({ type: CounselorPageDto })
  list(@Query() query: ListCounselorsQueryDto): Promise<CounselorPageDto> {
    return this.counselors.list(query);
  }

  @Get('counselors/:id')
  @Roles('agent', 'counselor', 'admin', 'supervisor')
  @ApiOperation({ summary: 'A counsellor’s profile and availability' })
  @ApiOkResponse({ type: CounselorDto })
  get(@Param('id', UuidParam) id: string): Promise<CounselorDto> {
    return this.counselors.get(id);
  }

  @Put('counselors/:id/availability')
  @Roles('counselor', 'admin')
  @ApiOperation({
    summary: 'Set weekly hours, session lengths, buffer, notice (that counsellor or an admin)',
    description:
      '`weekly` replaces the weekly hours (local times in the counsellor’s zone, Monday = 1); `overrides` replaces ' +
      'the date overrides when given (`off: true` = day off; `start`/`end` = extra hours). Omitted settings keep ' +
      'their value. Defaults: sessions 30/50 min, buffer 10 min, notice 120 min, window 30 days, 6 a day.',
  })
  @ApiOkResponse({ type: CounselorDto })
  setAvailability(
    @Param('id', UuidParam) id: string,
    @Body() body: AvailabilityDto,
  ): Promise<CounselorDto> {
    return this.counselors.setAvailability(id, body);
  }

  @Get('counselors/:id/slots')
  @Roles('agent', 'counselor', 'admin')
  @ApiOperation({
    summary: 'Free start times of a counsellor',
    description:
      'Starts on a 15-minute grid inside the availability, clear of other sessions and their buffer, after the ' +
      'minimum notice, within the booking window, on days below the daily maximum.',
  })
  @ApiOkResponse({ type: SlotsDto })
  slots(@Param('id', UuidParam) id: string, @Query() query: SlotsQueryDto): Promise<SlotsDto> {
    return this.counselors.slots(id, query);
  }

  @Get('suggested-slots')
  @Roles('agent')
  @ApiOperation({
    summary: 'The next free slots across counsellors for the calling agent',
    description: 'Counsellors speaking one of the agent’s dialects come first.',
  })
  @ApiOkResponse({ type: SuggestedSlotsDto })
  async suggested(
    @Query() query: SuggestedSlotsQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<SuggestedSlotsDto> {
    if (caller.kind !== 'user' || !caller.agentId) throw forbidden('Only an agent can do this');
    const from = query.from ? new Date(query.from) : this.clock.now();
    return { slots: await this.slotsService.suggestSlots(caller.agentId, query.count ?? 3, from) };
  }

  @Post('bookings')
  @Roles('agent')
  @ApiOperation({
    summary: 'Book a session (the calling agent)',
    description:
      'Two agents racing for one slot: exactly one wins. An agent holds at most 2 upcoming sessions ' +
      '(409 BOOKING_LIMIT) and cannot hold two at once (409 OVERLAPPING_BOOKING). During the session the agent ' +
      'is in `counseling` and out of routing; others see `not_ready`/`private`.',
  })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiConflictResponse({
    description:
      'SLOT_TAKEN (someone booked it), SLOT_UNAVAILABLE (outside availability, buffer, notice, window, daily maximum, length; details.reason), BOOKING_LIMIT, OVERLAPPING_BOOKING',
    type: ErrorBodyDto,
  })
  book(@Body() body: CreateBookingDto, @CurrentPrincipal() caller: Principal): Promise<BookingDto> {
    return this.bookings.book(caller, body);
  }

  @Get('bookings')
  @Roles('agent', 'counselor', 'admin', 'supervisor', 'scheduler')
  @ApiOperation({
    summary: 'The caller’s own bookings (as the agent, or as the counsellor)',
    description: 'Nobody sees anyone else’s bookings, admins included.',
  })
  @ApiOkResponse({ type: BookingPageDto })
  listBookings(
    @Query() query: PageQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BookingPageDto> {
    return this.visibleBookings.list(caller, query);
  }

  @Get('bookings/:id')
  @Roles('agent', 'counselor', 'admin', 'supervisor', 'scheduler')
  @ApiOperation({
    summary: 'One booking (its agent or its counsellor only; notes shown to the counsellor)',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE, type: ErrorBodyDto })
  getBooking(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BookingDto> {
    return this.visibleBookings.get(caller, id);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @Roles('agent', 'counselor', 'admin', 'supervisor', 'scheduler')
  @ApiOperation({ summary: 'Cancel (its agent or its counsellor); kept with status cancelled' })
  @ApiOkResponse({ type: BookingDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE, type: ErrorBodyDto })
  @ApiConflictResponse({ description: 'BOOKING_OVER', type: ErrorBodyDto })
  cancel(
    @Param('id', UuidParam) id: string,
    @Body() body: CancelBookingDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BookingDto> {
    return this.bookings.cancel(caller, id, body.reason ?? null);
  }

  @Post('bookings/:id/reschedule')
  @Roles('agent', 'counselor')
  @ApiOperation({
    summary:
      'Move a booking (its agent, or its counsellor with a message): a new linked booking; the old one stays if the new slot fails',
  })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE, type: ErrorBodyDto })
  @ApiConflictResponse({
    description: 'SLOT_TAKEN, SLOT_UNAVAILABLE, BOOKING_NOT_RESCHEDULABLE',
    type: ErrorBodyDto,
  })
  reschedule(
    @Param('id', UuidParam) id: string,
    @Body() body: RescheduleBookingDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BookingDto> {
    return this.bookings.reschedule(caller, id, body);
  }

  @Put('bookings/:id/notes')
  @Roles('counselor')
  @ApiOperation({
    summary: 'Write the session notes (its counsellor); encrypted at rest, never logged',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE, type: ErrorBodyDto })
  setNotes(
    @Param('id', UuidParam) id: string,
    @Body() body: BookingNotesDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BookingDto> {
    return this.bookings.setNotes(caller, id, body.notes);
  }

  @Get('notifications')
  @Roles('counselor')
  @ApiOperation({
    summary: 'The calling counsellor’s notifications (e.g. a session cancelled), without content',
    description:
      'A session cancelled because the agent erased their counselling data appears as `session_cancelled` ' +
      'with its time only: no agent, no reason.',
  })
  @ApiOkResponse({ type: CounselorNotificationListDto })
  async notifications(
    @CurrentPrincipal() caller: Principal,
  ): Promise<CounselorNotificationListDto> {
    return { notifications: await this.counselorNotifications.forCaller(caller) };
  }

  @Get('me/export')
  @Roles('agent')
  @ApiOperation({
    summary: 'Export the calling agent’s counselling history (JSON, notes included)',
  })
  @ApiOkResponse({ type: CounselingExportDto })
  exportMine(@CurrentPrincipal() caller: Principal): Promise<CounselingExportDto> {
    return this.visibleBookings.exportFor(caller);
  }

  @Delete('me/history')
  @Roles('agent')
  @ApiOperation({
    summary: 'Erase the calling agent’s counselling history',
    description:
      'Cancels the agent’s upcoming sessions and tells their counsellors (a notification without content), ' +
      'then deletes every booking of the agent with its notes.',
  })
  @ApiOkResponse({ type: ErasedDto })
  eraseMine(@CurrentPrincipal() caller: Principal): Promise<ErasedDto> {
    return this.erasure.eraseFor(caller);
  }

  @Get('stats/monthly')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'Sessions in a month: per site (admins), or the supervisor’s own team',
    description:
      'Aggregates only; a count under 5 is shown as "<5". No booking or agent is named. The month is each ' +
      'site’s local calendar month (UTC for agents without a site).',
  })
  @ApiOkResponse({ type: MonthlyStatsDto })
  stats(
    @Query() query: MonthlyStatsQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<MonthlyStatsDto> {
    return this.statsService.monthlyStats(caller, query.month);
  }
}
