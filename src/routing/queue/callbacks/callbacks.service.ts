import { untilStatusChanges } from '../long-poll';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { firstOpenInWindow } from '../../../people/sites/domain/opening-hours';
import { SitesService } from '../../../people/sites/sites.service';
import { Clock } from '../../../platform/common/clock/clock';
import { decryptNote, encryptNote, notesKey } from '../../../platform/common/crypto/aes-gcm';
import { badRequest, conflict, notFound } from '../../../platform/common/errors/domain-error';
import type { AppConfig } from '../../../platform/config/app-config';
import { APP_CONFIG } from '../../../platform/config/config.module';
import { EventsBus } from '../../../platform/events/events-bus';
import { EventsService } from '../../../platform/events/events.service';
import { Params, tagClauses } from '../../reservations/candidate-query';
import { RoutingService } from '../../reservations/routing.service';
import { CallerRefs } from '../caller-refs';
import { measures, retryAt, urgentAt, windowError } from '../domain/callback-window';
import { QueueDispatcher } from '../queue-dispatcher';
import { CallbackExpiry } from './callback-expiry';
import type {
  CallbackOutcomeDto,
  CallbackPageDto,
  CallbackStateDto,
  CallbackStatsDto,
  ScheduleCallbackDto,
} from './callbacks.dto';

const WINDOW_MESSAGES = {
  CALLBACK_WINDOW_IN_PAST: 'notBefore is in the past',
  CALLBACK_WINDOW_INVERTED: 'notAfter must be after notBefore',
  CALLBACK_WINDOW_TOO_FAR: 'notAfter is more than 7 days ahead',
} as const;

/** The window lies entirely in the closed hours of its team's site. */
export const CALLBACK_WINDOW_CLOSED = 'CALLBACK_WINDOW_CLOSED';

/** The queue item of a callback (its reservations carry this id). */
export const queueIdOf = (callbackId: string) => `callback:${callbackId}`;

/** Who reads: null for every team (router, admin), else one team (a supervisor's). */
export type TeamScope = string | null;

/**
 * Human callbacks: scheduled with a window, queued as items of kind `callback` once notBefore has
 * passed (the queue's dispatcher offers them), closed by the router's outcome or missed at notAfter.
 */
@Injectable()
export class CallbacksService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly routing: RoutingService,
    private readonly dispatcher: QueueDispatcher,
    private readonly expiry: CallbackExpiry,
    private readonly callerRefs: CallerRefs,
    private readonly events: EventsService,
    private readonly bus: EventsBus,
    private readonly sites: SitesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = notesKey(config.callbackEncryptionKey);
  }

  /** 201 scheduled; 200 with the current state for a callbackId already known. */
  async schedule(
    input: ScheduleCallbackDto,
  ): Promise<{ httpStatus: 200 | 201; body: CallbackStateDto }> {
    const known = await this.view(input.callbackId, null);
    if (known) return { httpStatus: 200, body: known };
    const now = this.clock.now();
    const notBefore = new Date(input.notBefore);
    const notAfter = new Date(input.notAfter);
    const invalid = windowError(notBefore, notAfter, now);
    if (invalid)
      throw badRequest(invalid, WINDOW_MESSAGES[invalid], {
        notBefore: input.notBefore,
        notAfter: input.notAfter,
      });
    const criteria = {
      dialect: input.dialect,
      minProficiency: input.minProficiency,
      skills: input.skills ?? [],
    };
    await this.routing.assertKnownTags(criteria);
    const callerHash = this.callerRefs.hash(input.callerRef);
    const m0 = this.dataSource.manager;
    const flagged = await this.callerRefs.isFlagged(m0, callerHash, now);
    const teamId = await this.likelyTeam(m0, criteria);
    const readyAt = await this.firstOpenMoment(teamId, notBefore, notAfter, input);
    const queueId = queueIdOf(input.callbackId);
    const created = await this.dataSource.transaction(async (m) => {
      const [inserted] = await m.query(
        `INSERT INTO callbacks (callback_id, queue_id, status, dialect, team_id, dial_target, not_before, not_after, created_at)
         VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8) ON CONFLICT (callback_id) DO NOTHING RETURNING callback_id`,
        [
          input.callbackId,
          queueId,
          input.dialect ?? null,
          teamId,
          encryptNote(input.dialTarget, this.key, input.callbackId),
          notBefore,
          notAfter,
          now,
        ],
      );
      if (!inserted) return false;
      // It ages from notBefore (its place in the queue) and is not offered before it.
      await m.query(
        `INSERT INTO queued_calls (call_id, kind, status, priority, dialect, min_proficiency, skills, caller_hash,
                                   flagged_caller, enqueued_at, ready_at, urgent_at, give_up_at, status_at)
         VALUES ($1, 'callback', 'queued', 0, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          queueId,
          input.dialect ?? null,
          input.minProficiency ?? null,
          input.skills ?? [],
          callerHash,
          flagged,
          notBefore,
          readyAt,
          urgentAt(notBefore, notAfter),
          notAfter,
          now,
        ],
      );
      await this.events.publish(m, [
        {
          type: 'callback.scheduled',
          teamId,
          audience: ['router', 'team'],
          payload: {
            callbackId: input.callbackId,
            callId: queueId,
            notBefore: notBefore.toISOString(),
            notAfter: notAfter.toISOString(),
          },
          at: now,
        },
      ]);
      return true;
    });
    if (created) {
      if (readyAt.getTime() <= now.getTime()) this.dispatcher.kick();
      else this.dispatcher.arm();
    }
    const body = (await this.view(input.callbackId, null))!;
    return { httpStatus: created ? 201 : 200, body };
  }

  /**
   * The router's outcome of an attempt: reached and wrong_number close the callback (its dial
   * target erased); no_answer and busy put it back after the team's retry delay, or make it missed
   * when the window ends first. 409 CALLBACK_CLOSED / CALLBACK_NOT_OFFERED otherwise.
   */
  async outcome(callbackId: string, input: CallbackOutcomeDto): Promise<CallbackStateDto> {
    const now = this.clock.now();
    let kick = false;
    await this.dataSource.transaction(async (m) => {
      const [cb] = await m.query(
        `SELECT c.callback_id, c.queue_id, c.status, c.last_result, c.last_attempt_at, c.not_after, COALESCE(s.callback_retry_minutes, 15) AS retry
           FROM callbacks c LEFT JOIN team_settings s ON s.team_id = c.team_id WHERE c.callback_id = $1 FOR UPDATE OF c`,
        [callbackId],
      );
      if (!cb) throw notFound('Callback');
      if (cb.status !== 'open') {
        if (cb.last_result === input.result) return; // a repeated outcome: answered with the state
        throw conflict('CALLBACK_CLOSED', `The callback is already ${cb.status}`, {
          status: cb.status,
        });
      }
      const [q] = await m.query(
        `SELECT status, reservation_id, offered_at FROM queued_calls WHERE call_id = $1 FOR UPDATE`,
        [cb.queue_id],
      );
      // The router repeating the outcome of the last attempt (its answer was lost): the callback is
      // back in the queue and not offered since that attempt. Answered with the state, changing nothing.
      const repeated =
        q?.status === 'queued' &&
        cb.last_result === input.result &&
        cb.last_attempt_at !== null &&
        (q.offered_at === null || new Date(q.offered_at) <= new Date(cb.last_attempt_at));
      if (repeated) return;
      if (!q || !['offered', 'connected', 'ended'].includes(q.status))
        throw conflict('CALLBACK_NOT_OFFERED', 'No agent has been offered this callback yet', {
          status: q?.status ?? null,
        });
      if (q.status === 'offered' && q.reservation_id)
        await this.routing.release(m, q.reservation_id, now);
      await m.query(
        `UPDATE callbacks SET attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, $2),
                last_attempt_at = $2, last_result = $3 WHERE callback_id = $1`,
        [callbackId, now, input.result],
      );
      if (input.result === 'reached' || input.result === 'wrong_number') {
        await m.query(
          `UPDATE callbacks SET status = $2, dial_target = NULL, closed_at = $3,
                  reached_at = CASE WHEN $2 = 'reached' THEN $3::timestamptz END WHERE callback_id = $1`,
          [callbackId, input.result, now],
        );
        await m.query(
          `UPDATE queued_calls SET status = 'ended', ended_at = COALESCE(ended_at, $2), status_at = $2,
                  offer_expires_at = NULL WHERE call_id = $1`,
          [cb.queue_id, now],
        );
        await this.publish(m, 'callback.closed', callbackId, cb.queue_id, now, {
          status: input.result,
        });
        return;
      }
      const next = retryAt(now, Number(cb.retry), new Date(cb.not_after));
      if (!next) {
        await m.query(
          `UPDATE queued_calls SET status = 'abandoned', ended_at = COALESCE(ended_at, $2), status_at = $2,
                  offer_expires_at = NULL WHERE call_id = $1`,
          [cb.queue_id, now],
        );
        await this.expiry.miss(m, [cb.queue_id], now);
        return;
      }
      // Back in the queue at its old place (it still ages from notBefore), offered again from `next`.
      const flagged = await m.query(
        `SELECT 1 FROM queued_calls q JOIN hostile_callers h ON h.caller_hash = q.caller_hash
          WHERE q.call_id = $1 AND h.last_hostile_at > $2::timestamptz - interval '30 days'`,
        [cb.queue_id, now],
      );
      await m.query(
        `UPDATE queued_calls SET status = 'queued', ready_at = $2, reservation_id = NULL, agent_id = NULL, team_id = NULL,
                offer_expires_at = NULL, connected_at = NULL, ended_at = NULL, status_at = $3, flagged_caller = $4
          WHERE call_id = $1`,
        [cb.queue_id, next, now, flagged.length > 0],
      );
      await this.publish(m, 'callback.retry', callbackId, cb.queue_id, now, {
        result: input.result,
        nextAttemptAt: next.toISOString(),
      });
      kick = true;
    });
    if (kick) this.dispatcher.arm();
    return (await this.view(callbackId, null))!;
  }

  /**
   * The callback's state; with `waitSeconds`, answered as soon as its status differs from `knownStatus`
   * (by default the status now), or at the end.
   */
  async get(
    callbackId: string,
    scope: TeamScope,
    waitSeconds = 0,
    knownStatus?: string,
  ): Promise<CallbackStateDto> {
    const queueId = queueIdOf(callbackId);
    return untilStatusChanges(this.bus, () => this.require(callbackId, scope), {
      waitSeconds,
      knownStatus,
      concerns: (e) => e.payload.callbackId === callbackId || e.payload.callId === queueId,
    });
  }

  async list(
    q: { status?: string; from?: string; to?: string; page: number; pageSize: number },
    scope: TeamScope,
  ): Promise<CallbackPageDto> {
    const now = this.clock.now();
    const where = `($1::uuid IS NULL OR c.team_id = $1)
        AND ($2::timestamptz IS NULL OR c.not_after >= $2) AND ($3::timestamptz IS NULL OR c.not_before <= $3)
        AND ($4::text IS NULL OR ${statusSql('$5')} = $4)`;
    const args = [scope, q.from ?? null, q.to ?? null, q.status ?? null, now];
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM callbacks c JOIN queued_calls qc ON qc.call_id = c.queue_id WHERE ${where}`,
      args,
    );
    const rows: any[] = await this.dataSource.query(
      `SELECT ${viewColumns('$5')} FROM callbacks c JOIN queued_calls qc ON qc.call_id = c.queue_id ${VIEW_JOINS}
        WHERE ${where} ORDER BY c.not_before, c.callback_id LIMIT $6 OFFSET $7`,
      [...args, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: rows.map((r) => this.toState(r)), total, page: q.page, pageSize: q.pageSize };
  }

  /** Promises kept, per dialect, for callbacks whose window starts in [from, to). */
  async stats(
    from: string | undefined,
    to: string | undefined,
    scope: TeamScope,
  ): Promise<CallbackStatsDto> {
    const now = this.clock.now();
    const rows: any[] = await this.dataSource.query(
      `SELECT dialect, status, not_before, not_after, attempts, first_attempt_at, reached_at FROM callbacks
        WHERE ($1::uuid IS NULL OR team_id = $1) AND ($2::timestamptz IS NULL OR not_before >= $2)
          AND ($3::timestamptz IS NULL OR not_before < $3)`,
      [scope, from ?? null, to ?? null],
    );
    const records = rows.map((r) => ({
      dialect: r.dialect,
      status: r.status,
      notBefore: new Date(r.not_before),
      notAfter: new Date(r.not_after),
      attempts: Number(r.attempts),
      firstAttemptAt: r.first_attempt_at ? new Date(r.first_attempt_at) : null,
      reachedAt: r.reached_at ? new Date(r.reached_at) : null,
    }));
    return { asOf: now.toISOString(), dialects: measures(records, now) };
  }

  private async require(callbackId: string, scope: TeamScope): Promise<CallbackStateDto> {
    const v = await this.view(callbackId, scope);
    if (!v) throw notFound('Callback');
    return v;
  }

  /** The callback as the router sees it, or null if unknown (or outside the reader's team). */
  async view(callbackId: string, scope: TeamScope): Promise<CallbackStateDto | null> {
    const [r] = await this.dataSource.query(
      `SELECT ${viewColumns('$3')} FROM callbacks c JOIN queued_calls qc ON qc.call_id = c.queue_id ${VIEW_JOINS}
        WHERE c.callback_id = $1 AND ($2::uuid IS NULL OR c.team_id = $2)`,
      [callbackId, scope, this.clock.now()],
    );
    return r ? this.toState(r) : null;
  }

  private toState(r: any): CallbackStateDto {
    const out: CallbackStateDto = {
      callbackId: r.callback_id,
      status: r.derived_status,
      window: {
        notBefore: new Date(r.not_before).toISOString(),
        notAfter: new Date(r.not_after).toISOString(),
      },
      attempts: Number(r.attempts),
      personHasTried: Number(r.attempts) > 0,
    };
    if (r.dialect) out.dialect = r.dialect;
    if (r.last_result) out.lastResult = r.last_result;
    if (r.derived_status === 'scheduled' && r.ready_at)
      out.nextAttemptAt = new Date(r.ready_at).toISOString();
    if (
      r.reservation_id &&
      r.dial_target &&
      (r.derived_status === 'offered' || r.derived_status === 'connected')
    )
      out.reservation = {
        reservationId: r.reservation_id,
        agentId: r.agent_id,
        externalId: r.external_id,
        ...(r.contact ? { contact: r.contact } : {}),
        expiresAt: new Date(r.expires_at ?? r.offer_expires_at).toISOString(),
        kind: 'callback',
        dialTarget: decryptNote(r.dial_target, this.key, r.callback_id),
      };
    return out;
  }

  /**
   * When the callback may first be offered: notBefore, or the first moment of the window when the
   * site of its team is open. 400 CALLBACK_WINDOW_CLOSED when the site is closed for the whole window.
   * A callback with no team (no team has an agent who matches) follows no site's hours.
   */
  private async firstOpenMoment(
    teamId: string | null,
    notBefore: Date,
    notAfter: Date,
    input: ScheduleCallbackDto,
  ): Promise<Date> {
    const site = teamId ? await this.sites.hoursOfTeam(teamId) : null;
    if (!site) return notBefore;
    const first = firstOpenInWindow(site.openingHours, site.timeZone, notBefore, notAfter);
    if (!first)
      throw badRequest(
        CALLBACK_WINDOW_CLOSED,
        'The window lies entirely in the closed hours of the site of its team',
        { notBefore: input.notBefore, notAfter: input.notAfter, teamId, timeZone: site.timeZone },
      );
    return first;
  }

  /** The team with the most active agents who match (the one whose supervisors answer for it). */
  private async likelyTeam(
    m: EntityManager,
    c: { dialect?: string; minProficiency?: number; skills: string[] },
  ): Promise<string | null> {
    const p = new Params();
    const [row] = await m.query(
      `SELECT a.team_id FROM agent_presence p JOIN agents a ON a.id = p.agent_id AND a.active
        WHERE a.team_id IS NOT NULL AND ${['TRUE', ...tagClauses(c, p.add)].join(' AND ')}
        GROUP BY a.team_id ORDER BY count(*) DESC, a.team_id LIMIT 1`,
      p.values,
    );
    return row?.team_id ?? null;
  }

  private async publish(
    m: EntityManager,
    type: string,
    callbackId: string,
    queueId: string,
    now: Date,
    extra: Record<string, unknown>,
  ): Promise<void> {
    const [{ team_id }] = await m.query(`SELECT team_id FROM callbacks WHERE callback_id = $1`, [
      callbackId,
    ]);
    await this.events.publish(m, [
      {
        type,
        teamId: team_id,
        audience: ['router', 'team'],
        payload: { callbackId, callId: queueId, ...extra },
        at: now,
      },
    ]);
  }
}

/** The status the router sees, from the callback and its queue item (`now`: the parameter holding now). */
const statusSql = (now: string) => `(CASE WHEN c.status <> 'open' THEN c.status
   WHEN qc.status = 'queued' AND (qc.ready_at IS NOT NULL AND qc.ready_at > ${now}::timestamptz) THEN 'scheduled'
   WHEN qc.status = 'queued' THEN 'queued'
   WHEN qc.status = 'offered' THEN 'offered'
   ELSE 'connected' END)`;

const viewColumns = (
  now: string,
) => `c.callback_id, c.status, c.dialect, c.dial_target, c.not_before, c.not_after, c.attempts, c.last_result,
  qc.ready_at, qc.reservation_id, qc.agent_id, qc.offer_expires_at, a.external_id, a.contact, r.expires_at,
  ${statusSql(now)} AS derived_status`;

const VIEW_JOINS = `LEFT JOIN agents a ON a.id = qc.agent_id LEFT JOIN reservations r ON r.id = qc.reservation_id`;
