import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { SitesService } from '../../people/sites/sites.service';
import { TeamsService } from '../../people/teams/teams.service';
import { QueueHistory } from '../../routing/queue/queue-history';
import { Clock } from '../../platform/common/clock/clock';
import { badRequest } from '../../platform/common/errors/domain-error';
import { ForecastsService } from '../forecasts/forecasts.service';
import { overallServiceLevel, serviceLevelByInterval } from './domain/service-level-history';
import type { ServiceLevelDayDto } from './dto/service-level.dto';

const INTERVAL_MINUTES = 15;

/** A team's service level over one local day, per interval (the wallboard's history). */
@Injectable()
export class ServiceLevelService {
  constructor(
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
    private readonly forecasts: ForecastsService,
    private readonly queue: QueueHistory,
    private readonly clock: Clock,
  ) {}

  async day(teamId: string, date?: string): Promise<ServiceLevelDayDto> {
    const team = await this.teams.get(teamId);
    const { timeZone } = await this.sites.get(team.siteId);
    const now = this.clock.now();
    const dayStart = date
      ? DateTime.fromISO(date, { zone: timeZone }).startOf('day')
      : DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
    if (!dayStart.isValid)
      throw badRequest('VALIDATION_FAILED', `${date} is not a date`, {
        fields: [{ field: 'date', messages: ['must be a calendar date'] }],
      });
    const from = dayStart.toJSDate();
    const dayEnd = dayStart.plus({ days: 1 }).toJSDate();
    // Today stops with the interval under way: later ones have no calls yet, not a 0 % service level.
    const step = INTERVAL_MINUTES * 60_000;
    const to =
      now < dayEnd && now >= from
        ? new Date(
            from.getTime() + (Math.floor((now.getTime() - from.getTime()) / step) + 1) * step,
          )
        : dayEnd;
    const settings = await this.forecasts.getSettings(teamId);
    const calls = await this.queue.finishedCallsOfTeam(teamId, from, to);
    const intervals = serviceLevelByInterval(
      calls,
      from,
      to,
      INTERVAL_MINUTES,
      settings.targetAnswerSeconds,
    );
    return {
      teamId,
      date: dayStart.toISODate()!,
      timeZone,
      intervalMinutes: INTERVAL_MINUTES,
      targetAnswerSeconds: settings.targetAnswerSeconds,
      targetServiceLevel: settings.targetServiceLevel,
      serviceLevel: overallServiceLevel(intervals),
      intervals: intervals.map((b) => ({ ...b, start: b.start.toISOString() })),
    };
  }
}
