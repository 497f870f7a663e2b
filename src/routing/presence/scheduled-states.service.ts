import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { PresenceState, settle } from './presence-rules';
import { NewScheduledState, PresenceChange, PresenceStore } from './presence-store';
import { PresenceService } from './presence.service';

/**
 * Breaks, recoveries and counselling sessions other features schedule for an agent: adding,
 * cancelling and retiming them. Applying one that is due is settling, so that stays with PresenceService.
 */
@Injectable()
export class ScheduledStates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PresenceStore,
    private readonly clock: Clock,
    private readonly presence: PresenceService,
  ) {}

  /**
   * Schedules a break, recovery or counselling session for an agent: it starts when due and the
   * agent is free (after any call in progress), and keeps the agent out of routing meanwhile.
   * Idempotent per (sourceKind, sourceId). Applied at once if the agent is free now.
   */
  async schedule(states: NewScheduledState[], manager?: EntityManager): Promise<void> {
    if (states.length === 0) return;
    const run = async (m: EntityManager) => {
      await this.store.addScheduled(m, states);
      await this.presence.settleLocked(
        m,
        states.map((s) => s.agentId),
        this.clock.now(),
      );
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }

  /**
   * Cancels a scheduled state by its source. A pending one is dropped; an active one ends now
   * (`endNow`) or stays until its end. Returns whether there was one.
   */
  async cancelScheduled(
    sourceKind: string,
    sourceId: string,
    options: { endNow: boolean },
    manager?: EntityManager,
  ): Promise<boolean> {
    const run = async (m: EntityManager) => {
      const now = this.clock.now();
      // An UPDATE … RETURNING through TypeORM answers [rows, affectedCount].
      const [rows]: [
        Array<{ id: string; agent_id: string; status: string; state: string }>,
        number,
      ] = await m.query(
        `UPDATE scheduled_states SET status = 'cancelled' WHERE source_kind = $1 AND source_id = $2 AND status IN ('pending', 'active')
         RETURNING id, agent_id, status, state`,
        [sourceKind, sourceId],
      );
      if (rows.length === 0) return false;
      if (options.endNow) {
        const agentIds = rows.map((r) => r.agent_id);
        const locked = await this.store.lock(m, agentIds, now);
        const changes: PresenceChange[] = [];
        for (const row of locked.values()) {
          const cancelledState = rows.find((r) => r.agent_id === row.agentId)!.state;
          if (row.state === cancelledState && row.until && row.until > now) {
            changes.push({ row, settlement: settle({ ...row, until: now }, [], now) });
          }
        }
        await this.store.persist(m, changes);
      }
      return true;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Moves the end of the agent's current timed state (a supervisor shortening, an agent extending). */
  async retime(
    manager: EntityManager,
    agentId: string,
    state: PresenceState,
    until: Date,
  ): Promise<void> {
    await manager.query(`UPDATE agent_presence SET until = $3 WHERE agent_id = $1 AND state = $2`, [
      agentId,
      state,
      until,
    ]);
    await manager.query(
      `UPDATE scheduled_states SET ends_at = $3 WHERE agent_id = $1 AND state = $2 AND status = 'active'`,
      [agentId, state, until],
    );
  }

  /**
   * An active enforced state interrupted by a call: it waits again (same row, same source) and
   * resumes for `seconds` once the agent is free.
   */
  async resumeAfterCall(
    manager: EntityManager,
    scheduledId: string,
    from: Date,
    seconds: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE scheduled_states SET status = 'pending', starts_at = $2, ends_at = NULL, duration_seconds = $3, activated_at = NULL
        WHERE id = $1`,
      [scheduledId, from, seconds],
    );
  }

  /** A scheduled state by its source (e.g. the recovery of one hostile call), or null. */
  async scheduledBySource(
    manager: EntityManager,
    sourceKind: string,
    sourceId: string,
  ): Promise<{
    id: string;
    agentId: string;
    status: string;
    startsAt: Date;
    endsAt: Date | null;
    durationSeconds: number | null;
    activatedAt: Date | null;
  } | null> {
    const [r] = await manager.query(
      `SELECT id, agent_id, status, starts_at, ends_at, duration_seconds, activated_at FROM scheduled_states
        WHERE source_kind = $1 AND source_id = $2`,
      [sourceKind, sourceId],
    );
    if (!r) return null;
    return {
      id: r.id,
      agentId: r.agent_id,
      status: r.status,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      durationSeconds: r.duration_seconds,
      activatedAt: r.activated_at,
    };
  }

  /** Adds scheduled states inside the caller's transaction without settling (the caller settles). */
  addScheduled(manager: EntityManager, states: NewScheduledState[]) {
    return this.store.addScheduled(manager, states);
  }

  scheduledFor(manager: EntityManager, agentIds: string[]) {
    return this.store.scheduled(manager, agentIds);
  }
}
