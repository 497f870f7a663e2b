import { arrivalOffsets, dailyCurve, planCalls } from './arrivals';
import { DEFAULT_HOSTILE_MIX, hostileAfterWait } from './hostile';
import { Prng } from './prng';
import { DEFAULT_DIALECT_MIX } from './workforce';

const DAY = 8 * 3_600_000;
const model = {
  callsPerDay: 15_000,
  dayMs: DAY,
  ahtSeconds: 240,
  handleCv: 0.6,
  patienceSeconds: 120,
  dialectMix: DEFAULT_DIALECT_MIX,
  elderCareShare: 0.15,
  hostile: DEFAULT_HOSTILE_MIX,
};

describe('daily curve and arrivals', () => {
  it('averages 1 over the day, peaks in the morning and dips at lunch', () => {
    let s = 0;
    for (let i = 0; i < 1000; i++) s += dailyCurve((i + 0.5) / 1000);
    expect(s / 1000).toBeCloseTo(1, 3);
    expect(dailyCurve(0.28)).toBeGreaterThan(dailyCurve(0.55));
    expect(dailyCurve(0.75)).toBeGreaterThan(dailyCurve(0.55));
  });

  it('gives about the asked number of calls, sorted, inside the day, shaped by the curve', () => {
    const t = arrivalOffsets(new Prng('a'), 15_000, DAY);
    expect(Math.abs(t.length - 15_000)).toBeLessThan(4 * Math.sqrt(15_000));
    expect(t.every((x, i) => x >= 0 && x < DAY && (i === 0 || t[i - 1] <= x))).toBe(true);
    const inWindow = (from: number, to: number) =>
      t.filter((x) => x >= from * DAY && x < to * DAY).length;
    expect(inWindow(0.2, 0.35)).toBeGreaterThan(inWindow(0.5, 0.65));
  });

  it('is a Poisson process: counts per minute have variance close to their mean', () => {
    const t = arrivalOffsets(new Prng('p'), 30_000, DAY);
    // A stretch where the curve is nearly flat.
    const counts = new Array(60).fill(0);
    for (const x of t) {
      const m = Math.floor((x - 0.4 * DAY) / 60_000);
      if (m >= 0 && m < 60) counts[m]++;
    }
    const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
    const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / counts.length;
    expect(variance / mean).toBeGreaterThan(0.5);
    expect(variance / mean).toBeLessThan(1.6);
  });

  it('plans the same calls for the same seed, other calls for another', () => {
    const a = planCalls(new Prng('x'), model, 'd1');
    expect(planCalls(new Prng('x'), model, 'd1')).toEqual(a);
    expect(planCalls(new Prng('y'), model, 'd1')).not.toEqual(a);
    expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
  });

  it('mixes dialects as asked; only Putonghua calls need elder-care; hostile about 5%', () => {
    const calls = planCalls(new Prng('mix'), model, 'd1');
    const share = (f: (c: (typeof calls)[number]) => boolean) =>
      calls.filter(f).length / calls.length;
    expect(share((c) => c.dialect === 'cmn')).toBeCloseTo(0.6, 1);
    expect(share((c) => c.dialect === 'yue')).toBeCloseTo(0.1, 1);
    expect(calls.filter((c) => c.skills.length).every((c) => c.dialect === 'cmn')).toBe(true);
    expect(share((c) => hostileAfterWait(c.hostile, DEFAULT_HOSTILE_MIX, 0) !== null)).toBeCloseTo(
      0.05,
      2,
    );
    expect(calls.every((c) => c.handleMs >= 10_000 && c.patienceMs >= 1_000)).toBe(true);
  });

  it('keeps the arrivals when only the hostile rate changes', () => {
    const a = planCalls(new Prng('h'), model, 'd1');
    const b = planCalls(new Prng('h'), { ...model, hostile: { ...model.hostile, rate: 0 } }, 'd1');
    expect(b.map((c) => [c.arrivalMs, c.dialect, c.handleMs])).toEqual(
      a.map((c) => [c.arrivalMs, c.dialect, c.handleMs]),
    );
    expect(
      b.every((c) => hostileAfterWait(c.hostile, { ...DEFAULT_HOSTILE_MIX, rate: 0 }, 0) === null),
    ).toBe(true);
  });
});
