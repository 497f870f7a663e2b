import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, DataSource, Repository } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import { CallsService } from '../calls/calls.service';
import { badRequest } from '../common/errors/domain-error';
import { requiredAgents } from '../staffing/erlang';
import { SitesService } from '../sites/sites.service';
import { TeamsService } from '../teams/teams.service';
import type {
  ForecastDto,
  ForecastFromHistoryDto,
  PlanningSettingsDto,
  UploadForecastDto,
} from './dto/forecast.dto';
import { forecastFromHistory, parseForecastCsv } from './forecast-csv';
import { TeamForecast } from './team-forecast.entity';
import { TeamPlanningSettings } from './team-planning-settings.entity';

const DEFAULT_SETTINGS: PlanningSettingsDto = {
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  shrinkage: 0.3,
  maxOccupancy: null,
  hostileCallRate: 0.05,
  recoveryMinutesPerHostileCall: 7,
};

@Injectable()
export class ForecastsService {
  constructor(
    @InjectRepository(TeamForecast) private readonly forecasts: Repository<TeamForecast>,
    @InjectRepository(TeamPlanningSettings)
    private readonly settings: Repository<TeamPlanningSettings>,
    private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
    private readonly agents: AgentsService,
    private readonly calls: CallsService,
  ) {}

  /**
   * Builds and stores a forecast from history: each interval is the weighted mean of the same weekday
   * and time of day over the last `weeks` weeks of the team's answered calls (newer weeks weigh more:
   * weights weeks, weeks−1, …, 1), AHT call-weighted. Team-wide (calls carry no dialect).
   */
  async fromHistory(teamId: string, input: ForecastFromHistoryDto): Promise<ForecastDto> {
    const team = await this.teams.get(teamId);
    const site = await this.sites.get(team.siteId);
    const first = DateTime.fromISO(input.startDate, { zone: site.timeZone }).startOf('day');
    const end = first.plus({ days: input.days });
    const step = input.intervalMinutes * 60_000;
    const targets: number[] = [];
    for (let t = first.toMillis(); t < end.toMillis(); t += step) targets.push(t);
    const weeks = input.weeks ?? 4;
    const weights = Array.from({ length: weeks }, (_, k) => weeks - k);
    const agentIds = (await this.agents.listForTeam(teamId)).map((a) => a.id);
    const historyFrom = first.minus({ weeks }).toJSDate();
    const history = await this.calls.answeredCallsByInterval(
      agentIds,
      historyFrom,
      end.minus({ weeks: 1 }).toJSDate(),
      input.intervalMinutes,
    );
    const forecast = forecastFromHistory(
      history.map((h) => ({
        start: h.start.getTime(),
        calls: h.calls,
        handleSeconds: h.handleSeconds,
      })),
      targets,
      weights,
    ).filter((f) => f.calls > 0);
    await this.upload(teamId, {
      intervalMinutes: input.intervalMinutes,
      intervals: forecast.map((f) => ({
        start: new Date(f.start).toISOString(),
        calls: Math.round(f.calls * 100) / 100,
        ahtSeconds: Math.round(f.ahtSeconds * 10) / 10,
      })),
    });
    return this.get(teamId, first.toJSDate(), end.toJSDate());
  }

  /** Stores (upserts) forecast intervals given as JSON rows or CSV text. */
  async upload(teamId: string, input: UploadForecastDto): Promise<{ stored: number }> {
    await this.teams.get(teamId);
    if ((input.intervals === undefined) === (input.csv === undefined))
      throw badRequest('VALIDATION_FAILED', 'Send either intervals or csv', {
        fields: [
          { field: 'intervals', messages: ['exactly one of intervals and csv is required'] },
        ],
      });
    let rows = input.intervals ?? [];
    if (input.csv !== undefined) {
      const parsed = parseForecastCsv(input.csv);
      if (parsed.errors.length)
        throw badRequest('VALIDATION_FAILED', 'The forecast CSV has bad lines', {
          fields: parsed.errors.map((m) => ({ field: 'csv', messages: [m] })),
        });
      rows = parsed.rows;
    }
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await manager
          .createQueryBuilder()
          .insert()
          .into(TeamForecast)
          .values(
            chunk.map((r) => ({
              teamId,
              dialect: r.dialect ?? '',
              intervalStart: new Date(r.start),
              intervalMinutes: input.intervalMinutes,
              calls: r.calls,
              ahtSeconds: r.ahtSeconds,
            })),
          )
          .orUpdate(
            ['interval_minutes', 'calls', 'aht_seconds'],
            ['team_id', 'dialect', 'interval_start'],
          )
          .execute();
      }
    });
    return { stored: rows.length };
  }

  async get(teamId: string, from: Date, to: Date): Promise<ForecastDto> {
    await this.teams.get(teamId);
    const rows = await this.forecasts.find({
      where: { teamId, intervalStart: Between(from, new Date(to.getTime() - 1)) },
      order: { intervalStart: 'ASC', dialect: 'ASC' },
    });
    return {
      teamId,
      intervals: rows.map((r) => ({
        start: r.intervalStart.toISOString(),
        ...(r.dialect ? { dialect: r.dialect } : {}),
        calls: r.calls,
        ahtSeconds: r.ahtSeconds,
        intervalMinutes: r.intervalMinutes,
      })),
    };
  }

  async getSettings(teamId: string): Promise<PlanningSettingsDto> {
    await this.teams.get(teamId);
    const row = await this.settings.findOne({ where: { teamId } });
    if (!row) return { ...DEFAULT_SETTINGS };
    const { teamId: _t, team: _team, ...rest } = row;
    return rest;
  }

  async putSettings(teamId: string, input: PlanningSettingsDto): Promise<PlanningSettingsDto> {
    await this.teams.get(teamId);
    await this.settings.upsert({ teamId, ...input, maxOccupancy: input.maxOccupancy ?? null }, [
      'teamId',
    ]);
    return this.getSettings(teamId);
  }

  /**
   * Requirements on the grid [from, to) from the team's forecast through staffing (Erlang C with the
   * team's targets, base shrinkage and wellbeing shrinkage). Each forecast interval's agents apply to
   * every grid interval it covers.
   */
  async requirementsFor(
    teamId: string,
    from: Date,
    to: Date,
    intervalMinutes: number,
  ): Promise<Array<{ start: string; dialect?: string; agents: number }>> {
    const settings = await this.getSettings(teamId);
    const rows = await this.forecasts.find({
      where: {
        teamId,
        intervalStart: Between(new Date(from.getTime() - 3_600_000), new Date(to.getTime() - 1)),
      },
    });
    const out = new Map<string, { start: string; dialect?: string; agents: number }>();
    const step = intervalMinutes * 60_000;
    for (const r of rows) {
      const staffing = requiredAgents({
        callsPerInterval: r.calls,
        intervalMinutes: r.intervalMinutes,
        ahtSeconds: r.ahtSeconds,
        targetServiceLevel: settings.targetServiceLevel,
        targetAnswerSeconds: settings.targetAnswerSeconds,
        shrinkage: settings.shrinkage,
        ...(settings.maxOccupancy ? { maxOccupancy: settings.maxOccupancy } : {}),
        wellbeing: {
          hostileCallRate: settings.hostileCallRate,
          recoveryMinutesPerHostileCall: settings.recoveryMinutesPerHostileCall,
        },
      });
      const begin = r.intervalStart.getTime();
      const end = begin + r.intervalMinutes * 60_000;
      for (
        let t = Math.ceil((begin - from.getTime()) / step) * step + from.getTime();
        t < end;
        t += step
      ) {
        if (t < from.getTime() || t >= to.getTime()) continue;
        const start = new Date(t).toISOString();
        const key = `${start}|${r.dialect}`;
        const prev = out.get(key);
        out.set(key, {
          start,
          ...(r.dialect ? { dialect: r.dialect } : {}),
          agents: Math.max(prev?.agents ?? 0, staffing.agents),
        });
      }
    }
    return [...out.values()].sort(
      (a, b) => a.start.localeCompare(b.start) || (a.dialect ?? '').localeCompare(b.dialect ?? ''),
    );
  }
}
