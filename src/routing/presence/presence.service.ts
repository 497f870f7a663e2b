import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { DomainError } from '../../platform/common/errors/domain-error';
import { withAdvisoryLock } from '../../platform/database/advisory-lock';
import {
  Actor,
  enforcedAfterWrapUp,
  PresenceSnapshot,
  PresenceState,
  presenceAsSeenBy,
  RequestableState,
  requestTransition,
  settle,
  Settlement,
} from './presence-rules';
import { PresenceChange, PresenceRow, PresenceStore } from './presence-store';

export interface PresenceView {
  agentId: string;
  state: PresenceState;
  since: Date;
  until: Date | null;
  reason: string | null;
  /** Where an enforced state returns to (shown to the agent only). */
  returnState?: string;
  /**
   * The enforced state that starts when this wrap-up ends (a hostile call's recovery, a booked
   * break, a session), shown to the agent only: the agent's page says so instead of offering a
   * "take calls" the service would refuse.
   */
  next?: { state: string; until: Date };
}

const SWEEP_BATCH = 500;

/**
 * Owns agent presence. Every change goes through a locked row, the pure rules in presence-rules.ts,
 * and one bulk write (history + current state). Timed states end by the clock: reads settle lazily,
 * routing queries treat an elapsed `until` as over, and the sweep materialises the rest.
 * What other features schedule is ScheduledStates'; the past is PresenceHistory's.
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PresenceStore,
    private readonly clock: Clock,
  ) {}

  /** The agent's presence now, as `viewerIsTheAgent` may see it (sessions are private). */
  async current(agentId: string, viewerIsTheAgent: boolean): Promise<PresenceView> {
    const [view] = await this.currentMany([agentId], viewerIsTheAgent);
    return view;
  }

  /**
   * The current presence of several agents, in the order asked. A plain read; only agents whose
   * timed state has run out (or who have no row yet) are settled and written, in one transaction.
   */
  async currentMany(agentIds: string[], viewerIsTheAgent: boolean): Promise<PresenceView[]> {
    const now = this.clock.now();
    const m = this.dataSource.manager;
    const rows = await this.store.read(m, agentIds);
    const scheduled = await this.store.scheduled(m, [...rows.keys()]);
    const current = new Map<string, PresenceRow>();
    const toSettle: string[] = agentIds.filter((id) => !rows.has(id));
    const completed = new Set<string>();
    for (const row of rows.values()) {
      const s = settle(row, scheduled.get(row.agentId) ?? [], now);
      if (viewerIsTheAgent) for (const id of s.completed) completed.add(id);
      const unchanged =
        s.steps.length === 0 &&
        s.activated.length === 0 &&
        s.completed.length === 0 &&
        !s.reservationLapsed;
      if (unchanged) current.set(row.agentId, row);
      else toSettle.push(row.agentId);
    }
    if (toSettle.length) {
      const settled = await this.dataSource.transaction((tx) =>
        this.settleLocked(tx, toSettle, now),
      );
      for (const row of settled) current.set(row.agentId, row);
    }
    return agentIds.map((agentId) => {
      const row = current.get(agentId)!;
      const view: PresenceView = {
        agentId,
        state: row.state,
        since: row.since,
        until: row.until,
        reason: row.reason,
      };
      if (viewerIsTheAgent && row.returnState !== 'available') view.returnState = row.returnState;
      if (viewerIsTheAgent) {
        const pending = (scheduled.get(agentId) ?? []).filter((s) => !completed.has(s.id));
        const next = enforcedAfterWrapUp(row, pending);
        if (next) view.next = next;
      }
      return presenceAsSeenBy(view, viewerIsTheAgent);
    });
  }

  /** PUT presence: become available, not_ready or offline, as the table allows this actor. */
  async request(
    agentId: string,
    to: RequestableState,
    actor: Actor,
    reason: string | null,
  ): Promise<PresenceView> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const rows = await this.store.lock(m, [agentId], now);
      const row = rows.get(agentId)!;
      const scheduled = (await this.store.scheduled(m, [agentId])).get(agentId) ?? [];
      const settled = settle(row, scheduled, now);
      const cur = settled.current;
      const reportWindow = cur.state === 'wrap_up' ? row.wrapUp.hostileReportWindowSeconds : 0;
      const outcome = requestTransition(cur, to, actor, reason, {
        enforcedNext: enforcedAfterWrapUp(
          cur,
          scheduled.filter((s) => !settled.completed.includes(s.id)),
        ),
        reportWindowEndsAt: new Date(cur.since.getTime() + reportWindow * 1000),
        now,
      });
      if (outcome.kind === 'refused' && outcome.code !== 'INVALID_TRANSITION') {
        await this.store.persist(m, [{ row, settlement: settled }]);
        if (outcome.code === 'AGENT_NOT_READY')
          throw new DomainError(
            409,
            'AGENT_NOT_READY',
            'The agent set itself not ready; only the agent ends that',
          );
        throw new DomainError(
          409,
          'BREAK_ENFORCED',
          `The agent is in an enforced break until ${outcome.until.toISOString()}`,
          { until: outcome.until.toISOString() },
        );
      }
      if (outcome.kind === 'refused') {
        throw new DomainError(
          409,
          'INVALID_TRANSITION',
          `Cannot go from ${outcome.from} to ${to}`,
          { from: outcome.from, to },
        );
      }
      let settlement: Settlement = settled;
      if (outcome.kind === 'after') {
        const own = actor === 'agent' && outcome.returnState === 'not_ready';
        settlement = {
          ...settled,
          current: {
            ...settled.current,
            returnState: outcome.returnState,
            returnReason: outcome.returnState === 'not_ready' ? reason : null,
            heldByAgent: own,
          },
        };
      } else if (outcome.kind === 'end-wrap-up-at') {
        settlement = { ...settled, current: { ...settled.current, until: outcome.until } };
      } else if (outcome.kind === 'change') {
        const changed: PresenceSnapshot = {
          ...settled.current,
          state: outcome.state,
          reason: outcome.reason,
          since: now,
          until: null,
          returnState: 'available',
          returnReason: null,
          heldByAgent: actor === 'agent' && outcome.state === 'not_ready',
          consecutiveLapses: outcome.state === 'available' ? 0 : settled.current.consecutiveLapses,
        };
        // Becoming free may start a due break or session straight away.
        const after = settle(
          changed,
          scheduled.filter((s) => !settled.activated.some((a) => a.id === s.id)),
          now,
        );
        settlement = {
          steps: [
            ...settled.steps,
            { state: outcome.state, reason: outcome.reason, since: now, until: null },
            ...after.steps,
          ],
          current: after.current,
          activated: [...settled.activated, ...after.activated],
          completed: [...settled.completed, ...after.completed],
          reservationLapsed: settled.reservationLapsed,
        };
      }
      await this.store.persist(m, [{ row, settlement }]);
    });
    return this.current(agentId, actor === 'agent');
  }

  /**
   * Settles these agents to `now` inside the caller's transaction and returns their locked rows.
   * Other features call this before changing an agent (calls, reservations, breaks).
   */
  async settleLocked(
    manager: EntityManager,
    agentIds: string[],
    now: Date,
  ): Promise<PresenceRow[]> {
    const rows = await this.store.lock(manager, agentIds, now);
    const scheduled = await this.store.scheduled(manager, [...rows.keys()]);
    const changes: PresenceChange[] = [];
    const out: PresenceRow[] = [];
    for (const row of rows.values()) {
      const settlement = settle(row, scheduled.get(row.agentId) ?? [], now);
      changes.push({ row, settlement });
      out.push({ ...row, ...settlement.current });
    }
    await this.store.persist(manager, changes);
    return out;
  }

  /** Writes settlements computed by another feature (the calls ingest) in one go. */
  persist(manager: EntityManager, changes: PresenceChange[]): Promise<void> {
    return this.store.persist(manager, changes);
  }

  lock(manager: EntityManager, agentIds: string[], now: Date) {
    return this.store.lock(manager, agentIds, now);
  }

  /** Agents logged in (any state but offline), optionally of one team. */
  async loggedIn(
    teamId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ agentId: string; teamId: string | null }>> {
    const rows: Array<{ agent_id: string; team_id: string | null }> = await manager.query(
      `SELECT p.agent_id, a.team_id FROM agent_presence p JOIN agents a ON a.id = p.agent_id
        WHERE p.state <> 'offline' AND ($1::uuid IS NULL OR a.team_id = $1)`,
      [teamId],
    );
    return rows.map((r) => ({ agentId: r.agent_id, teamId: r.team_id }));
  }

  /**
   * The scheduled sweep: ends elapsed timed states, lapses reservations, starts due breaks and
   * marks agents left on a call with no event for too long as not_ready (stale). Runs in one
   * replica at a time (advisory lock) and skips rows a live request holds; safe to run twice.
   * Returns how many agents it changed.
   */
  async sweep(now: Date = this.clock.now()): Promise<number> {
    const changed = await withAdvisoryLock(this.dataSource, 'presence-sweep', async (m) => {
      const due: Array<{ agent_id: string }> = await m.query(
        `SELECT p.agent_id FROM agent_presence p
          WHERE (p.until IS NOT NULL AND p.until <= $1)
             OR (p.state IN ('available', 'not_ready') AND EXISTS (
                  SELECT 1 FROM scheduled_states s WHERE s.agent_id = p.agent_id AND s.status = 'pending'
                     AND s.starts_at <= $1 AND (s.ends_at IS NULL OR s.ends_at > $1)))
          LIMIT $2`,
        [now, SWEEP_BATCH],
      );
      let count = 0;
      if (due.length) {
        const rows = await this.store.lock(
          m,
          due.map((d) => d.agent_id),
          now,
          { skipLocked: true },
        );
        const scheduled = await this.store.scheduled(m, [...rows.keys()]);
        const changes = [...rows.values()].map((row) => ({
          row,
          settlement: settle(row, scheduled.get(row.agentId) ?? [], now),
        }));
        await this.store.persist(m, changes);
        count += changes.filter((c) => c.settlement.steps.length).length;
      }
      count += await this.markStale(m, now);
      await m.query(
        // Not while the agent is busy: a booked break overrun by a call keeps its length for later.
        `UPDATE scheduled_states s SET status = 'done' WHERE s.status = 'pending' AND s.ends_at IS NOT NULL AND s.ends_at <= $1
            AND NOT EXISTS (SELECT 1 FROM agent_presence p WHERE p.agent_id = s.agent_id AND p.state IN ('reserved', 'on_call', 'wrap_up'))`,
        [now],
      );
      return count;
    });
    return changed ?? 0;
  }

  /** A lost call.ended must not strand an agent on_call: after the team's limit, not_ready (stale). */
  private async markStale(m: EntityManager, now: Date): Promise<number> {
    const stale: Array<{ agent_id: string }> = await m.query(
      `SELECT p.agent_id FROM agent_presence p JOIN agents a ON a.id = p.agent_id
         LEFT JOIN team_settings s ON s.team_id = a.team_id
        WHERE p.state = 'on_call'
          AND COALESCE(p.last_event_at, p.since) <= $1::timestamptz - make_interval(secs => COALESCE(s.stale_after_seconds, 7200))
        LIMIT $2`,
      [now, SWEEP_BATCH],
    );
    if (stale.length === 0) return 0;
    const rows = await this.store.lock(
      m,
      stale.map((s) => s.agent_id),
      now,
      { skipLocked: true },
    );
    const changes: PresenceChange[] = [...rows.values()]
      .filter((row) => row.state === 'on_call')
      .map((row) => ({
        row,
        currentCallId: null,
        settlement: {
          steps: [{ state: 'not_ready', reason: 'stale', since: now, until: null }],
          current: { ...row, state: 'not_ready', reason: 'stale', since: now, until: null },
          activated: [],
          completed: [],
          reservationLapsed: false,
        },
      }));
    await this.store.persist(m, changes);
    return changes.length;
  }
}
