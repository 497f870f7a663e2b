/** The wallboard's rows and how live events change them (pure: no React, no network). */

export interface AgentRow {
  agentId: string;
  externalId: string;
  displayName: string;
  state: string;
  /** not_ready reason; `private` stands for anything the supervisor must not see. */
  reason: string | null;
  since: string;
  until: string | null;
  stale: boolean;
  occupancyLastHour: number;
  hostileLastHour: number;
  hostileToday: number;
}

export interface PresenceChange {
  agentId: string;
  state: string;
  since?: string;
  until?: string | null;
  reason?: string | null;
}

/**
 * What a supervisor may see of a state. The server already maps a counselling session to
 * not_ready/private; this is the second lock, so a stray `counseling` never reaches the screen.
 */
export function visibleState(
  state: string,
  reason: string | null,
): { state: string; reason: string | null } {
  if (state === 'counseling' || reason === 'counseling')
    return { state: 'not_ready', reason: 'private' };
  return { state, reason };
}

/**
 * Applies a batch of presence changes (one animation frame's worth). Rows not touched keep their
 * identity, so memoised table rows re-render only for the agents that changed.
 */
export function applyPresenceBatch(
  rows: ReadonlyMap<string, AgentRow>,
  changes: readonly PresenceChange[],
): ReadonlyMap<string, AgentRow> {
  if (changes.length === 0) return rows;
  let next: Map<string, AgentRow> | null = null;
  for (const change of changes) {
    const current = (next ?? rows).get(change.agentId);
    if (!current) continue; // another team's agent or one not loaded yet: the next refresh brings it
    const seen = visibleState(change.state, change.reason ?? null);
    next ??= new Map(rows);
    next.set(change.agentId, {
      ...current,
      state: seen.state,
      reason: seen.reason,
      since: change.since ?? current.since,
      until: seen.reason === 'private' ? null : (change.until ?? null),
      stale: false,
    });
  }
  return next ?? rows;
}

/** Seconds left of a timed state (recovery, break), never negative; null when untimed. */
export function secondsLeft(until: string | null, nowMs: number): number | null {
  if (!until) return null;
  return Math.max(0, Math.round((Date.parse(until) - nowMs) / 1000));
}

/** "m:ss" or "h:mm:ss" for durations on the board. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface BoardSummary {
  agents: number;
  /** Talking, or ringing (an offer the agent is seconds from answering). */
  onCall: number;
  /** Finishing a call's notes: busy, but not talking (supervisors read it apart). */
  wrapUp: number;
  available: number;
  recovery: number;
  aboveCap: number;
}

export function summarise(rows: Iterable<AgentRow>, occupancyCap: number): BoardSummary {
  const s: BoardSummary = {
    agents: 0,
    onCall: 0,
    wrapUp: 0,
    available: 0,
    recovery: 0,
    aboveCap: 0,
  };
  for (const r of rows) {
    s.agents++;
    if (r.state === 'on_call' || r.state === 'reserved') s.onCall++;
    if (r.state === 'wrap_up') s.wrapUp++;
    if (r.state === 'available') s.available++;
    if (r.state === 'recovery') s.recovery++;
    if (r.occupancyLastHour > occupancyCap) s.aboveCap++;
  }
  return s;
}

/**
 * A fresh snapshot from the server replaces the rows, but a row whose fields are all unchanged
 * keeps its old object (so the table does not redraw 500 rows every refresh).
 */
export function mergeSnapshot(
  prev: ReadonlyMap<string, AgentRow>,
  snapshot: readonly AgentRow[],
): ReadonlyMap<string, AgentRow> {
  const next = new Map<string, AgentRow>();
  for (const fresh of snapshot) {
    const seen = visibleState(fresh.state, fresh.reason);
    const row = { ...fresh, ...seen, until: seen.reason === 'private' ? null : fresh.until };
    const old = prev.get(row.agentId);
    next.set(row.agentId, old && sameRow(old, row) ? old : row);
  }
  return next;
}

function sameRow(a: AgentRow, b: AgentRow): boolean {
  return (Object.keys(a) as (keyof AgentRow)[]).every((k) => a[k] === b[k]);
}

/**
 * Agent names by id for the panels that only show names (alerts, adherence). Returns `prev` itself
 * while no agent came, went or was renamed, so presence changes do not redraw those panels.
 */
export function displayNames(
  prev: ReadonlyMap<string, string>,
  rows: ReadonlyMap<string, AgentRow>,
): ReadonlyMap<string, string> {
  let same = prev.size === rows.size;
  if (same)
    for (const r of rows.values())
      if (prev.get(r.agentId) !== r.displayName) {
        same = false;
        break;
      }
  return same ? prev : new Map([...rows.values()].map((r) => [r.agentId, r.displayName]));
}

/**
 * The report's "agents by hostile calls" buckets as a histogram: every count from 0 to the
 * highest, the ones nobody had shown as 0 agents (the API lists only counts someone had).
 */
export function contiguousBuckets(
  buckets: ReadonlyArray<{ hostileCalls: number; agents: number }>,
): Array<{ hostileCalls: number; agents: number }> {
  if (buckets.length === 0) return [];
  const byCount = new Map(buckets.map((b) => [b.hostileCalls, b.agents]));
  const highest = Math.max(...buckets.map((b) => b.hostileCalls));
  return Array.from({ length: highest + 1 }, (_, n) => ({
    hostileCalls: n,
    agents: byCount.get(n) ?? 0,
  }));
}

/**
 * An occupancy as a whole percent, unless it is above the cap but would round to the cap shown
 * beside it (85.3% shown as "85%", flagged, under "cap 85%"): then with one decimal, rounded up, so
 * the figure and its flag agree. (At or below the cap it never rounds above the cap's own figure.)
 */
export function occupancyPercent(occupancy: number, cap: number): string {
  const whole = Math.round(occupancy * 100);
  if (occupancy > cap && whole <= Math.round(cap * 100))
    return (Math.ceil(occupancy * 1000) / 10).toFixed(1);
  return String(whole);
}
