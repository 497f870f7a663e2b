/**
 * The shift-scheduling MIP, written as CPLEX LP text for HiGHS.
 *
 * Agents with the same dialects, blocked times and fixed neighbouring shifts are interchangeable, so the
 * model is aggregated over such profiles (this is what keeps 300 agents × 7 days small; a profile of one
 * agent is exactly the per-agent model):
 * y[p,t] ∈ {0..n_p} = agents of profile p working template t (a day, start and length). Rows per profile:
 *  - at most n_p shifts a day;
 *  - rest: shifts ending at or after e on day d plus day-d+1 shifts starting before e + rest ≤ n_p
 *    (one row per distinct end time; with nested compatibilities this is Hall's condition for handing
 *    day-d+1 shifts to rested agents);
 *  - work per calendar week ≤ n_p × limit; shifts per calendar week ≤ n_p × (days in horizon − days off owed);
 *  - any maxConsecutive+1 consecutive days hold at most n_p × maxConsecutive shifts;
 *  - templates overlapping time off / unavailability, too close to fixed shifts (published shifts of other
 *    schedules, also just before and after the horizon) or on a day with one, do not exist; fixed shifts'
 *    hours and days count in the weekly, days-off and consecutive-day rows (windows reach outside the
 *    horizon), so monthly overtime never grows either (generated work stays within day and week limits);
 *  - coverage per requirement row (interval, dialect?): Σ qualified y + under − over = required, where an
 *    agent counts for an interval only when its shift covers the whole interval (whole agents, as in the
 *    schedule's coverage report); requirements are grossed up for the intervals breaks will take.
 * Objective: underWeight·Σunder + overWeight·Σover. Every aggregated row is implied by the per-agent rules,
 * so the LP relaxation is a valid lower bound for the per-agent problem. Agents then get concrete shifts by
 * `assignShifts` (balancing hours: fairness), and breaks are placed afterwards.
 */
import { breakIntervalsFor, LabourRules, workMinutesFor } from './labour-rules';

export interface ModelAgent {
  id: string;
  /** Dialects held at proficiency ≥ 3 (the ones that count for a dialect requirement). */
  dialects: string[];
  /** Hard: [start, end) in epoch ms when the agent cannot work (approved time off, unavailability). */
  blocked: Array<{ start: number; end: number }>;
  /** Hard: published shifts of other schedules around and inside the horizon. */
  fixedShifts?: FixedShift[];
}

/** A published shift the model must respect, with its calendar placement relative to the horizon. */
export interface FixedShift {
  start: number;
  end: number;
  /** Local day of its start, as an index from the horizon's first day (negative before it). */
  day: number;
  /** Calendar week (Monday-based) of that day, as an index from the horizon's first week. */
  week: number;
  /** Paid work: length minus meal breaks. */
  workMinutes: number;
  breaks?: Array<{ start: number; end: number; kind: string }>;
}

export interface ModelRequirement {
  /** Index into the horizon's interval grid. */
  interval: number;
  dialect: string | null;
  agents: number;
}

export interface ModelHorizon {
  /** Epoch ms of each local day's midnight, one more than `days` (the end of the last day). */
  dayStarts: number[];
  /** Epoch ms of the first interval (= dayStarts[0]). */
  start: number;
  intervalMinutes: number;
  intervalCount: number;
  /** For each day, the index of its calendar week (Monday-based) relative to the horizon. */
  weekOfDay: number[];
}

export interface ModelOptions {
  startStepMinutes: number;
  lengthStepMinutes: number;
  underWeight: number;
  overWeight: number;
  /** Per hour of deviation of an agent's hours from the mean (scored on the assigned schedule). */
  fairWeight: number;
  /** Identical agents are aggregated when at least this many; smaller groups are modelled one by one. */
  minAggregate: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  startStepMinutes: 60,
  lengthStepMinutes: 60,
  underWeight: 100,
  overWeight: 1,
  fairWeight: 0.05,
  minAggregate: 5,
};

export interface Template {
  day: number;
  start: number;
  end: number;
  lengthMinutes: number;
  workMinutes: number;
  /** Share of the shift's intervals not lost to its breaks (whole intervals, as coverage counts). */
  presence: number;
  /** First interval the shift covers whole. */
  firstInterval: number;
  /** Exclusive. */
  lastInterval: number;
}

export interface Profile {
  key: string;
  dialects: string[];
  agents: ModelAgent[];
}

export interface BuiltModel {
  lp: string;
  /** Same model with integrality dropped: its optimum is the lower bound. */
  relaxation: string;
  templates: Template[];
  /** Requirements are divided by this (mean presence of a shift) so coverage holds after breaks. */
  presenceFactor: number;
  profiles: Profile[];
  /** Column name → (profile index, template index). */
  columns: Map<string, { profile: number; template: number }>;
  variableCount: number;
  rowCount: number;
}

/**
 * Mean share of a shift spent at work rather than on a break, over the templates. Coverage rows keep
 * whole-agent coefficients (fast, tight LP) and ask for required ÷ this instead.
 */
export function presenceFactorOf(templates: Template[]): number {
  if (templates.length === 0) return 1;
  return templates.reduce((s, t) => s + t.presence, 0) / templates.length;
}

/** Whole agents to have on shift so that `agents` are at work after breaks. */
export function modelRequirement(agents: number, presenceFactor: number): number {
  return Math.ceil(agents / presenceFactor - 1e-9);
}

/** Groups interchangeable agents (same dialects, blocked times and fixed shifts). */
export function profilesOf(agents: ModelAgent[], minAggregate = 5): Profile[] {
  const signature = (a: ModelAgent) =>
    JSON.stringify([
      [...a.dialects].sort(),
      [...a.blocked].sort((x, y) => x.start - y.start),
      [...(a.fixedShifts ?? [])].sort((x, y) => x.start - y.start),
    ]);
  const sizes = new Map<string, number>();
  for (const a of agents) sizes.set(signature(a), (sizes.get(signature(a)) ?? 0) + 1);
  const small = new Set(
    agents.filter((a) => sizes.get(signature(a))! < minAggregate).map((a) => a.id),
  );
  const byKey = new Map<string, Profile>();
  for (const a of agents) {
    const dialects = [...a.dialects].sort();
    const key = JSON.stringify([
      // Small groups are modelled agent by agent (exact); large ones aggregated.
      small.has(a.id) ? a.id : '',
      dialects,
      [...a.blocked].sort((x, y) => x.start - y.start),
      [...(a.fixedShifts ?? [])].sort((x, y) => x.start - y.start),
    ]);
    const p = byKey.get(key) ?? { key, dialects, agents: [] };
    p.agents.push(a);
    byKey.set(key, p);
  }
  return [...byKey.values()];
}

/** Shift templates of each day: starts every step, lengths min..max, starting and ending in demand. */
export function buildTemplates(
  horizon: ModelHorizon,
  requirements: ModelRequirement[],
  rules: LabourRules,
  options: ModelOptions,
): Template[] {
  const demand = new Array<number>(horizon.intervalCount).fill(0);
  for (const r of requirements) if (r.agents > 0) demand[r.interval] += r.agents;
  const iv = horizon.intervalMinutes * 60_000;
  const templates: Template[] = [];
  const days = horizon.dayStarts.length - 1;
  for (let d = 0; d < days; d++) {
    const dayStart = horizon.dayStarts[d];
    const dayEnd = horizon.dayStarts[d + 1];
    for (let s = dayStart; s < dayEnd; s += options.startStepMinutes * 60_000) {
      for (
        let len = rules.minShiftMinutes;
        len <= rules.maxShiftMinutes;
        len += options.lengthStepMinutes
      ) {
        const e = s + len * 60_000;
        // Only intervals the shift covers whole count for coverage.
        const first = Math.ceil((s - horizon.start) / iv - 1e-9);
        const last = Math.min(horizon.intervalCount, Math.floor((e - horizon.start) / iv + 1e-9));
        if (last <= first) continue;
        if ((e - horizon.start) / iv > horizon.intervalCount) continue; // must end inside the horizon
        if (workMinutesFor(len, rules) > rules.maxDailyWorkMinutes) continue;
        // Shifts start and end inside opening hours (demand at their first and last interval).
        if (!(demand[first] > 0 && demand[last - 1] > 0)) continue;
        templates.push({
          day: d,
          start: s,
          end: e,
          lengthMinutes: len,
          workMinutes: workMinutesFor(len, rules),
          presence: Math.max(
            0.05,
            1 -
              (breakIntervalsFor(len, rules, horizon.intervalMinutes) * horizon.intervalMinutes) /
                len,
          ),
          firstInterval: first,
          lastInterval: last,
        });
      }
    }
  }
  return templates;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Writes a linear expression over several lines (LP readers dislike very long lines). */
function expr(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 10) lines.push(terms.slice(i, i + 10).join(' '));
  return lines.join('\n   ');
}

function signed(coef: number, name: string, first: boolean): string {
  const c = Math.abs(coef) === 1 ? '' : `${+Math.abs(coef).toFixed(6)} `;
  if (coef < 0) return `- ${c}${name}`;
  return first ? `${c}${name}` : `+ ${c}${name}`;
}

export function buildScheduleModel(
  agents: ModelAgent[],
  horizon: ModelHorizon,
  requirements: ModelRequirement[],
  rules: LabourRules,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
  /** Per profile key: hours taken off its weekly budget (after a failed hand-out to agents). */
  weeklyCut: Map<string, number> = new Map(),
): BuiltModel {
  const templates = buildTemplates(horizon, requirements, rules, options);
  const profiles = profilesOf(agents, options.minAggregate);
  const days = horizon.dayStarts.length - 1;
  const restMs = rules.minRestMinutesBetweenShifts * 60_000;
  const columns = new Map<string, { profile: number; template: number }>();
  const byProfileDay: string[][][] = profiles.map(() => Array.from({ length: days }, () => []));
  const colOf: Array<Map<number, string>> = profiles.map(() => new Map());
  profiles.forEach((profile, p) => {
    const sample = profile.agents[0];
    templates.forEach((tpl, t) => {
      if (sample.blocked.some((b) => overlaps(b, tpl))) return;
      const tooClose = (sample.fixedShifts ?? []).some(
        (f) =>
          f.day === tpl.day ||
          overlaps(f, tpl) ||
          (f.end <= tpl.start && tpl.start - f.end < restMs) ||
          (tpl.end <= f.start && f.start - tpl.end < restMs),
      );
      if (tooClose) return;
      const name = `y${p}_${t}`;
      columns.set(name, { profile: p, template: t });
      byProfileDay[p][tpl.day].push(name);
      colOf[p].set(t, name);
    });
  });

  const rows: string[] = [];
  let rowId = 0;
  const row = (terms: string[], sense: string, rhs: number) => {
    if (terms.length === 0) return;
    rows.push(` r${rowId++}: ${expr(terms)} ${sense} ${rhs}`);
  };
  const plus = (names: string[]) => names.map((n, i) => (i === 0 ? n : `+ ${n}`));
  const tplByDay: number[][] = Array.from({ length: days }, () => []);
  templates.forEach((tpl, t) => tplByDay[tpl.day].push(t));
  const weeks = new Map<number, number[]>();
  horizon.weekOfDay.forEach((w, d) => weeks.set(w, [...(weeks.get(w) ?? []), d]));

  profiles.forEach((profile, p) => {
    const n = profile.agents.length;
    const fixed = profile.agents[0].fixedShifts ?? [];
    const fixedDays = new Set(fixed.map((f) => f.day));
    for (let d = 0; d < days; d++) row(plus(byProfileDay[p][d]), '<=', n);
    // Rest, with running sums so each shift appears in two rows instead of one per end time:
    // late[d][k] = shifts on day d ending at or after the k-th latest end; early[d][k] = shifts on day d
    // starting at or before the k-th earliest start; late + early(next day, before end + rest) ≤ n.
    const late: Array<Array<{ at: number; name: string }>> = [];
    const early: Array<Array<{ at: number; name: string }>> = [];
    for (let d = 0; d < days; d++) {
      const mine = tplByDay[d].filter((t) => colOf[p].has(t));
      const ends = [...new Set(mine.map((t) => templates[t].end))].sort((x, y) => y - x);
      late.push(
        ends.map((e, k) => {
          const name = `l${p}_${d}_${k}`;
          const same = mine
            .filter((t) => templates[t].end === e)
            .map((t) => `- ${colOf[p].get(t)}`);
          rows.push(
            ` rl${p}_${d}_${k}: ${expr([name, ...(k ? [`- l${p}_${d}_${k - 1}`] : []), ...same])} = 0`,
          );
          return { at: e, name };
        }),
      );
      const starts = [...new Set(mine.map((t) => templates[t].start))].sort((x, y) => x - y);
      early.push(
        starts.map((st, k) => {
          const name = `a${p}_${d}_${k}`;
          const same = mine
            .filter((t) => templates[t].start === st)
            .map((t) => `- ${colOf[p].get(t)}`);
          rows.push(
            ` ra${p}_${d}_${k}: ${expr([name, ...(k ? [`- a${p}_${d}_${k - 1}`] : []), ...same])} = 0`,
          );
          return { at: st, name };
        }),
      );
    }
    for (let d = 0; d + 1 < days; d++) {
      for (const l of late[d]) {
        const before = early[d + 1].filter((a) => a.at < l.at + restMs);
        if (before.length === 0) continue;
        row([l.name, `+ ${before[before.length - 1].name}`], '<=', n);
      }
    }
    for (const [week, weekDays] of weeks) {
      const terms: string[] = [];
      const names: string[] = [];
      for (const d of weekDays)
        for (const name of byProfileDay[p][d]) {
          const tpl = templates[columns.get(name)!.template];
          terms.push(signed(tpl.workMinutes / 60, name, terms.length === 0));
          names.push(name);
        }
      // Published work and working days of the same calendar week (also outside the horizon) count.
      const fixedWork = fixed.filter((f) => f.week === week).reduce((s, f) => s + f.workMinutes, 0);
      const weekBudget = Math.max(0, (rules.maxWeeklyWorkMinutes - fixedWork) / 60);
      row(terms, '<=', Math.max(0, n * weekBudget - (weeklyCut.get(profile.key) ?? 0)));
      const fixedWeekDays = new Set(fixed.filter((f) => f.week === week).map((f) => f.day)).size;
      const workable = Math.max(0, 7 - rules.minDaysOffPerWeek - fixedWeekDays);
      const free = weekDays.filter((d) => !fixedDays.has(d)).length;
      if (workable < free) row(plus(names), '<=', n * workable);
    }
    // Any maxConsecutive+1 consecutive days, also windows reaching before or after the horizon, where
    // published working days count.
    const span = rules.maxConsecutiveWorkDays;
    for (let d = -span; d < days; d++) {
      const names: string[] = [];
      let free = 0;
      let fixedIn = 0;
      for (let k = d; k <= d + span; k++) {
        if (fixedDays.has(k)) fixedIn++;
        else if (k >= 0 && k < days) {
          free++;
          names.push(...byProfileDay[p][k]);
        }
      }
      const cap = Math.max(0, span - fixedIn);
      if (cap < free) row(plus(names), '<=', n * cap);
    }
  });

  // Presence per profile and interval as a running sum: v[p,i] = v[p,i−1] + starting − leaving.
  const starting: string[][][] = profiles.map(() =>
    Array.from({ length: horizon.intervalCount }, () => []),
  );
  const leaving: string[][][] = profiles.map(() =>
    Array.from({ length: horizon.intervalCount + 1 }, () => []),
  );
  for (const [name, { profile, template }] of columns) {
    const tpl = templates[template];
    starting[profile][tpl.firstInterval].push(name);
    leaving[profile][tpl.lastInterval].push(name);
  }
  const needed = new Set(requirements.map((r) => r.interval));
  const lastNeeded = Math.max(-1, ...needed);
  profiles.forEach((_profile, p) => {
    for (let i = 0; i <= lastNeeded; i++) {
      const terms = [
        `v${p}_${i}`,
        ...(i ? [`- v${p}_${i - 1}`] : []),
        ...starting[p][i].map((n) => `- ${n}`),
        ...leaving[p][i].map((n) => `+ ${n}`),
      ];
      rows.push(` rv${p}_${i}: ${expr(terms)} = 0`);
    }
  });
  const objective: string[] = [];
  const slackNames: string[] = [];
  const presenceFactor = presenceFactorOf(templates);
  requirements.forEach((req, r) => {
    const qualified = profiles
      .map((profile, p) => ({ profile, p }))
      .filter(({ profile }) => req.dialect === null || profile.dialects.includes(req.dialect))
      .map(({ p }) => `v${p}_${req.interval}`);
    const u = `u${r}`;
    const o = `o${r}`;
    slackNames.push(u, o);
    objective.push(`${options.underWeight} ${u}`, `${options.overWeight} ${o}`);
    rows.push(
      ` c${r}: ${expr([...plus(qualified), `${qualified.length ? '+ ' : ''}${u}`, `- ${o}`])} = ${modelRequirement(req.agents, presenceFactor)}`,
    );
  });

  // Fairness across profiles: Σ_p |H_p − n_p·mean| ≤ Σ_a |h_a − mean| (Jensen), so the bound stays valid;
  // within a profile assignShifts balances hours.
  const fairNames: string[] = [];
  if (options.fairWeight > 0 && profiles.length > 1) {
    const hoursOf = (p: number, sign: 1 | -1) =>
      [...columns.entries()]
        .filter(([, c]) => c.profile === p)
        .map(([name, c]) => signed((sign * templates[c.template].workMinutes) / 60, name, false));
    const total = agents.length;
    rows.push(
      ` mean: ${total} m${profiles.map((_, p) => ` ${expr(hoursOf(p, -1))}`).join('')} = 0`,
    );
    profiles.forEach((profile, p) => {
      const e = `e${p}`;
      fairNames.push(e);
      objective.push(`${options.fairWeight} ${e}`);
      const n = profile.agents.length;
      // e ≥ H − n·m  and  e ≥ n·m − H
      rows.push(` fa${p}: ${e} ${expr(hoursOf(p, -1))} + ${n} m >= 0`);
      rows.push(` fb${p}: ${e} ${expr(hoursOf(p, 1))} - ${n} m >= 0`);
    });
  }

  const names = [...columns.keys()];
  const objectiveText = objective.length
    ? expr(objective.map((t, i) => (i === 0 ? t : `+ ${t}`)))
    : '0 dummy';
  const head = `Minimize\n obj: ${objectiveText}\nSubject To\n${rows.join('\n')}\n`;
  const bounds = `Bounds\n${names
    .map((b) => ` 0 <= ${b} <= ${profiles[columns.get(b)!.profile].agents.length}`)
    .join('\n')}\n${objective.length ? '' : ' dummy = 0\n'}`;
  const lp = `${head}${bounds}${names.length ? `General\n ${expr(names)}\n` : ''}End\n`;
  const relaxation = `${head}${bounds}End\n`;
  return {
    lp,
    relaxation,
    templates,
    presenceFactor,
    profiles,
    columns,
    variableCount: names.length + slackNames.length + fairNames.length + (fairNames.length ? 1 : 0),
    rowCount: rows.length,
  };
}

/**
 * Hands the profiles' shift counts to concrete agents, day by day: each day's shifts in order of start
 * (earliest are the hardest to staff after a late shift) go to the eligible agent with the fewest hours
 * so far (fairness). Eligible: not working that day, rested since the last shift, under the weekly hours
 * and days, and within the consecutive-days limit, counting the agent's fixed (published) shifts around
 * the horizon. A shift nobody can take is returned as unassigned.
 */
export function assignShifts(
  model: BuiltModel,
  counts: Map<string, number>,
  horizon: ModelHorizon,
  rules: LabourRules,
): {
  shifts: Array<{ agentId: string; start: number; end: number }>;
  unassigned: number;
  /** Per profile key: work hours of the shifts nobody could take. */
  missedHours: Map<string, number>;
} {
  const restMs = rules.minRestMinutesBetweenShifts * 60_000;
  const days = horizon.dayStarts.length - 1;
  const out: Array<{ agentId: string; start: number; end: number }> = [];
  let unassigned = 0;
  const missedHours = new Map<string, number>();
  const workableDays = 7 - rules.minDaysOffPerWeek;
  const assignProfile = (p: number, attempt: number) => {
    const profile = model.profiles[p];
    const random = seeded(attempt + 1);
    const jitter = profile.agents.map(() => (attempt === 0 ? 0 : random() * 2 * attempt));
    const shifts: Array<{ agentId: string; start: number; end: number }> = [];
    let missed = 0;
    let missedHours = 0;
    const state = profile.agents.map((a) => {
      const fixed = a.fixedShifts ?? [];
      const weekMinutes = new Map<number, number>();
      const weekDays = new Map<number, number>();
      const worked = new Set<number>();
      for (const f of fixed) {
        weekMinutes.set(f.week, (weekMinutes.get(f.week) ?? 0) + f.workMinutes);
        if (!worked.has(f.day)) weekDays.set(f.week, (weekDays.get(f.week) ?? 0) + 1);
        worked.add(f.day);
      }
      return {
        id: a.id,
        lastEnd: Math.max(
          -Infinity,
          ...fixed.filter((f) => f.end <= horizon.start).map((f) => f.end),
        ),
        worked,
        hours: 0,
        weekMinutes,
        weekDays,
      };
    });
    /** Working days in a row through day d if the agent works it (fixed days after it count too). */
    const runThrough = (worked: Set<number>, d: number) => {
      let run = 1;
      for (let k = d - 1; worked.has(k); k--) run++;
      for (let k = d + 1; worked.has(k); k++) run++;
      return run;
    };
    const runBefore = (worked: Set<number>, d: number) => {
      let run = 0;
      for (let k = d - 1; worked.has(k); k--) run++;
      return run;
    };
    for (let d = 0; d < days; d++) {
      const week = horizon.weekOfDay[d];
      const today: number[] = [];
      for (const [name, { profile, template }] of model.columns) {
        if (profile !== p || model.templates[template].day !== d) continue;
        for (let k = 0; k < (counts.get(name) ?? 0); k++) today.push(template);
      }
      today.sort((a, b) => model.templates[a].start - model.templates[b].start);
      const busy = new Set<number>();
      for (const t of today) {
        const tpl = model.templates[t];
        let best = -1;
        state.forEach((s, i) => {
          if (busy.has(i) || s.worked.has(d)) return;
          if (tpl.start - s.lastEnd < restMs) return;
          if ((s.weekMinutes.get(week) ?? 0) + tpl.workMinutes > rules.maxWeeklyWorkMinutes) return;
          if ((s.weekDays.get(week) ?? 0) + 1 > workableDays) return;
          if (runThrough(s.worked, d) > rules.maxConsecutiveWorkDays) return;
          if (best < 0) best = i;
          else {
            const key = (j: number) => [
              state[j].hours + jitter[j],
              state[j].weekDays.get(week) ?? 0,
              runBefore(state[j].worked, d),
            ];
            const [a1, a2, a3] = key(i);
            const [b1, b2, b3] = key(best);
            if (a1 < b1 || (a1 === b1 && (a2 < b2 || (a2 === b2 && a3 < b3)))) best = i;
          }
        });
        if (best < 0) {
          missed++;
          missedHours += tpl.workMinutes / 60;
          continue;
        }
        const s = state[best];
        busy.add(best);
        s.worked.add(d);
        s.lastEnd = tpl.end;
        s.hours += tpl.workMinutes / 60;
        s.weekMinutes.set(week, (s.weekMinutes.get(week) ?? 0) + tpl.workMinutes);
        s.weekDays.set(week, (s.weekDays.get(week) ?? 0) + 1);
        shifts.push({ agentId: s.id, start: tpl.start, end: tpl.end });
      }
    }
    return { shifts, missed, missedHours };
  };
  // The greedy can miss where the aggregate counts still fit; retry with jittered fairness keys.
  model.profiles.forEach((_profile, p) => {
    let best = assignProfile(p, 0);
    for (let attempt = 1; attempt < 40 && best.missed > 0; attempt++) {
      const next = assignProfile(p, attempt);
      if (next.missed < best.missed) best = next;
    }
    out.push(...best.shifts);
    unassigned += best.missed;
    if (best.missed) missedHours.set(model.profiles[p].key, best.missedHours);
  });
  return { shifts: out, unassigned, missedHours };
}

/** A small deterministic PRNG (mulberry32), so schedules are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
