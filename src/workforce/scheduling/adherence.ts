/**
 * Schedule adherence, pure: per agent and interval, the share of scheduled time spent in a matching
 * presence state. On shift (not on a break): available, reserved, on_call, wrap_up, recovery. On a
 * scheduled break: break. Enforced recovery and private sessions (counseling, or not_ready with reason
 * `private`) always count as adherent.
 */
export interface AdherenceShift {
  agentId: string;
  start: number;
  end: number;
  breaks: Array<{ start: number; end: number }>;
}

export interface PresenceSpan {
  agentId: string;
  state: string;
  reason: string | null;
  start: number;
  /** null = still in this state (up to `now`). */
  end: number | null;
}

export interface AdherenceRow {
  agentId: string;
  start: number;
  scheduledMinutes: number;
  adherentMinutes: number;
  /** adherent ÷ scheduled, null when nothing was scheduled. */
  adherence: number | null;
}

const WORKING = new Set(['available', 'reserved', 'on_call', 'wrap_up', 'recovery']);

/** Whether a presence state matches what the schedule expects ('work' or 'break'). */
export function isAdherent(
  expected: 'work' | 'break',
  state: string,
  reason: string | null,
): boolean {
  if (state === 'recovery' || state === 'counseling') return true;
  if (state === 'not_ready' && reason === 'private') return true;
  return expected === 'work' ? WORKING.has(state) : state === 'break';
}

/** Scheduled pieces of one shift: work and break segments. */
function segments(
  s: AdherenceShift,
): Array<{ start: number; end: number; expected: 'work' | 'break' }> {
  const out: Array<{ start: number; end: number; expected: 'work' | 'break' }> = [];
  let cursor = s.start;
  for (const b of [...s.breaks].sort((x, y) => x.start - y.start)) {
    if (b.start > cursor) out.push({ start: cursor, end: b.start, expected: 'work' });
    out.push({ start: b.start, end: b.end, expected: 'break' });
    cursor = b.end;
  }
  if (cursor < s.end) out.push({ start: cursor, end: s.end, expected: 'work' });
  return out;
}

/**
 * Adherence per agent and interval over [from, to) (intervals of intervalMinutes), counting time only up
 * to `now` (the future is not yet adherent or not).
 */
export function adherence(
  shifts: AdherenceShift[],
  presence: PresenceSpan[],
  from: number,
  to: number,
  intervalMinutes: number,
  now: number,
): AdherenceRow[] {
  const iv = intervalMinutes * 60_000;
  const rows = new Map<string, AdherenceRow>();
  const byAgent = new Map<string, PresenceSpan[]>();
  for (const p of presence) byAgent.set(p.agentId, [...(byAgent.get(p.agentId) ?? []), p]);
  const horizonEnd = Math.min(to, now);
  for (const shift of shifts) {
    for (const seg of segments(shift)) {
      const segStart = Math.max(seg.start, from);
      const segEnd = Math.min(seg.end, horizonEnd);
      if (segEnd <= segStart) continue;
      for (let i = Math.floor((segStart - from) / iv); from + i * iv < segEnd; i++) {
        const a = Math.max(segStart, from + i * iv);
        const b = Math.min(segEnd, from + (i + 1) * iv);
        if (b <= a) continue;
        const key = `${shift.agentId}|${i}`;
        const row = rows.get(key) ?? {
          agentId: shift.agentId,
          start: from + i * iv,
          scheduledMinutes: 0,
          adherentMinutes: 0,
          adherence: null,
        };
        row.scheduledMinutes += (b - a) / 60_000;
        for (const p of byAgent.get(shift.agentId) ?? []) {
          const pe = p.end ?? now;
          const overlap = Math.min(b, pe) - Math.max(a, p.start);
          if (overlap > 0 && isAdherent(seg.expected, p.state, p.reason))
            row.adherentMinutes += overlap / 60_000;
        }
        rows.set(key, row);
      }
    }
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      scheduledMinutes: Math.round(r.scheduledMinutes * 100) / 100,
      adherentMinutes: Math.round(r.adherentMinutes * 100) / 100,
      adherence:
        r.scheduledMinutes > 0
          ? Math.round((r.adherentMinutes / r.scheduledMinutes) * 10000) / 10000
          : null,
    }))
    .sort((x, y) => x.start - y.start || x.agentId.localeCompare(y.agentId));
}

/** Agents whose current presence does not match their schedule at `now`. */
export function outOfAdherence(
  shifts: AdherenceShift[],
  presence: PresenceSpan[],
  now: number,
): Array<{ agentId: string; expected: 'work' | 'break'; state: string; since: number }> {
  const out: Array<{ agentId: string; expected: 'work' | 'break'; state: string; since: number }> =
    [];
  for (const shift of shifts) {
    const seg = segments(shift).find((s) => s.start <= now && now < s.end);
    if (!seg) continue;
    const current = presence
      .filter(
        (p) => p.agentId === shift.agentId && p.start <= now && (p.end === null || p.end > now),
      )
      .sort((a, b) => b.start - a.start)[0];
    const state = current?.state ?? 'offline';
    if (!isAdherent(seg.expected, state, current?.reason ?? null))
      out.push({
        agentId: shift.agentId,
        expected: seg.expected,
        state,
        since: Math.max(seg.start, current?.start ?? seg.start),
      });
  }
  return out;
}
