import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ManualClock } from '../platform/common/clock/clock';
import { bearer, HttpClient } from './http-client';
import { dayForecast, minShiftMinutesFor, RosterShift } from './roster';
import type { Centre } from './setup';
import {
  bootService,
  createDatabase,
  databaseExists,
  DatabaseServer,
  dropDatabase,
  fingerprint,
  renameDatabase,
  schemaFingerprint,
} from './sim-service';

/** What the team's forecast, staffing and schedule are built from. */
export interface RosterPlan {
  /** First local day (site time zone), YYYY-MM-DD, and how many. */
  firstDay: string;
  days: number;
  /** Each day's opening instant (ms), and the day's length in hours. */
  opensMs: number[];
  hours: number;
  /** The centre's whole forecast a day (shared equally by the rostered teams) and its AHT. */
  callsPerDay: number;
  ahtSeconds: number;
  targetServiceLevel: number;
  targetAnswerSeconds: number;
  /** Base shrinkage: the absence the planner expects. */
  baseShrinkage: number;
  hostileCallRate: number;
  /** Recovery minutes per hostile call of the policy staffed for (0 without enforcement). */
  recoveryMinutesPerHostileCall: number;
  /** Teams whose agents are rostered (not the extra-agent reserve). */
  teamIds: string[];
  solverSeconds: number;
  /** Virtual time of the build (before the first day). */
  setupAt: Date;
}

/** What the staffing asked for, per team and summed over the rostered teams. */
export interface RosterStaffing {
  /** Agents to roster at the busiest interval (the requirements preview's `agents`), all teams. */
  peakAgents: number;
  /** Working agents at that interval (`rawAgents`). */
  peakRawAgents: number;
  /** The preview's shrinkage at that interval (first team). */
  shrinkage: { base: number; wellbeing: number; total: number };
  /** Agent-hours the requirements ask for (Σ agents × interval), all teams. */
  requiredAgentHours: number;
}

export interface RosteredCentre {
  template: string;
  shifts: RosterShift[];
  staffing: RosterStaffing;
  built: boolean;
}

/** Bumped when staffing or generation changes what a roster is: a kept one is then rebuilt. */
const ROSTER_VERSION = 2;
const INTERVAL_MINUTES = 30;
/** Wall time between polls of a solving schedule (the solver's limit is wall time too). */
const POLL_MS = 500;

/**
 * A centre with a published schedule, as a template database cloned for every run. The solver
 * works to a wall-clock limit, so two generations of the same input may differ: building the
 * schedule once per input and reusing it keeps a seed's day the same run after run.
 */
export async function preparedRoster(
  server: DatabaseServer,
  centreTemplate: string,
  centre: Centre,
  plan: RosterPlan,
  cacheDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<RosteredCentre> {
  const key = fingerprint({ v: ROSTER_VERSION, centreTemplate, plan, cacheDir });
  const template = `sw_sim_tpl_${key}`;
  const manifestPath = `${cacheDir}/${template}.json`;
  if (existsSync(manifestPath) && (await databaseExists(server.adminUrl, template))) {
    const saved = JSON.parse(readFileSync(manifestPath, 'utf8')) as RosteredCentre;
    return { ...saved, template, built: false };
  }
  await dropDatabase(server.adminUrl, template);
  const building = `sw_sim_build_${key}_${process.pid}`;
  const url = await createDatabase(server.adminUrl, building, centreTemplate);
  const clock = new ManualClock(plan.setupAt);
  const service = await bootService(url, clock, env);
  let built: Omit<RosteredCentre, 'template' | 'built'>;
  try {
    log(
      `building the schedule: forecast, staffing, generation (${plan.teamIds.length} teams; once)`,
    );
    const http = new HttpClient(service.url, 4);
    built = await buildRoster(http, centre, plan);
    http.close();
  } finally {
    await service.close();
  }
  await renameDatabase(server.adminUrl, building, template);
  mkdirSync(dirname(manifestPath), { recursive: true });
  writeFileSync(manifestPath, JSON.stringify({ ...built, schema: schemaFingerprint() }), {
    mode: 0o600,
  });
  return { ...built, template, built: true };
}

async function buildRoster(
  http: HttpClient,
  centre: Centre,
  plan: RosterPlan,
): Promise<Omit<RosteredCentre, 'template' | 'built'>> {
  const asAdmin = bearer(centre.adminToken);
  await http.call('PUT', `/v1/sites/${centre.siteId}/labour-rules`, asAdmin, {
    minShiftMinutes: minShiftMinutesFor(plan.hours),
    solverTimeLimitSeconds: plan.solverSeconds,
  });
  const perTeam = plan.callsPerDay / plan.teamIds.length;
  const staffing: RosterStaffing = {
    peakAgents: 0,
    peakRawAgents: 0,
    shrinkage: { base: 0, wellbeing: 0, total: 0 },
    requiredAgentHours: 0,
  };
  const byInterval = new Map<string, { agents: number; raw: number }>();
  for (const [t, teamId] of plan.teamIds.entries()) {
    // No call history yet: staffing takes the wellbeing figures from these settings. The team's
    // policy stays the service's default here; each run sets the policy it plays.
    await http.call('PUT', `/v1/teams/${teamId}/planning-settings`, asAdmin, {
      targetServiceLevel: plan.targetServiceLevel,
      targetAnswerSeconds: plan.targetAnswerSeconds,
      shrinkage: plan.baseShrinkage,
      hostileCallRate: plan.hostileCallRate,
      recoveryMinutesPerHostileCall: plan.recoveryMinutesPerHostileCall,
    });
    await http.call('PUT', `/v1/teams/${teamId}/forecast`, asAdmin, {
      intervalMinutes: INTERVAL_MINUTES,
      intervals: plan.opensMs.flatMap((opens) =>
        dayForecast(opens, plan.hours, INTERVAL_MINUTES, perTeam, plan.ahtSeconds),
      ),
    });
    const preview = await http.call(
      'GET',
      `/v1/schedules/requirements-preview?teamId=${teamId}&startDate=${plan.firstDay}&days=${plan.days}&intervalMinutes=${INTERVAL_MINUTES}`,
      asAdmin,
    );
    for (const row of preview.requirements as Array<{
      start: string;
      dialect?: string;
      agents: number;
      rawAgents: number;
      shrinkage: { base: number; wellbeing: number; total: number };
    }>) {
      if (row.dialect) continue;
      const sum = byInterval.get(row.start) ?? { agents: 0, raw: 0 };
      sum.agents += row.agents;
      sum.raw += row.rawAgents;
      byInterval.set(row.start, sum);
      staffing.requiredAgentHours += (row.agents * INTERVAL_MINUTES) / 60;
      if (t === 0 && row.shrinkage.total >= staffing.shrinkage.total)
        staffing.shrinkage = {
          base: row.shrinkage.base,
          wellbeing: row.shrinkage.wellbeing,
          total: row.shrinkage.total,
        };
    }
  }
  for (const { agents, raw } of byInterval.values())
    if (agents > staffing.peakAgents) {
      staffing.peakAgents = agents;
      staffing.peakRawAgents = raw;
    }

  // One team at a time: the solver takes a core, and the machine has few.
  const indexOf = new Map(centre.agents.map((a) => [a.agentId, a.index]));
  const shifts: RosterShift[] = [];
  for (const teamId of plan.teamIds) {
    const published = await generateAndPublish(http, asAdmin, {
      teamId,
      startDate: plan.firstDay,
      days: plan.days,
      intervalMinutes: INTERVAL_MINUTES,
    });
    for (const s of published.shifts as Array<{
      agentId: string;
      startsAt: string;
      endsAt: string;
      breaks: Array<{ startsAt: string; endsAt: string; kind: 'rest' | 'meal' }>;
    }>) {
      const agentIndex = indexOf.get(s.agentId);
      if (agentIndex === undefined)
        throw new Error('a shift named an agent the simulator did not create');
      shifts.push({
        agentIndex,
        startMs: Date.parse(s.startsAt),
        endMs: Date.parse(s.endsAt),
        breaks: s.breaks.map((b) => ({
          startMs: Date.parse(b.startsAt),
          endMs: Date.parse(b.endsAt),
          kind: b.kind,
        })),
      });
    }
  }
  shifts.sort((a, b) => a.startMs - b.startMs || a.agentIndex - b.agentIndex);
  return { shifts, staffing };
}

/**
 * A team's schedule generated from its forecast by the service's solver (polled while it works in
 * the background) and published; the published schedule. Throws when no draft came of it.
 */
export async function generateAndPublish(
  http: HttpClient,
  auth: Record<string, string>,
  request: { teamId: string; startDate: string; days: number; intervalMinutes: number },
): Promise<any> {
  const accepted = await http.call('POST', '/v1/schedules/generate', auth, request);
  let schedule = await http.call('GET', `/v1/schedules/${accepted.scheduleId}`, auth);
  while (schedule.status === 'solving') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    schedule = await http.call('GET', `/v1/schedules/${accepted.scheduleId}`, auth);
  }
  if (schedule.status !== 'draft')
    throw new Error(
      `the schedule of team ${request.teamId} was not generated: ${schedule.status} (${schedule.failureReason ?? 'no reason given'})`,
    );
  return http.call('POST', `/v1/schedules/${accepted.scheduleId}/publish`, auth);
}
