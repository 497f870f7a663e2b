import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { StatementPart } from '../database/statement-part';
import type { Audience } from './domain/event-scope';

export interface NewEvent {
  type: string;
  teamId?: string | null;
  agentId?: string | null;
  audience: Audience[];
  payload: Record<string, unknown>;
  at: Date;
}

/** The channel that tells every replica a transaction with events committed. */
export const EVENTS_CHANNEL = 'shiftwell_events';

const SQL_WORD = /^[a-z][a-z0-9_.]*$/;

/**
 * Publishes one event per row of the CTE `source` (columns `team_id` and `agent_id`) inside a
 * larger statement, with the change that made those rows: for hot paths that change and publish in
 * one round trip. `payload` and `at` are SQL expressions over `source`'s columns and the
 * statement's parameters; `type` and `audience` are the event's (constants, checked).
 */
export function publishFromRows(
  source: string,
  event: { type: string; audience: Audience[]; payload: string; at: string },
): StatementPart {
  for (const word of [source, event.type, ...event.audience])
    if (!SQL_WORD.test(word)) throw new Error(`not an SQL word: ${word}`);
  return {
    ctes: `${source}_events AS (
         INSERT INTO events (type, team_id, agent_id, audience, payload, at)
         SELECT '${event.type}', team_id, agent_id, ARRAY['${event.audience.join("','")}']::text[], ${event.payload}, ${event.at}
           FROM ${source}
         RETURNING 1),
       ${source}_notified AS (SELECT pg_notify('${EVENTS_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM ${source}_events))`,
    read: `(SELECT count(*) FROM ${source}_notified)`,
  };
}

/**
 * Publishing: features write their events with the change, in the caller's transaction, so an event
 * exists exactly when the change does. Presence changes are published by a database trigger.
 */
@Injectable()
export class EventsService {
  async publish(manager: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await preparedQuery(
      manager,
      `WITH ins AS (
         INSERT INTO events (type, team_id, agent_id, audience, payload, at)
         SELECT t, tm, ag, string_to_array(au, ','), p, a
           FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::timestamptz[]) AS v(t, tm, ag, au, p, a)
         RETURNING 1)
       SELECT pg_notify('${EVENTS_CHANNEL}', '') FROM (SELECT count(*) FROM ins) c`,
      [
        events.map((e) => e.type),
        events.map((e) => e.teamId ?? null),
        events.map((e) => e.agentId ?? null),
        events.map((e) => e.audience.join(',')),
        events.map((e) => JSON.stringify(e.payload)),
        events.map((e) => e.at.toISOString()),
      ],
    );
  }

  /**
   * Erasure: deletes the agent's private events (those only the agent could see) of the given
   * types, and its private presence events in the given state. Everyone else's rows never named
   * these (they carry the masked state), so nothing else has to go.
   */
  async forgetPrivate(
    manager: EntityManager,
    agentId: string,
    what: { types: string[]; presenceState?: string },
  ): Promise<number> {
    const [, deleted] = await manager.query(
      `DELETE FROM events WHERE agent_id = $1 AND audience = ARRAY['agent']::text[]
          AND (type = ANY($2::text[]) OR (type = 'presence.changed' AND payload->>'state' = $3))`,
      [agentId, what.types, what.presenceState ?? null],
    );
    return Number(deleted);
  }
}
