import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, DataSource, EntityManager, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { CallHistory } from '../../routing/calls/call-history.service';
import { Clock } from '../../platform/common/clock/clock';
import { badRequest } from '../../platform/common/errors/domain-error';
import { CallbackHistory } from '../../routing/queue/callbacks/callback-history';
import { RoutingService } from '../../routing/reservations/routing.service';
import {
  MAX_TOTAL_SHRINKAGE,
  requiredAgents,
  ShrinkageBreakdown,
  StaffingInput,
  ContinuousWorkBreak,
  StaffingResult,
} from '../staffing/erlang';
import {
  callbackFigures,
  callbackLoad,
  callbacksPerWeekSlot,
  weekSlot,
  withCallbackLoad,
} from '../staffing/domain/callback-workload';
import { SitesService } from '../../people/sites/sites.service';
import { TeamsService } from '../../people/teams/teams.service';
import { WellbeingPoliciesService } from '../../wellbeing/wellbeing-policies.service';
import { RecoveryGrantsService } from '../../wellbeing/recovery-grants.service';
import type {
  ForecastDto,
  ForecastFromHistoryDto,
  PlanningSettingsDto,
  UploadForecastDto,
  WellbeingFiguresDto,
} from './dto/forecast.dto';
import { forecastFromHistory, parseForecastCsv } from './forecast-csv';
import { wellbeingFigures } from './wellbeing-figures';
import { TeamForecast } from './team-forecast.entity';
import { TeamPlanningSettings } from './team-planning-settings.entity';

const DEFAULT_SETTINGS: PlanningSettingsDto = {
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  shrinkage: 0.3,
  maxOccupancy: null,
  hostileCallRate: 0.05,
  recoveryMinutesPerHostileCall: 7,
  wellbeingHistoryWeeks: 4,
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
    private readonly calls: CallHistory,
    private readonly routing: RoutingService,
    private readonly policies: WellbeingPoliciesService,
    private readonly recoveryGrants: RecoveryGrantsService,
    private readonly callbackHistory: CallbackHistory,
    private readonly clock: Clock,
  ) {}

  /**
   * Builds and stores a forecast from history: each interval is the weighted mean of the same weekday
   * and time of day over the last `weeks` weeks of the team's answered calls (newer weeks weigh more:
   * weights weeks, weeks−1, …, 1), AHT call-weighted. Team-wide (call events carry no dialect); for each
   * of `dialects` also a forecast of the calls whose routing reservation asked for that dialect.
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
    const toRows = (h: typeof history, dialect?: string) =>
      forecastFromHistory(
        h.map((x) => ({
          start: x.start.getTime(),
          calls: x.calls,
          handleSeconds: x.handleSeconds,
        })),
        targets,
        weights,
        site.timeZone,
      )
        .filter((f) => f.calls > 0)
        .map((f) => ({
          start: new Date(f.start).toISOString(),
          ...(dialect ? { dialect } : {}),
          calls: Math.round(f.calls * 100) / 100,
          ahtSeconds: Math.round(f.ahtSeconds * 10) / 10,
        }));
    const intervals = toRows(history);
    const dialects = [...new Set(input.dialects ?? [])];
    if (dialects.length) {
      // Reservations a little before the window still belong to calls answered in it.
      const asked = await this.routing.requestedDialects(
        agentIds,
        new Date(historyFrom.getTime() - 3_600_000),
        end.minus({ weeks: 1 }).toJSDate(),
      );
      for (const dialect of dialects) {
        const callIds = asked.filter((a) => a.dialect === dialect).map((a) => a.callId);
        const perDialect = await this.calls.answeredCallsByIntervalFor(
          callIds,
          historyFrom,
          end.minus({ weeks: 1 }).toJSDate(),
          input.intervalMinutes,
        );
        intervals.push(...toRows(perDialect, dialect));
      }
    }
    // The days built are history's alone: an interval without calls then is none now, so the series
    // built (team-wide and each dialect asked for) are cleared over the days first. With no calls at
    // all nothing is touched.
    if (intervals.length)
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `DELETE FROM team_forecasts
            WHERE team_id = $1 AND dialect = ANY($2::text[]) AND interval_start >= $3 AND interval_start < $4`,
          [teamId, ['', ...dialects], first.toJSDate(), end.toJSDate()],
        );
        await this.store(manager, teamId, input.intervalMinutes, intervals);
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
    await this.dataSource.transaction((manager) =>
      this.store(manager, teamId, input.intervalMinutes, rows),
    );
    return { stored: rows.length };
  }

  /** Upserts rows on (team, dialect, interval start), 500 to a statement. */
  private async store(
    manager: EntityManager,
    teamId: string,
    intervalMinutes: number,
    rows: Array<{ start: string; dialect?: string; calls: number; ahtSeconds: number }>,
  ): Promise<void> {
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
            intervalMinutes,
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
    await this.settings.upsert(
      {
        teamId,
        ...input,
        maxOccupancy: input.maxOccupancy ?? null,
        wellbeingHistoryWeeks:
          input.wellbeingHistoryWeeks ?? DEFAULT_SETTINGS.wellbeingHistoryWeeks,
      },
      ['teamId'],
    );
    return this.getSettings(teamId);
  }

  /**
   * The wellbeing figures staffing adds as shrinkage, from live data where there is some: the hostile
   * share of the team's answered calls over the last `wellbeingHistoryWeeks` weeks, and recovery minutes
   * per hostile call from the team's effective wellbeing policy weighted by the observed severity mix.
   * Without answered calls (or without hostile ones, for the minutes) the stored setting is used.
   */
  async wellbeingFigures(
    teamId: string,
    known?: PlanningSettingsDto,
  ): Promise<WellbeingFiguresDto> {
    const settings = known ?? (await this.getSettings(teamId));
    const weeks = settings.wellbeingHistoryWeeks ?? DEFAULT_SETTINGS.wellbeingHistoryWeeks!;
    const now = this.clock.now();
    const from = new Date(now.getTime() - weeks * 7 * 24 * 3_600_000);
    const agentIds = (await this.agents.listForTeam(teamId)).map((a) => a.id);
    const mix = await this.calls.hostileMix(agentIds, from, now);
    const policy = await this.policies.effective(teamId);
    const granted = await this.recoveryGrants.observed(agentIds, from, now);
    return wellbeingFigures(
      mix,
      policy.recoveryMinutesBySeverity,
      settings,
      { from: from.toISOString(), to: now.toISOString(), weeks },
      granted,
    );
  }

  /** The team's continuous-work micro-break, which enforced recoveries partly take the place of. */
  async continuousWorkBreak(teamId: string): Promise<ContinuousWorkBreak> {
    const policy = await this.policies.effective(teamId);
    return { afterMinutes: policy.microBreakAfterMinutes, minutes: policy.microBreakMinutes };
  }

  /**
   * The occupancy staffing must not exceed: the planning setting when set, else the team's occupancy
   * cap (the line routing treats as burnout, 0.85 by default), never unset.
   */
  async maxOccupancyFor(
    teamId: string,
    known?: PlanningSettingsDto,
  ): Promise<{ value: number; source: 'setting' | 'team-cap' }> {
    const settings = known ?? (await this.getSettings(teamId));
    if (settings.maxOccupancy) return { value: settings.maxOccupancy, source: 'setting' };
    return { value: (await this.teams.settingsFor(teamId)).occupancyCap, source: 'team-cap' };
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
    const { requirements } = await this.staffedRequirements(teamId, from, to, intervalMinutes);
    return requirements.map(({ start, dialect, agents }) => ({
      start,
      ...(dialect ? { dialect } : {}),
      agents,
    }));
  }

  /**
   * The same requirements with each row's shrinkage parts, and the figures behind them with their
   * sources (base shrinkage: the team's setting; wellbeing: history or setting). When the team has
   * callbacks whose window started in the last `wellbeingHistoryWeeks`, each team-wide row also carries
   * their work (`callbackAgents`, whole agents on top of the inbound ones, as the Erlang endpoint adds
   * them), and grid intervals with callback work but no forecast get a row of their own.
   */
  async staffedRequirements(
    teamId: string,
    from: Date,
    to: Date,
    intervalMinutes: number,
  ): Promise<{
    requirements: StaffedRequirement[];
    shrinkage: { base: { value: number; source: 'setting' }; wellbeing: WellbeingFiguresDto };
    maxOccupancy: { value: number; source: 'setting' | 'team-cap' };
    callbacks?: ForecastCallbackFigures;
    warnings: StaffingWarning[];
  }> {
    const settings = await this.getSettings(teamId);
    const wellbeing = await this.wellbeingFigures(teamId, settings);
    const continuousWorkBreak = await this.continuousWorkBreak(teamId);
    const maxOccupancy = await this.maxOccupancyFor(teamId, settings);
    const rows = await this.forecasts.find({
      where: {
        teamId,
        intervalStart: Between(new Date(from.getTime() - 3_600_000), new Date(to.getTime() - 1)),
      },
    });
    const staffingFor = (calls: number, minutes: number, ahtSeconds: number): StaffingResult =>
      requiredAgents({
        callsPerInterval: calls,
        intervalMinutes: minutes,
        ahtSeconds,
        targetServiceLevel: settings.targetServiceLevel,
        targetAnswerSeconds: settings.targetAnswerSeconds,
        shrinkage: settings.shrinkage,
        maxOccupancy: maxOccupancy.value,
        wellbeing: {
          hostileCallRate: wellbeing.hostileCallRate.value,
          recoveryMinutesPerHostileCall: wellbeing.recoveryMinutesPerHostileCall.value,
        },
        continuousWorkBreak,
      } satisfies StaffingInput);
    const out = new Map<
      string,
      { start: string; dialect: string; staffing: StaffingResult; ahtSeconds: number | null }
    >();
    const step = intervalMinutes * 60_000;
    for (const r of rows) {
      const staffing = staffingFor(r.calls, r.intervalMinutes, r.ahtSeconds);
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
        if (prev && prev.staffing.agents >= staffing.agents) continue;
        out.set(key, { start, dialect: r.dialect, staffing, ahtSeconds: r.ahtSeconds });
      }
    }
    const callbackAgents = new Map<string, number>();
    const callbacks = await this.callbackWork(teamId, settings, intervalMinutes);
    if (callbacks) {
      // Without a recorded handle time: the interval's inbound AHT, else the forecast's mean.
      const team = [...out.values()].filter((x) => !x.dialect);
      const meanAht = team.length
        ? team.reduce((n, x) => n + (x.ahtSeconds ?? 0), 0) / team.length
        : null;
      for (let t = from.getTime(); t < to.getTime(); t += step) {
        const volume = callbacks.perSlot.get(weekSlot(t, callbacks.timeZone, intervalMinutes));
        if (!volume) continue;
        const start = new Date(t).toISOString();
        const key = `${start}|`;
        const inbound = out.get(key) ?? {
          start,
          dialect: '',
          staffing: staffingFor(0, intervalMinutes, 1),
          ahtSeconds: null,
        };
        const handle =
          callbacks.figures.handleSecondsPerAttempt.value ?? inbound.ahtSeconds ?? meanAht;
        if (!handle) continue;
        const load = callbackLoad({
          callbacksPerInterval: volume,
          attemptsPerCallback: callbacks.figures.attemptsPerCallback.value,
          handleSecondsPerAttempt: handle,
          intervalMinutes,
          maxOccupancy: maxOccupancy.value,
        });
        if (load.agents === 0) continue;
        out.set(key, { ...inbound, staffing: withCallbackLoad(inbound.staffing, load) });
        callbackAgents.set(key, load.agents);
      }
    }
    const requirements: StaffedRequirement[] = [...out.entries()]
      .map(([key, { start, dialect, staffing }]) => ({
        start,
        ...(dialect ? { dialect } : {}),
        agents: staffing.agents,
        rawAgents: staffing.rawAgents,
        callbackAgents: callbackAgents.get(key) ?? 0,
        shrinkage: staffing.shrinkage,
      }))
      .sort(
        (a, b) =>
          a.start.localeCompare(b.start) || (a.dialect ?? '').localeCompare(b.dialect ?? ''),
      );
    const capped = requirements.filter((r) => r.shrinkage.capped);
    const warnings: StaffingWarning[] = capped.length
      ? [
          {
            code: 'SHRINKAGE_CAPPED',
            message: `Shrinkage went above ${MAX_TOTAL_SHRINKAGE} in ${capped.length} intervals and was cut to it: those intervals are staffed short of what the wellbeing policy costs`,
            intervals: capped.length,
            worstUncappedTotal: Math.max(...capped.map((r) => r.shrinkage.uncappedTotal ?? 0)),
          },
        ]
      : [];
    return {
      requirements,
      shrinkage: { base: { value: settings.shrinkage, source: 'setting' }, wellbeing },
      maxOccupancy,
      ...(callbacks ? { callbacks: callbacks.figures } : {}),
      warnings,
    };
  }

  /**
   * The team's callback work as planning weighs it, or null without callbacks in the period: callbacks
   * per interval of the (site-local) week by when their windows started in the last
   * `wellbeingHistoryWeeks` weeks, attempts per callback and handle seconds per attempt over the whole
   * period (as the Erlang endpoint reads them). Planning settings take no callback figures: history only.
   */
  private async callbackWork(
    teamId: string,
    settings: PlanningSettingsDto,
    intervalMinutes: number,
  ): Promise<{
    perSlot: Map<number, number>;
    timeZone: string;
    figures: ForecastCallbackFigures;
  } | null> {
    const weeks = settings.wellbeingHistoryWeeks ?? DEFAULT_SETTINGS.wellbeingHistoryWeeks!;
    const to = this.clock.now();
    const from = new Date(to.getTime() - weeks * 7 * 86_400_000);
    const starts = await this.callbackHistory.startsForTeam(teamId, from, to);
    if (starts.length === 0) return null;
    const history = await this.callbackHistory.forTeam(teamId, from, to);
    const figures = callbackFigures(
      { ...history, periodMinutes: weeks * 7 * 24 * 60 },
      intervalMinutes,
    );
    const team = await this.teams.get(teamId);
    const { timeZone } = await this.sites.get(team.siteId);
    return {
      perSlot: callbacksPerWeekSlot(starts, weeks, timeZone, intervalMinutes),
      timeZone,
      figures: {
        callbacks: starts.length,
        window: { from: from.toISOString(), to: to.toISOString(), weeks },
        attemptsPerCallback:
          figures.attemptsPerCallback !== null
            ? { value: round(figures.attemptsPerCallback, 4), source: 'history' }
            : { value: 1, source: 'default' },
        handleSecondsPerAttempt:
          figures.handleSecondsPerAttempt !== null
            ? { value: round(figures.handleSecondsPerAttempt, 2), source: 'history' }
            : { value: null, source: 'inbound-aht' },
      },
    };
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The callback figures behind the requirements' callbackAgents. */
export interface ForecastCallbackFigures {
  /** Callbacks whose window started in the window. */
  callbacks: number;
  window: { from: string; to: string; weeks: number };
  attemptsPerCallback: { value: number; source: 'history' | 'default' };
  /** null: no recorded call durations, each interval's inbound AHT is used. */
  handleSecondsPerAttempt: { value: number | null; source: 'history' | 'inbound-aht' };
}

export interface StaffingWarning {
  code: 'SHRINKAGE_CAPPED';
  message: string;
  intervals: number;
  worstUncappedTotal: number;
}

export interface StaffedRequirement {
  start: string;
  dialect?: string;
  agents: number;
  rawAgents: number;
  /** Whole agents of rawAgents that carry callback work (0 without). */
  callbackAgents: number;
  shrinkage: ShrinkageBreakdown;
}
