import { atDayTime } from '../../lib/zoned-time';
import type { components } from '../../lib/api/schema';
import { localDate } from './counselling-slots';

type OpenShift = components['schemas']['OpenShiftDto'];
type Swap = components['schemas']['SwapDto'];
type RosterShift = components['schemas']['RosterShiftDto'];

/** A shift I could take: one on the team's open board, a colleague's give-away, or a trade put to me. */
export type Pickup =
  | { kind: 'open'; id: string; startsAt: string; endsAt: string; dialects: string[] }
  | {
      kind: 'offer';
      id: string;
      /** The colleague's shift, to ask for in a trade instead of taking it outright. */
      shiftId: string;
      startsAt: string;
      endsAt: string;
      dialects: string[];
    }
  | {
      kind: 'trade';
      id: string;
      startsAt: string;
      endsAt: string;
      dialects: string[];
      /** My shift the colleague wants in return. */
      mineStartsAt: string;
      mineEndsAt: string;
    };

/**
 * What is up for me to take, soonest first: open shifts not yet started, colleagues' give-aways
 * (never my own), and trades a colleague proposed for one of my shifts.
 */
export function pickupsFor(
  agentId: string,
  openShifts: readonly OpenShift[],
  swaps: readonly Swap[],
  now: Date,
): Pickup[] {
  const future = (iso: string) => Date.parse(iso) > now.getTime();
  const out: Pickup[] = [];
  for (const o of openShifts)
    if (o.status === 'open' && future(o.startsAt))
      out.push({
        kind: 'open',
        id: o.id,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        dialects: o.requiredDialects,
      });
  for (const s of swaps) {
    if (s.offeredBy === agentId || !future(s.startsAt)) continue;
    if (s.status === 'open' && !s.counterShiftId)
      out.push({
        kind: 'offer',
        id: s.id,
        shiftId: s.shiftId,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        dialects: s.requiredDialects,
      });
    else if (
      s.status === 'proposed' &&
      s.counterAgentId === agentId &&
      s.counterStartsAt &&
      s.counterEndsAt
    )
      out.push({
        kind: 'trade',
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        dialects: s.requiredDialects,
        mineStartsAt: s.counterStartsAt,
        mineEndsAt: s.counterEndsAt,
      });
  }
  return out.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** Where a shift of mine stands in a swap: offered to all, put up for a trade, or agreed. */
export type MySwapState = { swapId: string; status: 'open' | 'proposed' | 'accepted' };

/** My live swaps by the shift they give away (a shift is in at most one at a time). */
export function mySwapsByShift(agentId: string, swaps: readonly Swap[]): Map<string, MySwapState> {
  const out = new Map<string, MySwapState>();
  for (const s of swaps)
    if (
      s.offeredBy === agentId &&
      (s.status === 'open' || s.status === 'proposed' || s.status === 'accepted')
    )
      out.set(s.shiftId, { swapId: s.id, status: s.status });
  return out;
}

/**
 * A leave request's span from days and 24-hour times in the site's zone: "2026-12-07 00:00" to
 * "2026-12-08 24:00" is two whole days. Null when a part is missing or the end is not after the start.
 */
export function timeOffSpan(
  from: { day: string; time: string },
  to: { day: string; time: string },
  zone: string,
): { startsAt: string; endsAt: string } | null {
  const at = ({ day, time }: { day: string; time: string }) => atDayTime(day, time, zone);
  const start = at(from);
  const end = at(to);
  if (!start || !end || end <= start) return null;
  return { startsAt: start.toUTC().toISO()!, endsAt: end.toUTC().toISO()! };
}

/** The translation key that says, in the agent's words, why taking or giving a shift was refused. */
export function shiftRefusalKey(code: string, details: unknown): string {
  const rule = (details as { rule?: unknown } | undefined)?.rule;
  if (code === 'RULE_VIOLATION' && typeof rule === 'string') return `shiftRequests.rules.${rule}`;
  return `shiftRequests.errors.${code}`;
}

/** A colleague's shift on the team's roster; `asked` when a trade of mine already asks for it. */
export interface ColleagueShift extends RosterShift {
  asked: boolean;
}

/**
 * Colleagues' shifts not yet started, by the site's local day (YYYY-MM-DD, in order) and within a
 * day by start: what I can ask for in a trade. My own shifts are not on it.
 */
export function colleagueShiftsByDay(
  agentId: string,
  roster: readonly RosterShift[],
  swaps: readonly Swap[],
  now: Date,
  zone: string,
): Map<string, ColleagueShift[]> {
  const asked = new Set(
    swaps
      .filter(
        (s) =>
          s.offeredBy === agentId &&
          s.counterShiftId &&
          (s.status === 'proposed' || s.status === 'accepted'),
      )
      .map((s) => s.counterShiftId),
  );
  const byDay = new Map<string, ColleagueShift[]>();
  const coming = roster
    .filter((s) => s.agentId !== agentId && Date.parse(s.startsAt) > now.getTime())
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const s of coming) {
    const day = localDate(s.startsAt, zone);
    const list = byDay.get(day) ?? [];
    list.push({ ...s, asked: asked.has(s.shiftId) });
    byDay.set(day, list);
  }
  return byDay;
}
