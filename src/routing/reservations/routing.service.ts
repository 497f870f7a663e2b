import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { preparedQuery } from '../../platform/database/prepared-query';
import { conflict, DomainError, notFound } from '../../platform/common/errors/domain-error';
import { MISSED_CALLS_LIMIT } from '../presence/presence-rules';
import { PresenceService } from '../presence/presence.service';
import { RoutingTagsService } from '../../people/routing-tags/routing-tags.service';
import {
  CANDIDATE_FROM,
  CandidateFilter,
  candidateWhere,
  IDLE_SINCE,
  Params,
  RANKING,
  tagClauses,
} from './candidate-query';
import type { ReservationDto } from './dto/routing.dto';

const CATALOG_TTL_MS = 30_000;

export type RejectReason = 'no_answer' | 'busy' | 'declined';

export interface ReservationDecision {
  reservation: ReservationDto;
  outcome: 'accepted' | 'rejected';
  /** Why it was rejected; `abandoned` when the caller hung up while it was held. */
  reason: RejectReason | 'abandoned' | null;
  now: Date;
}

type DecisionListener = (manager: EntityManager, decision: ReservationDecision) => Promise<void>;

@Injectable()
export class RoutingService {
  private readonly decisionListeners: DecisionListener[] = [];
  private catalog?: { at: number; version: number; tags: Map<string, string> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly presence: PresenceService,
    private readonly routingTags: RoutingTagsService,
  ) {}

  /**
   * Who can take a call for this dialect/skills now, best first, as the serialized response body
   * (AvailableAgentsDto). PostgreSQL builds the JSON in the same statement that picks the agents:
   * this is the router's most frequent call, and building it in Node cost more than the query.
   */
  async availableJson(filter: CandidateFilter, limit: number): Promise<string> {
    const catalog = await this.checkTags(filter);
    // Tags are labelled by kind from the cached catalog; a tag another replica added in the last
    // 30 s is left out until the cache refreshes (this replica's own additions show at once).
    const ofKind = (k: string) => [...catalog].filter(([, kind]) => kind === k).map(([tag]) => tag);
    const now = this.clock.now();
    const p = new Params();
    const nowP = `${p.add(now)}::timestamptz`;
    const asOfP = p.add(now.toISOString());
    const dialectsP = `${p.add(ofKind('dialect'))}::text[]`;
    const skillsP = `${p.add(ofKind('skill'))}::text[]`;
    const tagList = (kindFilter: string) =>
      `coalesce(json_agg(json_build_object('tag', t.tag, 'proficiency', t.proficiency) ORDER BY t.proficiency DESC, t.tag)
                FILTER (WHERE ${kindFilter}), '[]')`;
    const sql = `
      SELECT json_build_object('asOf', ${asOfP}::text, 'agents', coalesce(json_agg((json_build_object(
               'agentId', c.agent_id,
               'externalId', a.external_id,
               'idleSeconds', greatest(0, floor(extract(epoch FROM ${nowP} - c.idle_since)))::int,
               'dialects', tg.dialects,
               'skills', tg.skills,
               'load', json_build_object('callsLastHour', c.load_calls, 'hostileCallsLastHour', c.load_hostile,
                                         'occupancyLastHour', round(c.load_occupancy::numeric, 4)::float8)
             )::jsonb || CASE WHEN a.contact IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('contact', a.contact) END)
             ORDER BY c.rank_penalty, c.idle_since, c.agent_id), '[]'))::text AS body
        FROM (SELECT p.agent_id, ${IDLE_SINCE} AS idle_since, p.load_calls, p.load_hostile, p.load_occupancy, p.rank_penalty
                ${CANDIDATE_FROM}
               WHERE ${candidateWhere(filter, p.add, nowP)}
               ORDER BY ${RANKING}
               LIMIT ${p.add(limit)}) c
        JOIN agents a ON a.id = c.agent_id
        CROSS JOIN LATERAL (
          SELECT ${tagList(`t.tag = ANY(${dialectsP})`)} AS dialects, ${tagList(`t.tag = ANY(${skillsP})`)} AS skills
            FROM agent_tags t WHERE t.agent_id = c.agent_id) tg`;
    const [row] = await preparedQuery<{ body: string }>(this.dataSource, sql, p.values);
    return row.body;
  }

  /**
   * Holds the best matching agent for a call in ONE statement: the candidate row is picked and
   * locked with FOR UPDATE SKIP LOCKED, the reservation inserted, presence and its history written.
   * Concurrent callers (any number of replicas) skip each other's rows, so no agent is held twice;
   * deferred exclusion constraints on live reservations back this up.
   * Returns `created: false` for a retry of a call whose reservation is still live.
   */
  async reserve(
    input: CandidateFilter & { callId: string; ttlSeconds?: number },
  ): Promise<{ created: boolean; reservation: ReservationDto }> {
    await this.checkTags(input);
    const now = this.clock.now();
    try {
      return await this.tryReserve(input, now);
    } catch (e) {
      if (!(
        e instanceof QueryFailedError &&
        (e as any).driverError?.constraint === 'ex_reservations_live_call'
      ))
        throw e;
    }
    // The call already has a hold: a retry (answer with it), or one that lapsed unswept (write it off, try again).
    const live = await this.findLiveForCall(input.callId, now);
    if (live) return { created: false, reservation: live };
    await this.lapseExpiredForCall(input.callId, now);
    return this.tryReserve(input, now);
  }

  private async tryReserve(
    input: CandidateFilter & { callId: string; ttlSeconds?: number },
    now: Date,
  ): Promise<{ created: boolean; reservation: ReservationDto }> {
    const rows = await this.insertHold(this.dataSource.manager, input, now);
    if (rows.length === 0) {
      const live = await this.findLiveForCall(input.callId, now);
      if (live) return { created: false, reservation: live };
      throw new DomainError(409, 'NO_AGENT_AVAILABLE', 'No matching agent is available now', {
        retryAfterSeconds: await this.retryAfter(input, now),
      });
    }
    return { created: true, reservation: toDto({ ...rows[0], status: 'held' }, now) };
  }

  /**
   * Holds this one agent for a queued call inside the caller's transaction (the queue's dispatcher),
   * if the agent is still free and matching; null when it is not (a request got there first).
   */
  async holdAgent(
    manager: EntityManager,
    agentId: string,
    input: CandidateFilter & { callId: string },
    now: Date,
  ): Promise<ReservationDto | null> {
    const rows = await this.insertHold(manager, { ...input, agentId }, now);
    return rows.length ? toDto({ ...rows[0], status: 'held' }, now) : null;
  }

  /**
   * The one statement that holds an agent: the best free match (or the given agent) is locked with
   * FOR UPDATE SKIP LOCKED, the reservation inserted, presence and its history written. An agent
   * who rejected this call or let it lapse is not picked again for it (a hold released because the
   * call went away, e.g. a callback's busy line, is no refusal by the agent).
   */
  private async insertHold(
    manager: EntityManager,
    input: CandidateFilter & { callId: string; ttlSeconds?: number; agentId?: string },
    now: Date,
  ): Promise<any[]> {
    const id = randomUUID();
    const p = new Params();
    const nowP = `${p.add(now)}::timestamptz`;
    const idP = `${p.add(id)}::uuid`;
    const callP = p.add(input.callId);
    const ttlP = `${p.add(input.ttlSeconds ?? null)}::int`;
    const criteriaP = `${p.add(JSON.stringify({ dialect: input.dialect, minProficiency: input.minProficiency, skills: input.skills }))}::jsonb`;
    const sql = `
      WITH cand AS (
        SELECT p.agent_id, p.state AS prev_state, p.reservation_id AS prev_reservation, p.until AS prev_until,
               COALESCE(${ttlP}, (SELECT s.reservation_ttl_seconds FROM agents a JOIN team_settings s ON s.team_id = a.team_id
                                   WHERE a.id = p.agent_id), 20) AS ttl
          ${CANDIDATE_FROM}
         WHERE ${candidateWhere(input, p.add, nowP)}
           ${input.agentId ? `AND p.agent_id = ${p.add(input.agentId)}::uuid` : ''}
           AND NOT EXISTS (SELECT 1 FROM reservations r0 WHERE r0.call_id = ${callP} AND r0.agent_id = p.agent_id
                             AND r0.status IN ('rejected', 'lapsed') AND r0.decision_reason IS DISTINCT FROM 'abandoned')
         ORDER BY ${RANKING}
         LIMIT 1
         FOR UPDATE OF p SKIP LOCKED
      ), ins AS (
        INSERT INTO reservations (id, call_id, agent_id, status, created_at, expires_at, criteria)
        SELECT ${idP}, ${callP}, agent_id, 'held', ${nowP}, ${nowP} + make_interval(secs => ttl), ${criteriaP} FROM cand
        RETURNING id, call_id, agent_id, expires_at
      ), lapse AS (
        UPDATE reservations r SET status = 'lapsed', decided_at = r.expires_at FROM cand
         WHERE cand.prev_state = 'reserved' AND r.id = cand.prev_reservation AND r.status = 'held'
      ), closed AS (
        UPDATE presence_intervals i
           SET ended_at = CASE WHEN cand.prev_state = 'available' THEN ${nowP} ELSE LEAST(cand.prev_until, ${nowP}) END
          FROM cand WHERE i.agent_id = cand.agent_id AND i.ended_at IS NULL
      ), hist AS (
        INSERT INTO presence_intervals (agent_id, state, reason, started_at, ended_at)
        SELECT agent_id, 'available', NULL, prev_until, ${nowP} FROM cand WHERE prev_state <> 'available' AND prev_until < ${nowP}
        UNION ALL
        SELECT agent_id, 'reserved', NULL, ${nowP}, NULL FROM cand
      ), upd AS (
        UPDATE agent_presence p
           SET state = 'reserved', since = ${nowP}, until = ${nowP} + make_interval(secs => cand.ttl), reason = NULL,
               return_state = 'available', reservation_id = ${idP},
               consecutive_lapses = p.consecutive_lapses + CASE WHEN cand.prev_state = 'reserved' THEN 1 ELSE 0 END
          FROM cand WHERE p.agent_id = cand.agent_id
      )
      SELECT ins.id, ins.call_id, ins.agent_id, ins.expires_at, a.external_id, a.contact FROM ins JOIN agents a ON a.id = ins.agent_id`;
    return preparedQuery(manager, sql, p.values);
  }

  /** The router confirms the agent took the call: the agent goes on_call. */
  async accept(reservationId: string): Promise<ReservationDto> {
    return this.decide(reservationId, 'accepted', null);
  }

  /**
   * The router did not connect the call: the agent is available again (`no_answer` counts as a
   * missed offer, exactly as a lapse: the third in a row makes the agent not_ready/missed_calls).
   */
  async reject(reservationId: string, reason: RejectReason | null = null): Promise<ReservationDto> {
    return this.decide(reservationId, 'rejected', reason);
  }

  /** A live hold whose call went away (the caller hung up): released inside the caller's transaction. */
  async release(manager: EntityManager, reservationId: string, now: Date): Promise<void> {
    await this.decideIn(manager, reservationId, 'rejected', 'abandoned', now);
  }

  /** Features that follow reservations (the queue) hear each decision inside its transaction. */
  onDecided(listener: DecisionListener): void {
    this.decisionListeners.push(listener);
  }

  async get(reservationId: string): Promise<ReservationDto> {
    const r = await this.load(this.dataSource.manager, reservationId);
    if (!r) throw notFound('Reservation');
    return toDto(r, this.clock.now());
  }

  /**
   * The dialect the router asked for, per call, for calls these agents accepted with reservations made in
   * [from, to) (calls without a dialect request are left out): per-dialect history forecasts.
   */
  async requestedDialects(
    agentIds: string[],
    from: Date,
    to: Date,
  ): Promise<Array<{ callId: string; dialect: string }>> {
    if (agentIds.length === 0) return [];
    const rows: Array<{ call_id: string; dialect: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (call_id) call_id, criteria->>'dialect' AS dialect
         FROM reservations
        WHERE status = 'accepted' AND agent_id = ANY($1::uuid[]) AND created_at >= $2 AND created_at < $3
          AND criteria->>'dialect' IS NOT NULL
        ORDER BY call_id, created_at DESC`,
      [agentIds, from, to],
    );
    return rows.map((r) => ({ callId: r.call_id, dialect: r.dialect }));
  }

  private async decide(
    reservationId: string,
    outcome: 'accepted' | 'rejected',
    reason: RejectReason | null,
  ): Promise<ReservationDto> {
    const now = this.clock.now();
    const decided = await this.dataSource.transaction((m) =>
      this.decideIn(m, reservationId, outcome, reason, now),
    );
    if (decided) return decided;
    const r = await this.load(this.dataSource.manager, reservationId);
    if (!r) throw notFound('Reservation');
    if (r.status === outcome) return toDto(r, now); // a retried decision
    const lapsed =
      r.status === 'lapsed' ||
      (r.status === 'held' && new Date(r.expires_at).getTime() <= now.getTime());
    throw conflict(
      lapsed ? 'RESERVATION_EXPIRED' : 'RESERVATION_NOT_HELD',
      lapsed
        ? 'The reservation lapsed before it was decided'
        : `The reservation is already ${r.status}`,
      { status: lapsed ? 'lapsed' : r.status, expiresAt: new Date(r.expires_at).toISOString() },
    );
  }

  /**
   * Accept or reject in one statement: the held, unexpired reservation is decided and its agent
   * moves on_call (accept), back to available (reject), or not_ready/missed_calls (a third missed
   * offer in a row), with history; then the listeners run in the same transaction.
   * Returns null when the reservation was not held and live.
   */
  private async decideIn(
    m: EntityManager,
    reservationId: string,
    outcome: 'accepted' | 'rejected',
    reason: RejectReason | 'abandoned' | null,
    now: Date,
  ): Promise<ReservationDto | null> {
    const missed = outcome === 'rejected' && reason === 'no_answer';
    const rows: any[] = await preparedQuery(
      m,
      `WITH r AS (
         UPDATE reservations SET status = $2, decided_at = $3, decision_reason = $5
          WHERE id = $1 AND status = 'held' AND expires_at > $3
         RETURNING id, call_id, agent_id, status, expires_at
       ), p AS (
         SELECT p.agent_id, r.call_id,
                CASE WHEN $2 = 'accepted' THEN 0 WHEN $4 THEN p.consecutive_lapses + 1 ELSE p.consecutive_lapses END AS lapses,
                CASE WHEN $2 = 'accepted' THEN 'on_call'
                     WHEN $4 AND p.consecutive_lapses + 1 >= ${MISSED_CALLS_LIMIT} THEN 'not_ready' ELSE 'available' END AS next,
                CASE WHEN $2 <> 'accepted' AND $4 AND p.consecutive_lapses + 1 >= ${MISSED_CALLS_LIMIT} THEN 'missed_calls' END AS next_reason
           FROM agent_presence p JOIN r ON r.agent_id = p.agent_id
          WHERE p.state = 'reserved' AND p.reservation_id = r.id FOR UPDATE OF p
       ), closed AS (
         UPDATE presence_intervals i SET ended_at = $3 FROM p WHERE i.agent_id = p.agent_id AND i.ended_at IS NULL
       ), hist AS (
         INSERT INTO presence_intervals (agent_id, state, reason, started_at) SELECT agent_id, next, next_reason, $3 FROM p
       ), upd AS (
         UPDATE agent_presence ap
            SET state = p.next, since = $3, until = NULL, reason = p.next_reason, reservation_id = NULL,
                current_call_id = CASE WHEN p.next = 'on_call' THEN p.call_id ELSE NULL END,
                consecutive_lapses = p.lapses
           FROM p WHERE ap.agent_id = p.agent_id
       )
       SELECT r.id, r.call_id, r.agent_id, r.status, r.expires_at, a.external_id, a.contact FROM r JOIN agents a ON a.id = r.agent_id`,
      [reservationId, outcome, now, missed, reason],
    );
    if (rows.length === 0) return null;
    const decided = toDto(rows[0], now);
    for (const listener of this.decisionListeners)
      await listener(m, { reservation: decided, outcome, reason, now });
    return decided;
  }

  private async load(m: EntityManager, id: string): Promise<any | undefined> {
    const [r] = await m.query(
      `SELECT r.id, r.call_id, r.agent_id, r.status, r.expires_at, a.external_id, a.contact FROM reservations r JOIN agents a ON a.id = r.agent_id
        WHERE r.id = $1`,
      [id],
    );
    return r;
  }

  private async findLiveForCall(callId: string, now: Date): Promise<ReservationDto | undefined> {
    const [r] = await preparedQuery(
      this.dataSource,
      `SELECT r.id, r.call_id, r.agent_id, r.status, r.expires_at, a.external_id, a.contact FROM reservations r JOIN agents a ON a.id = r.agent_id
        WHERE r.call_id = $1 AND r.status = 'held' AND r.expires_at > $2`,
      [callId, now],
    );
    return r ? toDto(r, now) : undefined;
  }

  /** A retried call whose earlier hold lapsed unswept: settle that agent so the hold is written off. */
  private async lapseExpiredForCall(callId: string, now: Date): Promise<void> {
    const rows: Array<{ agent_id: string }> = await this.dataSource.query(
      `SELECT agent_id FROM reservations WHERE call_id = $1 AND status = 'held' AND expires_at <= $2`,
      [callId, now],
    );
    if (rows.length)
      await this.dataSource.transaction((m) =>
        this.presence.settleLocked(
          m,
          rows.map((r) => r.agent_id),
          now,
        ),
      );
  }

  /** When a matching agent may next be free: the soonest end of a matching timed state (1..30 s). */
  private async retryAfter(filter: CandidateFilter, now: Date): Promise<number> {
    const p = new Params();
    const nowP = `${p.add(now)}::timestamptz`;
    const where = tagClauses(filter, p.add).join(' AND ');
    const [row] = await this.dataSource.query(
      `SELECT min(p.until) AS next FROM agent_presence p
        WHERE p.state IN ('reserved', 'wrap_up', 'break', 'recovery') AND p.until > ${nowP} ${where ? `AND ${where}` : ''}`,
      p.values,
    );
    if (!row?.next) return 5;
    return Math.min(
      30,
      Math.max(1, Math.ceil((new Date(row.next).getTime() - now.getTime()) / 1000)),
    );
  }

  /** 400 UNKNOWN_TAG unless every dialect and skill is in the catalog (the queue checks fallbacks too). */
  async assertKnownTags(filter: CandidateFilter): Promise<void> {
    await this.checkTags(filter);
  }

  /**
   * Unknown dialect or skill → 400 UNKNOWN_TAG; the catalog (tag → kind) is cached briefly (it rarely
   * changes, and an unknown tag triggers a reload) and returned for labelling tags by kind.
   */
  private async checkTags(filter: CandidateFilter): Promise<Map<string, string>> {
    const wanted: Array<[string, string]> = [
      ...(filter.dialect ? [['dialect', filter.dialect] as [string, string]] : []),
      ...(filter.skills ?? []).map((s) => ['skill', s] as [string, string]),
    ];
    const nowMs = Date.now();
    if (
      !this.catalog ||
      nowMs - this.catalog.at > CATALOG_TTL_MS ||
      this.catalog.version !== this.routingTags.version ||
      wanted.some(([, t]) => !this.catalog!.tags.has(t))
    ) {
      const tags = await this.routingTags.list();
      this.catalog = {
        at: nowMs,
        version: this.routingTags.version,
        tags: new Map(tags.map((t) => [t.tag, t.kind])),
      };
    }
    const unknown = wanted
      .filter(([kind, tag]) => this.catalog!.tags.get(tag) !== kind)
      .map(([, tag]) => tag);
    if (unknown.length)
      throw new DomainError(
        400,
        'UNKNOWN_TAG',
        `Not in the routing-tag catalog: ${unknown.join(', ')}`,
        { tags: unknown },
      );
    return this.catalog.tags;
  }
}

function toDto(r: any, now: Date): ReservationDto {
  const expired = r.status === 'held' && new Date(r.expires_at).getTime() <= now.getTime();
  return {
    reservationId: r.id,
    callId: r.call_id,
    agentId: r.agent_id,
    externalId: r.external_id,
    ...(r.contact ? { contact: r.contact } : {}),
    expiresAt: new Date(r.expires_at).toISOString(),
    status: expired ? 'lapsed' : r.status,
  };
}
