import fc from 'fast-check';
import { placeBreaks } from '../break-placement';
import { DEFAULT_LABOUR_RULES } from '../labour-rules';
import { independentCheck } from '../../../../test/scheduling/independent-checker';
import type { PlanningInput, PlanningResult } from './planning-input';
import {
  buildCalendars,
  buildGrid,
  buildTemplates,
  DEFAULT_WEIGHTS,
  RequirementRow,
} from './planning-model';
import {
  assignDays,
  assignment,
  crossExchange,
  exchange,
  improve,
  meetMinimums,
  pairResize,
  Roster,
  rosterCounts,
  ruinWeeks,
  seeded,
  shortWeeks,
} from './roster';

const zone = 'Asia/Shanghai';

/** A small team and a random request, and a roster built by random legal moves. */
function setting(seed: { agents: number; days: number; minHours: number; offDay: number }) {
  const rules = { ...DEFAULT_LABOUR_RULES, maxConsecutiveWorkDays: 4 };
  const grid = buildGrid('2026-01-07', seed.days, zone, 30); // from a Wednesday: two calendar weeks
  const demand = new Array<number>(grid.intervalCount).fill(0);
  for (let i = 0; i < grid.intervalCount; i++) {
    const hour = ((i * 30) / 60) % 24;
    if (hour >= 7 && hour < 23) demand[i] = 1 + (i % 3);
  }
  const input: PlanningInput = {
    startDate: '2026-01-07',
    days: seed.days,
    intervalMinutes: 30,
    timeZone: zone,
    rules,
    agents: Array.from({ length: seed.agents }, (_, k) => ({
      agentId: `a${k}`,
      dialects: [
        { tag: 'cmn', proficiency: 4 },
        ...(k % 2 ? [{ tag: 'yue', proficiency: 3 }] : []),
      ],
      minWeeklyMinutes: seed.minHours * 60,
      maxWeeklyMinutes: 32 * 60,
      unavailable:
        k === 0
          ? [
              {
                start: grid.dayStarts[seed.offDay],
                end: grid.dayStarts[seed.offDay] + 6 * 3600_000,
              },
            ]
          : [],
    })),
    requirements: [],
  };
  const rows: RequirementRow[] = [];
  demand.forEach((x, i) => {
    if (!x) return;
    rows.push({ interval: i, dialect: null, agents: x, target: x });
    rows.push({ interval: i, dialect: 'yue', agents: 1, target: 1 });
    input.requirements.push({ start: grid.start + i * 30 * 60_000, dialect: null, agents: x });
    input.requirements.push({ start: grid.start + i * 30 * 60_000, dialect: 'yue', agents: 1 });
  });
  const templates = buildTemplates(grid, demand, rules);
  const { calendars, profiles } = buildCalendars(input, grid);
  const roster = new Roster(grid, templates, calendars, profiles, rows, rules, DEFAULT_WEIGHTS, {
    consistentStartTimes: true,
  });
  return { input, roster, rows, templates };
}

/** The roster as a result the independent checker reads, with breaks placed. */
function asResult(roster: Roster, input: PlanningInput): PlanningResult {
  const pairs = roster.assignments();
  const breaks = placeBreaks(
    pairs.map(({ agent, template }) => ({
      start: roster.templates[template].start,
      end: roster.templates[template].end,
      dialects: roster.calendars[agent].dialects,
    })),
    {
      start: roster.grid.start,
      intervalMinutes: roster.grid.intervalMinutes,
      total: new Array<number>(roster.grid.intervalCount).fill(0),
      byDialect: new Map(),
    },
    input.rules,
  );
  return {
    status: 'solved',
    solverStatus: '',
    objective: null,
    lowerBound: null,
    gap: null,
    shifts: pairs.map(({ agent, template }, i) => ({
      agentId: input.agents[agent].agentId,
      start: roster.templates[template].start,
      end: roster.templates[template].end,
      breaks: breaks[i],
    })),
    coverage: [],
    violations: [],
    diagnostics: {} as PlanningResult['diagnostics'],
    preferences: {} as PlanningResult['preferences'],
    stats: {},
  };
}

const seeds = fc.record({
  agents: fc.integer({ min: 2, max: 6 }),
  days: fc.integer({ min: 3, max: 10 }),
  minHours: fc.integer({ min: 0, max: 16 }),
  offDay: fc.integer({ min: 0, max: 2 }),
});

describe('Roster', () => {
  it("hands counts out toward each agent's weekly minimum ('owed'), where best fit leaves agents short", () => {
    const rules = DEFAULT_LABOUR_RULES;
    const grid = buildGrid('2026-01-05', 7, zone, 30);
    const demand = new Array<number>(grid.intervalCount).fill(1);
    const templates = buildTemplates(grid, demand, rules, [{ start: '09:00', minutes: 480 }]);
    const work = templates[0].workMinutes;
    // Five agents of one profile, each owing exactly two shifts; ten shifts on Monday-Friday.
    const input: PlanningInput = {
      startDate: '2026-01-05',
      days: 7,
      intervalMinutes: 30,
      timeZone: zone,
      rules,
      agents: Array.from({ length: 5 }, (_, k) => ({
        agentId: `a${k}`,
        dialects: [{ tag: 'cmn', proficiency: 4 }],
        minWeeklyMinutes: 2 * work,
        maxWeeklyMinutes: 40 * 60,
      })),
      requirements: [],
    };
    const { calendars, profiles } = buildCalendars(input, grid);
    expect(profiles).toHaveLength(1);
    const columns = new Map(
      templates.map((t) => [`y0_${t.index}`, { profile: 0, template: t.index }]),
    );
    const counts = new Map(templates.filter((t) => t.day < 5).map((t) => [`y0_${t.index}`, 2]));
    const handOut = (order: 'size' | 'owed') => {
      const roster = new Roster(
        grid,
        templates,
        calendars,
        profiles,
        [],
        rules,
        DEFAULT_WEIGHTS,
        {},
      );
      const missed = rosterCounts(roster, counts, columns, Infinity, 0, 11, order);
      return { missed, short: calendars.filter((_, a) => roster.owed(a, 0) > 0).length };
    };
    expect(handOut('owed')).toEqual({ missed: [], short: 0 });
    expect(handOut('size').short).toBeGreaterThan(0);
  });

  it('never accepts a move that breaks a hard rule, and keeps coverage counts exact', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 80 }),
        (seed, moves) => {
          const { input, roster, rows, templates } = setting(seed);
          const short = templates.map((t) => t.index);
          for (const [x, y, remove] of moves) {
            const a = x % input.agents.length;
            const t = short[y % short.length];
            const d = templates[t].day;
            if (remove) {
              if (roster.dayShift[a][d] >= 0) roster.remove(a, d);
            } else if (roster.canAdd(a, t)) roster.add(a, t);
          }
          const findings = independentCheck(
            { ...input, agents: input.agents.map((a) => ({ ...a, minWeeklyMinutes: 0 })) },
            asResult(roster, input),
          );
          expect(findings).toEqual([]);
          // Coverage recount.
          rows.forEach((r, k) => {
            let n = 0;
            roster.dayShift.forEach((days, a) =>
              days.forEach((t) => {
                if (t < 0) return;
                const tpl = templates[t];
                const speaks =
                  r.dialect === null || roster.calendars[a].dialects.includes(r.dialect);
                if (speaks && tpl.firstInterval <= r.interval && r.interval < tpl.lastInterval) n++;
              }),
            );
            expect(roster.present[k]).toBe(n);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('meets weekly minimums and local search never raises the objective', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { input, roster } = setting(seed);
        const far = Date.now() + 60_000;
        meetMinimums(roster, far);
        const before = roster.objective();
        improve(roster, far);
        expect(roster.objective()).toBeLessThanOrEqual(before + 1e-6);
        const findings = independentCheck(input, asResult(roster, input));
        expect(findings).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('exchanges shifts across skill profiles only when the objective falls, total coverage unchanged', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 1000 }), (seed, rng) => {
        const { input, roster, rows } = setting(seed);
        const far = Date.now() + 60_000;
        meetMinimums(roster, far);
        const totals = () =>
          rows.flatMap((r, k) => (r.dialect === null ? [roster.present[k]] : []));
        const before = roster.objective();
        const totalBefore = totals();
        const saved = exchange(roster, far, seeded(rng));
        expect(roster.objective()).toBeCloseTo(before - saved, 6);
        expect(saved).toBeGreaterThanOrEqual(0);
        expect(totals()).toEqual(totalBefore);
        expect(independentCheck(input, asResult(roster, input))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('assignment finds the least-cost permutation (brute force on small matrices)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n * n, maxLength: n * n }),
            ),
          ),
        ([n, values]) => {
          const cost = Float64Array.from(values);
          const pick = assignment(cost, n);
          expect(new Set(pick).size).toBe(n);
          let best = Infinity;
          const permute = (row: number, used: number, sum: number) => {
            if (row === n) best = Math.min(best, sum);
            else
              for (let j = 0; j < n; j++)
                if (!(used & (1 << j))) permute(row + 1, used | (1 << j), sum + cost[row * n + j]);
          };
          permute(0, 0, 0);
          expect(pick.reduce((s, j, i) => s + cost[i * n + j], 0)).toBe(best);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('re-assigning a day, trading shifts across days and resizing pairs only lower the objective, within every rule', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 1000 }), (seed, rng) => {
        const { input, roster, rows } = setting(seed);
        const far = Date.now() + 60_000;
        meetMinimums(roster, far);
        const before = roster.objective();
        const presentBefore = [...roster.present];
        const savedDays = assignDays(roster, far, seeded(rng));
        // Same dialects, same shifts per day: coverage is untouched.
        expect([...roster.present]).toEqual(presentBefore);
        expect(roster.objective()).toBeCloseTo(before - savedDays, 6);
        const mid = roster.objective();
        const savedCross = crossExchange(roster, far, seeded(rng + 1));
        expect(savedDays).toBeGreaterThanOrEqual(0);
        expect(savedCross).toBeGreaterThanOrEqual(0);
        expect(roster.objective()).toBeCloseTo(mid - savedCross, 6);
        const late = roster.objective();
        const savedResize = pairResize(roster, far, seeded(rng + 2));
        expect(savedResize).toBeGreaterThanOrEqual(0);
        expect(roster.objective()).toBeCloseTo(late - savedResize, 6);
        expect(rows.length).toBe(roster.present.length);
        expect(independentCheck(input, asResult(roster, input))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('ruins whole weeks of the chosen agents only, and the search after the ruin rebuilds a legal roster', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 1000 }), (seed, rng) => {
        const { input, roster } = setting(seed);
        const far = Date.now() + 60_000;
        meetMinimums(roster, far);
        improve(roster, far);
        const before = roster.dayShift.map((days) => Array.from(days));
        const agents = ruinWeeks(roster, seeded(rng), 0.5);
        // Its first draw picks the week.
        const week = Math.floor(seeded(rng)() * roster.grid.weeks);
        before.forEach((days, a) =>
          days.forEach((t, d) => {
            const ruined = agents.has(a) && roster.grid.weekOfDay[d] === week;
            expect({ a, d, now: roster.dayShift[a][d] }).toEqual({ a, d, now: ruined ? -1 : t });
          }),
        );
        meetMinimums(roster, far);
        improve(roster, far, 2);
        expect(independentCheck(input, asResult(roster, input))).toEqual([]);
        const owed = roster.calendars.flatMap((_, a) =>
          Array.from({ length: roster.grid.weeks }, (__, w) => roster.owed(a, w) > 1e-9),
        );
        expect(shortWeeks(roster)).toBe(owed.filter(Boolean).length);
      }),
      { numRuns: 25 },
    );
  });
});
