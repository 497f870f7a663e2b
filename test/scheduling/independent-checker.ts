/**
 * An independent check of a generated schedule, written apart from the solver and from
 * src/workforce/scheduling/rule-checker.ts: it reads only the planning input and the concrete shifts
 * (times, breaks, local calendar days) and recounts coverage itself. Tests run it on every schedule they
 * produce; an empty list means every hard rule and contract holds and the coverage report is honest.
 */
import { DateTime } from 'luxon';
import type {
  PlannedShift,
  PlanningInput,
  PlanningResult,
} from '../../src/workforce/scheduling/domain/planning-input';

export interface Finding {
  rule: string;
  agentId?: string;
  detail: string;
}

const MINUTE = 60_000;

export function independentCheck(input: PlanningInput, result: PlanningResult): Finding[] {
  const out: Finding[] = [];
  const r = input.rules;
  const zone = input.timeZone;
  const byAgent = new Map<
    string,
    Array<{ start: number; end: number; breaks: PlannedShift['breaks'] }>
  >();
  const agents = new Map(input.agents.map((a) => [a.agentId, a]));
  for (const s of result.shifts) {
    if (!agents.has(s.agentId)) out.push({ rule: 'UNKNOWN_AGENT', detail: s.agentId });
    const list = byAgent.get(s.agentId) ?? [];
    list.push(s);
    byAgent.set(s.agentId, list);
  }
  const horizonStart = DateTime.fromISO(input.startDate, { zone }).startOf('day');
  const horizonEnd = horizonStart.plus({ days: input.days });
  const dayKey = (ms: number) => DateTime.fromMillis(ms, { zone }).toISODate()!;
  const weekKey = (ms: number) => DateTime.fromMillis(ms, { zone }).startOf('week').toISODate()!;

  for (const agent of input.agents) {
    const id = agent.agentId;
    const generated = (byAgent.get(id) ?? []).map((s) => ({ ...s, fixed: false }));
    const fixed = (agent.fixedShifts ?? []).map((f) => ({
      start: f.start,
      end: f.end,
      breaks: (f.breaks ?? []) as PlannedShift['breaks'],
      fixed: true,
    }));
    const all = [...generated, ...fixed].sort((a, b) => a.start - b.start);
    const mealOf = (s: { breaks: PlannedShift['breaks'] }) =>
      s.breaks.filter((b) => b.kind === 'meal').reduce((t, b) => t + (b.end - b.start), 0);
    const paid = (s: { start: number; end: number; breaks: PlannedShift['breaks'] }) =>
      (s.end - s.start - mealOf(s)) / MINUTE;

    for (const s of generated) {
      const minutes = (s.end - s.start) / MINUTE;
      if (minutes < r.minShiftMinutes || minutes > r.maxShiftMinutes)
        out.push({ rule: 'LENGTH', agentId: id, detail: `${minutes} min` });
      for (const u of agent.unavailable ?? [])
        if (u.start < s.end && s.start < u.end)
          out.push({ rule: 'UNAVAILABLE', agentId: id, detail: new Date(s.start).toISOString() });
      // Breaks: inside, apart, meal in its window, enough rest breaks.
      const sorted = [...s.breaks].sort((a, b) => a.start - b.start);
      for (let i = 0; i < sorted.length; i++) {
        const b = sorted[i];
        if (b.start < s.start || b.end > s.end)
          out.push({ rule: 'BREAK_OUTSIDE', agentId: id, detail: '' });
        if (i > 0 && b.start < sorted[i - 1].end)
          out.push({ rule: 'BREAK_OVERLAP', agentId: id, detail: '' });
      }
      const meals = sorted.filter((b) => b.kind === 'meal');
      if (minutes > r.mealBreakAfterShiftMinutes) {
        if (meals.length !== 1)
          out.push({ rule: 'MEAL', agentId: id, detail: `${meals.length} meals` });
        for (const m of meals) {
          const into = (m.start - s.start) / MINUTE;
          const len = (m.end - m.start) / MINUTE;
          if (into < r.mealBreakEarliestStartMinutes || into > r.mealBreakLatestStartMinutes)
            out.push({ rule: 'MEAL', agentId: id, detail: `starts ${into} min in` });
          if (len < r.mealBreakMinMinutes || len > r.mealBreakMaxMinutes)
            out.push({ rule: 'MEAL', agentId: id, detail: `${len} min` });
        }
      }
      const worked = paid(s);
      const rests = sorted.filter((b) => b.kind === 'rest');
      const owed =
        r.restBreakPerWorkedMinutes > 0 ? Math.floor(worked / r.restBreakPerWorkedMinutes) : 0;
      if (rests.length < owed)
        out.push({ rule: 'REST_BREAKS', agentId: id, detail: `${rests.length} < ${owed}` });
      if (rests.some((b) => b.end - b.start < r.restBreakMinutes * MINUTE))
        out.push({ rule: 'REST_BREAKS', agentId: id, detail: 'short' });
    }
    // Overlap and rest between consecutive shifts (published ones included).
    for (let i = 1; i < all.length; i++) {
      const gap = (all[i].start - all[i - 1].end) / MINUTE;
      if (all[i].fixed && all[i - 1].fixed) continue;
      if (gap < 0)
        out.push({ rule: 'OVERLAP', agentId: id, detail: new Date(all[i].start).toISOString() });
      else if (gap < r.minRestMinutesBetweenShifts)
        out.push({ rule: 'REST', agentId: id, detail: `${gap} min` });
    }
    // Per local day: work; per week: work, contract, days off.
    const perDay = new Map<string, number>();
    for (const s of all) perDay.set(dayKey(s.start), (perDay.get(dayKey(s.start)) ?? 0) + paid(s));
    for (const [day, m] of perDay)
      if (m > r.maxDailyWorkMinutes + 1e-6)
        out.push({ rule: 'DAILY', agentId: id, detail: `${day}: ${m}` });
    const weeks = new Map<string, { minutes: number; days: Set<string> }>();
    for (const s of all) {
      const w = weeks.get(weekKey(s.start)) ?? { minutes: 0, days: new Set<string>() };
      w.minutes += paid(s);
      w.days.add(dayKey(s.start));
      weeks.set(weekKey(s.start), w);
    }
    const max = Math.min(agent.maxWeeklyMinutes ?? Infinity, r.maxWeeklyWorkMinutes);
    for (const [week, w] of weeks) {
      if (w.minutes > max + 1e-6)
        out.push({ rule: 'WEEKLY_MAX', agentId: id, detail: `${week}: ${w.minutes} > ${max}` });
      if (7 - w.days.size < r.minDaysOffPerWeek)
        out.push({ rule: 'DAYS_OFF', agentId: id, detail: week });
    }
    // Contract minimum, pro rata: owed = floor(min × days of the week inside the horizon with nothing
    // blocking them ÷ 7), less published work that week.
    if (agent.minWeeklyMinutes) {
      for (let day = horizonStart; day < horizonEnd; day = day.plus({ weeks: 1 }).startOf('week')) {
        const weekStart = day.startOf('week');
        let open = 0;
        for (let k = 0; k < 7; k++) {
          const d = weekStart.plus({ days: k });
          if (d < horizonStart || d >= horizonEnd) continue;
          const from = d.toMillis();
          const to = d.plus({ days: 1 }).toMillis();
          const blocked = (agent.unavailable ?? []).some((u) => u.start < to && from < u.end);
          const published = fixed.some((f) => dayKey(f.start) === d.toISODate());
          if (!blocked && !published) open++;
        }
        const w = weeks.get(weekStart.toISODate()!);
        const publishedWork = fixed
          .filter((f) => weekKey(f.start) === weekStart.toISODate())
          .reduce((t, f) => t + paid(f), 0);
        const owed = Math.min(
          max - publishedWork,
          Math.floor((agent.minWeeklyMinutes * open) / 7) - publishedWork,
        );
        const generatedWork = (w?.minutes ?? 0) - publishedWork;
        if (owed > 0 && generatedWork < owed - 1e-6)
          out.push({
            rule: 'WEEKLY_MIN',
            agentId: id,
            detail: `${weekStart.toISODate()}: ${generatedWork} < ${owed}`,
          });
      }
    }
    // Consecutive working days.
    const days = [...new Set(all.map((s) => dayKey(s.start)))].sort();
    let run = 0;
    let prev: DateTime | null = null;
    for (const d of days) {
      const cur = DateTime.fromISO(d, { zone });
      run = prev && Math.round(cur.diff(prev, 'days').days) === 1 ? run + 1 : 1;
      if (run > r.maxConsecutiveWorkDays) out.push({ rule: 'CONSECUTIVE', agentId: id, detail: d });
      prev = cur;
    }
  }

  // Coverage recount: whole interval on shift, no break touching it, dialect at proficiency >= 3.
  const step = input.intervalMinutes * MINUTE;
  const speaks = (id: string, tag: string) =>
    (agents.get(id)?.dialects ?? []).some((d) => d.tag === tag && d.proficiency >= 3);
  const starts = new Map<number, PlannedShift[]>();
  for (const s of result.shifts) {
    const h0 = horizonStart.toMillis();
    for (let t = h0 + Math.ceil((s.start - h0) / step) * step; t + step <= s.end; t += step) {
      if (s.breaks.some((b) => b.start < t + step && b.end > t)) continue;
      const list = starts.get(t) ?? [];
      list.push(s);
      starts.set(t, list);
    }
  }
  for (const row of result.coverage) {
    const at = Date.parse(row.start);
    const here = starts.get(at) ?? [];
    const count = row.dialect
      ? here.filter((s) => speaks(s.agentId, row.dialect!)).length
      : here.length;
    if (count !== row.scheduled)
      out.push({
        rule: 'COVERAGE_REPORT',
        detail: `${row.start} ${row.dialect ?? 'total'}: ${row.scheduled} reported, ${count} counted`,
      });
  }
  if (
    result.objective !== null &&
    result.lowerBound !== null &&
    result.lowerBound > result.objective + 1e-6
  )
    out.push({
      rule: 'BOUND',
      detail: `lower bound ${result.lowerBound} above objective ${result.objective}`,
    });
  return out;
}
