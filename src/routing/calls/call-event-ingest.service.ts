import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { badRequest } from '../../platform/common/errors/domain-error';
import { validationFailed } from '../../platform/common/errors/validation';
import { GroupCommit } from '../../platform/common/async/group-commit';
import { isDatabaseUnavailable } from '../../platform/common/errors/all-exceptions.filter';
import { PresenceSnapshot, settle } from '../presence/presence-rules';
import type { NewScheduledState, PresenceChange } from '../presence/presence-store';
import { PresenceService } from '../presence/presence.service';
import { ScheduledStates } from '../presence/scheduled-states.service';
import { CallLifecycle } from './call-lifecycle';
import { CallStore, type StoredCall } from './call-store';
import { CallEventDto } from './dto/call-events.dto';
import { maxSeverityInBatch } from './call-event-fields';
import { LoadService } from './load.service';
import { AgentProgress, merge, ProtectedTime, protectedTimeAt, step } from './protected-time';

/** Events may be a little ahead of our clock (router clocks drift), not more. */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/** A request's events: as sent (for its counts) and each eventId's first occurrence. */
interface IngestRequest {
  events: CallEventDto[];
  distinct: CallEventDto[];
}

type IngestResult = { accepted: number; duplicates: number };

/**
 * Batches written at once per process; batches arriving meanwhile go together into the next write.
 * Two keep the database busy while Node prepares the next group.
 */
const CONCURRENT_WRITES = 2;
/** Events in one group write (a request's batch is at most 1,000; a larger one goes alone). */
const GROUP_EVENTS = 1000;

/**
 * Ingests the router's call events: idempotent by eventId (the primary key decides, not a read),
 * all-or-nothing per batch, and a handful of bulk statements per write whatever its size. Under load
 * the batches of several requests share one write (group commit): the router's usual batch is two
 * events, and a transaction's round trips and commit cost more than its rows.
 */
@Injectable()
export class CallEventIngest {
  private readonly writes = new GroupCommit<IngestRequest, IngestResult>(
    (requests) => this.write(requests),
    {
      concurrency: CONCURRENT_WRITES,
      maxSize: GROUP_EVENTS,
      // Down for one is down for all: no request waits through a retry of its own to learn it.
      retryAlone: (e) => !isDatabaseUnavailable(e),
    },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly presence: PresenceService,
    private readonly scheduledStates: ScheduledStates,
    private readonly lifecycle: CallLifecycle,
    private readonly load: LoadService,
    private readonly calls: CallStore,
  ) {}

  async ingest(events: CallEventDto[]): Promise<IngestResult> {
    this.checkBatch(events, this.clock.now());
    // The first occurrence of an eventId in the batch counts; a repeat inside the batch is a duplicate.
    const firsts = new Map<string, CallEventDto>();
    for (const e of events) if (!firsts.has(e.eventId)) firsts.set(e.eventId, e);
    const distinct = [...firsts.values()];
    return this.writes.submit({ events, distinct }, distinct.length);
  }

  /**
   * Writes the requests' batches in one transaction, as one batch. An eventId in two of them belongs to
   * the earlier request (the later one counts it as a duplicate, as if it had come second). Any refusal
   * fails the whole write, and the group commit then writes each request alone.
   */
  private async write(requests: IngestRequest[]): Promise<IngestResult[]> {
    const now = this.clock.now();
    const owner = new Map<string, number>();
    const distinct: CallEventDto[] = [];
    requests.forEach((r, i) => {
      for (const e of r.distinct) {
        if (owner.has(e.eventId)) continue;
        owner.set(e.eventId, i);
        distinct.push(e);
      }
    });

    return this.dataSource.transaction(async (m) => {
      const { fresh, stored, knownAgents } = await this.calls.recordEvents(m, distinct, now);
      // Every request's agents, its duplicates' too: an agent named only in an event another request
      // owns was not looked up, and fails the group write (each request is then written alone).
      const unknown = [
        ...new Set(requests.flatMap((r) => r.distinct.map((e) => e.agentId))),
      ].filter((id) => !knownAgents.has(id));
      // Refused inside the transaction: nothing of the batch stays.
      if (unknown.length)
        throw badRequest('UNKNOWN_AGENT', 'Events name agents that do not exist', {
          agentIds: unknown,
        });
      const newEvents = distinct
        .filter((e) => fresh.has(e.eventId))
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      if (newEvents.length) await this.apply(m, newEvents, now, stored);
      return requests.map((r, i) => {
        const accepted = r.distinct.filter(
          (e) => fresh.has(e.eventId) && owner.get(e.eventId) === i,
        ).length;
        return { accepted, duplicates: r.events.length - accepted };
      });
    });
  }

  /** Every event valid on its own passed the DTO; these checks need the batch and the clock. */
  private checkBatch(events: CallEventDto[], now: Date): void {
    const fields: Array<{ field: string; messages: string[] }> = [];
    const seen = new Map<string, string>();
    events.forEach((e, i) => {
      if (Date.parse(e.at) > now.getTime() + MAX_FUTURE_SKEW_MS)
        fields.push({ field: `events.${i}.at`, messages: ['is in the future'] });
      const fingerprint = JSON.stringify([
        e.type,
        e.callId,
        e.agentId,
        e.at,
        e.durationSeconds,
        e.severity,
        e.source,
      ]);
      const earlier = seen.get(e.eventId);
      if (earlier !== undefined && earlier !== fingerprint) {
        fields.push({
          field: `events.${i}.eventId`,
          messages: ['is repeated in this batch with different content'],
        });
      }
      seen.set(e.eventId, fingerprint);
    });
    if (fields.length) throw validationFailed(fields);
  }

  private async apply(
    m: EntityManager,
    events: CallEventDto[],
    now: Date,
    stored: Map<string, StoredCall>,
  ): Promise<void> {
    // How the batch's calls stood before it (`stored`, read under lock), then the batch written over them.
    const storedEnd = (callId: string) => stored.get(callId)?.endedAt ?? null;
    const previousSeverity = (callId: string) => stored.get(callId)?.severity ?? null;
    const answeredCalls = events.filter((e) => e.type === 'call.answered').map((e) => e.callId);
    await this.calls.upsertCalls(m, events, answeredCalls, now, stored);
    const agentIds = [...new Set(events.map((e) => e.agentId))];
    const rows = await this.presence.lock(m, agentIds, now);
    const scheduled = await this.scheduledStates.scheduledFor(m, agentIds);
    const endedInBatch = new Map(
      events.filter((e) => e.type === 'call.ended').map((e) => [e.callId, new Date(e.at)]),
    );
    const endingAgents = [
      ...new Set(events.filter((e) => e.type === 'call.ended').map((e) => e.agentId)),
    ];

    const progress = new Map<string, AgentProgress>();
    for (const row of rows.values()) {
      progress.set(row.agentId, {
        snapshot: row,
        settlement: {
          steps: [],
          current: row,
          activated: [],
          completed: [],
          reservationLapsed: false,
        },
        scheduled: [...(scheduled.get(row.agentId) ?? [])],
      });
    }
    const settleTo = (p: AgentProgress, at: Date) => {
      const s = settle(p.settlement.current, p.scheduled, at);
      merge(p, s);
    };

    for (const e of events) {
      const p = progress.get(e.agentId)!;
      const row = rows.get(e.agentId)!;
      const at = new Date(e.at);
      p.lastEventAt = at;
      settleTo(p, at);
      const cur = p.settlement.current;
      const since = new Date(Math.max(at.getTime(), cur.since.getTime()));
      if (e.type === 'call.answered') {
        // Out of order: the call already ended in an earlier batch, so it holds the agent no more.
        if (storedEnd(e.callId) !== null) continue;
        const breach = protectedTimeAt(cur, p.scheduled, since);
        // A late call that ended before the protected time began did not interrupt it.
        const endedAt = endedInBatch.get(e.callId);
        if (breach && endedAt && endedAt.getTime() <= cur.since.getTime()) continue;
        p.currentCallId = e.callId;
        if (cur.state !== 'on_call') {
          const next: PresenceSnapshot = {
            ...cur,
            state: 'on_call',
            reason: null,
            since,
            until: null,
            consecutiveLapses: 0,
          };
          if (breach) {
            await this.recordBreach(m, p, breach, since);
            if (cur.state === 'not_ready') {
              // The agent's own not_ready comes back after the call, as a session would.
              next.returnState = 'not_ready';
              next.returnReason = cur.reason;
            }
            await this.lifecycle.protectedTimeBreached({
              agentId: e.agentId,
              teamId: row.teamId,
              callId: e.callId,
              answeredAt: since,
              now,
              manager: m,
            });
          }
          step(p, next);
        }
      } else if (e.type === 'call.ended') {
        const callOfAgent = p.currentCallId !== undefined ? p.currentCallId : row.currentCallId;
        const onThisCall =
          cur.state !== 'on_call' || callOfAgent === null || callOfAgent === e.callId;
        if (['on_call', 'reserved', 'available', 'not_ready'].includes(cur.state) && onThisCall) {
          // A counselling session already due starts when the call ends (issue: "moves in when the
          // call ends"): no wrap-up eats into the booked time.
          // (A session that resumes after a breach has no fixed end: it waits for the wrap-up.)
          const sessionDue = p.scheduled.some(
            (s) =>
              s.status === 'pending' &&
              s.state === 'counseling' &&
              s.endsAt !== null &&
              s.startsAt.getTime() <= since.getTime() &&
              s.endsAt.getTime() > since.getTime(),
          );
          // Every wrap-up includes the team's window to report a hostile call.
          const wrap = sessionDue
            ? 0
            : Math.max(row.wrapUp.seconds, row.wrapUp.hostileReportWindowSeconds);
          step(p, {
            ...cur,
            state: 'wrap_up',
            reason: null,
            since,
            until: new Date(since.getTime() + wrap * 1000),
          });
        }
        const severity =
          Math.max(previousSeverity(e.callId) ?? 0, maxSeverityInBatch(events, e.callId, at)) ||
          null;
        const extra = await this.lifecycle.callEnded({
          agentId: e.agentId,
          teamId: row.teamId,
          callId: e.callId,
          endedAt: at,
          hostileSeverity: severity,
          now,
          manager: m,
          batchAgentIds: endingAgents,
        });
        await this.addScheduled(m, p, extra);
      } else {
        // A flag no later than an end in this same batch is seen by the call-end hook (not a late flag).
        const inBatch = endedInBatch.get(e.callId);
        const ended = inBatch ?? storedEnd(e.callId);
        const endedBefore =
          ended && (inBatch ? ended.getTime() < at.getTime() : ended.getTime() <= at.getTime())
            ? ended
            : null;
        const extra = await this.lifecycle.hostileFlagged({
          agentId: e.agentId,
          teamId: row.teamId,
          callId: e.callId,
          severity: e.severity!,
          source: e.source!,
          callEndedAt: endedBefore,
          previousSeverity: previousSeverity(e.callId),
          now,
          manager: m,
        });
        await this.addScheduled(m, p, extra);
        // A late flag may have lengthened a recovery already running: take its new end from the store.
        await this.reloadActive(m, p, e.agentId);
      }
    }

    const changes: PresenceChange[] = [];
    for (const [agentId, p] of progress) {
      settleTo(p, now);
      changes.push({
        row: rows.get(agentId)!,
        settlement: p.settlement,
        currentCallId: p.currentCallId,
        lastEventAt: p.lastEventAt ?? null,
      });
    }
    await this.presence.persist(m, changes);
    await this.lifecycle.batchApplied({
      answered: answeredCalls,
      ended: [...endedInBatch].map(([callId, endedAt]) => ({ callId, endedAt })),
      now,
      manager: m,
    });
    const loadAgents = [
      ...new Set(events.filter((e) => e.type !== 'call.answered').map((e) => e.agentId)),
    ];
    await this.load.refreshSnapshots(m, loadAgents, now);
    const freed = changes
      .filter((c) => c.settlement.current.state === 'available' && c.row.state !== 'available')
      .map((c) => c.row.agentId);
    if (freed.length) await this.lifecycle.agentsFreed({ agentIds: freed, now, manager: m });
  }

  /**
   * A call answered in an enforced state: the state waits for the call and its wrap-up, then resumes
   * for at least the time it still had left (same source, so cancelling or erasing it still works).
   */
  private async recordBreach(
    m: EntityManager,
    p: AgentProgress,
    breach: ProtectedTime,
    answeredAt: Date,
  ): Promise<void> {
    if (breach.kind !== 'running') return;
    const item = p.scheduled.find((s) => s.status === 'active' && s.state === breach.state);
    const remaining = Math.max(
      0,
      Math.ceil((breach.until.getTime() - answeredAt.getTime()) / 1000),
    );
    if (!item || remaining === 0) return;
    Object.assign(item, {
      status: 'pending',
      startsAt: answeredAt,
      endsAt: null,
      durationSeconds: remaining,
    });
    await this.scheduledStates.resumeAfterCall(m, item.id, answeredAt, remaining);
  }

  /** Schedules what a hook asked for, and lets the agent's settlement see it at once. */
  private async addScheduled(
    m: EntityManager,
    p: AgentProgress,
    states: NewScheduledState[],
  ): Promise<void> {
    if (states.length === 0) return;
    const added = await this.scheduledStates.addScheduled(m, states);
    p.scheduled = [
      ...p.scheduled.filter((s) => !added.some((a) => a.id === s.id)),
      ...added.filter((a) => a.status === 'pending'),
    ];
  }

  /** Re-reads the agent's active scheduled state after a hook, so this batch does not write back a stale end. */
  private async reloadActive(m: EntityManager, p: AgentProgress, agentId: string): Promise<void> {
    const fresh = (await this.scheduledStates.scheduledFor(m, [agentId])).get(agentId) ?? [];
    for (const item of p.scheduled) {
      const stored = fresh.find((f) => f.id === item.id);
      if (!stored || stored.status !== 'active' || !stored.endsAt) continue;
      item.endsAt = stored.endsAt;
      const cur = p.settlement.current;
      if (
        cur.state === stored.state &&
        cur.until &&
        cur.until.getTime() !== stored.endsAt.getTime()
      )
        p.settlement = { ...p.settlement, current: { ...cur, until: stored.endsAt } };
    }
  }
}
