import type { INestApplication } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ManualClock } from '../platform/common/clock/clock';
import { DEFAULT_POLICY } from '../wellbeing/break-policy';
import { PresenceHistory } from '../routing/presence/presence-history.service';
import { planCalls } from './arrivals';
import { DEFAULT_CALLBACK_MODEL } from './callbacks';
import { DEFAULT_BEHAVIOUR, PlannedDay, runDays } from './day';
import { bearer, HttpClient, mapLimit } from './http-client';
import { parallelRuns, RunWorkers } from './parallel-runs';
import type { StateSpan } from './metrics';
import type { SimulatorOptions } from './options';
import { drawDayConditions } from './day-conditions';
import { Prng } from './prng';
import { NO_REDIAL } from './redial';
import { NO_TOUCHES } from './recovery-touches';
import { Centre, preparedCentre } from './setup';
import {
  bootService,
  createDatabase,
  DatabaseServer,
  dropDatabase,
  runDatabaseName,
  openDatabaseServer,
  cacheDir,
} from './sim-service';
import { RunResult, summarise } from './summary';
import { planExtraAgents, planWorkforce } from './workforce';
import { fewestExtraAgents, ExtraAgentsTrial } from './extra-agents';
import { paidMinutes, rosteredDays, RosterShift } from './roster';
import { preparedRoster, RosterStaffing } from './scheduled-centre';

export interface PolicyInput {
  name: string;
  /** The body of PUT /v1/wellbeing/policies/teams/{teamId}; empty keeps the defaults. */
  settings: Record<string, unknown>;
}

/** What a run exposes to `inspect` before its database is dropped (tests read the service's records). */
export interface RunContext {
  policy: PolicyInput;
  app: INestApplication;
  http: HttpClient;
  centre: Centre;
  days: PlannedDay[];
}

export interface SimulationIo {
  log: (line: string) => void;
  progress?: (label: string, fraction: number) => void;
  inspect?: (run: RunContext) => Promise<void>;
}

/** One seed's day(s), every policy played on them. */
export interface SeedRuns {
  seed: string;
  runs: RunResult[];
}

/** The extra agents the lower policy needs to hold the other's service level (`--find-extra-agents`). */
export interface ExtraAgentsResult {
  /** The policy that needed them, and the one whose service level it was to hold. */
  policy: string;
  reference: string;
  referenceServiceLevel: number;
  serviceLevelWithout: number;
  tolerancePoints: number;
  /** Null when even `maxExtraAgents` did not reach it. */
  extraAgents: number | null;
  maxExtraAgents: number;
  serviceLevel: number;
  /** Their paid hours over the days played (their shifts less lunch; the whole day unscheduled). */
  agentHours: number | null;
  trials: ExtraAgentsTrial[];
}

/** The schedule played (`--schedule`): what the staffing asked for and what was rostered. */
export interface RosterFigures {
  staffing: RosterStaffing;
  shifts: number;
  /** Paid hours of the published shifts (shift less its unpaid meal), all days. */
  paidAgentHours: number;
  agentsWithShifts: number;
  /** The days' playing window, local times. */
  window: { from: string; to: string };
  built: boolean;
}

export interface SimulationResult {
  options: SimulatorOptions;
  roster?: RosterFigures;
  extraAgents?: ExtraAgentsResult;
  timeZone: string;
  /** The first seed's runs, one per policy (all of it with one seed). */
  runs: RunResult[];
  /** Every seed's runs, the first one first (`--seeds`). */
  seeds: SeedRuns[];
  timings: {
    setupSeconds: number;
    /** Each run's wall time, main runs first (seed by seed, policy by policy), then extra-agent trials. */
    runSeconds: number[];
    /** Wall time of all the runs, played `parallel` at a time. */
    runsWallSeconds: number;
    parallel: number;
    centreBuilt: boolean;
  };
}

/** Day 1 is a Monday; the centre opens at 09:00 in its zone. */
const FIRST_DAY = '2026-01-05';
const OPENS_AT = '09:00';

export function firstDayStart(timeZone: string): DateTime {
  return DateTime.fromISO(`${FIRST_DAY}T${OPENS_AT}`, { zone: timeZone });
}

/** The seeds of `--seeds N`: the given one, then `<seed>.2` ... `<seed>.N`. */
export function seedsOf(options: Pick<SimulatorOptions, 'seed' | 'seeds'>): string[] {
  return Array.from({ length: options.seeds }, (_, i) =>
    i === 0 ? options.seed : `${options.seed}.${i + 1}`,
  );
}

/** Recovery minutes per hostile call a policy enforces, by the day's severity mix (0 when off). */
export function recoveryMinutesOf(policy: PolicyInput, options: SimulatorOptions): number {
  if (policy.settings.recoveryBreaksEnabled === false) return 0;
  const minutes = Array.isArray(policy.settings.recoveryMinutesBySeverity)
    ? (policy.settings.recoveryMinutesBySeverity as number[])
    : DEFAULT_POLICY.recoveryMinutesBySeverity;
  const w = options.hostile.severityWeights;
  const total = w[0] + w[1] + w[2];
  return (w[0] * minutes[0] + w[1] * minutes[1] + w[2] * minutes[2]) / total;
}

/** Plans the days from the seed: the same arrivals for every policy compared. */
export function planDays(options: SimulatorOptions, timeZone: string): PlannedDay[] {
  const rng = new Prng(options.seed);
  const start = firstDayStart(timeZone);
  return Array.from({ length: options.days }, (_, d) => {
    const startMs = start.plus({ days: d }).toMillis();
    const dayMs = options.hours * 3_600_000;
    // The day's demand misses the forecast the staffing was sized on; some agents do not come in.
    const { demandFactor, absentAgents } = drawDayConditions(
      rng.stream(`conditions/day-${d}`),
      options.agents,
      options.absenceShare,
      options.forecastErrorCv,
    );
    return {
      startMs,
      endMs: startMs + dayMs,
      demandFactor,
      absentAgents,
      calls: planCalls(
        rng.stream(`calls/day-${d}`),
        {
          callsPerDay: Math.round(options.callsPerDay * demandFactor),
          dayMs,
          ahtSeconds: options.ahtSeconds,
          handleCv: 0.6,
          patienceSeconds: options.patienceSeconds,
          dialectMix: options.dialectMix,
          elderCareShare: options.elderCareCallShare,
          hostile: options.hostile,
        },
        `d${d + 1}`,
      ),
    };
  });
}

/**
 * The whole simulation: a prepared centre (built through the API once, then cloned), and for each
 * policy a fresh copy of it, the service booted on a ManualClock, the same days played, and the
 * figures read back from what the service recorded.
 */
export async function simulate(
  options: SimulatorOptions,
  policies: PolicyInput[],
  io: SimulationIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SimulationResult> {
  const t0 = performance.now();
  const server = await openDatabaseServer(env);
  try {
    const workforce = planWorkforce(
      options.agents,
      options.dialectMix,
      options.elderCareAgentShare,
      options.teamSize,
    );
    const teams = Math.max(1, Math.ceil(options.agents / options.teamSize));
    const maxExtra = options.findExtraAgents
      ? (options.maxExtraAgents ?? Math.max(1, Math.ceil(options.agents / 2)))
      : 0;
    // The extra agents the search may add: in the centre from the start, in a team of their own.
    const extras = planExtraAgents(
      maxExtra,
      options.agents,
      options.dialectMix,
      options.elderCareAgentShare,
      teams,
    );
    const timeZone = 'Asia/Shanghai';
    const setupAt = firstDayStart(timeZone).minus({ days: 1 }).toJSDate();
    const prepared = await preparedCentre(
      server,
      {
        agents: [...workforce, ...extras],
        teams: teams + (maxExtra > 0 ? 1 : 0),
        counselors: Math.max(1, Math.ceil(options.agents / 50)),
        timeZone,
        setupAt,
      },
      cacheDir(env),
      env,
      io.log,
    );
    const { centre: fullCentre, built } = prepared;
    let template = prepared.template;
    const centre = agentsUpTo(fullCentre, options.agents);
    let shifts: RosterShift[] | null = null;
    let roster: RosterFigures | undefined;
    if (options.schedule) {
      // Staffed for the enforcing policy played (the one whose recoveries the roster must carry).
      const staffedFor = policies.find((p) => p.settings.recoveryBreaksEnabled !== false);
      const start = firstDayStart(timeZone);
      const rostered = await preparedRoster(
        server,
        template,
        fullCentre,
        {
          firstDay: start.toISODate()!,
          days: options.days,
          opensMs: Array.from({ length: options.days }, (_, d) =>
            start.plus({ days: d }).toMillis(),
          ),
          hours: options.hours,
          callsPerDay: options.callsPerDay,
          ahtSeconds: options.ahtSeconds,
          targetServiceLevel: 0.8,
          targetAnswerSeconds: options.serviceLevelSeconds,
          baseShrinkage: options.absenceShare,
          hostileCallRate: options.hostile.rate,
          recoveryMinutesPerHostileCall: staffedFor ? recoveryMinutesOf(staffedFor, options) : 0,
          teamIds: fullCentre.teamIds.slice(0, teams),
          solverSeconds: options.solverSeconds,
          setupAt,
        },
        cacheDir(env),
        env,
        io.log,
      );
      template = rostered.template;
      shifts = rostered.shifts;
      const first = rosteredDays(planDays(options, timeZone).slice(0, 1), shifts)[0];
      const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).toFormat('HH:mm');
      roster = {
        staffing: rostered.staffing,
        shifts: shifts.length,
        paidAgentHours: round1(shifts.reduce((s, x) => s + paidMinutes(x), 0) / 60),
        agentsWithShifts: new Set(shifts.map((x) => x.agentIndex)).size,
        window: { from: local(first.startMs), to: local(first.endMs) },
        built: rostered.built,
      };
    }
    const daysOf = (seeded: SimulatorOptions, extraAgents: number[] = []) => {
      const planned = planDays(seeded, timeZone);
      return shifts ? rosteredDays(planned, shifts, extraAgents) : planned;
    };
    const setupSeconds = (performance.now() - t0) / 1000;
    const runsFrom = performance.now();
    const seeds: SeedRuns[] = [];
    const runSeconds: number[] = [];
    // Every seed's runs, several at once (each in its own process) when there are several.
    const parallel = io.inspect ? 1 : parallelRuns(options.parallel);
    const workers = new RunWorkers(server.adminUrl);
    const secondsOf = new Map<RunResult, number>();
    const play = async (
      runCentre: Centre,
      days: PlannedDay[],
      policy: PolicyInput,
      seeded: SimulatorOptions,
      label: SimulationIo,
      alone: boolean,
    ): Promise<RunResult> => {
      const t1 = performance.now();
      const run: RunResult =
        parallel > 1 && !alone
          ? await workers.play(
              {
                adminUrl: server.adminUrl,
                template,
                centre: runCentre,
                days,
                policy,
                options: seeded,
              },
              env,
              label,
            )
          : await runPolicy(server, template, runCentre, days, policy, seeded, env, label);
      secondsOf.set(run, (performance.now() - t1) / 1000);
      return run;
    };
    const tasks = seedsOf(options).flatMap((seed) => policies.map((policy) => ({ seed, policy })));
    const played = await mapLimit(tasks, parallel, ({ seed, policy }) => {
      const seeded = { ...options, seed };
      const label = options.seeds > 1 ? { ...io, progress: seedProgress(io, seed) } : io;
      return play(centre, daysOf(seeded), policy, seeded, label, tasks.length === 1);
    }).finally(() => workers.stopAll());
    for (const seed of seedsOf(options))
      seeds.push({ seed, runs: played.filter((_, i) => tasks[i].seed === seed) });
    runSeconds.push(...played.map((run) => secondsOf.get(run)!));

    let extraAgents: ExtraAgentsResult | undefined;
    if (maxExtra > 0 && policies.length > 1) {
      const meanSl = (p: number) =>
        seeds.reduce((s, x) => s + (x.runs[p].summary.serviceLevel ?? 0), 0) / seeds.length;
      // The policy that answers worse needs the agents; the other one's level is the target.
      const lower = meanSl(1) < meanSl(0) ? 1 : 0;
      const reference = 1 - lower;
      const target = meanSl(reference) - options.extraAgentsTolerancePoints / 100;
      const extraIndexes = (k: number) => Array.from({ length: k }, (_, j) => options.agents + j);
      const search = await fewestExtraAgents(
        async (k) => {
          const runs = await mapLimit(seedsOf(options), parallel, (seed) => {
            const seeded = { ...options, seed };
            return play(
              agentsUpTo(fullCentre, options.agents + k),
              daysOf(seeded, extraIndexes(k)),
              policies[lower],
              seeded,
              { ...io, progress: (label, f) => io.progress?.(`${label} +${k} agents`, f) },
              options.seeds === 1,
            );
          }).finally(() => workers.stopAll());
          runSeconds.push(...runs.map((run) => secondsOf.get(run)!));
          return runs.reduce((sum, run) => sum + (run.summary.serviceLevel ?? 0), 0) / seeds.length;
        },
        target,
        maxExtra,
        meanSl(lower),
      );
      const k = search.extraAgents;
      let agentHours: number | null = null;
      if (k !== null) {
        const days = daysOf(options, extraIndexes(k));
        agentHours = shifts
          ? days.reduce(
              (s, d) =>
                s +
                (d.roster ?? [])
                  .filter((x) => x.agentIndex >= options.agents)
                  .reduce((m, x) => m + paidMinutes(x) / 60, 0),
              0,
            )
          : k * options.hours * options.days;
      }
      extraAgents = {
        policy: policies[lower].name,
        reference: policies[reference].name,
        referenceServiceLevel: meanSl(reference),
        serviceLevelWithout: meanSl(lower),
        tolerancePoints: options.extraAgentsTolerancePoints,
        extraAgents: k,
        maxExtraAgents: maxExtra,
        serviceLevel: search.serviceLevel,
        agentHours: agentHours === null ? null : round1(agentHours),
        trials: search.trials,
      };
    }
    return {
      options,
      ...(roster ? { roster } : {}),
      ...(extraAgents ? { extraAgents } : {}),
      timeZone,
      runs: seeds[0].runs,
      seeds,
      timings: {
        setupSeconds,
        runSeconds,
        runsWallSeconds: (performance.now() - runsFrom) / 1000,
        parallel,
        centreBuilt: built,
      },
    };
  } finally {
    await server.stop();
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The centre as a run sees it: its first `n` agents (the rest never log in). */
function agentsUpTo(centre: Centre, n: number): Centre {
  return { ...centre, agents: centre.agents.filter((a) => a.index < n) };
}

const seedProgress = (io: SimulationIo, seed: string) => (label: string, fraction: number) =>
  io.progress?.(`${label}, seed ${seed}`, fraction);

export async function runPolicy(
  server: DatabaseServer,
  template: string,
  centre: Centre,
  days: PlannedDay[],
  policy: PolicyInput,
  options: SimulatorOptions,
  env: NodeJS.ProcessEnv,
  io: SimulationIo,
): Promise<RunResult> {
  const name = runDatabaseName();
  const url = await createDatabase(server.adminUrl, name, template);
  const clock = new ManualClock(new Date(days[0].startMs - 3_600_000));
  // A service that does not boot leaves no copy of the centre behind either.
  const service = await bootService(url, clock, env).catch(async (e: unknown) => {
    await dropDatabase(server.adminUrl, name);
    throw e;
  });
  const http = new HttpClient(service.url, options.concurrency);
  try {
    const asAdmin = bearer(centre.adminToken);
    if (Object.keys(policy.settings).length) {
      for (const teamId of centre.teamIds)
        await http.call('PUT', `/v1/wellbeing/policies/teams/${teamId}`, asAdmin, policy.settings);
    }
    const log = await runDays(service.app, http, clock, centre, days, {
      tickSeconds: options.tickSeconds,
      behaviour: { ...DEFAULT_BEHAVIOUR, counsellingUptake: options.counsellingUptake },
      hostile: options.hostile,
      redial: { ...NO_REDIAL, share: options.redialShare, meanDelayMinutes: options.redialMinutes },
      redialPatienceSeconds: options.patienceSeconds,
      touches: {
        ...NO_TOUCHES,
        extendShare: options.extendShare,
        shortenShare: options.shortenShare,
      },
      recoveryFloorMinutes:
        typeof policy.settings.recoveryFloorMinutes === 'number'
          ? policy.settings.recoveryFloorMinutes
          : DEFAULT_POLICY.recoveryFloorMinutes,
      seed: options.seed,
      callbacks: {
        ...DEFAULT_CALLBACK_MODEL,
        share: options.callbackShare,
        windowMinutes: options.callbackWindowMinutes,
      },
      onProgress: (f) => io.progress?.(policy.name, f),
    });

    // Figures from the service's own records: presence history and the wellbeing report.
    const presence = service.app.get(PresenceHistory);
    const agentIds = centre.agents.map((a) => a.agentId);
    const from = new Date(days[0].startMs - 3_600_000);
    const to = clock.now();
    const spans: StateSpan[] = (await presence.history(agentIds, from, to)).map((h) => ({
      agentId: h.agentId,
      state: h.state,
      startMs: h.startedAt.getTime(),
      endMs: (h.endedAt ?? to).getTime(),
    }));
    let fullRecoveries = 0;
    for (const day of days) {
      const date = DateTime.fromMillis(day.startMs, { zone: centre.timeZone }).toISODate()!;
      for (const teamId of centre.teamIds) {
        const report = await http.call(
          'GET',
          `/v1/wellbeing/report?teamId=${teamId}&date=${date}`,
          asAdmin,
        );
        fullRecoveries += report.hostileCallsWithFullRecovery;
      }
    }
    await io.inspect?.({ policy, app: service.app, http, centre, days });
    const minutes = policy.settings.recoveryMinutesBySeverity;
    return summarise(
      policy.name,
      options,
      centre,
      days,
      log,
      spans,
      fullRecoveries,
      Array.isArray(minutes) ? (minutes as number[]) : DEFAULT_POLICY.recoveryMinutesBySeverity,
    );
  } finally {
    http.close();
    await service.close();
    await dropDatabase(server.adminUrl, name);
  }
}
