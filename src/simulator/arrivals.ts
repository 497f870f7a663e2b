import { exponential, lognormal } from './distributions';
import type { HostileDraw, HostileMix } from './hostile';
import { drawHostileDraw } from './hostile';
import type { Prng } from './prng';

function rawCurve(x: number): number {
  const bump = (centre: number, width: number) => Math.exp(-((x - centre) ** 2) / (2 * width ** 2));
  return 0.8 + 0.45 * bump(0.28, 0.12) - 0.12 * bump(0.55, 0.06) + 0.3 * bump(0.75, 0.1);
}

const CURVE_MEAN = (() => {
  const n = 10_000;
  let s = 0;
  for (let i = 0; i < n; i++) s += rawCurve((i + 0.5) / n);
  return s / n;
})();

/**
 * Relative call intensity over the working day (x in [0, 1) of the day), averaging 1: a morning
 * peak, a lunchtime dip and a smaller afternoon peak, as inbound centres usually see.
 */
export function dailyCurve(x: number): number {
  return rawCurve(x) / CURVE_MEAN;
}

const CURVE_MAX = (() => {
  let m = 0;
  for (let i = 0; i <= 1000; i++) m = Math.max(m, dailyCurve(i / 1000));
  return m;
})();

/**
 * Arrival times (ms offsets from the day's start) of a non-homogeneous Poisson process with
 * `callsPerDay` expected calls shaped by the daily curve, by thinning a homogeneous one.
 */
export function arrivalOffsets(rng: Prng, callsPerDay: number, dayMs: number): number[] {
  const out: number[] = [];
  if (callsPerDay <= 0) return out;
  const meanGapMs = dayMs / (callsPerDay * CURVE_MAX);
  for (let t = exponential(rng, meanGapMs); t < dayMs; t += exponential(rng, meanGapMs)) {
    if (rng.next() * CURVE_MAX < dailyCurve(t / dayMs)) out.push(Math.floor(t));
  }
  return out;
}

export interface CallModel {
  callsPerDay: number;
  dayMs: number;
  /** Average handle (talk) time. */
  ahtSeconds: number;
  /** Spread of handle times (sd / mean) of the lognormal. */
  handleCv: number;
  /** Mean of the callers' (exponential) patience. */
  patienceSeconds: number;
  /** Share of calls per dialect. */
  dialectMix: ReadonlyArray<readonly [string, number]>;
  /** Share of Putonghua calls that need the elder-care skill. */
  elderCareShare: number;
  hostile: HostileMix;
}

export interface PlannedCall {
  id: string;
  /** ms from the day's start. */
  arrivalMs: number;
  dialect: string;
  skills: string[];
  handleMs: number;
  patienceMs: number;
  /** Its hostility, drawn up front; decided once its wait is known (`hostileAfterWait`). */
  hostile: HostileDraw;
}

/** The day's calls, with every attribute drawn up front so two policies see the same calls. */
export function planCalls(rng: Prng, model: CallModel, idPrefix: string): PlannedCall[] {
  const arrivals = arrivalOffsets(rng.stream('arrivals'), model.callsPerDay, model.dayMs);
  const attrs = rng.stream('attributes');
  return arrivals.map((arrivalMs, i) => {
    const dialect = attrs.weighted(model.dialectMix);
    const elder = attrs.chance(model.elderCareShare);
    return {
      id: `${idPrefix}-${String(i + 1).padStart(5, '0')}`,
      arrivalMs,
      dialect,
      skills: elder && dialect === 'cmn' ? ['elder-care'] : [],
      handleMs: Math.max(
        10_000,
        Math.round(lognormal(attrs, model.ahtSeconds, model.handleCv) * 1000),
      ),
      patienceMs: Math.max(1_000, Math.round(exponential(attrs, model.patienceSeconds) * 1000)),
      hostile: drawHostileDraw(attrs, model.hostile),
    };
  });
}
