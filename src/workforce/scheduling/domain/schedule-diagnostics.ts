/**
 * Why a schedule falls short, in plain words (pure), as the service sees it around the solver. Before solving: demand against what the team can
 * be on the phones at most (phone-capacity.ts), calls no shift template reaches, dialects nobody covers, time
 * off over the intervals that need every qualified agent. After solving: shortfall per dialect and per local day, agents without shifts,
 * and time off over the intervals left short.
 */
import { DateTime } from 'luxon';
import type { PlanningAgent, ReasonCode, ShortfallFigure, TimeRange } from './planning-input';
import { breakIntervalsFor, breakMinutesFor, LabourRules } from '../labour-rules';
import {
  agentPhoneMinutesAtMost,
  CapacityHorizon,
  phoneCapacityFrame,
  PhoneCapacityFrame,
} from './phone-capacity';
import { qualifyingDialects } from './work-profile';

/** The solver's reason codes, and what the service adds before and after solving. */
export interface DiagnosticReason {
  code:
    | ReasonCode
    | 'HEADCOUNT_SHORT'
    | 'CONTRACT_TRIMMED'
    | 'SHORTFALL'
    | 'BREAKS_TAKE_WHOLE_INTERVALS'
    | 'TEMPLATES_MISS_DEMAND';
  message: string;
  details?: Record<string, unknown>;
}

export type DiagnosticHorizon = CapacityHorizon;

export interface DiagnosticRequirement {
  interval: number;
  dialect: string | null;
  agents: number;
}

export interface PreSolveDiagnostics {
  /** Agent-hours the requirements ask for (per interval, the largest row). */
  demandAgentHours: number;
  /**
   * Agent-hours the team can be on the phones at most while calls are asked for: contracts, site
   * rules and unavailability, less paid rest breaks.
   */
  capacityAgentHours: number;
  reasons: DiagnosticReason[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

const qualifies = (a: PlanningAgent, dialect: string | null) =>
  dialect === null || qualifyingDialects(a).includes(dialect);

function overlapMs(ranges: TimeRange[] | undefined, from: number, to: number): number {
  let ms = 0;
  for (const r of ranges ?? []) ms += Math.max(0, Math.min(r.end, to) - Math.max(r.start, from));
  return ms;
}

/** What can be said before the solver runs. */
export function diagnoseBeforeSolving(input: {
  horizon: DiagnosticHorizon;
  timeZone: string;
  requirements: DiagnosticRequirement[];
  agents: PlanningAgent[];
  rules: LabourRules;
  /** The team's shift templates, when it has them: the only shifts the solver places. */
  templates?: Array<{ start: string; minutes: number }>;
}): PreSolveDiagnostics {
  const { horizon, requirements, agents, rules, timeZone } = input;
  const ivHours = horizon.intervalMinutes / 60;
  const reasons: DiagnosticReason[] = [];
  const frame = phoneCapacityFrame({
    horizon,
    rules,
    timeZone,
    demandIntervals: requirements.filter((r) => r.agents > 0).map((r) => r.interval),
    templates: input.templates,
  });
  const capacity = new Map(agents.map((a) => [a.agentId, agentPhoneMinutesAtMost(a, frame) / 60]));
  const peak = new Map<number, number>();
  for (const r of requirements) peak.set(r.interval, Math.max(peak.get(r.interval) ?? 0, r.agents));
  if (input.templates?.length) {
    const missed = templatesMissDemand(frame, peak);
    if (missed) reasons.push(missed);
  }
  const demand = [...peak.values()].reduce((s, n) => s + n * ivHours, 0);
  const total = [...capacity.values()].reduce((s, h) => s + h, 0);
  if (demand > total + 1e-9)
    reasons.push({
      code: 'TEAM_TOO_SMALL',
      message: `The team is too small: the requirements need ${round1(demand)} agent-hours, the team's ${agents.length} agents can be on the phones at most ${round1(total)} while calls are asked for`,
      details: {
        neededAgentHours: round1(demand),
        availableAgentHours: round1(total),
        agents: agents.length,
      },
    });

  const dialects = [...new Set(requirements.map((r) => r.dialect).filter((d) => d !== null))];
  for (const dialect of dialects.sort()) {
    const rows = requirements.filter((r) => r.dialect === dialect && r.agents > 0);
    if (rows.length === 0) continue;
    const speakers = agents.filter((a) => qualifies(a, dialect));
    const need = rows.reduce((s, r) => s + r.agents * ivHours, 0);
    if (speakers.length === 0)
      reasons.push({
        code: 'NO_QUALIFIED_AGENTS',
        message: `Nobody in the team speaks ${dialect} at proficiency ≥ 3: ${round1(need)} agent-hours of ${dialect} cannot be covered`,
        details: { dialect, neededAgentHours: round1(need) },
      });
    else {
      const can = speakers.reduce((s, a) => s + capacity.get(a.agentId)!, 0);
      if (need > can + 1e-9)
        reasons.push({
          code: 'DIALECT_TOO_FEW',
          message: `Too few ${dialect} speakers: ${dialect} needs ${round1(need)} agent-hours, its ${speakers.length} speakers can be on the phones at most ${round1(can)} while calls are asked for`,
          details: {
            dialect,
            neededAgentHours: round1(need),
            availableAgentHours: round1(can),
            agents: speakers.length,
          },
        });
    }
  }

  // Intervals needing more agents than are qualified at all, or than are not off.
  const headcount = new Map<string, { intervals: number; required: number; qualified: number }>();
  const peaks = new Map<
    string,
    {
      date: string;
      dialect: string | null;
      from: number;
      to: number;
      required: number;
      available: number;
      off: Set<string>;
    }
  >();
  const ivMs = horizon.intervalMinutes * 60_000;
  for (const r of requirements) {
    if (r.agents <= 0) continue;
    const from = horizon.start + r.interval * ivMs;
    const to = from + ivMs;
    const qualified = agents.filter((a) => qualifies(a, r.dialect));
    if (qualified.length === 0) continue;
    if (r.agents > qualified.length) {
      const key = r.dialect ?? '';
      const h = headcount.get(key) ?? { intervals: 0, required: 0, qualified: qualified.length };
      h.intervals++;
      h.required = Math.max(h.required, r.agents);
      headcount.set(key, h);
      continue;
    }
    const off = qualified.filter((a) => overlapMs(a.unavailable, from, to) > 0);
    if (r.agents > qualified.length - off.length) {
      const date = DateTime.fromMillis(from, { zone: timeZone }).toISODate()!;
      const key = `${date}|${r.dialect ?? ''}`;
      const p = peaks.get(key) ?? {
        date,
        dialect: r.dialect,
        from,
        to,
        required: 0,
        available: Infinity,
        off: new Set<string>(),
      };
      p.from = Math.min(p.from, from);
      p.to = Math.max(p.to, to);
      p.required = Math.max(p.required, r.agents);
      p.available = Math.min(p.available, qualified.length - off.length);
      off.forEach((a) => p.off.add(a.agentId));
      peaks.set(key, p);
    }
  }
  for (const [dialect, h] of headcount)
    reasons.push({
      code: 'HEADCOUNT_SHORT',
      message: `${h.intervals} intervals need up to ${h.required} ${dialect || 'agents'}${dialect ? ' speakers' : ''} at once; the team has ${h.qualified}`,
      details: {
        ...(dialect ? { dialect } : {}),
        intervals: h.intervals,
        required: h.required,
        agents: h.qualified,
      },
    });
  for (const p of peaks.values())
    reasons.push(
      timeOffReason(p.date, p.dialect, p.from, p.to, p.required, p.available, p.off.size, timeZone),
    );
  return { demandAgentHours: round1(demand), capacityAgentHours: round1(total), reasons };
}

/**
 * Calls asked for where no shift template reaches (the solver places only the team's templates): the
 * local stretches of time no template spans on some day, the one asking most agent-hours named.
 */
export function templatesMissDemand(
  frame: PhoneCapacityFrame,
  peak: Map<number, number>,
): DiagnosticReason | null {
  const { horizon, timeZone } = frame;
  const ivMs = horizon.intervalMinutes * 60_000;
  const reached = new Set(frame.days.flat().flatMap((kind) => kind.reach));
  const missed = [...peak]
    .filter(([interval, agents]) => agents > 0 && !reached.has(horizon.start + interval * ivMs))
    .sort(([a], [b]) => a - b);
  if (missed.length === 0) return null;
  // Runs of consecutive intervals within a local day, then the same local times on several days.
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone });
  const stretches = new Map<
    string,
    { from: string; to: string; days: number; agentHours: number }
  >();
  let run: { start: number; end: number; agents: number } | null = null;
  const close = () => {
    if (!run) return;
    const from = local(run.start).toFormat('HH:mm');
    const to = local(run.end).toFormat('HH:mm');
    const s = stretches.get(`${from}-${to}`) ?? { from, to, days: 0, agentHours: 0 };
    s.days++;
    s.agentHours += (run.agents * horizon.intervalMinutes) / 60;
    stretches.set(`${from}-${to}`, s);
  };
  for (const [interval, agents] of missed) {
    const start = horizon.start + interval * ivMs;
    if (run && run.end === start && local(start).hasSame(local(run.start), 'day')) {
      run.end = start + ivMs;
      run.agents += agents;
    } else {
      close();
      run = { start, end: start + ivMs, agents };
    }
  }
  close();
  const all = [...stretches.values()];
  const top = all.reduce((a, b) => (b.agentHours > a.agentHours ? b : a));
  const unreached = round1(all.reduce((sum, x) => sum + x.agentHours, 0));
  return {
    code: 'TEMPLATES_MISS_DEMAND',
    message: `No shift template reaches the calls asked for at ${top.from}-${top.to} (${top.days} ${top.days === 1 ? 'day' : 'days'}): ${unreached} agent-hours in all cannot be covered; add a template that starts earlier or later, or runs longer`,
    details: {
      unreachedAgentHours: unreached,
      from: top.from,
      to: top.to,
      days: top.days,
      stretches: all.length,
    },
  };
}

function timeOffReason(
  date: string,
  dialect: string | null,
  from: number,
  to: number,
  required: number,
  available: number,
  agentsOff: number,
  timeZone: string,
  shortfallAgentIntervals?: number,
): DiagnosticReason {
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).toFormat('HH:mm');
  const who = dialect ? `${dialect} speakers` : 'agents';
  return {
    code: 'TIME_OFF_OVER_PEAK',
    message:
      shortfallAgentIntervals === undefined
        ? `Time off over a peak on ${date}: ${local(from)}-${local(to)} needs up to ${required} ${who}, only ${available} are not off (${agentsOff} off)`
        : `Time off over a peak on ${date}: ${local(from)}-${local(to)} is ${shortfallAgentIntervals} agent-intervals short of ${who} while ${agentsOff} of them are off`,
    details: {
      date,
      ...(dialect ? { dialect } : {}),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      agentsOff,
      ...(shortfallAgentIntervals === undefined
        ? { required, available }
        : { shortfallAgentIntervals }),
    },
  };
}

export interface CoverageLike {
  start: string;
  dialect?: string;
  required: number;
  scheduled: number;
}

export interface ShortfallReport {
  total: ShortfallFigure;
  byDialect: Array<{ dialect: string } & ShortfallFigure>;
  /** Per local day (YYYY-MM-DD), over every requirement row. */
  byDay: Array<{ date: string } & ShortfallFigure>;
}

const figure = (required: number, short: number): ShortfallFigure => ({
  requiredAgentIntervals: required,
  shortAgentIntervals: short,
  share: required > 0 ? Math.round((short / required) * 10_000) / 10_000 : 0,
});

/** Shortfall of a schedule's coverage (Σ max(0, required − scheduled)): in all, per dialect, per local day. */
export function shortfallOf(coverage: CoverageLike[], timeZone: string): ShortfallReport {
  const total = { required: 0, short: 0 };
  const byDialect = new Map<string, { required: number; short: number }>();
  const byDay = new Map<string, { required: number; short: number }>();
  const add = (
    m: Map<string, { required: number; short: number }>,
    key: string,
    r: number,
    g: number,
  ) => {
    const e = m.get(key) ?? { required: 0, short: 0 };
    e.required += r;
    e.short += g;
    m.set(key, e);
  };
  for (const c of coverage) {
    const gap = Math.max(0, c.required - c.scheduled);
    total.required += c.required;
    total.short += gap;
    if (c.dialect) add(byDialect, c.dialect, c.required, gap);
    add(byDay, DateTime.fromISO(c.start, { zone: timeZone }).toISODate()!, c.required, gap);
  }
  const sorted = (m: Map<string, { required: number; short: number }>) =>
    [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    total: figure(total.required, total.short),
    byDialect: sorted(byDialect).map(([dialect, e]) => ({
      dialect,
      ...figure(e.required, e.short),
    })),
    byDay: sorted(byDay).map(([date, e]) => ({ date, ...figure(e.required, e.short) })),
  };
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Coverage counts an agent in an interval only with no break in it, so at coarse intervals the longest
 * shift counts in far fewer intervals than its breaks' minutes would say. Null when the two are within
 * 5 points (15-minute intervals, or 30 with short breaks).
 */
export function coarseBreaks(
  rules: LabourRules,
  intervalMinutes: number,
): { shiftHours: number; countedShare: number; breakShare: number } | null {
  const shift = rules.maxShiftMinutes;
  const breakShare = breakMinutesFor(shift, rules) / shift;
  const countedShare =
    1 - (breakIntervalsFor(shift, rules, intervalMinutes) * intervalMinutes) / shift;
  if (countedShare > 1 - breakShare - 0.05) return null;
  return {
    shiftHours: Math.round((shift / 60) * 10) / 10,
    countedShare: Math.round(countedShare * 1000) / 1000,
    breakShare: Math.round(breakShare * 1000) / 1000,
  };
}

/**
 * Reasons after solving: time off over intervals left short (per local day and dialect), and a plain
 * shortfall line when nothing else explains it.
 */
export function reasonsAfterSolving(input: {
  coverage: CoverageLike[];
  intervalMinutes: number;
  agents: PlanningAgent[];
  timeZone: string;
  known: DiagnosticReason[];
  /** The site's rules: with them, a shortfall that coarse intervals explain is named as such. */
  rules?: LabourRules;
}): DiagnosticReason[] {
  const { coverage, agents, timeZone, known } = input;
  const ivMs = input.intervalMinutes * 60_000;
  const groups = new Map<
    string,
    {
      date: string;
      dialect: string | null;
      from: number;
      to: number;
      short: number;
      off: Set<string>;
    }
  >();
  for (const c of coverage) {
    const gap = c.required - c.scheduled;
    if (gap <= 0) continue;
    const from = Date.parse(c.start);
    const to = from + ivMs;
    const dialect = c.dialect ?? null;
    const off = agents.filter(
      (a) => qualifies(a, dialect) && overlapMs(a.unavailable, from, to) > 0,
    );
    if (off.length === 0) continue;
    const date = DateTime.fromMillis(from, { zone: timeZone }).toISODate()!;
    const key = `${date}|${dialect ?? ''}`;
    const g = groups.get(key) ?? { date, dialect, from, to, short: 0, off: new Set<string>() };
    g.from = Math.min(g.from, from);
    g.to = Math.max(g.to, to);
    g.short += gap;
    off.forEach((a) => g.off.add(a.agentId));
    groups.set(key, g);
  }
  const seen = new Set(
    known
      .filter((r) => r.code === 'TIME_OFF_OVER_PEAK')
      .map((r) => `${String(r.details?.date)}|${String(r.details?.dialect ?? '')}`),
  );
  const out: DiagnosticReason[] = [];
  for (const [key, g] of groups)
    if (!seen.has(key))
      out.push(timeOffReason(g.date, g.dialect, g.from, g.to, 0, 0, g.off.size, timeZone, g.short));
  const { total } = shortfallOf(coverage, timeZone);
  if (total.shortAgentIntervals === 0 || known.length > 0 || out.length > 0) return out;
  const coarse = input.rules ? coarseBreaks(input.rules, input.intervalMinutes) : null;
  if (coarse)
    out.push({
      code: 'BREAKS_TAKE_WHOLE_INTERVALS',
      message: `${total.shortAgentIntervals} of ${total.requiredAgentIntervals} required agent-intervals are not covered (${Math.round(total.share * 1000) / 10}%): at ${input.intervalMinutes}-minute intervals a break takes its agent out of the whole interval, so a ${coarse.shiftHours}-hour shift counts in ${percent(coarse.countedShare)} of its intervals though its breaks take only ${percent(coarse.breakShare)} of it, and the team must roster that much more; 15-minute intervals count breaks at their length`,
      details: {
        shortAgentIntervals: total.shortAgentIntervals,
        share: total.share,
        intervalMinutes: input.intervalMinutes,
        ...coarse,
      },
    });
  else
    out.push({
      code: 'SHORTFALL',
      message: `${total.shortAgentIntervals} of ${total.requiredAgentIntervals} required agent-intervals are not covered (${Math.round(total.share * 1000) / 10}%) although the team looks large enough: labour rules (rest, days off, shift lengths) or the time limit kept the solver from covering them`,
      details: { shortAgentIntervals: total.shortAgentIntervals, share: total.share },
    });
  return out;
}
