/**
 * The shift-scheduling MIP, written as CPLEX LP text for HiGHS.
 *
 * x[a,d,t] = 1 when agent a works template t (start, length) on day d. Rows:
 *  - at most one shift per agent and day;
 *  - rest: a shift ending at e on day d excludes every day-d+1 shift starting before e + rest
 *    (one clique row per distinct end time, valid because of the one-shift-a-day rows);
 *  - work per calendar week ≤ limit; days worked per calendar week ≤ days in horizon − days off owed;
 *  - any maxConsecutive+1 consecutive days hold at most maxConsecutive shifts;
 *  - time off / unavailability: templates overlapping them are not generated (x fixed at 0);
 *  - coverage per requirement row (interval, dialect?): Σ qualified x + under − over = required.
 * Objective: underWeight·Σunder + overWeight·Σover + fairWeight·Σ|hours_a − mean hours|.
 * Coverage here counts presence; breaks are placed afterwards where slack is largest.
 */
import { LabourRules, workMinutesFor } from './labour-rules';

export interface ModelAgent {
  id: string;
  /** Dialects held at proficiency ≥ 3 (the ones that count for a dialect requirement). */
  dialects: string[];
  /** Hard: [start, end) in epoch ms when the agent cannot work (approved time off, unavailability). */
  blocked: Array<{ start: number; end: number }>;
  /** Hard: shifts already fixed around the horizon (other published schedules), for rest and overlap. */
  fixedShifts?: Array<{ start: number; end: number }>;
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
  /** Per hour of deviation of an agent's weekly hours from the mean. */
  fairWeight: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  startStepMinutes: 60,
  lengthStepMinutes: 60,
  underWeight: 100,
  overWeight: 1,
  fairWeight: 0.05,
};

export interface Template {
  day: number;
  start: number;
  end: number;
  lengthMinutes: number;
  workMinutes: number;
  firstInterval: number;
  /** Exclusive. */
  lastInterval: number;
}

export interface BuiltModel {
  lp: string;
  /** Same model with integrality dropped: its optimum is the lower bound. */
  relaxation: string;
  templates: Template[];
  /** Column name → (agent index, template index). */
  columns: Map<string, { agent: number; template: number }>;
  variableCount: number;
  rowCount: number;
}

/** Shift templates of each day: starts every step, lengths min..max, covering some positive demand. */
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
        const first = Math.floor((s - horizon.start) / iv);
        const last = Math.min(horizon.intervalCount, Math.ceil((e - horizon.start) / iv));
        if ((e - horizon.start) / iv > horizon.intervalCount) continue; // must end inside the horizon
        if (workMinutesFor(len, rules) > rules.maxDailyWorkMinutes) continue;
        let useful = false;
        for (let i = first; i < last && !useful; i++) useful = demand[i] > 0;
        if (!useful) continue;
        templates.push({
          day: d,
          start: s,
          end: e,
          lengthMinutes: len,
          workMinutes: workMinutesFor(len, rules),
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
): BuiltModel {
  const templates = buildTemplates(horizon, requirements, rules, options);
  const days = horizon.dayStarts.length - 1;
  const restMs = rules.minRestMinutesBetweenShifts * 60_000;
  const columns = new Map<string, { agent: number; template: number }>();
  // allowed[a][t] : column name or undefined
  const byAgentDay: string[][][] = agents.map(() => Array.from({ length: days }, () => []));
  const colOf: Array<Map<number, string>> = agents.map(() => new Map());
  agents.forEach((agent, a) => {
    templates.forEach((tpl, t) => {
      if (agent.blocked.some((b) => overlaps(b, tpl))) return;
      const fixed = agent.fixedShifts ?? [];
      if (
        fixed.some(
          (f) =>
            overlaps(f, tpl) ||
            (f.end <= tpl.start && tpl.start - f.end < restMs) ||
            (tpl.end <= f.start && f.start - tpl.end < restMs),
        )
      )
        return;
      const name = `x${a}_${t}`;
      columns.set(name, { agent: a, template: t });
      byAgentDay[a][tpl.day].push(name);
      colOf[a].set(t, name);
    });
  });

  const rows: string[] = [];
  let rowId = 0;
  const row = (terms: string[], sense: string, rhs: number) => {
    if (terms.length === 0) return;
    rows.push(` r${rowId++}: ${expr(terms)} ${sense} ${rhs}`);
  };
  const plus = (names: string[]) => names.map((n, i) => (i === 0 ? n : `+ ${n}`));

  // Templates of a day grouped by end time, and by start time for the rest cliques.
  const tplByDay: number[][] = Array.from({ length: days }, () => []);
  templates.forEach((tpl, t) => tplByDay[tpl.day].push(t));

  const weeks = new Map<number, number[]>();
  horizon.weekOfDay.forEach((w, d) => weeks.set(w, [...(weeks.get(w) ?? []), d]));

  agents.forEach((_agent, a) => {
    for (let d = 0; d < days; d++) row(plus(byAgentDay[a][d]), '<=', 1);
    for (let d = 0; d + 1 < days; d++) {
      const ends = [...new Set(tplByDay[d].map((t) => templates[t].end))].sort((x, y) => x - y);
      for (const e of ends) {
        const today = tplByDay[d].filter((t) => templates[t].end >= e).map((t) => colOf[a].get(t));
        const nextNames = tplByDay[d + 1]
          .filter((t) => templates[t].start < e + restMs)
          .map((t) => colOf[a].get(t))
          .filter((n): n is string => !!n);
        if (nextNames.length === 0) continue;
        row(plus([...today.filter((n): n is string => !!n), ...nextNames]), '<=', 1);
      }
    }
    for (const [, weekDays] of weeks) {
      const terms: string[] = [];
      const dayTerms: string[] = [];
      for (const d of weekDays) {
        for (const name of byAgentDay[a][d]) {
          const tpl = templates[columns.get(name)!.template];
          terms.push(signed(tpl.workMinutes / 60, name, terms.length === 0));
          dayTerms.push(name);
        }
      }
      row(terms, '<=', rules.maxWeeklyWorkMinutes / 60);
      const inHorizon = weekDays.length;
      const owed = Math.max(0, rules.minDaysOffPerWeek - (7 - inHorizon));
      if (owed > 0) row(plus(dayTerms), '<=', inHorizon - owed);
    }
    const window = rules.maxConsecutiveWorkDays + 1;
    for (let d = 0; d + window <= days; d++) {
      const names: string[] = [];
      for (let k = d; k < d + window; k++) names.push(...byAgentDay[a][k]);
      row(plus(names), '<=', rules.maxConsecutiveWorkDays);
    }
  });

  // Coverage.
  const coverByInterval: string[][] = Array.from({ length: horizon.intervalCount }, () => []);
  for (const [name, { template }] of columns) {
    const tpl = templates[template];
    for (let i = tpl.firstInterval; i < tpl.lastInterval; i++) coverByInterval[i].push(name);
  }
  const objective: string[] = [];
  const slackNames: string[] = [];
  requirements.forEach((req, r) => {
    const qualified = coverByInterval[req.interval].filter((name) => {
      if (req.dialect === null) return true;
      return agents[columns.get(name)!.agent].dialects.includes(req.dialect);
    });
    const u = `u${r}`;
    const o = `o${r}`;
    slackNames.push(u, o);
    objective.push(`+ ${options.underWeight} ${u}`, `+ ${options.overWeight} ${o}`);
    rows.push(
      ` c${r}: ${expr([...plus(qualified), `+ ${u}`, `- ${o}`].filter(Boolean))} = ${req.agents}`.replace(
        /: \+ /,
        ': ',
      ),
    );
  });

  // Fairness: |hours_a − mean|.
  const fairNames: string[] = [];
  if (options.fairWeight > 0 && agents.length > 1) {
    const hourTerms = agents.map((_agent, a) => {
      const terms: string[] = [];
      for (let d = 0; d < days; d++)
        for (const name of byAgentDay[a][d]) {
          const tpl = templates[columns.get(name)!.template];
          terms.push(signed(tpl.workMinutes / 60, name, terms.length === 0));
        }
      return terms;
    });
    // mean = Σ hours / N  ⇔  N·mean − Σ hours = 0
    const all = hourTerms
      .flat()
      .map((t) => (t.startsWith('- ') ? t : t.startsWith('+ ') ? `- ${t.slice(2)}` : `- ${t}`));
    rows.push(` mean: ${expr([`${agents.length} m`, ...all])} = 0`);
    hourTerms.forEach((terms, a) => {
      const dv = `d${a}`;
      fairNames.push(dv);
      objective.push(`+ ${options.fairWeight} ${dv}`);
      const neg = terms.map((t) =>
        t.startsWith('- ') ? `+ ${t.slice(2)}` : t.startsWith('+ ') ? `- ${t.slice(2)}` : `- ${t}`,
      );
      // d ≥ h − m  ⇔  d − h + m ≥ 0 ; d ≥ m − h ⇔ d + h − m ≥ 0
      rows.push(` fa${a}: ${expr([dv, ...neg, '+ m'])} >= 0`);
      rows.push(
        ` fb${a}: ${expr([dv, ...terms.map((t, i) => (i === 0 && !t.startsWith('-') ? `+ ${t}` : t)), '- m'])} >= 0`,
      );
    });
  }

  const objectiveText = objective.length ? objective.join(' ').replace(/^\+ /, '') : '0 u_none';
  const binaries = [...columns.keys()];
  const head = `Minimize\n obj: ${expr(objectiveText.split(/ (?=[+-] )/))}\nSubject To\n${rows.join('\n')}\n`;
  const bounds = `Bounds\n${binaries.map((b) => ` 0 <= ${b} <= 1`).join('\n')}\n${objective.length ? '' : ' u_none = 0\n'}`;
  const lp = `${head}${bounds}Binary\n ${expr(binaries)}\nEnd\n`;
  const relaxation = `${head}${bounds}End\n`;
  return {
    lp,
    relaxation,
    templates,
    columns,
    variableCount:
      binaries.length + slackNames.length + fairNames.length + (fairNames.length ? 1 : 0),
    rowCount: rows.length,
  };
}
