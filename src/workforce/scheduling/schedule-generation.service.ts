import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { TeamsService } from '../../people/teams/teams.service';
import { Clock } from '../../platform/common/clock/clock';
import { badRequest } from '../../platform/common/errors/domain-error';
import { ForecastsService } from '../forecasts/forecasts.service';
import { preferenceReport, trimToContracts } from './domain/contracts';
import { coverageFor } from './domain/coverage';
import {
  DiagnosticReason,
  diagnoseBeforeSolving,
  PreSolveDiagnostics,
  reasonsAfterSolving,
  shortfallOf,
} from './domain/schedule-diagnostics';
import type {
  PlanningInput,
  PlanningRequirement,
  PlanningShift,
  PreferenceReport,
  ScheduleDiagnostics,
} from './domain/planning-input';
import { planSchedule } from './domain/plan-schedule';
import { qualifyingDialects } from './domain/work-profile';
import type { GenerateScheduleDto } from './dto/schedule.dto';
import { boundaryWindow, buildHorizon } from './generate-schedule';
import { solveInWorker } from './highs-runner';
import { PlanningContextService, toChecked } from './planning-context.service';
import { workedMinutes } from './rule-checker';
import type { ModelHorizon, ModelRequirement } from './schedule-model';
import { Schedule } from './schedule.entity';
import { Shift } from './shift.entity';

const iso = (ms: number) => new Date(ms).toISOString();

/** Generating a schedule: refusing what cannot be, diagnosing before solving, solving in the background. */
@Injectable()
export class ScheduleGenerationService implements OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleGenerationService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly forecasts: ForecastsService,
    private readonly context: PlanningContextService,
    private readonly teams: TeamsService,
    private readonly clock: Clock,
  ) {}

  /** Waits for background solves, so shutting down never cuts one off mid-write. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Accepts the request (202) and solves in the background; progress is kept on the schedule row. */
  async generate(input: GenerateScheduleDto): Promise<{ scheduleId: string; status: 'solving' }> {
    await this.teams.requireExists(input.teamId);
    const { timeZone, rules } = await this.context.forTeam(input.teamId);
    const today = DateTime.fromJSDate(this.clock.now(), { zone: timeZone }).toISODate()!;
    if (input.startDate < today)
      throw badRequest(
        'START_DATE_IN_PAST',
        `A schedule cannot start in the past (today is ${today} at the site)`,
        { startDate: input.startDate, today },
      );
    const horizon = buildHorizon(input.startDate, input.days, timeZone, input.intervalMinutes);
    const from = new Date(horizon.start);
    const to = new Date(horizon.dayStarts[horizon.dayStarts.length - 1]);
    const requirements =
      input.requirements ??
      (await this.forecasts.requirementsFor(input.teamId, from, to, input.intervalMinutes));
    const step = input.intervalMinutes * 60_000;
    requirements.forEach((r, i) => {
      const t = Date.parse(r.start);
      if (t < horizon.start || t >= to.getTime() || (t - horizon.start) % step !== 0)
        throw badRequest(
          'VALIDATION_FAILED',
          'A requirement is off the interval grid of the horizon',
          {
            fields: [
              {
                field: `requirements.${i}.start`,
                messages: ['must be an interval start inside the horizon'],
              },
            ],
          },
        );
    });
    const stored = requirements.map((r) => ({
      start: new Date(r.start).toISOString(),
      ...(r.dialect ? { dialect: r.dialect } : {}),
      agents: r.agents,
    }));
    const team = await this.agents.listForTeam(input.teamId);
    const planning = await this.context.planningInput({
      teamId: input.teamId,
      agents: team,
      startDate: input.startDate,
      days: input.days,
      intervalMinutes: input.intervalMinutes,
      timeZone,
      rules,
      from,
      to,
      requirements: planningRequirements(stored),
    });
    const before = diagnoseBeforeSolving({
      horizon,
      timeZone,
      requirements: modelRequirements(stored, horizon),
      agents: planning.agents,
      rules,
      templates: planning.team?.shiftTemplates,
    });
    const schedule = await this.schedules.save(
      this.schedules.create({
        teamId: input.teamId,
        status: 'solving',
        progress: 0,
        startDate: input.startDate,
        days: input.days,
        intervalMinutes: input.intervalMinutes,
        requirements: stored,
        createdAt: this.clock.now(),
        publishedAt: null,
        objective: null,
        lowerBound: null,
        failureReason: null,
        diagnostics: { ...before },
      }),
    );
    const job = this.solve(schedule.id, before).catch(async (e: unknown) => {
      this.logger.error(`schedule ${schedule.id} failed: ${String(e)}`);
      await this.schedules
        .update(
          { id: schedule.id },
          { status: 'failed', failureReason: String((e as Error)?.message ?? e) },
        )
        .catch(() => undefined);
    });
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
    return { scheduleId: schedule.id, status: 'solving' };
  }

  private async solve(id: string, before: PreSolveDiagnostics): Promise<void> {
    const schedule = await this.schedules.findOneByOrFail({ id });
    const { rules, timeZone } = await this.context.forTeam(schedule.teamId);
    const horizon = buildHorizon(
      schedule.startDate,
      schedule.days,
      timeZone,
      schedule.intervalMinutes,
    );
    const from = new Date(horizon.start);
    const to = new Date(horizon.dayStarts[horizon.dayStarts.length - 1]);
    const team = await this.agents.listForTeam(schedule.teamId);
    const ids = team.map((a) => a.id);
    // Published shifts before, inside and after the horizon: rest, overlap, and the daily, weekly,
    // days-off, consecutive-day and monthly rules reach across the horizon's edges.
    const reach = boundaryWindow(horizon.start, to.getTime(), timeZone, rules);
    const live = await this.context.liveShifts(ids, reach.from, reach.to);
    const fixed = new Map<string, PlanningShift[]>();
    for (const s of live.map(toChecked)) fixed.set(s.agentId, [...(fixed.get(s.agentId) ?? []), s]);
    const planning = await this.context.planningInput({
      teamId: schedule.teamId,
      agents: team,
      startDate: schedule.startDate,
      days: schedule.days,
      intervalMinutes: schedule.intervalMinutes,
      timeZone,
      rules,
      from,
      to,
      requirements: planningRequirements(schedule.requirements),
      fixedShifts: fixed,
    });
    // The solver gets the whole planning input: contracts, availability, preferences, shift templates.
    let last = 0;
    const planned = await planSchedule(planning, {
      solve: (lp, options) => solveInWorker(lp, options),
      onProgress: (progress) => {
        if (progress < last + 0.05 && progress < 0.99) return;
        last = progress;
        void this.schedules.update({ id }, { progress }).catch(() => undefined);
      },
    });
    const result = {
      status: planned.solverStatus,
      objective: planned.objective,
      lowerBound: planned.lowerBound,
      shifts: planned.shifts,
      coverage: planned.coverage,
      violations: planned.violations,
      solverDiagnostics: planned.diagnostics,
      preferences: planned.preferences,
      stats: { ...planned.stats, gap: planned.gap ?? '' },
    };
    if (result.objective === null) {
      await this.schedules.update(
        { id },
        {
          status: 'failed',
          progress: 1,
          failureReason: `The solver found no schedule (${result.status})`,
          lowerBound: result.lowerBound,
          diagnostics: { ...before, solverStatus: result.status },
        },
      );
      return;
    }
    // Contracts are hard: whatever a week holds beyond an agent's contract maximum is dropped here.
    const liveWeekMinutes = weekMinutes(live.map(toChecked), timeZone);
    const { kept, dropped } = trimToContracts(
      result.shifts.map((s) => ({ ...s, workMinutes: workedMinutes(s) })),
      planning.agents,
      timeZone,
      liveWeekMinutes,
    );
    const dialectsOf = new Map(planning.agents.map((a) => [a.agentId, qualifyingDialects(a)]));
    const coverage = dropped.length
      ? coverageFor(schedule.requirements, schedule.intervalMinutes, kept, dialectsOf)
      : result.coverage;
    const diagnostics = diagnoseAfter(
      before,
      planning,
      kept,
      dropped.length,
      coverage,
      result.status,
      result.solverDiagnostics,
      result.preferences,
      horizon,
      schedule.intervalMinutes,
      timeZone,
    );
    await this.dataSource.transaction(async (manager) => {
      const rows = kept.map((s) => ({
        scheduleId: id,
        agentId: s.agentId,
        startsAt: new Date(s.start),
        endsAt: new Date(s.end),
        breaks: s.breaks.map((b) => ({ startsAt: iso(b.start), endsAt: iso(b.end), kind: b.kind })),
        live: false,
      }));
      for (let i = 0; i < rows.length; i += 500)
        await manager.getRepository(Shift).insert(rows.slice(i, i + 500));
      await manager.getRepository(Schedule).update(
        { id },
        {
          status: result.violations.length === 0 ? 'draft' : 'failed',
          progress: 1,
          objective: result.objective,
          lowerBound: result.lowerBound,
          coverage,
          violations: result.violations,
          stats: { ...result.stats, solverStatus: result.status },
          diagnostics,
          failureReason: result.violations.length === 0 ? null : 'The schedule breaks labour rules',
        },
      );
    });
  }
}

export function planningRequirements(
  rows: Array<{ start: string; dialect?: string; agents: number }>,
): PlanningRequirement[] {
  return rows.map((r) => ({
    start: Date.parse(r.start),
    dialect: r.dialect ?? null,
    agents: r.agents,
  }));
}

export function modelRequirements(
  rows: Array<{ start: string; dialect?: string; agents: number }>,
  horizon: ModelHorizon,
): ModelRequirement[] {
  const step = horizon.intervalMinutes * 60_000;
  return rows.map((r) => ({
    interval: Math.round((Date.parse(r.start) - horizon.start) / step),
    dialect: r.dialect ?? null,
    agents: r.agents,
  }));
}

/** Paid minutes per `agentId|week` (Monday, local) of the given shifts. */
function weekMinutes(
  shifts: Array<{
    agentId: string;
    start: number;
    end: number;
    breaks: Array<{ start: number; end: number; kind: string }>;
  }>,
  timeZone: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of shifts) {
    const key = `${s.agentId}|${DateTime.fromMillis(s.start, { zone: timeZone }).startOf('week').toISODate()}`;
    out.set(key, (out.get(key) ?? 0) + workedMinutes(s));
  }
  return out;
}

function diagnoseAfter(
  before: PreSolveDiagnostics,
  planning: PlanningInput,
  shifts: Array<{ agentId: string; start: number; end: number; workMinutes: number }>,
  trimmed: number,
  coverage: Array<{ start: string; dialect?: string; required: number; scheduled: number }>,
  solverStatus: string,
  solver: ScheduleDiagnostics,
  solverPreferences: PreferenceReport,
  horizon: ModelHorizon,
  intervalMinutes: number,
  timeZone: string,
) {
  const reasons: DiagnosticReason[] = [...before.reasons];
  if (trimmed > 0)
    reasons.push({
      code: 'CONTRACT_TRIMMED',
      message: `${trimmed} shifts were dropped to keep agents within their contract's weekly hours`,
      details: { shifts: trimmed },
    });
  // The solver's own reasons (time off over short intervals, unassigned shifts …) join those known
  // before solving; a code already given for the same dialect and date is not repeated.
  const key = (r: { code: string; details?: Record<string, unknown> }) =>
    `${r.code}|${String(r.details?.dialect ?? '')}|${String(r.details?.date ?? '')}`;
  const seen = new Set(reasons.map(key));
  for (const r of trimmed > 0 ? [] : solver.reasons)
    if (!seen.has(key(r))) {
      seen.add(key(r));
      reasons.push(r);
    }
  reasons.push(
    ...reasonsAfterSolving({
      coverage,
      intervalMinutes,
      agents: planning.agents,
      timeZone,
      known: reasons,
      rules: planning.rules,
    }),
  );
  const working = new Set(shifts.map((s) => s.agentId));
  return {
    ...before,
    solverStatus,
    unassignedAgents: planning.agents.filter((a) => !working.has(a.agentId)).map((a) => a.agentId),
    shortfall: shortfallOf(coverage, timeZone),
    preferences:
      trimmed > 0 ? preferenceReport(shifts, planning.agents, timeZone) : solverPreferences,
    reasons,
  };
}
