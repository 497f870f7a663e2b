/**
 * Concrete rosters: which agent works which template on which day. Holds coverage counts per requirement
 * row and every agent's week, so a move (add, remove, change a shift) is checked against the hard rules
 * and priced against the objective in time proportional to the shift's length. Used to hand the
 * aggregate model's shift counts to agents, to meet weekly minimums, and for local search.
 */
import type { LabourRules } from '../labour-rules';
import type { PlanningTeam } from './planning-input';
import {
  AgentCalendar,
  Grid,
  Profile,
  RequirementRow,
  Template,
  templateOpen,
  Weights,
} from './planning-model';

const MIN = 60_000;
const EPS = 1e-9;

export class Roster {
  /** Per agent, per day: template index or −1. */
  readonly dayShift: Int32Array[];
  readonly weekWork: Float64Array[];
  readonly weekDays: Int32Array[];
  readonly present: Float64Array;
  readonly evenings: Int32Array;
  readonly weekends: Int32Array;
  /** Per profile, per interval: the requirement rows an agent of the profile counts for. */
  private readonly rowsAt: Int32Array[][];
  /** Per agent, per template: open on the agent's own calendar (1), closed (0), unknown (255). */
  private readonly openCache: Uint8Array[];
  eveningMean = 0;
  weekendMean = 0;
  private readonly scratch = new Int32Array(8);

  constructor(
    readonly grid: Grid,
    readonly templates: Template[],
    readonly calendars: AgentCalendar[],
    readonly profiles: Profile[],
    readonly rows: RequirementRow[],
    readonly rules: LabourRules,
    readonly weights: Weights,
    readonly team: PlanningTeam,
  ) {
    const n = calendars.length;
    this.dayShift = calendars.map(() => new Int32Array(grid.days).fill(-1));
    this.weekWork = calendars.map(() => new Float64Array(grid.weeks));
    this.weekDays = calendars.map(() => new Int32Array(grid.weeks));
    this.present = new Float64Array(rows.length);
    this.evenings = new Int32Array(n);
    this.weekends = new Int32Array(n);
    const total = new Int32Array(grid.intervalCount).fill(-1);
    const byDialect = new Map<string, Int32Array>();
    rows.forEach((r, k) => {
      if (r.dialect === null) total[r.interval] = k;
      else {
        if (!byDialect.has(r.dialect))
          byDialect.set(r.dialect, new Int32Array(grid.intervalCount).fill(-1));
        byDialect.get(r.dialect)![r.interval] = k;
      }
    });
    this.rowsAt = profiles.map((p) =>
      Array.from({ length: grid.intervalCount }, (_, i) => {
        const out: number[] = [];
        if (total[i] >= 0) out.push(total[i]);
        for (const d of p.dialects) {
          const g = byDialect.get(d);
          if (g && g[i] >= 0) out.push(g[i]);
        }
        return Int32Array.from(out);
      }),
    );
    this.openCache = calendars.map((c) =>
      c.blocked.length === 0 && c.fixed.length === 0
        ? new Uint8Array(0)
        : new Uint8Array(templates.length).fill(255),
    );
  }

  open(a: number, t: number): boolean {
    const cache = this.openCache[a];
    if (cache.length === 0) return !this.calendars[a].fixedDays.has(this.templates[t].day);
    if (cache[t] === 255)
      cache[t] = templateOpen(this.calendars[a], this.templates[t], this.rules) ? 1 : 0;
    return cache[t] === 1;
  }

  /** Hard rules for adding template t to agent a (who has no shift that day). */
  canAdd(a: number, t: number): boolean {
    const tpl = this.templates[t];
    const d = tpl.day;
    const shifts = this.dayShift[a];
    if (shifts[d] >= 0) return false;
    const cal = this.calendars[a];
    const w = this.grid.weekOfDay[d];
    if (this.weekWork[a][w] + tpl.workMinutes > cal.maxWeek[w] + EPS) return false;
    if (this.weekDays[a][w] + 1 > cal.workableDays[w]) return false;
    if (!this.open(a, t)) return false;
    const rest = this.rules.minRestMinutesBetweenShifts * MIN;
    for (let k = Math.max(0, d - 2); k <= Math.min(this.grid.days - 1, d + 2); k++) {
      if (k === d || shifts[k] < 0) continue;
      const o = this.templates[shifts[k]];
      if (o.start < tpl.end + rest && tpl.start - rest < o.end) return false;
    }
    // Consecutive working days, published days (also outside the horizon) included.
    const works = (k: number) =>
      k === d || (k >= 0 && k < this.grid.days ? shifts[k] >= 0 : false) || cal.fixedDays.has(k);
    let run = 1;
    for (let k = d - 1; works(k); k--) run++;
    for (let k = d + 1; works(k); k++) run++;
    return run <= this.rules.maxConsecutiveWorkDays;
  }

  /** Removing keeps the agent's weekly minimum. */
  canRemove(a: number, d: number): boolean {
    const t = this.dayShift[a][d];
    if (t < 0) return false;
    const w = this.grid.weekOfDay[d];
    return (
      this.weekWork[a][w] - this.templates[t].workMinutes >= this.calendars[a].minWeek[w] - EPS
    );
  }

  add(a: number, t: number): void {
    const tpl = this.templates[t];
    const w = this.grid.weekOfDay[tpl.day];
    this.dayShift[a][tpl.day] = t;
    this.weekWork[a][w] += tpl.workMinutes;
    this.weekDays[a][w] += 1;
    if (tpl.evening) this.evenings[a]++;
    if (tpl.weekend) this.weekends[a]++;
    const rowsAt = this.rowsAt[this.calendars[a].profile];
    for (let i = tpl.firstInterval; i < tpl.lastInterval; i++)
      for (const r of rowsAt[i]) this.present[r] += 1;
  }

  remove(a: number, d: number): number {
    const t = this.dayShift[a][d];
    const tpl = this.templates[t];
    const w = this.grid.weekOfDay[d];
    this.dayShift[a][d] = -1;
    this.weekWork[a][w] -= tpl.workMinutes;
    this.weekDays[a][w] -= 1;
    if (tpl.evening) this.evenings[a]--;
    if (tpl.weekend) this.weekends[a]--;
    const rowsAt = this.rowsAt[this.calendars[a].profile];
    for (let i = tpl.firstInterval; i < tpl.lastInterval; i++)
      for (const r of rowsAt[i]) this.present[r] -= 1;
    return t;
  }

  private rowCost(r: number, present: number): number {
    const target = this.rows[r].target;
    return present < target
      ? this.weights.under * (target - present)
      : this.weights.over * (present - target);
  }

  /** Change of the coverage cost if one more (sign 1) or one fewer (−1) agent of profile p works t. */
  coverageDelta(p: number, t: number, sign: 1 | -1): number {
    const tpl = this.templates[t];
    const rowsAt = this.rowsAt[p];
    const { under, over } = this.weights;
    let delta = 0;
    for (let i = tpl.firstInterval; i < tpl.lastInterval; i++)
      for (const r of rowsAt[i]) {
        const x = this.present[r];
        const target = this.rows[r].target;
        if (sign > 0) delta += x < target - EPS ? -under : over;
        else delta += x > target + EPS ? -over : under;
      }
    return delta;
  }

  /** Preference and fairness cost of agent a's shifts (fairness against the cached means). */
  agentCost(a: number): number {
    const cal = this.calendars[a];
    const w = this.weights;
    const consistent = this.team.consistentStartTimes === true;
    const shifts = this.dayShift[a];
    const { weekOfDay, weekdayOfDay, days } = this.grid;
    let cost = 0;
    let week = -1;
    let distinct = 0;
    const seen = this.scratch;
    let seenCount = 0;
    for (let d = 0; d < days; d++) {
      if (weekOfDay[d] !== week) {
        if (distinct > 1) cost += w.consistency * (distinct - 1);
        week = weekOfDay[d];
        distinct = 0;
        seenCount = 0;
      }
      const t = shifts[d];
      if (t < 0) continue;
      const tpl = this.templates[t];
      if (
        cal.windowFrom !== null &&
        (tpl.startMinute < cal.windowFrom || tpl.startMinute > cal.windowTo!)
      )
        cost += w.startWindow;
      if (cal.preferredOff.size > 0 && cal.preferredOff.has(weekdayOfDay[d])) cost += w.dayOff;
      if (consistent) {
        let known = false;
        for (let k = 0; k < seenCount; k++) if (seen[k] === tpl.startMinute) known = true;
        if (!known) {
          seen[seenCount++] = tpl.startMinute;
          distinct++;
        }
      }
    }
    if (distinct > 1) cost += w.consistency * (distinct - 1);
    cost += this.eveningWeight() * Math.abs(this.evenings[a] - this.eveningMean);
    cost += this.weekendWeight() * Math.abs(this.weekends[a] - this.weekendMean);
    return cost;
  }

  /** The preference part of the objective split by kind (fairness around the actual means). */
  preferenceParts(): {
    startWindow: number;
    dayOff: number;
    consistency: number;
    evenings: number;
    weekends: number;
  } {
    this.refreshMeans();
    const w = this.weights;
    const out = { startWindow: 0, dayOff: 0, consistency: 0, evenings: 0, weekends: 0 };
    const { weekOfDay, weekdayOfDay, weeks } = this.grid;
    this.calendars.forEach((cal, a) => {
      const starts = Array.from({ length: weeks }, () => new Set<number>());
      this.dayShift[a].forEach((t, d) => {
        if (t < 0) return;
        const tpl = this.templates[t];
        if (
          cal.windowFrom !== null &&
          (tpl.startMinute < cal.windowFrom || tpl.startMinute > cal.windowTo!)
        )
          out.startWindow += w.startWindow;
        if (cal.preferredOff.has(weekdayOfDay[d])) out.dayOff += w.dayOff;
        starts[weekOfDay[d]].add(tpl.startMinute);
      });
      if (this.team.consistentStartTimes === true)
        for (const s of starts) out.consistency += w.consistency * Math.max(0, s.size - 1);
      out.evenings += this.eveningWeight() * Math.abs(this.evenings[a] - this.eveningMean);
      out.weekends += this.weekendWeight() * Math.abs(this.weekends[a] - this.weekendMean);
    });
    return out;
  }

  /** Preference and fairness cost of some agents. */
  agentsCost(agents: number[]): number {
    let c = 0;
    for (const a of agents) c += this.agentCost(a);
    return c;
  }

  eveningWeight(): number {
    return this.team.fairnessWeights?.evenings ?? this.weights.evenings;
  }

  weekendWeight(): number {
    return this.team.fairnessWeights?.weekends ?? this.weights.weekends;
  }

  refreshMeans(): void {
    const n = Math.max(1, this.calendars.length);
    this.eveningMean = this.evenings.reduce((s, x) => s + x, 0) / n;
    this.weekendMean = this.weekends.reduce((s, x) => s + x, 0) / n;
  }

  coverageCost(): number {
    let c = 0;
    for (let r = 0; r < this.rows.length; r++) c += this.rowCost(r, this.present[r]);
    return c;
  }

  /** The objective, exactly: coverage + preferences + fairness around the actual means. */
  objective(): number {
    this.refreshMeans();
    let c = this.coverageCost();
    for (let a = 0; a < this.calendars.length; a++) c += this.agentCost(a);
    return c;
  }

  /** Agents' shifts as (agent, template) pairs. */
  assignments(): Array<{ agent: number; template: number }> {
    const out: Array<{ agent: number; template: number }> = [];
    this.dayShift.forEach((days, a) =>
      days.forEach((t) => {
        if (t >= 0) out.push({ agent: a, template: t });
      }),
    );
    return out;
  }

  /** Weekly minutes still owed (0 when every minimum is met). */
  owed(a: number, w: number): number {
    return Math.max(0, this.calendars[a].minWeek[w] - this.weekWork[a][w]);
  }

  copyFrom(other: Roster): void {
    for (let a = 0; a < this.calendars.length; a++) {
      this.dayShift[a].set(other.dayShift[a]);
      this.weekWork[a].set(other.weekWork[a]);
      this.weekDays[a].set(other.weekDays[a]);
    }
    this.present.set(other.present);
    this.evenings.set(other.evenings);
    this.weekends.set(other.weekends);
  }
}

/** A small deterministic PRNG (mulberry32), so rosters are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Change of agent a's preference cost if template t were added (−1 = as it stands). */
function costWith(roster: Roster, a: number, t: number): number {
  const d = roster.templates[t].day;
  const before = roster.agentCost(a);
  roster.add(a, t);
  const after = roster.agentCost(a);
  roster.remove(a, d);
  return after - before;
}

/**
 * Hands shift counts (per profile and template) to agents: day by day, earliest start first, each shift
 * to the eligible agent of its profile who most needs hours toward the weekly minimum, then who is least
 * used, then whose preferences it suits. Returns the shifts nobody could take.
 */
export function rosterCounts(
  roster: Roster,
  counts: Map<string, number>,
  columns: Map<string, { profile: number; template: number }>,
  deadline: number,
  jitter = 0,
  seed = 11,
  order: 'day' | 'size' | 'owed' = 'day',
): Array<{ profile: number; template: number }> {
  const { grid, templates, calendars, profiles } = roster;
  const random = seeded(seed);
  const list: Array<{ profile: number; template: number }> = [];
  for (const [name, n] of counts) {
    const c = columns.get(name);
    if (!c || n <= 0) continue;
    for (let k = 0; k < n; k++) list.push({ profile: c.profile, template: c.template });
  }
  const tp = (x: { template: number }) => templates[x.template];
  // 'day': day by day, earliest start first (rest between days); 'size': per week, longest first
  // (best-fit decreasing packs weekly hours tightly); 'owed': per week longest first, each shift to the
  // agent owing most toward its weekly minimum (profiles the model keeps at their minimums).
  if (order === 'day')
    list.sort(
      (x, y) => tp(x).day - tp(y).day || x.profile - y.profile || tp(x).start - tp(y).start,
    );
  else
    list.sort(
      (x, y) =>
        grid.weekOfDay[tp(x).day] - grid.weekOfDay[tp(y).day] ||
        x.profile - y.profile ||
        tp(y).workMinutes - tp(x).workMinutes ||
        tp(x).start - tp(y).start,
    );
  roster.refreshMeans();
  const missed: Array<{ profile: number; template: number }> = [];
  const daysLeft = grid.weekOfDay.map((w, d) => {
    let n = 0;
    for (let k = d; k < grid.days && grid.weekOfDay[k] === w; k++) n++;
    return n;
  });
  for (const item of list) {
    const t = item.template;
    const tpl = templates[t];
    const d = tpl.day;
    const w = grid.weekOfDay[d];
    let best = -1;
    let bestScore = Infinity;
    for (const a of profiles[item.profile].members) {
      if (roster.dayShift[a][d] >= 0 || !roster.canAdd(a, t)) continue;
      const cal = calendars[a];
      const room = cal.maxWeek[w] - roster.weekWork[a][w] - tpl.workMinutes;
      let score: number;
      if (order === 'day') {
        const owedHours = roster.owed(a, w) / 60;
        const usage = roster.weekWork[a][w] / Math.max(1, cal.maxWeek[w]);
        score = -1 * (owedHours / daysLeft[d]) + usage;
        // Avoid leaving a week remainder too small for any shift.
        if (room > EPS && room < roster.rules.minShiftMinutes - 60) score += 1.5;
      } else if (order === 'owed') {
        // The agent owing most first (spreads the shifts so everyone reaches its minimum); once nobody
        // owes, the least used.
        const owed = roster.owed(a, w);
        score = owed > EPS ? -100 - owed / 60 : roster.weekWork[a][w] / 60;
      } else score = room / 60;
      if (jitter) score += random() * jitter;
      if (
        cal.windowFrom !== null &&
        (tpl.startMinute < cal.windowFrom || tpl.startMinute > cal.windowTo!)
      )
        score += roster.weights.startWindow * 6;
      if (cal.preferredOff.has(grid.weekdayOfDay[d])) score += roster.weights.dayOff * 6;
      if (tpl.evening) score += roster.eveningWeight() * (roster.evenings[a] - roster.eveningMean);
      if (tpl.weekend) score += roster.weekendWeight() * (roster.weekends[a] - roster.weekendMean);
      if (roster.team.consistentStartTimes) {
        const prev = d > 0 ? roster.dayShift[a][d - 1] : -1;
        const next = d + 1 < grid.days ? roster.dayShift[a][d + 1] : -1;
        if (prev >= 0 && templates[prev].startMinute !== tpl.startMinute)
          score += roster.weights.consistency * 6;
        if (next >= 0 && templates[next].startMinute !== tpl.startMinute)
          score += roster.weights.consistency * 6;
      }
      if (score < bestScore) {
        bestScore = score;
        best = a;
      }
    }
    if (best < 0) missed.push(item);
    else roster.add(best, t);
    if (Date.now() > deadline) break;
  }
  return missed;
}

/**
 * Agents who count for every row a profile's agents count for: its members first, then members of other
 * profiles holding all its dialects (same skills, other contract).
 */
export function coveringAgents(roster: Roster, p: number): number[] {
  const own = roster.profiles[p];
  const others = roster.profiles
    .filter((q, k) => k !== p && own.dialects.every((d) => q.dialects.includes(d)))
    .sort((x, y) => x.dialects.length - y.dialects.length)
    .flatMap((q) => q.members);
  return [...own.members, ...others];
}

/** Templates of each day, by day. */
export function templatesByDay(roster: Roster): number[][] {
  const out: number[][] = Array.from({ length: roster.grid.days }, () => []);
  for (const t of roster.templates) out[t.day].push(t.index);
  return out;
}

/**
 * Moves a shift of week w to agent a from a colleague who keeps its own minimum and whose dialects a
 * holds too (coverage of every row it counted for is kept). Returns whether one moved.
 */
function transferTo(roster: Roster, a: number, w: number): boolean {
  const { grid, calendars, profiles } = roster;
  const mine = calendars[a].dialects;
  const donors = profiles
    .filter((q) => q.dialects.every((d) => mine.includes(d)))
    .flatMap((q) => q.members);
  let best: { b: number; d: number; t: number; cost: number } | null = null;
  for (let d = 0; d < grid.days; d++) {
    if (grid.weekOfDay[d] !== w || roster.dayShift[a][d] >= 0) continue;
    for (const b of donors) {
      const t = roster.dayShift[b][d];
      if (b === a || t < 0) continue;
      if (roster.weekWork[b][w] - roster.templates[t].workMinutes < calendars[b].minWeek[w] - EPS)
        continue;
      if (!roster.canAdd(a, t)) continue;
      // Prefer the shift that best fills what a owes without overshooting its room.
      const cost = Math.abs(roster.owed(a, w) - roster.templates[t].workMinutes);
      if (!best || cost < best.cost) best = { b, d, t, cost };
    }
  }
  if (!best) return false;
  roster.remove(best.b, best.d);
  roster.add(a, best.t);
  return true;
}

/**
 * Meets weekly minimums: an agent short of its minimum gets the shift that costs least (or gains most)
 * on a free day of that week, else a longer shift in place of one it has. Returns agent-weeks still short.
 */
export function meetMinimums(roster: Roster, deadline: number): number {
  const byDay = templatesByDay(roster);
  const { grid, calendars } = roster;
  let short = 0;
  for (let a = 0; a < calendars.length; a++) {
    const p = calendars[a].profile;
    for (let w = 0; w < grid.weeks; w++) {
      let guard = 0;
      while (roster.owed(a, w) > EPS && guard++ < 14) {
        if (transferTo(roster, a, w)) continue;
        let best: { kind: 'add' | 'swap'; t: number; d: number; cost: number } | null = null;
        for (let d = 0; d < grid.days; d++) {
          if (grid.weekOfDay[d] !== w) continue;
          if (roster.dayShift[a][d] < 0) {
            for (const t of byDay[d]) {
              if (!roster.canAdd(a, t)) continue;
              const cost = roster.coverageDelta(p, t, 1) + costWith(roster, a, t);
              if (!best || cost < best.cost) best = { kind: 'add', t, d, cost };
            }
          } else {
            const old = roster.dayShift[a][d];
            const oldCost = roster.coverageDelta(p, old, -1);
            roster.remove(a, d);
            for (const t of byDay[d]) {
              if (roster.templates[t].workMinutes <= roster.templates[old].workMinutes) continue;
              if (!roster.canAdd(a, t)) continue;
              const cost = oldCost + roster.coverageDelta(p, t, 1) + 1000;
              if (!best || cost < best.cost) best = { kind: 'swap', t, d, cost };
            }
            roster.add(a, old);
          }
        }
        if (!best) break;
        if (best.kind === 'swap') roster.remove(a, best.d);
        roster.add(a, best.t);
      }
      if (roster.owed(a, w) > EPS) short++;
    }
    if (Date.now() > deadline) break;
  }
  return short;
}

/**
 * Local search until no move improves or the deadline: add a shift where it pays (under-coverage),
 * remove one that only over-staffs, change a shift's template on its day. Each accepted move lowers the
 * objective (coverage exactly; preferences against the means of the pass). Returns passes made.
 */
export function improve(
  roster: Roster,
  deadline: number,
  seed = 1,
  /** Cost saved and seconds spent per kind of move, added to (for the solver's stats). */
  account?: Record<string, number>,
  /** Wider (dearer) neighbourhoods, for when the narrow ones find nothing more. */
  broad = false,
): number {
  const byDay = templatesByDay(roster);
  const { grid, calendars, profiles } = roster;
  const random = seeded(seed);
  let passes = 0;
  for (;;) {
    if (Date.now() > deadline) break;
    passes++;
    roster.refreshMeans();
    let gained = 0;
    // Adds, per day and profile.
    for (let d = 0; d < grid.days && Date.now() <= deadline; d++) {
      profiles.forEach((profile, p) => {
        const deltas = new Map<number, number>();
        const refresh = () => {
          for (const t of byDay[d]) deltas.set(t, roster.coverageDelta(p, t, 1));
        };
        refresh();
        // Only worth trying when some template lowers coverage cost.
        if (![...deltas.values()].some((x) => x < 0)) return;
        const order = [...profile.members].sort(() => random() - 0.5);
        for (const a of order) {
          if (roster.dayShift[a][d] >= 0) continue;
          let best = -1;
          let bestCost = -EPS;
          for (const t of byDay[d]) {
            const cov = deltas.get(t)!;
            if (cov >= bestCost) continue;
            if (!roster.canAdd(a, t)) continue;
            const cost = cov + costWith(roster, a, t);
            if (cost < bestCost) {
              bestCost = cost;
              best = t;
            }
          }
          if (best >= 0) {
            roster.add(a, best);
            gained -= bestCost;
            refresh();
            if (![...deltas.values()].some((x) => x < 0)) return;
          }
        }
      });
    }
    // Removes and template changes, per agent and shift.
    for (let a = 0; a < calendars.length && Date.now() <= deadline; a++) {
      const p = calendars[a].profile;
      for (let d = 0; d < grid.days; d++) {
        const old = roster.dayShift[a][d];
        if (old < 0) continue;
        const before = roster.agentCost(a);
        const removeCov = roster.coverageDelta(p, old, -1);
        roster.remove(a, d);
        const removeCost = removeCov + roster.agentCost(a) - before;
        const w = grid.weekOfDay[d];
        const mayRemove = roster.weekWork[a][w] >= calendars[a].minWeek[w] - EPS;
        let best = old;
        let bestCost = 0; // putting the old shift back
        if (mayRemove && removeCost < -EPS) {
          best = -1;
          bestCost = removeCost;
        }
        for (const t of byDay[d]) {
          if (t === old || !roster.canAdd(a, t)) continue;
          const w2 = roster.weekWork[a][w] + roster.templates[t].workMinutes;
          if (w2 < calendars[a].minWeek[w] - EPS) continue;
          const cov = roster.coverageDelta(p, t, 1);
          // Preference cost after is >= 0: skip templates that cannot beat the best so far.
          if (removeCov + cov - before >= bestCost) continue;
          roster.add(a, t);
          const cost = removeCov + cov + roster.agentCost(a) - before;
          roster.remove(a, d);
          if (cost < bestCost - EPS) {
            bestCost = cost;
            best = t;
          }
        }
        if (best >= 0) roster.add(a, best);
        gained -= bestCost;
      }
    }
    const moves: Array<[string, () => number]> = [
      ['reassign', () => reassign(roster, deadline, random)],
      ['exchange', () => exchange(roster, deadline, random)],
      ['assignDays', () => assignDays(roster, deadline, random)],
      ['crossExchange', () => crossExchange(roster, deadline, random)],
      ['pairResize', () => pairResize(roster, deadline, random, 8, broad)],
    ];
    for (const [name, move] of moves) {
      // The pair resize is dear (~half the search time at 1,000 agents for a tenth of the gain): only
      // once the cheaper moves stall.
      if (name === 'pairResize' && !broad && gained > 0.002 * roster.objective()) continue;
      const t0 = Date.now();
      const saved = move();
      gained += saved;
      if (account) {
        account[`saved:${name}`] = (account[`saved:${name}`] ?? 0) + saved;
        account[`seconds:${name}`] = (account[`seconds:${name}`] ?? 0) + (Date.now() - t0) / 1000;
      }
    }
    // Stop when a pass gains less than 0.1 % of the objective: the rest is not worth the time.
    if (gained < Math.max(1e-6, 0.001 * roster.objective())) break;
  }
  return passes;
}

/**
 * Where to look for a colleague to take agent a's shift: agents whose dialects are a strict subset of
 * a's (the rows only a counted for lose an over-covered agent, the rest stay), and agents of a's own
 * dialects with fewer evening (weekend) shifts than the mean when the shift is one (fairness).
 */
export class CandidatePools {
  private readonly subsets: number[][];
  private readonly fewEvenings = new Map<string, number[]>();
  private readonly fewWeekends = new Map<string, number[]>();
  private readonly keys: string[];

  constructor(private readonly roster: Roster) {
    const { calendars, profiles } = roster;
    this.keys = calendars.map((c) => c.dialects.join('+'));
    this.subsets = profiles.map((p) =>
      profiles
        .filter(
          (q) =>
            q.dialects.length < p.dialects.length &&
            q.dialects.every((d) => p.dialects.includes(d)),
        )
        .flatMap((q) => q.members),
    );
    roster.refreshMeans();
    calendars.forEach((_, a) => {
      const key = this.keys[a];
      if (roster.evenings[a] < roster.eveningMean - 0.5) push(this.fewEvenings, key, a);
      if (roster.weekends[a] < roster.weekendMean - 0.5) push(this.fewWeekends, key, a);
    });
  }

  /** A colleague to try for a's template t (−1 when there is no targeted pool). */
  pick(a: number, t: number, random: () => number): number {
    const { roster } = this;
    const tpl = roster.templates[t];
    const pools: number[][] = [];
    const subset = this.subsets[roster.calendars[a].profile];
    if (subset.length) pools.push(subset);
    if (tpl.evening && roster.evenings[a] > roster.eveningMean + 0.5) {
      const few = this.fewEvenings.get(this.keys[a]);
      if (few) pools.push(few);
    }
    if (tpl.weekend && roster.weekends[a] > roster.weekendMean + 0.5) {
      const few = this.fewWeekends.get(this.keys[a]);
      if (few) pools.push(few);
    }
    if (pools.length === 0) return -1;
    const pool = pools[Math.floor(random() * pools.length)];
    return pool[Math.floor(random() * pool.length)];
  }
}

function push(map: Map<string, number[]>, key: string, a: number): void {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
}

/**
 * Hands shifts to another agent where that lowers the objective: a shift held by an agent with dialects
 * the interval does not need goes to one without them (less over-coverage), or to one whose preferences
 * it suits. The giver keeps its weekly minimum. Returns the cost saved.
 */
function reassign(roster: Roster, deadline: number, random: () => number): number {
  const { grid, calendars } = roster;
  const n = calendars.length;
  const pools = new CandidatePools(roster);
  let saved = 0;
  for (let a = 0; a < n && Date.now() <= deadline; a++) {
    const pa = calendars[a].profile;
    for (let d = 0; d < grid.days; d++) {
      const t = roster.dayShift[a][d];
      if (t < 0 || !roster.canRemove(a, d)) continue;
      const beforeA = roster.agentCost(a);
      const off = roster.coverageDelta(pa, t, -1);
      roster.remove(a, d);
      const gainA = off + roster.agentCost(a) - beforeA;
      let best = -1;
      let bestCost = -1e-9;
      for (let k = 0; k < 24; k++) {
        const targeted = k % 2 === 0 ? pools.pick(a, t, random) : -1;
        const b = targeted >= 0 ? targeted : Math.floor(random() * n);
        if (b === a || roster.dayShift[b][d] >= 0) continue;
        const on = roster.coverageDelta(calendars[b].profile, t, 1);
        if (gainA + on >= bestCost) continue;
        if (!roster.canAdd(b, t)) continue;
        const beforeB = roster.agentCost(b);
        roster.add(b, t);
        const cost = gainA + on + roster.agentCost(b) - beforeB;
        roster.remove(b, d);
        if (cost < bestCost) {
          bestCost = cost;
          best = b;
        }
      }
      if (best >= 0) {
        roster.add(best, t);
        saved -= bestCost;
      } else roster.add(a, t);
    }
  }
  return saved;
}

/**
 * A hands its shift on day `da` to B and takes B's shift on day `db` (the same day for a plain swap;
 * both days in one week). Scored on coverage (by each agent's profile) and both agents' costs, and kept
 * only when it saves; refused when a hard rule or either weekly minimum would break. Returns the cost
 * saved, 0 when the roster is left as it was.
 */
function trade(
  roster: Roster,
  a: number,
  da: number,
  pa: number,
  b: number,
  db: number,
  pb: number,
): number {
  const { calendars, templates } = roster;
  const w = roster.grid.weekOfDay[da];
  const ta = roster.dayShift[a][da];
  const tb = roster.dayShift[b][db];
  const wa = roster.weekWork[a][w] - templates[ta].workMinutes + templates[tb].workMinutes;
  const wb = roster.weekWork[b][w] - templates[tb].workMinutes + templates[ta].workMinutes;
  if (wa < calendars[a].minWeek[w] - EPS || wb < calendars[b].minWeek[w] - EPS) return 0;
  const before = roster.agentCost(a) + roster.agentCost(b);
  let delta = roster.coverageDelta(pa, ta, -1);
  roster.remove(a, da);
  delta += roster.coverageDelta(pb, tb, -1);
  roster.remove(b, db);
  if (roster.canAdd(a, tb) && roster.canAdd(b, ta)) {
    delta += roster.coverageDelta(pa, tb, 1);
    roster.add(a, tb);
    delta += roster.coverageDelta(pb, ta, 1);
    roster.add(b, ta);
    delta += roster.agentCost(a) + roster.agentCost(b) - before;
    if (delta < -1e-6) return -delta;
    roster.remove(a, db);
    roster.remove(b, da);
  }
  roster.add(a, ta);
  roster.add(b, tb);
  return 0;
}

/**
 * Same-day exchanges between agents of different skill profiles: A takes B's shift and B takes A's.
 * Total coverage does not change; dialect rows do (a Wuhan speaker moves to the hours Wuhan is needed,
 * a Putonghua-only colleague to the hours it is not), and so do preferences. Both agents keep every hard
 * rule and their weekly minimum and maximum. Returns the cost saved.
 */
export function exchange(
  roster: Roster,
  deadline: number,
  random: () => number,
  tries = 24,
): number {
  const { grid, profiles } = roster;
  let saved = 0;
  for (let d = 0; d < grid.days && Date.now() <= deadline; d++) {
    const working = profiles.map((profile) =>
      profile.members.filter((a) => roster.dayShift[a][d] >= 0),
    );
    for (let p = 0; p < profiles.length; p++) {
      for (let q = 0; q < profiles.length; q++) {
        if (p === q || profiles[p].dialects.join() === profiles[q].dialects.join()) continue;
        // Only from the profile with more dialects (symmetric pairs are tried once).
        if (profiles[p].dialects.length < profiles[q].dialects.length) continue;
        if (working[q].length === 0) continue;
        for (const a of working[p]) {
          const ta = roster.dayShift[a][d];
          if (ta < 0) continue;
          for (let k = 0; k < Math.min(tries, working[q].length); k++) {
            const b = working[q][Math.floor(random() * working[q].length)];
            const tb = roster.dayShift[b][d];
            if (tb < 0 || tb === roster.dayShift[a][d]) continue;
            saved += trade(roster, a, d, p, b, d, q);
          }
        }
      }
    }
  }
  return saved;
}

/**
 * Two agents trade shifts on two days of a week: A hands its day-1 shift to B (free that day) and takes
 * B's day-2 shift (A free that day). Moves evenings and weekends between agents (fairness), days off to
 * where they are preferred, and dialect speakers to the days they are needed. Every hard rule and both
 * weekly minimums hold. Returns the cost saved.
 */
export function crossExchange(
  roster: Roster,
  deadline: number,
  random: () => number,
  tries = 16,
): number {
  const { grid, calendars } = roster;
  const n = calendars.length;
  roster.refreshMeans();
  const pools = new CandidatePools(roster);
  let saved = 0;
  for (let a = 0; a < n && Date.now() <= deadline; a++) {
    const pa = calendars[a].profile;
    for (let d1 = 0; d1 < grid.days; d1++) {
      const t1 = roster.dayShift[a][d1];
      if (t1 < 0) continue;
      const w = grid.weekOfDay[d1];
      for (let k = 0; k < tries; k++) {
        const targeted = k % 2 === 0 ? pools.pick(a, t1, random) : -1;
        const b = targeted >= 0 ? targeted : Math.floor(random() * n);
        if (b === a || roster.dayShift[b][d1] >= 0) continue;
        const pb = calendars[b].profile;
        // One of b's shifts that week on a day a is free.
        const options: number[] = [];
        for (let d2 = 0; d2 < grid.days; d2++)
          if (grid.weekOfDay[d2] === w && roster.dayShift[b][d2] >= 0 && roster.dayShift[a][d2] < 0)
            options.push(d2);
        if (options.length === 0) continue;
        const d2 = options[Math.floor(random() * options.length)];
        const gain = trade(roster, a, d1, pa, b, d2, pb);
        if (gain > 0) {
          saved += gain;
          break;
        }
      }
    }
  }
  return saved;
}

/** Templates one hour longer, shorter or later/earlier at either end than t, on its day. */
export function neighbourTemplates(roster: Roster): number[][] {
  const HOUR = 60 * MIN;
  const byKey = new Map<string, number>();
  for (const t of roster.templates) byKey.set(`${t.start}|${t.end}`, t.index);
  return roster.templates.map((t) => {
    const out: number[] = [];
    for (const [ds, de] of [
      [0, HOUR],
      [0, -HOUR],
      [HOUR, 0],
      [-HOUR, 0],
      [HOUR, HOUR],
      [-HOUR, -HOUR],
    ]) {
      const k = byKey.get(`${t.start + ds}|${t.end + de}`);
      if (k !== undefined && roster.templates[k].day === t.day) out.push(k);
    }
    return out;
  });
}

/**
 * Two agents working the same day resize their shifts together: A's shift an hour shorter (or moved),
 * B's an hour longer where A's left (any pair of one-hour neighbours, or one side unchanged). Lets
 * hours flow from an agent with dialects that are over-covered to a colleague without them, a few
 * intervals at a time, where a whole shift cannot move. Every hard rule and both weekly minimums
 * hold. Returns the cost saved.
 */
export function pairResize(
  roster: Roster,
  deadline: number,
  random: () => number,
  tries = 8,
  broad = false,
): number {
  const { grid, calendars, templates } = roster;
  const n = calendars.length;
  const near = neighbourTemplates(roster);
  const working: number[][] = Array.from({ length: grid.days }, () => []);
  if (broad)
    for (let a = 0; a < n; a++)
      for (let d = 0; d < grid.days; d++) if (roster.dayShift[a][d] >= 0) working[d].push(a);
  roster.refreshMeans();
  const pools = new CandidatePools(roster);
  let saved = 0;
  for (let a = 0; a < n && Date.now() <= deadline; a++) {
    const pa = calendars[a].profile;
    for (let d = 0; d < grid.days; d++) {
      const w = grid.weekOfDay[d];
      for (let k = 0; k < tries; k++) {
        const ta = roster.dayShift[a][d];
        if (ta < 0 || near[ta].length === 0) break;
        // Targeted colleagues (fewer dialects, fewer evenings or weekends), the move being dear;
        // `broad` adds anyone working that day every other try.
        const targeted = broad && k % 2 === 1 ? -1 : pools.pick(a, ta, random);
        const b =
          targeted >= 0
            ? targeted
            : broad
              ? working[d][Math.floor(random() * working[d].length)]
              : -1;
        if (b === undefined || b < 0) break;
        const tb = roster.dayShift[b][d];
        if (b === a || tb < 0) continue;
        const pb = calendars[b].profile;
        const evenings = +templates[ta].evening + +templates[tb].evening;
        const before = roster.agentCost(a) + roster.agentCost(b);
        const off = roster.coverageDelta(pa, ta, -1);
        roster.remove(a, d);
        const offB = roster.coverageDelta(pb, tb, -1);
        roster.remove(b, d);
        let best: [number, number] | null = null;
        let bestDelta = -1e-6;
        for (const xa of [ta, ...near[ta]])
          for (const xb of [tb, ...near[tb]]) {
            if (xa === ta && xb === tb) continue;
            // The team's evening count stays, so fairness means (and the others' costs) stay.
            if (+templates[xa].evening + +templates[xb].evening !== evenings) continue;
            const ha = roster.weekWork[a][w] + templates[xa].workMinutes;
            const hb = roster.weekWork[b][w] + templates[xb].workMinutes;
            if (ha < calendars[a].minWeek[w] - EPS || hb < calendars[b].minWeek[w] - EPS) continue;
            if (!roster.canAdd(a, xa) || !roster.canAdd(b, xb)) continue;
            let delta = off + offB + roster.coverageDelta(pa, xa, 1);
            roster.add(a, xa);
            delta += roster.coverageDelta(pb, xb, 1);
            roster.add(b, xb);
            delta += roster.agentCost(a) + roster.agentCost(b) - before;
            roster.remove(a, d);
            roster.remove(b, d);
            if (delta < bestDelta) {
              bestDelta = delta;
              best = [xa, xb];
            }
          }
        if (best) {
          roster.add(a, best[0]);
          roster.add(b, best[1]);
          saved -= bestDelta;
        } else {
          roster.add(a, ta);
          roster.add(b, tb);
        }
      }
    }
  }
  return saved;
}

/** Least-cost perfect assignment of rows to columns (Hungarian method, O(n³)); cost is row-major n × n. */
export function assignment(cost: Float64Array, n: number): Int32Array {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      const base = (i0 - 1) * n - 1;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[base + j] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Int32Array(n);
  for (let j = 1; j <= n; j++) rowToCol[p[j] - 1] = j - 1;
  return rowToCol;
}

const FORBIDDEN = 1e6;
/** Agents per assignment problem: O(n³), so large skill groups are cut into random chunks. */
const ASSIGN_CHUNK = 90;

/**
 * Per day, the shifts of agents with the same dialects are handed out again among them by an optimal
 * assignment on preferences (start window, days off, consistent start times, fairness). The day's
 * shifts as a multiset stay, so coverage does not change; each agent keeps every hard rule and its
 * weekly minimum. Returns the cost saved.
 */
export function assignDays(roster: Roster, deadline: number, random: () => number): number {
  const { grid, calendars, templates } = roster;
  roster.refreshMeans();
  let saved = 0;
  for (let d = 0; d < grid.days && Date.now() <= deadline; d++) {
    const w = grid.weekOfDay[d];
    const groups = new Map<string, number[]>();
    calendars.forEach((cal, a) => {
      if (roster.dayShift[a][d] < 0) return;
      const key = cal.dialects.join('+');
      const g = groups.get(key);
      if (g) g.push(a);
      else groups.set(key, [a]);
    });
    for (const members of groups.values()) {
      const shuffled =
        members.length > ASSIGN_CHUNK ? [...members].sort(() => random() - 0.5) : members;
      for (let c = 0; c < shuffled.length; c += ASSIGN_CHUNK) {
        if (Date.now() > deadline) break;
        const agents = shuffled.slice(c, c + ASSIGN_CHUNK);
        const n = agents.length;
        if (n < 2) continue;
        const slots = agents.map((a) => roster.dayShift[a][d]);
        const distinct = [...new Set(slots)];
        if (distinct.length < 2) continue;
        const before = agents.reduce((s, a) => s + roster.agentCost(a), 0);
        for (const a of agents) roster.remove(a, d);
        const byTemplate = new Map<number, number>();
        const cost = new Float64Array(n * n);
        agents.forEach((a, i) => {
          byTemplate.clear();
          for (const t of distinct) {
            const work = roster.weekWork[a][w] + templates[t].workMinutes;
            let x = FORBIDDEN;
            if (work >= calendars[a].minWeek[w] - EPS && roster.canAdd(a, t)) {
              roster.add(a, t);
              x = roster.agentCost(a);
              roster.remove(a, d);
            }
            byTemplate.set(t, x);
          }
          for (let j = 0; j < n; j++) cost[i * n + j] = byTemplate.get(slots[j])!;
        });
        const pick = assignment(cost, n);
        let after = 0;
        for (let i = 0; i < n; i++) after += cost[i * n + pick[i]];
        const better = after < before - 1e-6 && after < FORBIDDEN;
        agents.forEach((a, i) => roster.add(a, better ? slots[pick[i]] : slots[i]));
        if (better) saved += before - roster.agentsCost(agents);
      }
    }
  }
  return saved;
}

/**
 * Shifts nobody could take, placed by ejection chains: an agent of the profile who is free that day but
 * blocked by its week (hours, days, rest, consecutive days) hands one of its other shifts to a colleague
 * who can take it, and takes the missed shift. Returns the shifts still missed.
 */
export function placeMissed(
  roster: Roster,
  missed: Array<{ profile: number; template: number }>,
  deadline: number,
  seed = 3,
): Array<{ profile: number; template: number }> {
  const random = seeded(seed);
  const left: Array<{ profile: number; template: number }> = [];
  const { grid, templates } = roster;
  for (const m of missed) {
    if (Date.now() > deadline) {
      left.push(m);
      continue;
    }
    const t = templates[m.template];
    const all = coveringAgents(roster, m.profile);
    const own = all.slice(0, roster.profiles[m.profile].members.length);
    let placed = false;
    // The profile's own agents first, directly then by a chain; agents with more dialects only after
    // (each shift they take over-covers their extra dialects).
    for (const members of [own, all]) {
      // Direct first (the week may have changed since).
      for (const a of members)
        if (!placed && roster.canAdd(a, m.template)) {
          roster.add(a, m.template);
          placed = true;
        }
      const order = [...members].sort(() => random() - 0.5).slice(0, 60);
      for (const a of order) {
        if (placed) break;
        if (roster.dayShift[a][t.day] >= 0) continue;
        for (
          let d2 = Math.max(0, t.day - 6);
          d2 < Math.min(grid.days, t.day + 7) && !placed;
          d2++
        ) {
          const t2 = roster.dayShift[a][d2];
          if (t2 < 0) continue;
          roster.remove(a, d2);
          if (roster.canAdd(a, m.template)) {
            roster.add(a, m.template);
            for (const b of members) {
              if (b === a || !roster.canAdd(b, t2)) continue;
              roster.add(b, t2);
              placed = true;
              break;
            }
            if (!placed) roster.remove(a, t.day);
          }
          if (!placed) roster.add(a, t2);
        }
      }
      if (placed) break;
    }
    if (!placed) left.push(m);
  }
  return left;
}

/**
 * The ruin of an iterated local search: a random `share` of the agents lose every shift of one random
 * week, so their whole week (start times, evenings, weekend) is chosen again by the search that follows.
 * Taking shifts away breaks no rule but weekly minimums, which the caller meets again; the search can then
 * leave an optimum its moves alone cannot (they change one or two shifts at a time, each step no worse).
 * Returns the agents whose week was taken.
 */
export function ruinWeeks(roster: Roster, random: () => number, share: number): Set<number> {
  const w = Math.floor(random() * roster.grid.weeks);
  const agents = new Set<number>();
  for (let a = 0; a < roster.calendars.length; a++) {
    if (random() >= share) continue;
    agents.add(a);
    for (let d = 0; d < roster.grid.days; d++)
      if (roster.grid.weekOfDay[d] === w && roster.dayShift[a][d] >= 0) roster.remove(a, d);
  }
  return agents;
}

/** Agent-weeks below their weekly minimum. */
export function shortWeeks(roster: Roster): number {
  let short = 0;
  for (let a = 0; a < roster.calendars.length; a++)
    for (let w = 0; w < roster.grid.weeks; w++) if (roster.owed(a, w) > EPS) short++;
  return short;
}

/**
 * Same-day swaps between two agents of a profile: coverage does not change, preferences may improve.
 * Returns the preference cost saved.
 */
export function swapForPreferences(roster: Roster, deadline: number, seed = 5): number {
  const random = seeded(seed);
  const { grid, profiles } = roster;
  let saved = 0;
  roster.refreshMeans();
  for (let d = 0; d < grid.days && Date.now() <= deadline; d++) {
    for (const profile of profiles) {
      const working = profile.members.filter((a) => roster.dayShift[a][d] >= 0);
      if (working.length < 2) continue;
      for (const a of working) {
        const base = roster.agentCost(a);
        if (base <= 1e-9) continue;
        for (let k = 0; k < 30; k++) {
          const b = working[Math.floor(random() * working.length)];
          const ta = roster.dayShift[a][d];
          const tb = roster.dayShift[b][d];
          if (b === a || ta === tb) continue;
          const before = roster.agentCost(a) + roster.agentCost(b);
          roster.remove(a, d);
          roster.remove(b, d);
          if (roster.canAdd(a, tb) && roster.canAdd(b, ta)) {
            roster.add(a, tb);
            roster.add(b, ta);
            const wa = roster.grid.weekOfDay[d];
            const keepsMinimum = roster.owed(a, wa) <= 1e-9 && roster.owed(b, wa) <= 1e-9;
            const after = roster.agentCost(a) + roster.agentCost(b);
            if (keepsMinimum && after < before - 1e-9) {
              saved += before - after;
              continue;
            }
            roster.remove(a, d);
            roster.remove(b, d);
          }
          roster.add(a, ta);
          roster.add(b, tb);
        }
      }
    }
  }
  return saved;
}
