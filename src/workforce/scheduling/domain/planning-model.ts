/**
 * The pieces of the planning model: the horizon's grid, shift templates, agents' calendars (contracts,
 * unavailability, published shifts), skill profiles, and the aggregate shift-count model (CPLEX LP text).
 *
 * Aggregate model. Agents are grouped into skill profiles by their set of dialects at proficiency >= 3
 * (four profiles for the mixed Putonghua/Wuhan/Cantonese team, whatever its size). y[p,t] = shifts of
 * template t (a day, a start, a length) worked by agents of profile p. Every row is implied by the
 * per-agent rules, so the LP optimum is a valid lower bound on the coverage part of the objective (the
 * preference part is >= 0):
 *  - y[p,t] <= agents of p who can work t (not unavailable, clear of their published shifts);
 *  - per day, shifts <= agents of p free that day;
 *  - rest: shifts ending at or after e on day d + day-d+1 shifts starting before e + rest <= n_p;
 *  - per calendar week: Σ work <= Σ agents' weekly maximum; Σ work >= Σ agents' weekly minimum;
 *    shifts <= Σ agents' workable days;
 *  - any maxConsecutive+1 days hold at most n_p × maxConsecutive shifts;
 *  - coverage per requirement row: Σ qualified presence + under − over = required ÷ presence factor.
 * Objective: underWeight·Σ under + overWeight·Σ over.
 */
import { DateTime } from 'luxon';
import { breakIntervalsFor, LabourRules, workMinutesFor } from '../labour-rules';
import {
  DIALECT_QUALIFYING_PROFICIENCY,
  EVENING_STARTS,
  PlanningAgent,
  PlanningInput,
  TimeRange,
} from './planning-input';

const MIN = 60_000;

export interface Grid {
  zone: string;
  start: number;
  /** Epoch ms of each local midnight, days + 1 entries. */
  dayStarts: number[];
  days: number;
  intervalMinutes: number;
  intervalCount: number;
  /** Calendar week (Monday-based) of each day, from the horizon's first week. */
  weekOfDay: number[];
  /** ISO weekday (1 = Monday) of each day. */
  weekdayOfDay: number[];
  /** Local date (YYYY-MM-DD) of each day. */
  dateOfDay: string[];
  weeks: number;
}

export function buildGrid(
  startDate: string,
  days: number,
  zone: string,
  intervalMinutes: number,
): Grid {
  const first = DateTime.fromISO(startDate, { zone }).startOf('day');
  const firstWeek = first.startOf('week');
  const dayStarts: number[] = [];
  const weekOfDay: number[] = [];
  const weekdayOfDay: number[] = [];
  const dateOfDay: string[] = [];
  for (let d = 0; d <= days; d++) {
    const day = first.plus({ days: d });
    dayStarts.push(day.toMillis());
    if (d < days) {
      weekOfDay.push(Math.round(day.startOf('week').diff(firstWeek, 'weeks').weeks));
      weekdayOfDay.push(day.weekday);
      dateOfDay.push(day.toISODate()!);
    }
  }
  const intervalCount = Math.floor((dayStarts[days] - dayStarts[0]) / (intervalMinutes * MIN));
  return {
    zone,
    start: dayStarts[0],
    dayStarts,
    days,
    intervalMinutes,
    intervalCount,
    weekOfDay,
    weekdayOfDay,
    dateOfDay,
    weeks: (weekOfDay[days - 1] ?? 0) + 1,
  };
}

/** Day index of an instant (−1 before, days after the horizon). */
export function dayOf(grid: Grid, at: number): number {
  if (at < grid.dayStarts[0]) return -1;
  for (let d = 0; d < grid.days; d++) if (at < grid.dayStarts[d + 1]) return d;
  return grid.days;
}

export const hhmm = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return h * 60 + m;
};

export interface Template {
  index: number;
  day: number;
  start: number;
  end: number;
  lengthMinutes: number;
  workMinutes: number;
  /** Local start, minutes after midnight. */
  startMinute: number;
  /** First interval covered whole; last is exclusive. */
  firstInterval: number;
  lastInterval: number;
  presence: number;
  evening: boolean;
  weekend: boolean;
}

/**
 * Shift templates per day: the team's own (start, length) when it has them, otherwise starts every hour
 * and lengths min..max every hour, starting and ending inside demand.
 */
export function buildTemplates(
  grid: Grid,
  demand: number[],
  rules: LabourRules,
  teamTemplates?: Array<{ start: string; minutes: number }>,
): Template[] {
  const iv = grid.intervalMinutes * MIN;
  const evening = hhmm(EVENING_STARTS);
  const out: Template[] = [];
  const candidates: Array<{ startMinute: number; minutes: number; own: boolean }> = [];
  if (teamTemplates && teamTemplates.length > 0) {
    for (const t of teamTemplates)
      candidates.push({ startMinute: hhmm(t.start), minutes: t.minutes, own: true });
  } else {
    for (let s = 0; s < 24 * 60; s += 60)
      for (let len = rules.minShiftMinutes; len <= rules.maxShiftMinutes; len += 60)
        candidates.push({ startMinute: s, minutes: len, own: false });
  }
  for (let d = 0; d < grid.days; d++) {
    const midnight = DateTime.fromMillis(grid.dayStarts[d], { zone: grid.zone });
    for (const c of candidates) {
      const start = midnight.plus({ minutes: c.startMinute }).toMillis();
      const end = start + c.minutes * MIN;
      if (c.minutes < rules.minShiftMinutes || c.minutes > rules.maxShiftMinutes) continue;
      if (workMinutesFor(c.minutes, rules) > rules.maxDailyWorkMinutes) continue;
      const first = Math.ceil((start - grid.start) / iv - 1e-9);
      const last = Math.floor((end - grid.start) / iv + 1e-9);
      if (first < 0 || last > grid.intervalCount || last <= first) continue;
      if (c.own) {
        let any = false;
        for (let i = first; i < last && !any; i++) any = demand[i] > 0;
        if (!any) continue;
      } else if (!(demand[first] > 0 && demand[last - 1] > 0)) continue;
      const endLocal = DateTime.fromMillis(end, { zone: grid.zone });
      const endMinute = endLocal.hour * 60 + endLocal.minute;
      const crossesMidnight = dayOf(grid, end - 1) !== d;
      out.push({
        index: out.length,
        day: d,
        start,
        end,
        lengthMinutes: c.minutes,
        workMinutes: workMinutesFor(c.minutes, rules),
        startMinute: c.startMinute,
        firstInterval: first,
        lastInterval: last,
        presence: Math.max(
          0.05,
          1 -
            (breakIntervalsFor(c.minutes, rules, grid.intervalMinutes) * grid.intervalMinutes) /
              c.minutes,
        ),
        evening: crossesMidnight || endMinute > evening,
        weekend: grid.weekdayOfDay[d] >= 6,
      });
    }
  }
  return out;
}

/** Mean share of a template's intervals not lost to breaks: requirements are divided by it. */
export function presenceFactorOf(templates: Template[]): number {
  if (templates.length === 0) return 1;
  return templates.reduce((s, t) => s + t.presence, 0) / templates.length;
}

export function grossRequirement(agents: number, presenceFactor: number): number {
  return Math.ceil(agents / presenceFactor - 1e-9);
}

/** One agent's calendar: what the rules and the contract leave open in each day and week. */
export interface AgentCalendar {
  index: number;
  agentId: string;
  /** Dialects at proficiency >= 3, sorted. */
  dialects: string[];
  profile: number;
  blocked: TimeRange[];
  /** Published shifts, sorted. */
  fixed: Array<{ start: number; end: number; day: number; week: number; workMinutes: number }>;
  fixedDays: Set<number>;
  /** Per horizon week: paid minutes left under the weekly maximum (contract and site). */
  maxWeek: number[];
  /** Per horizon week: paid minutes owed (pro rata for days cut by the horizon or unavailability). */
  minWeek: number[];
  /** Per horizon week: working days left under days-off rules. */
  workableDays: number[];
  /** Per day: true when no part of the day is blocked and no published shift is on it. */
  freeDay: boolean[];
  windowFrom: number | null;
  windowTo: number | null;
  preferredOff: Set<number>;
}

export function qualifyingDialects(agent: PlanningAgent): string[] {
  return [
    ...new Set(
      agent.dialects
        .filter((d) => d.proficiency >= DIALECT_QUALIFYING_PROFICIENCY)
        .map((d) => d.tag),
    ),
  ].sort();
}

export interface Profile {
  key: string;
  dialects: string[];
  members: number[];
}

export function buildCalendars(
  input: PlanningInput,
  grid: Grid,
  minAggregate = 5,
): { calendars: AgentCalendar[]; profiles: Profile[] } {
  const rules = input.rules;
  const profiles: Profile[] = [];
  const byKey = new Map<string, Profile>();
  const firstWeekStart = DateTime.fromMillis(grid.start, { zone: grid.zone }).startOf('week');
  // Skill profile, split by contract so weekly-hours rows stay close to what each agent can take.
  const keyOf = (a: PlanningAgent) =>
    `${qualifyingDialects(a).join('+')}|${a.minWeeklyMinutes ?? 0}-${a.maxWeeklyMinutes ?? rules.maxWeeklyWorkMinutes}`;
  const sizes = new Map<string, number>();
  for (const a of input.agents) sizes.set(keyOf(a), (sizes.get(keyOf(a)) ?? 0) + 1);
  const calendars = input.agents.map((a, index) => {
    const dialects = qualifyingDialects(a);
    // Small groups are modelled agent by agent: the model is then exact for them.
    const shared = keyOf(a);
    const key = sizes.get(shared)! < minAggregate ? `${shared}#${a.agentId}` : shared;
    let profile = byKey.get(key);
    if (!profile) {
      profile = { key, dialects, members: [] };
      byKey.set(key, profile);
      profiles.push(profile);
    }
    profile.members.push(index);
    const blocked = [...(a.unavailable ?? [])].sort((x, y) => x.start - y.start);
    const fixed = [...(a.fixedShifts ?? [])]
      .sort((x, y) => x.start - y.start)
      .map((f) => {
        const local = DateTime.fromMillis(f.start, { zone: grid.zone }).startOf('day');
        const meal = (f.breaks ?? [])
          .filter((b) => b.kind === 'meal')
          .reduce((s, b) => s + (b.end - b.start), 0);
        return {
          start: f.start,
          end: f.end,
          day: Math.round(
            local.diff(DateTime.fromMillis(grid.start, { zone: grid.zone }), 'days').days,
          ),
          week: Math.round(local.startOf('week').diff(firstWeekStart, 'weeks').weeks),
          workMinutes: (f.end - f.start - meal) / MIN,
        };
      });
    const fixedDays = new Set(fixed.map((f) => f.day));
    const freeDay = Array.from({ length: grid.days }, (_, d) => {
      const from = grid.dayStarts[d];
      const to = grid.dayStarts[d + 1];
      return !fixedDays.has(d) && !blocked.some((b) => b.start < to && from < b.end);
    });
    const maxContract = Math.min(
      a.maxWeeklyMinutes ?? rules.maxWeeklyWorkMinutes,
      rules.maxWeeklyWorkMinutes,
    );
    const maxWeek: number[] = [];
    const minWeek: number[] = [];
    const workableDays: number[] = [];
    for (let w = 0; w < grid.weeks; w++) {
      const fixedWork = fixed.filter((f) => f.week === w).reduce((s, f) => s + f.workMinutes, 0);
      const fixedDaysInWeek = new Set(fixed.filter((f) => f.week === w).map((f) => f.day)).size;
      const max = Math.max(0, maxContract - fixedWork);
      maxWeek.push(max);
      workableDays.push(Math.max(0, 7 - rules.minDaysOffPerWeek - fixedDaysInWeek));
      const open = freeDay.filter((free, d) => free && grid.weekOfDay[d] === w).length;
      const owed = Math.floor(((a.minWeeklyMinutes ?? 0) * open) / 7) - fixedWork;
      minWeek.push(Math.max(0, Math.min(max, owed)));
    }
    const window = a.preferredStartWindow;
    return {
      index,
      agentId: a.agentId,
      dialects,
      profile: profiles.indexOf(profile),
      blocked,
      fixed,
      fixedDays,
      maxWeek,
      minWeek,
      workableDays,
      freeDay,
      windowFrom: window ? hhmm(window.earliest) : null,
      windowTo: window ? hhmm(window.latest) : null,
      preferredOff: new Set(a.preferredDaysOff ?? []),
    } satisfies AgentCalendar;
  });
  return { calendars, profiles };
}

/**
 * Whether an agent may work a template, on its own (ignoring the agent's other generated shifts):
 * not blocked, not on a day with a published shift, rested from published shifts.
 */
export function templateOpen(cal: AgentCalendar, t: Template, rules: LabourRules): boolean {
  if (cal.fixedDays.has(t.day)) return false;
  for (const b of cal.blocked) {
    if (b.start >= t.end) break;
    if (b.end > t.start) return false;
  }
  const rest = rules.minRestMinutesBetweenShifts * MIN;
  for (const f of cal.fixed) {
    if (f.start < t.end + rest && t.start - rest < f.end) return false;
  }
  return true;
}

export interface RequirementRow {
  interval: number;
  dialect: string | null;
  /** As asked. */
  agents: number;
  /** Grossed up for breaks: what the objective counts against. */
  target: number;
}

/** The shifts fairness counts per agent. */
export type ShiftKind = 'evening' | 'weekend';

export interface AggregateModel {
  /** The MIP, with the packing margin when one was asked for and there was room for it. */
  lp: string;
  /** The MIP without the margin (the same text as `lp` when none was applied). */
  lpWithoutMargin: () => string;
  /** Whether `lp` holds a packing margin. */
  margined: boolean;
  relaxation: string;
  /** The relaxation with its count of evening (weekend) shifts fixed: the fairness floor's LP(count). */
  relaxationWithCount: (kind: ShiftKind, count: number) => string;
  /** The columns of evening (weekend) shifts. */
  columnsOf: Record<ShiftKind, string[]>;
  /** Column name → profile and template. */
  columns: Map<string, { profile: number; template: number }>;
  columnCount: number;
  rowCount: number;
}

function expr(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 10) lines.push(terms.slice(i, i + 10).join(' '));
  return lines.join('\n   ');
}

const num = (x: number) => String(+x.toFixed(6));

export interface Weights {
  under: number;
  over: number;
  startWindow: number;
  dayOff: number;
  consistency: number;
  evenings: number;
  weekends: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  under: 100,
  over: 1,
  startWindow: 0.5,
  dayOff: 0.5,
  consistency: 0.25,
  evenings: 0.25,
  weekends: 0.25,
};

/** The aggregate shift-count model over skill profiles (see the file's comment). */
export function buildAggregateModel(
  grid: Grid,
  templates: Template[],
  calendars: AgentCalendar[],
  profiles: Profile[],
  rows: RequirementRow[],
  rules: LabourRules,
  weights: Weights,
  /** Minutes per agent and week the MIP (not the relaxation) leaves unused under the weekly maximum. */
  packingMarginMinutes = 0,
): AggregateModel {
  const columns = new Map<string, { profile: number; template: number }>();
  const text: string[] = [];
  /** The weekly-maximum rows: where they are in `text`, and their right-hand side in the MIP. */
  const tightened: Array<{ at: number; rhs: number }> = [];
  let rowId = 0;
  const row = (terms: string[], sense: string, rhs: number) => {
    if (terms.length === 0) return;
    text.push(` r${rowId++}: ${expr(terms)} ${sense} ${num(rhs)}`);
  };
  const bounds: string[] = [];
  const integers: string[] = [];
  const restMs = rules.minRestMinutesBetweenShifts * MIN;
  const presenceStarts: string[][][] = profiles.map(() =>
    Array.from({ length: grid.intervalCount + 1 }, () => []),
  );
  const presenceEnds: string[][][] = profiles.map(() =>
    Array.from({ length: grid.intervalCount + 1 }, () => []),
  );
  profiles.forEach((profile, p) => {
    const members = profile.members.map((m) => calendars[m]);
    const n = members.length;
    const plain = members.filter((c) => c.blocked.length === 0 && c.fixed.length === 0).length;
    const special = members.filter((c) => c.blocked.length > 0 || c.fixed.length > 0);
    const byDay: Array<Array<{ name: string; t: Template }>> = Array.from(
      { length: grid.days },
      () => [],
    );
    for (const t of templates) {
      let cap = plain;
      for (const c of special) if (templateOpen(c, t, rules)) cap++;
      if (cap === 0) continue;
      const name = `y${p}_${t.index}`;
      columns.set(name, { profile: p, template: t.index });
      bounds.push(` 0 <= ${name} <= ${cap}`);
      integers.push(name);
      byDay[t.day].push({ name, t });
      presenceStarts[p][t.firstInterval].push(name);
      presenceEnds[p][t.lastInterval].push(name);
    }
    const plus = (names: string[]) => names.map((x, i) => (i === 0 ? x : `+ ${x}`));
    for (let d = 0; d < grid.days; d++) {
      const free = members.filter((c) => !c.fixedDays.has(d)).length;
      if (byDay[d].length > 0 && free < byDay[d].length * n)
        row(plus(byDay[d].map((c) => c.name)), '<=', free);
    }
    // Rest between consecutive days, with running sums (each column in two rows).
    const late: Array<Array<{ at: number; name: string }>> = [];
    const early: Array<Array<{ at: number; name: string }>> = [];
    for (let d = 0; d < grid.days; d++) {
      const ends = [...new Set(byDay[d].map((c) => c.t.end))].sort((x, y) => y - x);
      late.push(
        ends.map((e, k) => {
          const name = `l${p}_${d}_${k}`;
          const same = byDay[d].filter((c) => c.t.end === e).map((c) => `- ${c.name}`);
          text.push(
            ` rl${p}_${d}_${k}: ${expr([name, ...(k ? [`- l${p}_${d}_${k - 1}`] : []), ...same])} = 0`,
          );
          return { at: e, name };
        }),
      );
      const starts = [...new Set(byDay[d].map((c) => c.t.start))].sort((x, y) => x - y);
      early.push(
        starts.map((s, k) => {
          const name = `a${p}_${d}_${k}`;
          const same = byDay[d].filter((c) => c.t.start === s).map((c) => `- ${c.name}`);
          text.push(
            ` ra${p}_${d}_${k}: ${expr([name, ...(k ? [`- a${p}_${d}_${k - 1}`] : []), ...same])} = 0`,
          );
          return { at: s, name };
        }),
      );
    }
    for (let d = 0; d + 1 < grid.days; d++)
      for (const l of late[d]) {
        const before = early[d + 1].filter((a) => a.at < l.at + restMs);
        if (before.length === 0) continue;
        row([l.name, `+ ${before[before.length - 1].name}`], '<=', n);
      }
    for (let w = 0; w < grid.weeks; w++) {
      const cols = byDay.filter((_, d) => grid.weekOfDay[d] === w).flat();
      if (cols.length === 0) continue;
      const hours = cols.map((c, i) => `${i ? '+ ' : ''}${num(c.t.workMinutes / 60)} ${c.name}`);
      const max = members.reduce((s, c) => s + c.maxWeek[w], 0) / 60;
      const min = members.reduce((s, c) => s + c.minWeek[w], 0) / 60;
      row(hours, '<=', max);
      // Only where the room above the minimums allows it (else the MIP could find no counts at all).
      // Small profiles too: sparing them moved the MIP's optimum and cost 300 × 7 0.7 points.
      const tight = max - (n * packingMarginMinutes) / 60;
      if (packingMarginMinutes > 0 && tight > min)
        tightened.push({ at: text.length - 1, rhs: tight });
      if (min > 0) row(hours, '>=', min);
      const daysInWeek = grid.weekOfDay.filter((x) => x === w).length;
      const workable = members.reduce((s, c) => s + Math.min(c.workableDays[w], daysInWeek), 0);
      if (workable < n * daysInWeek) row(plus(cols.map((c) => c.name)), '<=', workable);
    }
    const span = rules.maxConsecutiveWorkDays;
    for (let d = 0; d + span < grid.days; d++) {
      const cols = byDay.slice(d, d + span + 1).flat();
      row(plus(cols.map((c) => c.name)), '<=', n * span);
    }
  });
  // Presence of profile p at interval i as a running sum.
  const needed = [...new Set(rows.map((r) => r.interval))].sort((a, b) => a - b);
  const lastNeeded = needed.length ? needed[needed.length - 1] : -1;
  profiles.forEach((_profile, p) => {
    for (let i = 0; i <= lastNeeded; i++) {
      const terms = [
        `v${p}_${i}`,
        ...(i ? [`- v${p}_${i - 1}`] : []),
        ...presenceStarts[p][i].map((x) => `- ${x}`),
        ...presenceEnds[p][i].map((x) => `+ ${x}`),
      ];
      text.push(` rv${p}_${i}: ${expr(terms)} = 0`);
    }
  });
  const objective: string[] = [];
  rows.forEach((r, k) => {
    const qualified = profiles
      .map((profile, p) => ({ profile, p }))
      .filter(({ profile }) => r.dialect === null || profile.dialects.includes(r.dialect))
      .map(({ p }, i) => `${i ? '+ ' : ''}v${p}_${r.interval}`);
    objective.push(`${num(weights.under)} u${k}`, `${num(weights.over)} o${k}`);
    text.push(
      ` c${k}: ${expr([...qualified, `${qualified.length ? '+ ' : ''}u${k}`, `- o${k}`])} = ${r.target}`,
    );
  });
  const objectiveText = objective.length
    ? expr(objective.map((t, i) => (i ? `+ ${t}` : t)))
    : '0 dummy';
  const head = `Minimize\n obj: ${objectiveText}\nSubject To\n${text.join('\n')}\n`;
  const mipText = [...text];
  // The row's text ends with its right-hand side.
  for (const t of tightened) mipText[t.at] = mipText[t.at].replace(/\S+$/, num(t.rhs));
  const mipHead = `Minimize\n obj: ${objectiveText}\nSubject To\n${mipText.join('\n')}\n`;
  const boundText = `Bounds\n${bounds.join('\n')}\n${objective.length ? '' : ' dummy = 0\n'}`;
  const general = integers.length ? `General\n ${expr(integers)}\n` : '';
  const ofKind = (kind: ShiftKind) =>
    [...columns].filter(([, c]) => templates[c.template][kind]).map(([name]) => name);
  const columnsOf = { evening: ofKind('evening'), weekend: ofKind('weekend') };
  // No such columns: the count is 0 in every schedule, and the relaxation alone still bounds it.
  const relaxationWithCount = (kind: ShiftKind, count: number) => {
    const names = columnsOf[kind];
    const fixed = names.length
      ? ` n_${kind}: ${expr(names.map((x, i) => (i ? `+ ${x}` : x)))} = ${count}\n`
      : '';
    return `${head}${fixed}${boundText}End\n`;
  };
  return {
    lp: `${mipHead}${boundText}${general}End\n`,
    lpWithoutMargin: () => `${head}${boundText}${general}End\n`,
    margined: tightened.length > 0,
    relaxation: `${head}${boundText}End\n`,
    relaxationWithCount,
    columnsOf,
    columns,
    columnCount: columns.size,
    rowCount: rowId + text.length,
  };
}
