import { untilStatusChanges } from './long-poll';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { conflict, DomainError, notFound } from '../../platform/common/errors/domain-error';
import { lockWithin } from '../../platform/database/advisory-lock';
import { preparedQuery } from '../../platform/database/prepared-query';
import { EventsBus } from '../../platform/events/events-bus';
import { EventsService, publishFromRows } from '../../platform/events/events.service';
import { Params, tagClauses } from '../reservations/candidate-query';
import { RoutingService } from '../reservations/routing.service';
import type { Criteria, WaitingCall } from './domain/queue-assignment';
import type {
  EnqueueCallDto,
  QueuedCallPageDto,
  QueuedCallStateDto,
  QueueSummaryDto,
} from './dto/queue.dto';
import { CallerRefs } from './caller-refs';
import { QUEUE_LOCK, QueueDispatcher } from './queue-dispatcher';
import { asFilter } from './queued-call-row';

/** A handle time to estimate waits with before any queued call has ended. */
const DEFAULT_HANDLE_SECONDS = 180;
/** How long a new call waits for the queue lock to be offered at once, before it just joins the queue. */
const ENQUEUE_LOCK_WAIT_MS = 500;

/** A new call's row ($1 call id, $2 priority, $3 dialect, ... $9 now); a known call id inserts nothing. */
const INSERT_CALL = `INSERT INTO queued_calls (call_id, kind, status, priority, dialect, min_proficiency, skills, fallback,
                                   caller_hash, flagged_caller, enqueued_at, status_at)
         VALUES ($1, 'call', 'queued', $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (call_id) DO NOTHING`;

/** The new call's place: waiting calls of its dialect ahead of it. */
const POSITION = `(SELECT count(*)::int + 1 FROM queued_calls o
                     WHERE o.status = 'queued' AND o.dialect IS NOT DISTINCT FROM $3::text
                       AND (o.priority > $2 OR (o.priority = $2 AND (o.enqueued_at, o.call_id) < ($9::timestamptz, $1::text)))) AS position`;

const QUEUED_PUBLISHED = publishFromRows('joined', {
  type: 'call.queued',
  audience: ['router'],
  payload: `jsonb_build_object('callId', call_id, 'priority', priority)`,
  at: '$9::timestamptz',
});

/** A call nobody is free for: inserted and `call.queued` published, one statement (no row: known). */
const JOIN_QUEUE_SQL = `WITH joined AS (
         ${INSERT_CALL}
         RETURNING call_id, priority, NULL::uuid AS team_id, NULL::uuid AS agent_id, ${POSITION}),
       ${QUEUED_PUBLISHED.ctes}
       SELECT position, ${QUEUED_PUBLISHED.read} AS published FROM joined`;

/** The router's side of the queue: enqueue, read (and wait on) a call, abandon, list, summarise. */
@Injectable()
export class QueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly routing: RoutingService,
    private readonly dispatcher: QueueDispatcher,
    private readonly callerRefs: CallerRefs,
    private readonly events: EventsService,
    private readonly bus: EventsBus,
  ) {}

  /**
   * 201 offered (an agent matched now), 202 queued, 200 for a callId already known (its state now),
   * 409 NO_QUALIFIED_AGENT when no logged-in agent could ever take it, fallbacks included.
   * Enqueuing holds the queue lock, so the new call and a freeing agent never race past each other.
   */
  async enqueue(
    input: EnqueueCallDto,
  ): Promise<{ httpStatus: 200 | 201 | 202; body: QueuedCallStateDto }> {
    const base: Criteria = {
      dialect: input.dialect ?? null,
      minProficiency: input.minProficiency ?? null,
      skills: input.skills ?? [],
    };
    const fallback = (input.fallback ?? []).map((f) => ({
      afterSeconds: f.afterSeconds,
      dialect: f.dialect ?? null,
      minProficiency: f.minProficiency ?? null,
      skills: f.skills ?? [],
    }));
    for (const c of [base, ...fallback]) await this.routing.assertKnownTags(asFilter(c));
    const callerHash = input.callerRef ? this.callerRefs.hash(input.callerRef) : null;
    const now = this.clock.now();
    const m0 = this.dataSource.manager;
    const call: WaitingCall = {
      callId: input.callId,
      priority: input.priority ?? 0,
      enqueuedAt: now,
      criteria: base,
      fallback,
      excludedAgentIds: [],
      flaggedCaller: callerHash ? await this.callerRefs.isFlagged(m0, callerHash, now) : false,
    };
    // With nobody free for it (the usual case while calls wait), the call just joins the queue. With
    // someone free and no other call waiting, the offer is made at once: there is nobody to
    // overtake, and the agent's SKIP LOCKED hold keeps offers single. With someone free while other
    // calls wait, the offer is made under the queue lock (so an older waiting call is never
    // overtaken); if a pass holds the lock for longer than a moment, the call joins the queue and
    // that pass's successor offers it in queue order. A request never queues up for long behind the
    // lock, and a pass follows a call that joined the queue. A callId already known answers 200
    // with its state (the insert finds it).
    const agents = await this.dispatcher.freeAgentsFor(m0, call, now);
    // A free matching agent is a logged-in one: the count is needed only when nobody is free.
    let qualified: number | undefined;
    if (agents.length === 0) {
      qualified = await this.loggedInMatching(m0, [base, ...fallback]);
      if (qualified === 0) {
        const known = await this.view(input.callId);
        if (known) return { httpStatus: 200, body: known };
        throw new DomainError(
          409,
          'NO_QUALIFIED_AGENT',
          'No logged-in agent could take this call, fallbacks included',
          {
            dialect: input.dialect ?? null,
            skills: input.skills ?? [],
            fallbacks: fallback.length,
          },
        );
      }
    }
    const values = [
      call.callId,
      call.priority,
      base.dialect,
      base.minProficiency,
      base.skills,
      JSON.stringify(fallback),
      callerHash,
      call.flaggedCaller,
      now,
    ];
    if (agents.length === 0) {
      // Nobody free: no offer to make, so the call joins the queue and is published in one
      // statement, without a transaction around it (the usual case while calls wait).
      const [joined] = await preparedQuery<{ position: number }>(m0, JOIN_QUEUE_SQL, values);
      if (!joined) return { httpStatus: 200, body: (await this.view(input.callId))! };
      this.dispatcher.kick();
      return this.queuedAnswer(call.callId, joined.position, qualified);
    }
    const { created, reservation, position } = await this.dataSource.transaction(async (m) => {
      const [inserted] = await preparedQuery<{ others_wait: boolean; position: number }>(
        m,
        `${INSERT_CALL}
         RETURNING EXISTS (SELECT 1 FROM queued_calls o WHERE o.status = 'queued' AND o.call_id <> $1
                              AND (o.ready_at IS NULL OR o.ready_at <= $9) AND (o.give_up_at IS NULL OR o.give_up_at > $9)) AS others_wait,
                   ${POSITION}`,
        values,
      );
      if (!inserted) return { created: false, reservation: null, position: 0 };
      const othersWait = inserted.others_wait;
      const mayOffer = !othersWait || (await lockWithin(m, QUEUE_LOCK, ENQUEUE_LOCK_WAIT_MS));
      // Under the lock the agents are read again: the pass that held it may have taken them.
      const offered = mayOffer
        ? await this.dispatcher.offerNew(m, call, now, othersWait ? undefined : agents)
        : null;
      if (offered) return { created: true, reservation: offered, position: 0 };
      await this.events.publish(m, [
        {
          type: 'call.queued',
          audience: ['router'],
          payload: { callId: call.callId, priority: call.priority },
          at: now,
        },
      ]);
      return { created: true, reservation: null, position: inserted.position };
    });
    if (!created) return { httpStatus: 200, body: (await this.view(input.callId))! };
    if (reservation)
      return {
        httpStatus: 201,
        body: {
          callId: call.callId,
          status: 'offered',
          reservation: {
            reservationId: reservation.reservationId,
            agentId: reservation.agentId,
            externalId: reservation.externalId,
            ...(reservation.contact ? { contact: reservation.contact } : {}),
            expiresAt: reservation.expiresAt,
          },
        },
      };
    // A call that joined the queue is offered by a pass (an agent it saw free may have been taken).
    this.dispatcher.kick();
    return this.queuedAnswer(call.callId, position, qualified);
  }

  /** 202 for a call that joined the queue: its place when it joined (the insert counted the calls ahead). */
  private async queuedAnswer(
    callId: string,
    position: number,
    qualified: number | undefined,
  ): Promise<{ httpStatus: 202; body: QueuedCallStateDto }> {
    return {
      httpStatus: 202,
      body: {
        callId,
        status: 'queued',
        position,
        estimatedWaitSeconds: await this.estimateWait(callId, position, qualified),
      },
    };
  }

  /**
   * The call's state; with `waitSeconds`, answered as soon as its status differs from `knownStatus`
   * (by default the status now), or at the end.
   */
  async get(callId: string, waitSeconds = 0, knownStatus?: string): Promise<QueuedCallStateDto> {
    return untilStatusChanges(this.bus, () => this.require(callId), {
      waitSeconds,
      knownStatus,
      concerns: (e) => e.payload.callId === callId,
    });
  }

  /** The caller hung up: the call leaves the queue and a live offer is released. Idempotent. */
  async abandon(callId: string): Promise<QueuedCallStateDto> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT status, reservation_id FROM queued_calls WHERE call_id = $1 FOR UPDATE`,
        [callId],
      );
      if (!row) throw notFound('Queued call');
      if (row.status === 'abandoned') return;
      if (row.status === 'connected' || row.status === 'ended')
        throw conflict(
          'CALL_CONNECTED',
          `The call is already ${row.status}: send call.ended instead`,
          {
            status: row.status,
          },
        );
      await this.close(m, callId, row.reservation_id, now);
    });
    return this.require(callId);
  }

  /** Marks a waiting or offered call abandoned and releases its hold (inside the caller's transaction). */
  async close(
    m: EntityManager,
    callId: string,
    reservationId: string | null,
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE queued_calls SET status = 'abandoned', ended_at = $2, status_at = $2, offer_expires_at = NULL WHERE call_id = $1`,
      [callId, now],
    );
    if (reservationId) await this.routing.release(m, reservationId, now);
    await this.events.publish(m, [
      { type: 'call.abandoned', audience: ['router'], payload: { callId }, at: now },
    ]);
  }

  async list(
    status: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<QueuedCallPageDto> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM queued_calls WHERE ($1::text IS NULL OR status = $1)`,
      [status ?? null],
    );
    const ids: Array<{ call_id: string }> = await this.dataSource.query(
      `SELECT call_id FROM queued_calls WHERE ($1::text IS NULL OR status = $1)
        ORDER BY status_at DESC, call_id LIMIT $2 OFFSET $3`,
      [status ?? null, pageSize, (page - 1) * pageSize],
    );
    const items: QueuedCallStateDto[] = [];
    for (const { call_id } of ids) items.push((await this.view(call_id))!);
    return { items, total, page, pageSize };
  }

  /** Waiting calls per (dialect, skills), with the longest wait (callbacks once due). */
  async summary(): Promise<QueueSummaryDto> {
    const now = this.clock.now();
    const rows: any[] = await this.dataSource.query(
      `SELECT dialect, skills, count(*)::int AS waiting,
              greatest(0, floor(extract(epoch FROM $1::timestamptz - min(enqueued_at))))::int AS longest
         FROM queued_calls WHERE status = 'queued' AND (ready_at IS NULL OR ready_at <= $1)
        GROUP BY dialect, skills ORDER BY longest DESC, dialect NULLS FIRST`,
      [now],
    );
    return {
      asOf: now.toISOString(),
      queues: rows.map((r) => ({
        ...(r.dialect ? { dialect: r.dialect } : {}),
        skills: r.skills,
        waiting: r.waiting,
        longestWaitSeconds: r.longest,
      })),
    };
  }

  private async require(callId: string): Promise<QueuedCallStateDto> {
    const v = await this.view(callId);
    if (!v) throw notFound('Queued call');
    return v;
  }

  /** The call as the router sees it, or null if unknown (`qualified`: matching agents, if known). */
  async view(callId: string, qualified?: number): Promise<QueuedCallStateDto | null> {
    const [r] = await preparedQuery(
      this.dataSource,
      `SELECT q.call_id, q.status, q.reservation_id, q.agent_id, q.offer_expires_at, a.external_id, a.contact, r.expires_at,
              CASE WHEN q.status = 'queued' THEN (
                SELECT count(*)::int + 1 FROM queued_calls o
                 WHERE o.status = 'queued' AND o.dialect IS NOT DISTINCT FROM q.dialect
                   AND (o.priority > q.priority OR (o.priority = q.priority AND (o.enqueued_at, o.call_id) < (q.enqueued_at, q.call_id))))
              END AS position
         FROM queued_calls q LEFT JOIN agents a ON a.id = q.agent_id LEFT JOIN reservations r ON r.id = q.reservation_id
        WHERE q.call_id = $1`,
      [callId],
    );
    if (!r) return null;
    const out: QueuedCallStateDto = { callId: r.call_id, status: r.status };
    if (r.status === 'queued') {
      out.position = r.position;
      out.estimatedWaitSeconds = await this.estimateWait(callId, r.position, qualified);
    }
    if (r.reservation_id && r.status !== 'queued' && r.status !== 'abandoned')
      out.reservation = {
        reservationId: r.reservation_id,
        agentId: r.agent_id,
        externalId: r.external_id,
        ...(r.contact ? { contact: r.contact } : {}),
        expiresAt: new Date(r.expires_at ?? r.offer_expires_at).toISOString(),
      };
    return out;
  }

  private handle?: { at: number; seconds: number };

  /**
   * position × recent handle time ÷ logged-in agents who could take the call. The handle time is
   * the mean over queued calls ended in the last hour, cached for a few seconds (a rough estimate
   * that every poll would otherwise recompute).
   */
  private async estimateWait(callId: string, position: number, agents?: number): Promise<number> {
    if (!this.handle || Date.now() - this.handle.at > 5000) {
      const [row] = await this.dataSource.query(
        `SELECT avg(extract(epoch FROM ended_at - connected_at)) AS handle
           FROM queued_calls WHERE status = 'ended' AND connected_at IS NOT NULL AND ended_at > $1::timestamptz - interval '1 hour'`,
        [this.clock.now()],
      );
      this.handle = {
        at: Date.now(),
        seconds: row?.handle ? Number(row.handle) : DEFAULT_HANDLE_SECONDS,
      };
    }
    if (agents === undefined) {
      const [call] = await this.dataSource.query(
        `SELECT dialect, min_proficiency, skills, fallback FROM queued_calls WHERE call_id = $1`,
        [callId],
      );
      const steps: Criteria[] = [
        { dialect: call.dialect, minProficiency: call.min_proficiency, skills: call.skills },
        ...call.fallback.map((f: any) => ({
          dialect: f.dialect ?? null,
          minProficiency: f.minProficiency ?? null,
          skills: f.skills ?? [],
        })),
      ];
      agents = await this.loggedInMatching(this.dataSource.manager, steps);
    }
    return Math.ceil((position * this.handle.seconds) / Math.max(1, agents));
  }

  /** Active agents logged in (any state but offline) who match any of these criteria. */
  private async loggedInMatching(m: EntityManager, anyOf: Criteria[]): Promise<number> {
    const p = new Params();
    const match = anyOf
      .map((c) => `(${['TRUE', ...tagClauses(asFilter(c), p.add)].join(' AND ')})`)
      .join(' OR ');
    const [{ n }] = await preparedQuery(
      m,
      `SELECT count(*)::int AS n FROM agent_presence p JOIN agents a ON a.id = p.agent_id AND a.active
        WHERE p.state <> 'offline' AND (${match})`,
      p.values,
    );
    return n;
  }
}
