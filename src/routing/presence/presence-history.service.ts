import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PresenceStore } from './presence-store';

/** The agents' past states (presence_intervals): reads for reports and rules, and erasure. */
@Injectable()
export class PresenceHistory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PresenceStore,
  ) {}

  /** State intervals overlapping [from, to), oldest first; the open one has endedAt null. */
  history(
    agentIds: string[],
    from: Date,
    to: Date,
    manager: EntityManager = this.dataSource.manager,
  ) {
    return this.store.history(manager, agentIds, from, to);
  }

  /**
   * Like `history`, but per agent only from its latest interval in one of `states` on (all of the
   * window when there is none): what "since the last break" rules need, without the whole day.
   */
  historySinceLast(
    states: string[],
    agentIds: string[],
    from: Date,
    to: Date,
    manager: EntityManager = this.dataSource.manager,
  ) {
    return this.store.history(manager, agentIds, from, to, states);
  }

  /**
   * For each (agent, time): whether, by the presence history, a recovery started at or after that
   * time before the agent's next call did. Keyed by `key`.
   */
  async recoveryBeforeNextCall(
    items: Array<{ key: string; agentId: string; after: Date }>,
  ): Promise<Map<string, boolean>> {
    if (items.length === 0) return new Map();
    const rows: Array<{ key: string; recovered: boolean }> = await this.dataSource.query(
      `SELECT v.key, (r.at IS NOT NULL AND (c.at IS NULL OR r.at <= c.at)) AS recovered
         FROM unnest($1::text[], $2::uuid[], $3::timestamptz[]) AS v(key, agent_id, after)
         LEFT JOIN LATERAL (SELECT min(i.started_at) AS at FROM presence_intervals i
                             WHERE i.agent_id = v.agent_id AND i.state = 'recovery' AND i.started_at >= v.after) r ON true
         LEFT JOIN LATERAL (SELECT min(i.started_at) AS at FROM presence_intervals i
                             WHERE i.agent_id = v.agent_id AND i.state = 'on_call' AND i.started_at > v.after) c ON true`,
      [items.map((i) => i.key), items.map((i) => i.agentId), items.map((i) => i.after)],
    );
    return new Map(rows.map((r) => [r.key, r.recovered]));
  }

  /**
   * Erasure of an agent's counselling history: its past `counseling` intervals become
   * `not_ready`/`private` (same times, so adherence still counts them adherent). Returns how many
   * intervals were rewritten.
   */
  async redactCounselingHistory(
    agentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [, redacted] = await manager.query(
      `UPDATE presence_intervals SET state = 'not_ready', reason = 'private'
        WHERE agent_id = $1 AND state = 'counseling'`,
      [agentId],
    );
    // Finished or cancelled sessions' bookkeeping goes too (live ones were cancelled by the caller).
    await manager.query(
      `DELETE FROM scheduled_states WHERE agent_id = $1 AND state = 'counseling' AND status NOT IN ('pending', 'active')`,
      [agentId],
    );
    return Number(redacted);
  }
}
