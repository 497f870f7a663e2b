import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Coalesced } from '../../platform/common/async/coalesced';
import { Clock } from '../../platform/common/clock/clock';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { lockInTransaction } from '../../platform/database/advisory-lock';
import { preparedQuery } from '../../platform/database/prepared-query';
import { EventsBus } from '../../platform/events/events-bus';
import { EventsService, publishFromRows } from '../../platform/events/events.service';
import {
  candidateSource,
  candidateWhere,
  Params,
  RANKING,
  tagClauses,
} from '../reservations/candidate-query';
import type { ReservationDto } from '../reservations/dto/routing.dto';
import { RoutingService } from '../reservations/routing.service';
import type { HoldFollower } from '../reservations/routing-statements';
import { CallbackExpiry } from './callbacks/callback-expiry';
import {
  activeCriteria,
  agentsInPreference,
  assign,
  CallbackShare,
  Criteria,
  FreeAgent,
  matches,
  mayTake,
  WaitingCall,
} from './domain/queue-assignment';
import { asFilter, CALL_COLUMNS, toWaitingCall } from './queued-call-row';

/**
 * One pass at a time, whatever the replicas; a new call is offered under it while other calls wait.
 * Offers made outside it (an agent freed by a call's end or a reject, a new call with nobody else
 * waiting) rely on the row locks every offer takes: the call's, then the agent's.
 */
export const QUEUE_LOCK = 'routing-queue';
const CALL_PAGE = 200;
const MAX_PAGES = 10;
const FREE_AGENTS = 200;
/** Free agents a new call chooses among (in routing order): the best few, not the whole floor. */
const NEW_CALL_AGENTS = 40;
/** Offers per pass: the queue lock is let go in between, so new calls are not held up behind a long pass. */
export const OFFERS_PER_PASS = 50;
/** Waiting calls an agent who just freed up looks through (beyond them, the pass decides). */
const FREED_CALL_PAGE = 50;
/** A timer never sleeps longer than this (a safety net if a wake-up was missed). */
export const MAX_SLEEP_MS = 30_000;

/**
 * A call's offer, written by its hold's own statement (the router's hot path: one round trip): the
 * call's row marked offered with the reservation (`ins`), and call.offered published with the
 * reservation as the router reads it. A callback's offer is marked after its hold (markOffered).
 */
const MARK_CALL_OFFERED: HoldFollower = ({ now }) => {
  const published = publishFromRows('queue_offered', {
    type: 'call.offered',
    audience: ['agent', 'router'],
    payload: `jsonb_build_object('callId', call_id, 'reservation',
                jsonb_build_object('reservationId', reservation_id, 'agentId', agent_id, 'externalId', external_id,
                                   'expiresAt', to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                || CASE WHEN contact IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('contact', contact) END)`,
    at: now,
  });
  return {
    ctes: `queue_offered AS (
        UPDATE queued_calls q SET status = 'offered', reservation_id = ins.id, agent_id = ins.agent_id, team_id = a.team_id,
               offer_expires_at = ins.expires_at, offered_at = ${now}, status_at = ${now}
          FROM ins JOIN agents a ON a.id = ins.agent_id
         WHERE q.call_id = ins.call_id
        RETURNING q.call_id, q.team_id, ins.agent_id, ins.id AS reservation_id, ins.expires_at, a.external_id, a.contact),
      ${published.ctes}`,
    read: published.read,
  };
};

const followerFor = (call: WaitingCall): HoldFollower | undefined =>
  call.kind === 'callback' ? undefined : MARK_CALL_OFFERED;

/**
 * Offers waiting calls to free agents. Runs when an agent frees up (the `agent.freed` event, from
 * any replica), when an offer is rejected or lapses, and at the next moment something becomes due
 * (a wrap-up, break or recovery ending, an offer expiring, a fallback starting): one timer per
 * replica set to that moment, never a loop over idle calls. An agent freed by a call's end or a
 * reject is offered the next call in the transaction that freed it, without waiting for a pass.
 * Every offer locks its call's row and its agent's row (SKIP LOCKED, re-checked as still waiting
 * and free), so no call is offered to two agents and no agent holds two offers, however many
 * replicas and paths race.
 */
@Injectable()
export class QueueDispatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueueDispatcher.name);
  private readonly runner = new Coalesced(async () => void (await this.dispatch()), {
    onError: (e) => this.logger.warn(`queue dispatch failed: ${(e as Error).message}`),
  });
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly routing: RoutingService,
    private readonly events: EventsService,
    private readonly bus: EventsBus,
    private readonly callbackExpiry: CallbackExpiry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.queuePassesByCaller) return;
    this.unsubscribe = this.bus.subscribe((e) => {
      if (e.type === 'agent.freed' || e.type === 'call.requeued' || e.type === 'reservation.lapsed')
        this.kick();
      else if (
        e.type === 'call.queued' ||
        e.type === 'call.offered' ||
        e.type === 'presence.changed'
      )
        this.arm();
    });
    this.arm();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.arming);
    this.unsubscribe?.();
    await this.runner.idle();
  }

  /**
   * Asks for a pass soon (coalesced: a burst of agents freeing up costs one or two passes); nothing
   * when passes are the caller's (`queuePassesByCaller`).
   */
  kick(): void {
    if (!this.stopped && !this.config.queuePassesByCaller) this.runner.run();
  }

  /** Waits for passes in progress (tests). */
  idle(): Promise<void> {
    return this.runner.idle();
  }

  /**
   * One pass: lapsed offers go back to their place, then waiting calls are offered. Returns offers
   * made; a pass that made OFFERS_PER_PASS may have left some for the next (a caller running passes
   * itself, `queuePassesByCaller`, runs another).
   */
  async dispatch(): Promise<number> {
    const offers = await this.dataSource.transaction(async (m) => {
      await lockInTransaction(m, QUEUE_LOCK);
      const now = this.clock.now(); // after the wait for the lock: the state read below is of now
      // Most passes (one follows every freed agent) find nothing offered and nothing waiting: one
      // read of the two partial indexes, and the sweeps below are left out. All of them work on
      // offered or waiting calls only. Read under the lock, so an enqueue that held it is seen.
      const live = await this.liveQueue(m, now);
      if (live.offered) await this.requeueLapsed(m, now);
      if (!live.offered && !live.queued) return 0;
      // Callbacks' timing (and a waiting call's rise in priority) only when one is waiting or due:
      // two statements fewer in the passes of a queue of plain calls.
      if (live.timed) {
        await this.sweepCallbacks(m, now);
        await this.callbackExpiry.deferClosed(m, now);
      }
      return this.offerWaiting(m, now);
    });
    this.arm();
    return offers;
  }

  /**
   * Offers one newly queued call to the best of `agents` (read by `freeAgentsFor`; read again here
   * when the call waited for the queue lock), inside the enqueuing transaction. Older calls had
   * their chance when these agents freed up. Returns the reservation, or null (the call waits).
   */
  async offerNew(
    m: EntityManager,
    call: WaitingCall,
    now: Date,
    agents?: FreeAgent[],
  ): Promise<ReservationDto | null> {
    const pool = agents
      ? agents
      : await this.freeAgents(m, now, activeCriteria(call, now), NEW_CALL_AGENTS);
    // The agents in the order the assignment prefers them (ties in routing order), those who match
    // the same criteria as the first; one statement holds the first of them that no concurrent
    // transaction has locked or taken (new calls arriving together all prefer the same agents).
    const criteria = activeCriteria(call, now);
    const ranked = agentsInPreference(call, pool, now).map((a) => ({
      a,
      step: criteria.findIndex((c) => matches(a, c)),
    }));
    if (ranked.length === 0) return null;
    const step = ranked[0].step;
    const reservation = await this.routing.holdFirstOf(
      m,
      ranked.filter((r) => r.step === step).map((r) => r.a.agentId),
      { callId: call.callId, ...asFilter(criteria[step]) },
      now,
      followerFor(call),
    );
    if (reservation) return this.markOffered(m, call, reservation, now);
    // All of them were taken by calls arriving together: the next free agent in routing order (as a
    // reservation would pick it), unless the caller is flagged and the hostile-call rule must choose.
    if (call.flaggedCaller) return null;
    const next = await this.routing.holdBest(
      m,
      { callId: call.callId, ...asFilter(criteria[step]) },
      now,
      followerFor(call),
    );
    return next ? this.markOffered(m, call, next, now) : null;
  }

  /**
   * Offers waiting calls to agents who just freed up, inside the transaction that freed them (a call
   * end, a reject), so such an agent is never seen free while a call it matches waits. Each agent gets
   * the first waiting call in queue order that it may take. No queue lock: the call's row is locked
   * (SKIP LOCKED) before its offer, as in a pass, and the agent's row is already this transaction's.
   * What needs the whole set of free agents is left to the pass that the agent.freed event starts:
   * a callback (its team's share of offers) and a flagged caller for an agent with a hostile call in
   * the last hour (another free agent may be without one).
   */
  async offerToFreed(m: EntityManager, agentIds: string[], now: Date): Promise<number> {
    // The waiting calls first: usually none, and then the freed agents' tags and loads are not read.
    const calls = await this.waiting(m, null, now, FREED_CALL_PAGE);
    if (calls.length === 0) return 0;
    const agents = await this.freeAgents(m, now, null, agentIds.length, agentIds);
    if (agents.length === 0) return 0;
    let offers = 0;
    const taken = new Set<string>();
    for (const agent of agents) {
      for (const call of calls) {
        if (taken.has(call.callId) || !mayTake(call, agent, now)) continue;
        if (call.kind === 'callback' || (call.flaggedCaller && agent.hostileLastHour)) break;
        const outcome = await this.offer(m, call, agent, now);
        if (outcome === 'call-taken') continue; // another replica is offering it: the next one
        taken.add(call.callId);
        if (outcome !== 'agent-taken') offers++;
        break;
      }
    }
    return offers;
  }

  /** The best free agents for a new call now (a read before the enqueuing transaction). */
  async freeAgentsFor(m: EntityManager, call: WaitingCall, now: Date): Promise<FreeAgent[]> {
    const agents = await this.freeAgents(m, now, activeCriteria(call, now), NEW_CALL_AGENTS);
    return agents.filter((a) => !call.excludedAgentIds.includes(a.agentId));
  }

  private async offerWaiting(m: EntityManager, now: Date): Promise<number> {
    let agents: FreeAgent[] | null = null;
    let offers = 0;
    let after: WaitingCall | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const calls = await this.waiting(m, after, now);
      if (calls.length === 0) break;
      let free: FreeAgent[] = agents ?? (await this.freeAgents(m, now, null));
      if (free.length === 0) break;
      if (calls.some((c) => c.kind === 'callback') && free.some((a) => !a.callbackShare))
        free = await this.withCallbackShares(m, now, free);
      const pairs = assign(calls, free, now);
      if (offers + pairs.length > OFFERS_PER_PASS) {
        pairs.splice(OFFERS_PER_PASS - offers);
        this.kick(); // the rest in the next pass, after the lock was let go
      }
      for (const { callId, agentId } of pairs) {
        const agent = free.find((a) => a.agentId === agentId)!;
        const call = calls.find((c) => c.callId === callId)!;
        if (typeof (await this.offer(m, call, agent, now)) !== 'string') offers++;
      }
      agents = free.filter((a) => !pairs.some((pair) => pair.agentId === a.agentId));
      if (calls.length < CALL_PAGE || agents.length === 0 || offers >= OFFERS_PER_PASS) break;
      after = calls[calls.length - 1];
    }
    return offers;
  }

  /**
   * Holds the agent and marks the call offered (its reservation). The call's row is locked first
   * (SKIP LOCKED, still queued), so two offers of one call never race, whichever path makes them:
   * 'call-taken' if another transaction has it or it is no longer waiting, 'agent-taken' if the
   * agent cannot be held.
   */
  private async offer(
    m: EntityManager,
    call: WaitingCall,
    agent: FreeAgent,
    now: Date,
  ): Promise<ReservationDto | 'call-taken' | 'agent-taken'> {
    const [locked] = await preparedQuery(
      m,
      `SELECT 1 FROM queued_calls WHERE call_id = $1 AND status = 'queued' FOR UPDATE SKIP LOCKED`,
      [call.callId],
    );
    if (!locked) return 'call-taken';
    const criteria = activeCriteria(call, now).find((c) => matches(agent, c))!;
    const reservation = await this.routing.holdAgent(
      m,
      agent.agentId,
      { callId: call.callId, ...asFilter(criteria) },
      now,
      followerFor(call),
    );
    return reservation ? this.markOffered(m, call, reservation, now) : 'agent-taken';
  }

  /**
   * The call is offered with this hold. A call's row and its call.offered event were written by
   * the hold's own statement (followerFor); a callback's are written here, with its state.
   */
  private async markOffered(
    m: EntityManager,
    call: WaitingCall,
    reservation: ReservationDto,
    now: Date,
  ): Promise<ReservationDto> {
    if (call.kind !== 'callback') return reservation;
    const [row] = await preparedQuery<{ team_id: string | null }>(
      m,
      `UPDATE queued_calls q SET status = 'offered', reservation_id = $2, agent_id = $3,
              team_id = (SELECT team_id FROM agents WHERE id = $3), offer_expires_at = $4, offered_at = $5, status_at = $5
        WHERE call_id = $1 RETURNING q.team_id`,
      [call.callId, reservation.reservationId, reservation.agentId, reservation.expiresAt, now],
    );
    const { status: _status, callId: _callId, ...offered } = reservation;
    // A callback's offer names it; its dial target is read from GET /v1/routing/callbacks/{id},
    // never written into the event stream (kept 24 h, while the target is erased on close).
    const callback = await this.callbackExpiry.offered(m, call.callId, row?.team_id ?? null);
    await this.events.publish(m, [
      {
        type: 'call.offered',
        agentId: reservation.agentId,
        teamId: row?.team_id ?? null,
        audience: ['agent', 'router'],
        payload: {
          callId: call.callId,
          ...(callback ? { kind: 'callback', callbackId: callback } : {}),
          reservation: { ...offered, ...(callback ? { kind: 'callback' } : {}) },
        },
        at: now,
      },
    ]);
    return reservation;
  }

  /**
   * Whether any call is offered or waiting now, and whether the callbacks' sweeps have work: a
   * callback waiting, or a call whose priority is due to rise.
   */
  private async liveQueue(
    m: EntityManager,
    now: Date,
  ): Promise<{ offered: boolean; queued: boolean; timed: boolean }> {
    const [row] = await preparedQuery<{ offered: boolean; queued: boolean; timed: boolean }>(
      m,
      `SELECT EXISTS (SELECT 1 FROM queued_calls WHERE status = 'offered') AS offered,
              EXISTS (SELECT 1 FROM queued_calls WHERE status = 'queued') AS queued,
              EXISTS (SELECT 1 FROM queued_calls WHERE status = 'queued'
                         AND (kind = 'callback' OR urgent_at <= $1::timestamptz)) AS timed`,
      [now],
    );
    return row;
  }

  /** Offers not accepted in time: back to their place in the queue, never again to that agent. */
  private async requeueLapsed(m: EntityManager, now: Date): Promise<void> {
    const rows: Array<{
      call_id: string;
      reservation_id: string;
      agent_id: string;
      team_id: string | null;
    }> = await m.query(
      `WITH due AS (
           SELECT call_id, reservation_id, agent_id, team_id FROM queued_calls
            WHERE status = 'offered' AND offer_expires_at <= $1 FOR UPDATE
         ), lapse AS (
           UPDATE reservations r SET status = 'lapsed', decided_at = r.expires_at
             FROM due WHERE r.id = due.reservation_id AND r.status = 'held'
         ), back AS (
           UPDATE queued_calls q SET status = 'queued', excluded_agent_ids = array_append(q.excluded_agent_ids, due.agent_id),
                  reservation_id = NULL, agent_id = NULL, team_id = NULL, offer_expires_at = NULL, status_at = $1
             FROM due WHERE q.call_id = due.call_id
         )
         SELECT * FROM due`,
      [now],
    );
    await this.events.publish(
      m,
      rows.map((r) => ({
        type: 'reservation.lapsed',
        agentId: r.agent_id,
        teamId: r.team_id,
        audience: ['agent', 'router'],
        payload: { callId: r.call_id, reservationId: r.reservation_id, agentId: r.agent_id },
        at: now,
      })),
    );
  }

  /**
   * Callbacks' timing, in one statement: waiting callbacks in the last stretch of their window rise one priority
   * level; those past their notAfter are missed (dial target erased, the team alerted).
   */
  private async sweepCallbacks(m: EntityManager, now: Date): Promise<void> {
    const rows: Array<{
      what: 'missed';
      call_id: string | null;
      team_id: string | null;
      callback_id: string | null;
      dialect: string | null;
      attempts: number | null;
      not_after: Date | null;
    }> = await preparedQuery(
      m,
      `WITH raised AS (
           UPDATE queued_calls SET priority = LEAST(9, priority + 1), urgent_at = NULL
            WHERE status = 'queued' AND urgent_at <= $1 AND (give_up_at IS NULL OR give_up_at > $1)
         ), gone AS (
           UPDATE queued_calls SET status = 'abandoned', ended_at = $1, status_at = $1, ready_at = NULL, urgent_at = NULL
            WHERE kind = 'callback' AND status = 'queued' AND give_up_at <= $1 RETURNING call_id
         ), missed AS (
           UPDATE callbacks c SET status = 'missed', dial_target = NULL, closed_at = $1
             FROM gone WHERE c.queue_id = gone.call_id AND c.status = 'open'
           RETURNING c.callback_id, c.queue_id, c.team_id, c.dialect, c.attempts, c.not_after
         )
         SELECT 'missed' AS what, queue_id AS call_id, team_id, callback_id, dialect, attempts, not_after FROM missed`,
      [now],
    );
    const missed = rows;
    await this.callbackExpiry.alertMissed(m, missed, now);
  }

  /** Waiting items ready now (a callback from its notBefore or next retry), in queue order, a page after `after`. */
  private async waiting(
    m: EntityManager,
    after: WaitingCall | null,
    now: Date,
    limit = CALL_PAGE,
  ): Promise<WaitingCall[]> {
    const rows = await preparedQuery(
      m,
      `SELECT ${CALL_COLUMNS} FROM queued_calls q
        WHERE q.status = 'queued' AND (q.ready_at IS NULL OR q.ready_at <= $4) AND (q.give_up_at IS NULL OR q.give_up_at > $4)
          AND ($1::int IS NULL OR q.priority < $1 OR (q.priority = $1 AND (q.enqueued_at, q.call_id) > ($2::timestamptz, $3::text)))
        ORDER BY q.priority DESC, q.enqueued_at, q.call_id LIMIT ${limit}`,
      [after?.priority ?? null, after?.enqueuedAt ?? null, after?.callId ?? null, now],
    );
    return rows.map(toWaitingCall);
  }

  /** Each team's offers in the last hour and how many were callbacks, on its free agents. */
  private async withCallbackShares(
    m: EntityManager,
    now: Date,
    agents: FreeAgent[],
  ): Promise<FreeAgent[]> {
    const rows: Array<{
      team_id: string;
      offers: number;
      callbacks: number;
      max_share: number;
      answer_seconds: number;
    }> = await m.query(
      `SELECT a.team_id, COALESCE(s.callback_max_share, 0.3) AS max_share,
                COALESCE(ps.target_answer_seconds, 20) AS answer_seconds,
                (SELECT count(*) FROM queued_calls f WHERE f.team_id = a.team_id AND f.offered_at > $2::timestamptz - interval '1 hour')::int AS offers,
                (SELECT count(*) FROM queued_calls f WHERE f.team_id = a.team_id AND f.kind = 'callback'
                    AND f.offered_at > $2::timestamptz - interval '1 hour')::int AS callbacks
           FROM (SELECT DISTINCT team_id FROM agents WHERE id = ANY($1::uuid[]) AND team_id IS NOT NULL) a
           LEFT JOIN team_settings s ON s.team_id = a.team_id
           LEFT JOIN team_planning_settings ps ON ps.team_id = a.team_id`,
      [agents.map((a) => a.agentId), now],
    );
    const byTeam = new Map<string, CallbackShare>(
      rows.map((r) => [
        r.team_id,
        {
          teamKey: r.team_id,
          offers: Number(r.offers),
          callbackOffers: Number(r.callbacks),
          maxShare: Number(r.max_share),
          answerSeconds: Number(r.answer_seconds),
        },
      ]),
    );
    return agents.map((a) => {
      const share = a.teamId ? byTeam.get(a.teamId) : undefined;
      return share ? { ...a, callbackShare: share } : a;
    });
  }

  /**
   * Agents free now (as routing defines it), in routing order, with what the assignment weighs:
   * tags, dialect count, a hostile call in the last hour, flagged-caller calls in the last hour.
   */
  private async freeAgents(
    m: EntityManager,
    now: Date,
    anyOf: Criteria[] | null,
    limit = FREE_AGENTS,
    onlyAgentIds?: string[],
  ): Promise<FreeAgent[]> {
    const p = new Params();
    const nowP = `${p.add(now)}::timestamptz`;
    const only = onlyAgentIds ? `AND p.agent_id = ANY(${p.add(onlyAgentIds)}::uuid[])` : '';
    // One criterion (a new call before any fallback counts, the usual case) starts from its dialect's
    // or skill's routing index, as a reservation does, and stops at the limit: from the presence
    // index a Wuhan call walked every agent in ranking order, busy or not speaking Wuhan, to find
    // the free Wuhan speakers (1 ms a read at 200 agents, and growing with the centre). Several
    // criteria (fallbacks, a pass for every waiting call) match any of them from the presence index.
    const single = anyOf?.length === 1 ? asFilter(anyOf[0]) : null;
    const source = candidateSource(single ?? {});
    const match =
      anyOf && !single
        ? `AND (${anyOf
            .map((c) => `(${['TRUE', ...tagClauses(asFilter(c), p.add)].join(' AND ')})`)
            .join(' OR ')})`
        : '';
    // The free agents are picked first (a routing index, in ranking order, stops at the limit);
    // their tags and recent flagged calls are read for those agents only.
    const rows = await preparedQuery(
      m,
      `SELECT p.agent_id, a.team_id, p.rank_penalty, p.load_hostile, COALESCE(s.max_hostile_per_hour, 2) AS max_flagged,
              (SELECT coalesce(json_agg(json_build_array(t.tag, t.proficiency, rt.kind)), '[]')
                 FROM agent_tags t JOIN routing_tags rt ON rt.tag = t.tag WHERE t.agent_id = p.agent_id) AS tags,
              (SELECT count(*) FROM queued_calls f WHERE f.agent_id = p.agent_id AND f.flagged_caller
                  AND f.offered_at > ${nowP} - interval '1 hour' AND f.status IN ('offered', 'connected', 'ended'))::int AS flagged
         FROM (SELECT p.agent_id, p.rank_penalty, p.load_hostile, p.idle_since ${source.from}
                WHERE ${candidateWhere(single ?? {}, p.add, nowP, source.driven)} ${match} ${only}
                ORDER BY ${source.ranking} LIMIT ${limit}) p
         JOIN agents a ON a.id = p.agent_id LEFT JOIN team_settings s ON s.team_id = a.team_id
        ORDER BY ${RANKING}`,
      p.values,
    );
    return rows.map((r: any) => {
      const tags: Array<[string, number, string]> = r.tags;
      return {
        agentId: r.agent_id,
        teamId: r.team_id,
        tags: new Map(tags.map(([tag, proficiency]) => [tag, Number(proficiency)])),
        dialectCount: tags.filter(([, , kind]) => kind === 'dialect').length,
        hostileLastHour: Number(r.load_hostile) > 0,
        flaggedCallsLastHour: Number(r.flagged),
        maxFlaggedPerHour: Number(r.max_flagged),
        overOccupancyCap: Number(r.rank_penalty) >= 10_000,
      };
    });
  }

  /**
   * Sets this replica's one timer to the next moment a pass may offer something: an offer expiring,
   * a fallback starting to count, or (while calls wait) an agent's timed state ending.
   */
  arm(): void {
    if (this.stopped || !this.config.jobsEnabled || this.config.queuePassesByCaller || this.arming)
      return;
    // At most one look-up per 100 ms whatever the event rate (it reads every waiting call's fallbacks).
    this.arming = setTimeout(() => {
      this.arming = undefined;
      this.rearm();
    }, 100);
    this.arming.unref();
  }

  private arming?: NodeJS.Timeout;

  private rearm(): void {
    if (this.stopped) return;
    void this.nextDue()
      .then((due) => {
        if (this.stopped) return;
        clearTimeout(this.timer);
        const wait = due ? Math.max(0, due.getTime() - this.clock.now().getTime()) : MAX_SLEEP_MS;
        this.timer = setTimeout(() => this.kick(), Math.min(wait + 5, MAX_SLEEP_MS));
        this.timer.unref();
      })
      .catch(() => undefined);
  }

  /**
   * The next moment a pass may offer something, or null (what this replica's timer waits for; a
   * caller running passes itself, `queuePassesByCaller`, asks it too).
   */
  async nextDue(): Promise<Date | null> {
    const now = this.clock.now();
    const [row] = await preparedQuery(
      this.dataSource,
      `SELECT LEAST(
         (SELECT min(offer_expires_at) FROM queued_calls WHERE status = 'offered'),
         (SELECT min(ready_at) FROM queued_calls WHERE status = 'queued' AND ready_at > $1),
         (SELECT min(urgent_at) FROM queued_calls WHERE status = 'queued'),
         (SELECT min(give_up_at) FROM queued_calls WHERE status = 'queued'),
         (SELECT min(q.enqueued_at + make_interval(secs => (f->>'afterSeconds')::int))
            FROM queued_calls q CROSS JOIN LATERAL jsonb_array_elements(q.fallback) f
           WHERE q.status = 'queued' AND q.enqueued_at + make_interval(secs => (f->>'afterSeconds')::int) > $1),
         CASE WHEN EXISTS (SELECT 1 FROM queued_calls WHERE status = 'queued') THEN
           (SELECT min(until) FROM agent_presence WHERE until > $1 AND return_state = 'available'
               AND state IN ('wrap_up', 'break', 'recovery', 'counseling', 'reserved')) END) AS due`,
      [now],
    );
    return row?.due ? new Date(row.due) : null;
  }
}
