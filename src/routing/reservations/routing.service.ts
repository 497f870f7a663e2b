import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { preparedQuery } from '../../platform/database/prepared-query';
import type { StatementPart } from '../../platform/database/statement-part';
import { conflict, DomainError, notFound } from '../../platform/common/errors/domain-error';
import { PresenceService } from '../presence/presence.service';
import { RoutingTagsService } from '../../people/routing-tags/routing-tags.service';
import { AvailabilityPool } from './availability-pool';
import { CandidateFilter, Params, tagClauses } from './candidate-query';
import {
  availabilityStatement,
  callLockWaitStatement,
  DECIDE_SQL,
  decideAcceptedSql,
  decideAloneSql,
  HoldFollower,
  holdStatement,
} from './routing-statements';
import type { ReservationDto } from './dto/routing.dto';

const CATALOG_TTL_MS = 30_000;

export type RejectReason = 'no_answer' | 'busy' | 'declined';

/** A rejection, as its listeners hear it (acceptances are followed in SQL). */
export interface ReservationDecision {
  reservation: ReservationDto;
  outcome: 'rejected';
  /** Why it was rejected; `abandoned` when the caller hung up while it was held. */
  reason: RejectReason | 'abandoned' | null;
  now: Date;
}

/** Hears a rejection inside its transaction (an acceptance is followed in SQL: `onDecided`). */
type DecisionListener = (manager: EntityManager, decision: ReservationDecision) => Promise<void>;

@Injectable()
export class RoutingService {
  private readonly decisionListeners: DecisionListener[] = [];
  /** The listeners' `concerns`: a decision none of them holds for runs alone, without a transaction. */
  private readonly decisionConcerns: string[] = [];
  private decideAlone = decideAloneSql([]);
  private decideAccepted = decideAcceptedSql([]);
  private readonly acceptReactions: StatementPart[] = [];
  private catalog?: { at: number; version: number; tags: Map<string, string> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly presence: PresenceService,
    private readonly routingTags: RoutingTagsService,
    private readonly availabilityPool: AvailabilityPool,
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
    const { text, values } = availabilityStatement(filter, limit, this.clock.now(), catalog);
    const [row] = await preparedQuery<{ body: string }>(this.availabilityPool.get(), text, values);
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
    for (let attempt = 0; ; attempt++) {
      const [row] = await this.insertHold(
        this.dataSource.manager,
        { ...input, reportSkipped: true },
        now,
      );
      if (row.id) return { created: true, reservation: toDto({ ...row, status: 'held' }, now) };
      const live = await this.findLiveForCall(input.callId, now);
      if (live) return { created: false, reservation: live };
      // A sibling retry of this call was holding it: wait for it to finish, look again, try once more.
      if (!row.call_free && attempt === 0) {
        const wait = callLockWaitStatement(input.callId);
        await preparedQuery(this.dataSource, wait.text, wait.values);
        continue;
      }
      // A free match was locked by another transaction (a background load refresh, a sweep, a rival
      // hold): look once more, waiting for those rows, so a free agent is never answered as none.
      if (row.call_free && row.skipped) {
        const [waited] = await this.holdWaitingForLocked(input, now);
        if (waited?.id)
          return { created: true, reservation: toDto({ ...waited, status: 'held' }, now) };
      }
      throw new DomainError(409, 'NO_AGENT_AVAILABLE', 'No matching agent is available now', {
        retryAfterSeconds: await this.retryAfter(input, now),
      });
    }
  }

  /**
   * The hold again, waiting (at most a second) for matching rows other transactions have locked; the
   * rows they took are re-checked when their locks go, so only an agent still free is held.
   */
  private async holdWaitingForLocked(
    input: CandidateFilter & { callId: string; ttlSeconds?: number },
    now: Date,
  ): Promise<any[]> {
    try {
      return await this.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('lock_timeout', '1000ms', true)`);
        return this.insertHold(m, { ...input, waitForLocked: true }, now);
      });
    } catch (e) {
      // A lock held past the bound, or a deadlock with a sweep: nobody could be held now.
      const code = e instanceof QueryFailedError ? (e as any).driverError?.code : undefined;
      if (code === '55P03' || code === '40P01') return [];
      throw e;
    }
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
    then?: HoldFollower,
  ): Promise<ReservationDto | null> {
    const [row] = await this.insertHold(manager, { ...input, agentId }, now, then);
    return row.id ? toDto({ ...row, status: 'held' }, now) : null;
  }

  /** Holds the best free match in routing order (SKIP LOCKED), inside the caller's transaction. */
  async holdBest(
    manager: EntityManager,
    input: CandidateFilter & { callId: string },
    now: Date,
    then?: HoldFollower,
  ): Promise<ReservationDto | null> {
    const [row] = await this.insertHold(manager, input, now, then);
    return row.id ? toDto({ ...row, status: 'held' }, now) : null;
  }

  /**
   * Holds the first of `agentIds` (in that order) who is free and not locked by another transaction,
   * in one statement: concurrent callers preferring the same agents skip each other's rows.
   */
  async holdFirstOf(
    manager: EntityManager,
    agentIds: string[],
    input: CandidateFilter & { callId: string },
    now: Date,
    then?: HoldFollower,
  ): Promise<ReservationDto | null> {
    const [row] = await this.insertHold(manager, { ...input, agentIds }, now, then);
    return row.id ? toDto({ ...row, status: 'held' }, now) : null;
  }

  /**
   * The one statement that holds an agent: the best free match (or the given agent) is locked with
   * FOR UPDATE SKIP LOCKED, the reservation inserted, presence and its history written. An agent
   * who rejected this call or let it lapse is not picked again for it (a hold released because the
   * call went away, e.g. a callback's busy line, is no refusal by the agent).
   */
  private async insertHold(
    manager: EntityManager,
    input: CandidateFilter & {
      callId: string;
      ttlSeconds?: number;
      agentId?: string;
      agentIds?: string[];
      waitForLocked?: boolean;
      reportSkipped?: boolean;
    },
    now: Date,
    then?: HoldFollower,
  ): Promise<any[]> {
    const { text, values } = holdStatement(input, now, randomUUID(), then);
    return preparedQuery(manager, text, values);
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

  /**
   * Features that follow reservations (the queue) hear each rejection inside its transaction.
   * `concerns` is an SQL condition over the reservation row (`reservations`) true when the listener
   * has work for it; other rejections (the router's own holds) skip the transaction. An acceptance
   * runs `onAccept` (SQL over the decided reservation, see decideAcceptedSql) in its own statement:
   * the router's hot path, one round trip whoever follows it.
   */
  onDecided(listener: DecisionListener, concerns: string, onAccept: StatementPart): void {
    this.decisionListeners.push(listener);
    this.decisionConcerns.push(concerns);
    this.decideAlone = decideAloneSql(this.decisionConcerns);
    this.acceptReactions.push(onAccept);
    this.decideAccepted = decideAcceptedSql(this.acceptReactions);
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
    const values = [
      reservationId,
      outcome,
      now,
      outcome === 'rejected' && reason === 'no_answer',
      reason,
    ];
    // An acceptance, with what follows from it, is one statement. A rejection is one statement when
    // no listener has work for it; else (or when it was not held) the transactional path.
    const [alone] = await preparedQuery(
      this.dataSource,
      outcome === 'accepted' ? this.decideAccepted : this.decideAlone,
      values,
    );
    if (alone) return toDto(alone, now);
    const decided =
      outcome === 'rejected'
        ? await this.dataSource.transaction((m) =>
            this.decideIn(m, reservationId, outcome, reason, now),
          )
        : null;
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
   * Reject in one statement: the held, unexpired reservation is decided and its agent moves back to
   * available, or not_ready/missed_calls (a third missed offer in a row), with history; then the
   * listeners run in the same transaction. Returns null when the reservation was not held and live.
   */
  private async decideIn(
    m: EntityManager,
    reservationId: string,
    outcome: 'rejected',
    reason: RejectReason | 'abandoned' | null,
    now: Date,
  ): Promise<ReservationDto | null> {
    const missed = outcome === 'rejected' && reason === 'no_answer';
    const rows: any[] = await preparedQuery(m, DECIDE_SQL, [
      reservationId,
      outcome,
      now,
      missed,
      reason,
    ]);
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
