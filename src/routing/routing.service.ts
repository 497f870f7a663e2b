import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { conflict, DomainError, notFound } from '../common/errors/domain-error';
import { PresenceService } from '../presence/presence.service';
import { RoutingTagsService } from '../routing-tags/routing-tags.service';
import {
  CANDIDATE_FROM,
  CandidateFilter,
  candidateWhere,
  IDLE_SINCE,
  Params,
  RANKING,
  tagClauses,
} from './candidate-query';
import type { AvailableAgentsDto, ReservationDto } from './dto/routing.dto';

const CATALOG_TTL_MS = 30_000;

@Injectable()
export class RoutingService {
  private catalog?: { at: number; tags: Map<string, string> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly presence: PresenceService,
    private readonly routingTags: RoutingTagsService,
  ) {}

  /** Who can take a call for this dialect/skills now, best first. */
  async available(filter: CandidateFilter, limit: number): Promise<AvailableAgentsDto> {
    await this.checkTags(filter);
    const now = this.clock.now();
    const p = new Params();
    const nowP = p.add(now);
    const sql = `
      SELECT c.*, (SELECT coalesce(json_agg(json_build_object('tag', t.tag, 'proficiency', t.proficiency, 'kind', r.kind)
                                            ORDER BY t.proficiency DESC, t.tag), '[]')
                     FROM agent_tags t JOIN routing_tags r ON r.tag = t.tag WHERE t.agent_id = c.agent_id) AS tags
        FROM (SELECT p.agent_id, a.external_id, ${IDLE_SINCE} AS idle_since, p.load_calls, p.load_hostile, p.load_occupancy
                ${CANDIDATE_FROM}
               WHERE ${candidateWhere(filter, p.add, `${nowP}::timestamptz`)}
               ORDER BY ${RANKING}
               LIMIT ${p.add(limit)}) c`;
    const rows: any[] = await this.dataSource.query(sql, p.values);
    return {
      asOf: now.toISOString(),
      agents: rows.map((r) => ({
        agentId: r.agent_id,
        externalId: r.external_id,
        idleSeconds: Math.max(
          0,
          Math.floor((now.getTime() - new Date(r.idle_since).getTime()) / 1000),
        ),
        dialects: r.tags
          .filter((t: any) => t.kind === 'dialect')
          .map(({ tag, proficiency }: any) => ({ tag, proficiency })),
        skills: r.tags
          .filter((t: any) => t.kind === 'skill')
          .map(({ tag, proficiency }: any) => ({ tag, proficiency })),
        load: {
          callsLastHour: r.load_calls,
          hostileCallsLastHour: r.load_hostile,
          occupancyLastHour: Math.round(r.load_occupancy * 10000) / 10000,
        },
      })),
    };
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
    const live = await this.findLiveForCall(input.callId, now);
    if (live) return { created: false, reservation: live };
    await this.lapseExpiredForCall(input.callId, now);

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
               COALESCE(${ttlP}, ts.reservation_ttl_seconds, 20) AS ttl
          ${CANDIDATE_FROM}
         WHERE ${candidateWhere(input, p.add, nowP)}
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
      SELECT ins.id, ins.call_id, ins.agent_id, ins.expires_at, a.external_id FROM ins JOIN agents a ON a.id = ins.agent_id`;
    let rows: any[];
    try {
      rows = await this.dataSource.query(sql, p.values);
    } catch (e) {
      // Two retries of one call raced: the other won; answer with its reservation.
      if (
        e instanceof QueryFailedError &&
        (e as any).driverError?.constraint === 'ex_reservations_live_call'
      ) {
        const winner = await this.findLiveForCall(input.callId, now);
        if (winner) return { created: false, reservation: winner };
      }
      throw e;
    }
    if (rows.length === 0) {
      throw new DomainError(409, 'NO_AGENT_AVAILABLE', 'No matching agent is available now', {
        retryAfterSeconds: await this.retryAfter(input, now),
      });
    }
    const r = rows[0];
    return {
      created: true,
      reservation: {
        reservationId: r.id,
        callId: r.call_id,
        agentId: r.agent_id,
        externalId: r.external_id,
        expiresAt: new Date(r.expires_at).toISOString(),
        status: 'held',
      },
    };
  }

  /** The router confirms the agent took the call: the agent goes on_call. */
  async accept(reservationId: string): Promise<ReservationDto> {
    return this.decide(reservationId, 'accepted');
  }

  /** The router did not connect the call: the agent is available again. */
  async reject(reservationId: string): Promise<ReservationDto> {
    return this.decide(reservationId, 'rejected');
  }

  async get(reservationId: string): Promise<ReservationDto> {
    const r = await this.load(this.dataSource.manager, reservationId);
    if (!r) throw notFound('Reservation');
    return toDto(r, this.clock.now());
  }

  private async decide(
    reservationId: string,
    outcome: 'accepted' | 'rejected',
  ): Promise<ReservationDto> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const r = await this.load(m, reservationId, true);
      if (!r) throw notFound('Reservation');
      if (r.status === outcome) return toDto(r, now); // a retried decision
      if (r.status !== 'held' || new Date(r.expires_at).getTime() <= now.getTime()) {
        const lapsed =
          r.status === 'lapsed' ||
          (r.status === 'held' && new Date(r.expires_at).getTime() <= now.getTime());
        throw conflict(
          lapsed ? 'RESERVATION_EXPIRED' : 'RESERVATION_NOT_HELD',
          lapsed
            ? 'The reservation lapsed before it was decided'
            : `The reservation is already ${r.status}`,
          {
            status: lapsed ? 'lapsed' : r.status,
            expiresAt: new Date(r.expires_at).toISOString(),
          },
        );
      }
      await m.query(`UPDATE reservations SET status = $2, decided_at = $3 WHERE id = $1`, [
        reservationId,
        outcome,
        now,
      ]);
      const rows = await this.presence.lock(m, [r.agent_id], now);
      const row = rows.get(r.agent_id)!;
      if (row.state === 'reserved' && row.reservationId === reservationId) {
        const next =
          outcome === 'accepted'
            ? {
                ...row,
                state: 'on_call' as const,
                since: now,
                until: null,
                reason: null,
                consecutiveLapses: 0,
              }
            : { ...row, state: 'available' as const, since: now, until: null, reason: null };
        await this.presence.persist(m, [
          {
            row,
            currentCallId: outcome === 'accepted' ? r.call_id : null,
            settlement: {
              steps: [{ state: next.state, reason: null, since: now, until: null }],
              current: next,
              activated: [],
              completed: [],
              reservationLapsed: false,
            },
          },
        ]);
      }
      return toDto({ ...r, status: outcome }, now);
    });
  }

  private async load(m: EntityManager, id: string, lock = false): Promise<any | undefined> {
    const [r] = await m.query(
      `SELECT r.id, r.call_id, r.agent_id, r.status, r.expires_at, a.external_id FROM reservations r JOIN agents a ON a.id = r.agent_id
        WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    );
    return r;
  }

  private async findLiveForCall(callId: string, now: Date): Promise<ReservationDto | undefined> {
    const [r] = await this.dataSource.query(
      `SELECT r.id, r.call_id, r.agent_id, r.status, r.expires_at, a.external_id FROM reservations r JOIN agents a ON a.id = r.agent_id
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
      `SELECT min(p.until) AS next FROM agent_presence p JOIN agents a ON a.id = p.agent_id AND a.active
        WHERE p.state IN ('reserved', 'wrap_up', 'break', 'recovery') AND p.until > ${nowP} ${where ? `AND ${where}` : ''}`,
      p.values,
    );
    if (!row?.next) return 5;
    return Math.min(
      30,
      Math.max(1, Math.ceil((new Date(row.next).getTime() - now.getTime()) / 1000)),
    );
  }

  /** Unknown dialect or skill → 400 UNKNOWN_TAG; the catalog is cached briefly (it rarely changes). */
  private async checkTags(filter: CandidateFilter): Promise<void> {
    const wanted: Array<[string, string]> = [
      ...(filter.dialect ? [['dialect', filter.dialect] as [string, string]] : []),
      ...(filter.skills ?? []).map((s) => ['skill', s] as [string, string]),
    ];
    if (wanted.length === 0) return;
    const nowMs = Date.now();
    if (
      !this.catalog ||
      nowMs - this.catalog.at > CATALOG_TTL_MS ||
      wanted.some(([, t]) => !this.catalog!.tags.has(t))
    ) {
      const tags = await this.routingTags.list();
      this.catalog = { at: nowMs, tags: new Map(tags.map((t) => [t.tag, t.kind])) };
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
  }
}

function toDto(r: any, now: Date): ReservationDto {
  const expired = r.status === 'held' && new Date(r.expires_at).getTime() <= now.getTime();
  return {
    reservationId: r.id,
    callId: r.call_id,
    agentId: r.agent_id,
    externalId: r.external_id,
    expiresAt: new Date(r.expires_at).toISOString(),
    status: expired ? 'lapsed' : r.status,
  };
}
