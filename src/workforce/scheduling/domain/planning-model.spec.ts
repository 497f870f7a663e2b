import { DEFAULT_LABOUR_RULES } from '../labour-rules';
import type { PlanningAgent, PlanningInput } from './planning-input';
import {
  buildAggregateModel,
  buildCalendars,
  buildGrid,
  buildTemplates,
  DEFAULT_WEIGHTS,
  qualifyingDialects,
} from './planning-model';

const zone = 'Asia/Shanghai';
const rules = { ...DEFAULT_LABOUR_RULES };
const at = (iso: string) => Date.parse(iso);

function input(over: Partial<PlanningInput> = {}): PlanningInput {
  return {
    startDate: '2026-01-05',
    days: 7,
    intervalMinutes: 30,
    timeZone: zone,
    agents: [],
    requirements: [],
    rules,
    ...over,
  };
}

/** The aggregate model of some agents over `days` of hourly intervals, one total row per demanded hour. */
function hourlyModel(
  agents: PlanningAgent[],
  days: number,
  demandAt: (hourOfDay: number) => number,
) {
  const grid = buildGrid('2026-01-05', days, zone, 60);
  const demand = Array.from({ length: grid.intervalCount }, (_, i) => demandAt(i % 24));
  const templates = buildTemplates(grid, demand, rules);
  const { calendars, profiles } = buildCalendars(
    input({ agents, days, intervalMinutes: 60 }),
    grid,
  );
  const rows = demand.flatMap((x, i) =>
    x ? [{ interval: i, dialect: null, agents: x, target: x }] : [],
  );
  const modelWith = (packingMarginMinutes: number) =>
    buildAggregateModel(
      grid,
      templates,
      calendars,
      profiles,
      rows,
      rules,
      DEFAULT_WEIGHTS,
      packingMarginMinutes,
    );
  return { templates, modelWith };
}

describe('planning model pieces', () => {
  it('lays a grid of local days across a daylight-saving change (23-hour day)', () => {
    const grid = buildGrid('2026-03-28', 3, 'Europe/Berlin', 15);
    expect(grid.dayStarts[2] - grid.dayStarts[1]).toBe(23 * 3600_000);
    expect(grid.intervalCount).toBe((24 + 23 + 24) * 4);
    expect(grid.weekdayOfDay).toEqual([6, 7, 1]);
    expect(grid.weekOfDay).toEqual([0, 0, 1]);
    expect(grid.weeks).toBe(2);
  });

  it("uses only the team's own shift templates, inside the horizon and the rules", () => {
    const grid = buildGrid('2026-01-05', 2, zone, 30);
    const demand = new Array<number>(grid.intervalCount).fill(1);
    const templates = buildTemplates(grid, demand, rules, [
      { start: '08:00', minutes: 480 },
      { start: '13:30', minutes: 510 },
      { start: '20:00', minutes: 600 }, // longer than the rules allow
    ]);
    expect(templates.map((t) => [t.day, t.startMinute, t.lengthMinutes])).toEqual([
      [0, 480, 480],
      [0, 810, 510],
      [1, 480, 480],
      [1, 810, 510],
    ]);
    expect(templates[1].evening).toBe(true); // 13:30 + 8.5 h ends 22:00
    expect(templates[0].evening).toBe(false);
  });

  it('generated templates start and end inside demand', () => {
    const grid = buildGrid('2026-01-05', 1, zone, 30);
    const demand = new Array<number>(grid.intervalCount).fill(0);
    for (let i = 16; i < 44; i++) demand[i] = 3; // 08:00-22:00
    const templates = buildTemplates(grid, demand, rules);
    expect(templates.length).toBeGreaterThan(20);
    for (const t of templates) {
      expect(demand[t.firstInterval]).toBeGreaterThan(0);
      expect(demand[t.lastInterval - 1]).toBeGreaterThan(0);
      expect(t.lengthMinutes).toBeGreaterThanOrEqual(rules.minShiftMinutes);
      expect(t.lengthMinutes).toBeLessThanOrEqual(rules.maxShiftMinutes);
    }
  });

  it('counts a dialect at proficiency 3 or more only', () => {
    expect(
      qualifyingDialects({
        agentId: 'a',
        dialects: [
          { tag: 'cmn', proficiency: 5 },
          { tag: 'yue', proficiency: 2 },
          { tag: 'cmn-x-wuhan', proficiency: 3 },
        ],
      }),
    ).toEqual(['cmn', 'cmn-x-wuhan']);
  });

  it('owes a weekly minimum pro rata to the days left open, and groups agents by skills and contract', () => {
    const agents = Array.from({ length: 6 }, (_, k) => ({
      agentId: `a${k}`,
      dialects: [{ tag: 'cmn', proficiency: 4 }],
      minWeeklyMinutes: 24 * 60,
      maxWeeklyMinutes: 36 * 60,
      unavailable:
        k === 0
          ? [{ start: at('2026-01-06T10:00:00+08:00'), end: at('2026-01-07T12:00:00+08:00') }]
          : [],
    }));
    const grid = buildGrid('2026-01-05', 7, zone, 30);
    const { calendars, profiles } = buildCalendars(input({ agents }), grid);
    expect(profiles).toHaveLength(1);
    expect(calendars[0].minWeek).toEqual([Math.floor((24 * 60 * 5) / 7)]);
    expect(calendars[1].minWeek).toEqual([24 * 60]);
    expect(calendars[1].maxWeek).toEqual([36 * 60]);
    expect(calendars[0].freeDay).toEqual([true, false, false, true, true, true, true]);
  });

  it("writes a model whose columns respect each profile's availability", () => {
    const agents = Array.from({ length: 5 }, (_, k) => ({
      agentId: `a${k}`,
      dialects: [{ tag: 'cmn', proficiency: 4 }],
      unavailable:
        k < 2
          ? [{ start: at('2026-01-05T00:00:00+08:00'), end: at('2026-01-06T00:00:00+08:00') }]
          : [],
    }));
    const { templates, modelWith } = hourlyModel(agents, 2, (hour) =>
      hour >= 8 && hour < 20 ? 2 : 0,
    );
    const model = modelWith(0);
    const day0 = templates.find((t) => t.day === 0)!;
    const day1 = templates.find((t) => t.day === 1)!;
    expect(model.lp).toContain(`0 <= y0_${day0.index} <= 3`);
    expect(model.lp).toContain(`0 <= y0_${day1.index} <= 5`);
    expect(model.relaxation).not.toContain('General');
    expect(model.columnCount).toBe(templates.length);
  });

  it('leaves the packing margin under the weekly maximum in the MIP only, where there is room', () => {
    const agents = Array.from({ length: 10 }, (_, k) => ({
      agentId: `a${k}`,
      dialects: [{ tag: 'cmn', proficiency: 4 }],
      minWeeklyMinutes: 24 * 60,
      maxWeeklyMinutes: 40 * 60,
    }));
    const { modelWith: build } = hourlyModel(agents, 7, (hour) => (hour >= 8 && hour < 20 ? 3 : 0));
    const plain = build(0);
    const margined = build(120);
    // 10 agents × 40 h, less 2 h each in the MIP; the bound's relaxation keeps the true maximum.
    expect(plain.lp).toMatch(/<= 400\n/);
    expect(margined.lp).toMatch(/<= 380\n/);
    expect(margined.lp).not.toMatch(/<= 400\n/);
    expect(margined.relaxation).toBe(plain.relaxation);
    // A margin reaching the minimums (10 × 24 h) is not applied: the MIP keeps the maximum.
    expect(build(16 * 60).lp).toMatch(/<= 400\n/);
  });
});
