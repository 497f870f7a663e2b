/**
 * Benchmark teams for the scheduler: mixed-dialect agents (everyone Putonghua 3-5, 30% also Wuhan 2-5,
 * 15% also Cantonese 2-5), contracts (80% full time 24-40 h, 20% part time 12-24 h), some preferences, a
 * daily curve with a total row and per-dialect rows sized to ~75% of the team's capacity.
 */
import { DateTime } from 'luxon';
import type {
  PlanningAgent,
  PlanningInput,
  PlanningRequirement,
} from '../src/workforce/scheduling/domain/planning-input';
import { DEFAULT_LABOUR_RULES } from '../src/workforce/scheduling/labour-rules';
import { seeded } from '../src/workforce/scheduling/domain/roster';

export const ZONE = 'Asia/Shanghai';

/** 08:00-22:00: morning ramp, late-morning peak, afternoon shoulder (0..1). */
function curve(hour: number): number {
  if (hour < 8 || hour >= 22) return 0;
  const peaks = Math.exp(-((hour - 10.5) ** 2) / 4) + 0.8 * Math.exp(-((hour - 15) ** 2) / 5);
  return 0.35 + 0.65 * Math.min(1, peaks);
}

export interface CaseOptions {
  agents: number;
  days: number;
  intervalMinutes: number;
  timeLimitSeconds: number;
  /** Share of agents off over Monday's peak (09:00-13:00 of the first Monday). */
  timeOffShare?: number;
  seed?: number;
  load?: number;
}

export function mixedTeam(o: CaseOptions): PlanningInput {
  const random = seeded(o.seed ?? 42);
  const level = (lo: number) => lo + Math.floor(random() * (6 - lo));
  const agents: PlanningAgent[] = Array.from({ length: o.agents }, (_, k) => {
    const dialects = [{ tag: 'cmn', proficiency: level(3) }];
    if (random() < 0.3) dialects.push({ tag: 'cmn-x-wuhan', proficiency: level(2) });
    if (random() < 0.15) dialects.push({ tag: 'yue', proficiency: level(2) });
    const partTime = random() < 0.2;
    const agent: PlanningAgent = {
      agentId: `agent-${String(k).padStart(4, '0')}`,
      dialects,
      minWeeklyMinutes: partTime ? 12 * 60 : 24 * 60,
      maxWeeklyMinutes: partTime ? 24 * 60 : 40 * 60,
    };
    const r = random();
    if (r < 0.2) agent.preferredStartWindow = { earliest: '07:00', latest: '10:00' };
    else if (r < 0.35) agent.preferredStartWindow = { earliest: '12:00', latest: '15:00' };
    if (random() < 0.3) agent.preferredDaysOff = random() < 0.5 ? [6, 7] : [3];
    return agent;
  });
  const startDate = '2026-01-05'; // a Monday
  const first = DateTime.fromISO(startDate, { zone: ZONE });
  if (o.timeOffShare) {
    const off = Math.round(o.agents * o.timeOffShare);
    const start = first.set({ hour: 9 }).toMillis();
    const end = first.set({ hour: 13 }).toMillis();
    for (let k = 0; k < off; k++) agents[k].unavailable = [{ start, end }];
  }
  // Capacity: agent-hours the contracts allow per week; demand scaled to `load` of it (after breaks).
  const weeklyCapacity = agents.reduce((s, a) => s + (a.maxWeeklyMinutes ?? 0) / 60, 0);
  const weekday = [1, 1, 0.95, 0.95, 1, 0.7, 0.6];
  let shape = 0;
  for (let d = 0; d < 7; d++)
    for (let m = 0; m < 24 * 60; m += o.intervalMinutes)
      shape += curve(m / 60) * weekday[d] * (o.intervalMinutes / 60);
  const scale = (weeklyCapacity * (o.load ?? 0.75) * 0.85) / shape; // 0.85: time on breaks
  const share = (tag: string) =>
    agents.filter((a) => a.dialects.some((d) => d.tag === tag && d.proficiency >= 3)).length /
    agents.length;
  const wuhan = share('cmn-x-wuhan');
  const yue = share('yue');
  const requirements: PlanningRequirement[] = [];
  for (let d = 0; d < o.days; d++) {
    const day = first.plus({ days: d });
    for (let m = 0; m < 24 * 60; m += o.intervalMinutes) {
      const c = curve(m / 60) * weekday[day.weekday - 1];
      if (c === 0) continue;
      const start = day.plus({ minutes: m }).toMillis();
      const total = Math.round(scale * c);
      requirements.push({ start, dialect: null, agents: total });
      requirements.push({ start, dialect: 'cmn', agents: Math.round(total * 0.9) });
      requirements.push({ start, dialect: 'cmn-x-wuhan', agents: Math.round(total * wuhan * 0.7) });
      requirements.push({ start, dialect: 'yue', agents: Math.round(total * yue * 0.7) });
    }
  }
  return {
    startDate,
    days: o.days,
    intervalMinutes: o.intervalMinutes,
    timeZone: ZONE,
    agents,
    team: { consistentStartTimes: true },
    requirements,
    rules: { ...DEFAULT_LABOUR_RULES, solverTimeLimitSeconds: o.timeLimitSeconds },
    timeLimitSeconds: o.timeLimitSeconds,
  };
}
