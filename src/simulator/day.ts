import type { INestApplication } from '@nestjs/common';
import { LoadService } from '../routing/calls/load.service';
import type { ManualClock } from '../platform/common/clock/clock';
import { PresenceService } from '../routing/presence/presence.service';
import { MAX_SLEEP_MS, OFFERS_PER_PASS, QueueDispatcher } from '../routing/queue/queue-dispatcher';
import { OccupancyCheckService } from '../wellbeing/occupancy-check.service';
import type { PlannedCall } from './arrivals';
import { EventHeap } from './event-heap';
import { HostileMix, HostileProfile, hostileAfterWait } from './hostile';
import { apiKey, bearer, HttpClient, HttpError, mapLimit } from './http-client';
import { CallbackModel, CallbackPlan, chooseCallback } from './callbacks';
import type { CallbackOutcome, CallOutcome } from './metrics';
import { Prng } from './prng';
import { chooseRedial, redialId, RedialModel } from './redial';
import { drawTouches, RecoveryTouchModel } from './recovery-touches';
import type { Centre, CentreAgent } from './setup';
import { presenceSteps, RosterShift } from './roster';
import { DEFAULT_TEAM_SETTINGS } from '../people/teams/team-settings.entity';

/** One simulated day's plan: the same for every policy compared. */
export interface PlannedDay {
  startMs: number;
  endMs: number;
  calls: PlannedCall[];
  /** The day's demand over the forecast (1: as forecast; `--forecast-error`). */
  demandFactor?: number;
  /** Agents (by index) absent that day: they never log in (`--absence`). */
  absentAgents?: number[];
  /**
   * The day's published shifts (`--schedule`): agents log on at their start, take their breaks and
   * lunch, and log off at their end. Absent: everyone present works the whole day.
   */
  roster?: RosterShift[];
}

export interface BehaviourModel {
  /** Share of agents who book a rest break themselves each day. */
  breakShare: number;
  breakMinutes: number;
  /** Share of counselling offers an agent takes up by booking a session. */
  counsellingUptake: number;
}

export const DEFAULT_BEHAVIOUR: BehaviourModel = {
  breakShare: 0.25,
  breakMinutes: 15,
  counsellingUptake: 0.5,
};

export interface DriverOptions {
  /** Virtual seconds grouped into one step of concurrent requests. */
  tickSeconds: number;
  behaviour: BehaviourModel;
  /** The hostility model (its rate and how waiting raises it). */
  hostile: HostileMix;
  seed: string;
  /** Abandoned callers who ask for a callback; absent or share 0: none (today's day exactly). */
  callbacks?: CallbackModel;
  /** Agents extending and supervisors shortening recoveries; absent: nobody does. */
  touches?: RecoveryTouchModel;
  /** The policy's recovery floor, what a supervisor shortens to (minutes). */
  recoveryFloorMinutes?: number;
  /** Callers who hang up and call again as a new call; absent or share 0: none. */
  redial?: RedialModel;
  /** Mean patience of a caller calling again (the day's). */
  redialPatienceSeconds?: number;
  onProgress?: (fraction: number) => void;
}

/** What the simulator saw while playing the router and the agents. */
export interface RunLog {
  calls: Array<CallOutcome & { id: string; day: number }>;
  /** Callbacks chosen by callers who hung up (their attempts are not in `calls`). */
  callbacks: Array<CallbackOutcome & { day: number }>;
  counsellingOffers: number;
  counsellingBookings: number;
  counsellingRefused: number;
  breaksBooked: number;
  breaksRefused: number;
  hostileReports: number;
  /** Recoveries the agent extended / a supervisor shortened; attempts the service refused (not in recovery then, floor, maximum). */
  recoveriesExtended: number;
  recoveriesShortened: number;
  recoveryChangesRefused: number;
  /** Calls handed to the service's queue: offered at once (201), queued (202), refused (409 NO_QUALIFIED_AGENT). */
  callsOfferedAtOnce: number;
  callsQueued: number;
  callsNotQualified: number;
  /** Queued calls whose caller hung up (`POST …/abandon`). */
  callsAbandonedInQueue: number;
  /** The queue's passes the simulator ran (the service's timer and events would in production). */
  queuePasses: number;
  /** Presence changes the roster asked for that the service made; asked again after a refusal; given up. */
  rosterChanges: number;
  rosterRetries: number;
  rosterMissed: number;
  requests: number;
  /** Wall milliseconds per phase of the loop (where a run's time goes). */
  phaseMs: { items: number; jobs: number; router: number; passes: number; inFlight: number };
}

type CallEvent = {
  eventId: string;
  type: 'call.answered' | 'call.ended' | 'call.hostile';
  callId: string;
  agentId: string;
  at: string;
  durationSeconds?: number;
  severity?: number;
  source?: 'sentiment';
};

type Item =
  | { kind: 'arrival'; call: LiveCall }
  | { kind: 'event'; event: CallEvent }
  | { kind: 'end'; call: LiveCall }
  | { kind: 'agent'; agent: CentreAgent; act: () => Promise<void> }
  | { kind: 'offers'; agent: CentreAgent }
  /** The caller did not pick up: the agent gives up ringing, the router reports `no_answer`. */
  | { kind: 'unanswered'; call: LiveCall };

interface LiveCall {
  plan: PlannedCall;
  day: number;
  arrivalMs: number;
  /** When the router handed it to the service's queue (the service's enqueuedAt), or null. */
  enqueuedMs: number | null;
  answeredMs: number | null;
  abandonedMs: number | null;
  agent: CentreAgent | null;
  /** Decided when an agent takes it, from its wait (a callback is never hostile). */
  hostile: HostileProfile | null;
  /** Set on a callback's attempt (its plan is the abandoned call's, under the callback's queue id). */
  callback?: LiveCallback;
}

interface LiveCallback {
  /** The call the caller hung up on: the callback's dialect, skills and handle time. */
  source: PlannedCall;
  plan: CallbackPlan;
  outcome: CallbackOutcome;
  /** Its item in the service's queue (`callback:<callbackId>`), the call id its offers carry. */
  queueId: string;
  /** When the service may offer it next (notBefore, then after each unanswered attempt). */
  readyAtMs: number;
}

/** The router's event about a call its agent took; the id is stable, so a replay is a duplicate. */
function callEvent(
  call: LiveCall,
  type: CallEvent['type'],
  atMs: number,
  extra: Pick<CallEvent, 'durationSeconds' | 'severity' | 'source'> = {},
): CallEvent {
  return {
    eventId: `${call.plan.id}:${type.slice('call.'.length)}`,
    type,
    callId: call.plan.id,
    agentId: call.agent!.agentId,
    at: new Date(atMs).toISOString(),
    ...extra,
  };
}

/** Calls ask for their dialect at this proficiency or better (everyone speaks Putonghua at 3). */
const MIN_PROFICIENCY = 3;

/** Time order, then call id: the order the router sends a tick's requests in, whatever finished first. */
const inOrder = <T>(items: T[], key: (item: T) => { atMs: number; id: string }): T[] =>
  items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => a.k.atMs - b.k.atMs || (a.k.id < b.k.id ? -1 : a.k.id > b.k.id ? 1 : 0))
    .map((x) => x.item);

/** The team setting's default wrap-up: when a call flagged during it starts its recovery. */
const WRAP_UP_MS = DEFAULT_TEAM_SETTINGS.wrapUpSeconds * 1000;
const SWEEP_EVERY_MS = 60_000;
const LOAD_REFRESH_EVERY_MS = 60_000;
const OCCUPANCY_CHECK_EVERY_MS = 15 * 60_000;
/** How long after the fact call events are sent at the latest (well inside the 30 s wrap-up). */
const EVENT_DELAY_MS = 20_000;
const EVENTS_PER_BATCH = 100;
/** How soon an agent asks again for a roster step the service refused (a call in progress). */
const ROSTER_RETRY_MS = 5_000;

/**
 * Plays the router and the agents against the running service for the planned days, in virtual
 * time. Within a tick: timed items in time order (call events batched; agent actions one at a
 * time at their exact instant), the sweeps the scheduled jobs would run, the accepts and event
 * batches all at once (their order does not matter), then the router's queue requests one at a
 * time in a fixed order (who gets whom depends on it): hang-ups, the queue's pass, the offers it
 * made, the tick's arrivals. So the same plan always gives the same answers, whichever request
 * finishes first.
 */
export async function runDays(
  app: INestApplication,
  http: HttpClient,
  clock: ManualClock,
  centre: Centre,
  days: PlannedDay[],
  options: DriverOptions,
): Promise<RunLog> {
  const router = apiKey(centre.routerKey);
  const presence = app.get(PresenceService);
  const load = app.get(LoadService);
  const wellbeing = app.get(OccupancyCheckService);
  const dispatcher = app.get(QueueDispatcher);
  const byId = new Map(centre.agents.map((a) => [a.agentId, a]));
  const log: RunLog = {
    calls: [],
    callbacks: [],
    counsellingOffers: 0,
    counsellingBookings: 0,
    counsellingRefused: 0,
    breaksBooked: 0,
    breaksRefused: 0,
    hostileReports: 0,
    recoveriesExtended: 0,
    recoveriesShortened: 0,
    recoveryChangesRefused: 0,
    callsOfferedAtOnce: 0,
    callsQueued: 0,
    callsNotQualified: 0,
    callsAbandonedInQueue: 0,
    queuePasses: 0,
    rosterChanges: 0,
    rosterRetries: 0,
    rosterMissed: 0,
    requests: 0,
    phaseMs: { items: 0, jobs: 0, router: 0, passes: 0, inFlight: 0 },
  };
  let mark = performance.now();
  const phase = (name: keyof RunLog['phaseMs']) => {
    const now = performance.now();
    log.phaseMs[name] += now - mark;
    mark = now;
  };
  const sentBefore = http.sent;
  const seenOffers = new Set<string>();
  const totalMs = days.reduce((s, d) => s + (d.endMs - d.startMs), 0);
  let doneMs = 0;
  const callbackModel = options.callbacks;
  if (callbackModel && callbackModel.share > 0) {
    // A callback's offer is held while the agent dials and lets it ring: the queue's offers last
    // the team's reservation TTL (inbound calls are accepted a tick after their offer anyway).
    const ttl = Math.min(120, Math.ceil(options.tickSeconds + callbackModel.ringSeconds + 30));
    for (const teamId of centre.teamIds)
      await http.call('PUT', `/v1/teams/${teamId}/settings`, bearer(centre.adminToken), {
        reservationTtlSeconds: ttl,
      });
  }

  for (const [dayIndex, day] of days.entries()) {
    const rng = new Prng(options.seed).stream(`behaviour/day-${dayIndex}`);
    const heap = new EventHeap<Item>();
    const calls: LiveCall[] = day.calls.map((plan) => ({
      plan,
      day: dayIndex,
      arrivalMs: day.startMs + plan.arrivalMs,
      enqueuedMs: null,
      answeredMs: null,
      abandonedMs: null,
      agent: null,
      hostile: null,
    }));
    for (const call of calls) heap.push(call.arrivalMs, { kind: 'arrival', call });

    // Callbacks: each caller draws from its own stream, so who else hung up changes nothing.
    const callbackRng = new Prng(options.seed).stream(`callbacks/day-${dayIndex}`);
    const redialRng = new Prng(options.seed).stream(`redials/day-${dayIndex}`);
    const callbacks: LiveCallback[] = [];
    /** A callback's attempt as a call the agent makes: its events carry the callback's queue id. */
    const attemptOf = (callback: LiveCallback, agent: CentreAgent): LiveCall => ({
      plan: { ...callback.source, id: callback.queueId },
      day: dayIndex,
      arrivalMs: callback.outcome.notBeforeMs,
      enqueuedMs: callback.outcome.notBeforeMs,
      answeredMs: null,
      abandonedMs: null,
      agent,
      hostile: null,
      callback,
    });

    /**
     * Agents follow their shifts as an agent does through the API: available at the start, not
     * ready for a rest break, logged off for lunch and at the end. A request the service refuses
     * (on a call, in an enforced recovery) is made again once that is over, unless the roster has
     * moved on to the agent's next step by then.
     */
    const followRoster = (shifts: RosterShift[], away: Set<number>) => {
      const byIndex = new Map(centre.agents.map((a) => [a.index, a]));
      shifts.forEach((shift) => {
        const agent = byIndex.get(shift.agentIndex);
        if (!agent || away.has(shift.agentIndex)) return;
        // Agents starting together log on at distinct instants within the minute before (no ties).
        const together = shifts.filter((s) => s.startMs === shift.startMs);
        const logOnMs =
          shift.startMs - 60_000 + together.indexOf(shift) * Math.floor(60_000 / together.length);
        const steps = presenceSteps(shift, logOnMs);
        const attempt = (step: number, at: number) =>
          heap.push(at, {
            kind: 'agent',
            agent,
            act: async () => {
              const { state, reason } = steps[step];
              const path = `/v1/agents/${agent.agentId}/presence`;
              const res = await http.send('PUT', path, bearer(agent.token), {
                state,
                ...(reason ? { reason } : {}),
              });
              if (res.status === 200) {
                log.rosterChanges++;
                return;
              }
              if (res.status !== 409) throw new HttpError('PUT', path, res.status, res.body);
              const until = res.body?.details?.until;
              const retry = Math.max(at + 1000, until ? Date.parse(until) : at + ROSTER_RETRY_MS);
              const next = steps[step + 1]?.atMs ?? Infinity;
              if (retry < next) {
                log.rosterRetries++;
                attempt(step, retry);
              } else log.rosterMissed++;
            },
          });
        steps.forEach((step, i) => attempt(i, step.atMs));
      });
    };

    // Agents log in over the five minutes before the day starts (distinct instants: no ties in idle time).
    const loginSpacing = Math.floor(300_000 / Math.max(1, centre.agents.length));
    const absent = new Set(day.absentAgents ?? []);
    const roster = day.roster;
    if (roster) followRoster(roster, absent);
    centre.agents.forEach((agent, i) => {
      if (roster || absent.has(agent.index)) return;
      heap.push(day.startMs - 300_000 + i * loginSpacing, {
        kind: 'agent',
        agent,
        act: async () => {
          await http.call('PUT', `/v1/agents/${agent.agentId}/presence`, bearer(agent.token), {
            state: 'available',
          });
        },
      });
    });
    // Some agents book a rest break ahead for later in the day.
    const dayLength = day.endMs - day.startMs;
    for (const agent of centre.agents) {
      const books = rng.chance(options.behaviour.breakShare);
      const bookAt = day.startMs + Math.floor(rng.uniform(0.1, 0.7) * dayLength);
      const lead = Math.floor(rng.uniform(10, 40) * 60_000);
      if (!books || absent.has(agent.index)) continue;
      // On a rostered day a break is booked inside the agent's shift, or not at all.
      const breakEnd = bookAt + lead + options.behaviour.breakMinutes * 60_000;
      if (
        roster &&
        !roster.some(
          (s) => s.agentIndex === agent.index && s.startMs < bookAt && breakEnd <= s.endMs,
        )
      )
        continue;
      heap.push(bookAt, {
        kind: 'agent',
        agent,
        act: async () => {
          const res = await http.send('POST', '/v1/breaks', bearer(agent.token), {
            startsAt: new Date(bookAt + lead).toISOString(),
            minutes: options.behaviour.breakMinutes,
            kind: 'rest',
          });
          if (res.status === 201) log.breaksBooked++;
          else if (res.status === 409) log.breaksRefused++;
          else throw new HttpError('POST', '/v1/breaks', res.status, res.body);
        },
      });
    }

    /** An agent takes up a confidential counselling offer by booking the first suggested slot. */
    const takeUpOffer = async (agent: CentreAgent) => {
      const { slots } = await http.call(
        'GET',
        '/v1/counseling/suggested-slots?count=1',
        bearer(agent.token),
      );
      if (!slots.length) {
        log.counsellingRefused++;
        return;
      }
      const slot = slots[0];
      const res = await http.send('POST', '/v1/counseling/bookings', bearer(agent.token), {
        counselorId: slot.counselorId,
        startsAt: slot.startsAt,
        minutes: slot.minutes,
      });
      if (res.status === 201) log.counsellingBookings++;
      else if (res.status === 409) log.counsellingRefused++;
      else throw new HttpError('POST', '/v1/counseling/bookings', res.status, res.body);
    };

    /** An agent may extend a hostile call's recovery a minute into it; a supervisor may cut it to the floor at two. */
    const touchRng = new Prng(options.seed).stream(`touches/day-${dayIndex}`);
    const touchRecovery = (call: LiveCall, agent: CentreAgent, startsAt: number) => {
      const touch = drawTouches(touchRng.stream(call.plan.id), options.touches!);
      const outcome = async (path: string, auth: Record<string, string>, body: object) => {
        const res = await http.send('POST', path, auth, body);
        if (res.status === 200) return true;
        if (res.status === 400 || res.status === 409) {
          log.recoveryChangesRefused++;
          return false;
        }
        throw new HttpError('POST', path, res.status, res.body);
      };
      if (touch.extendMinutes !== null) {
        const minutes = touch.extendMinutes;
        heap.push(startsAt + 60_000, {
          kind: 'agent',
          agent,
          act: async () => {
            const path = `/v1/agents/${agent.agentId}/recovery/extend`;
            if (await outcome(path, bearer(agent.token), { minutes })) log.recoveriesExtended++;
          },
        });
      }
      if (touch.shorten) {
        heap.push(startsAt + 120_000, {
          kind: 'agent',
          agent,
          act: async () => {
            const path = `/v1/agents/${agent.agentId}/recovery/shorten`;
            const body = {
              totalMinutes: options.recoveryFloorMinutes ?? 3,
              reason: 'simulated supervisor: needed back on the queue',
            };
            if (await outcome(path, bearer(centre.adminToken), body)) log.recoveriesShortened++;
          },
        });
      }
    };

    /** Arrived since the last tick: handed to the queue at the tick, in time then call-id order. */
    let arriving: LiveCall[] = [];
    /** In the service's queue (202), by call id: not offered yet, their callers still holding on. */
    const waiting = new Map<string, LiveCall>();
    /** Refused by the queue (no logged-in agent could ever take them): they hold on until they give up. */
    let onHold: LiveCall[] = [];
    /** Callbacks in the service's queue, by queue id: scheduled, or waiting for an agent. */
    const waitingCallbacks = new Map<string, LiveCallback>();
    /** An offer may have been made outside a pass and an enqueue (an agent freed by a call event). */
    let mayHaveOffered = false;
    /**
     * When the queue's next pass is due, as the service's own triggers would start it: at once after
     * a request that may free an agent or ready a callback (its events would), else when its timer
     * would fire (`nextDue`: a timed state ending, a callback ready, a window ending), at most 30 s on.
     */
    let passNow = true;
    let passDueMs = -Infinity;
    let lastPassMs = -Infinity;
    const pending: CallEvent[] = [];
    /** Offered in the last tick: the agent's phone rings for one tick, then the router accepts. */
    let ringing: Array<{ call: LiveCall; reservationId: string }> = [];
    /** Agents looking at their offers this tick (after a hostile call). */
    let offerChecks: CentreAgent[] = [];
    /** Requests in flight that must finish before the clock moves on. */
    let inFlight: Array<Promise<unknown>> = [];
    const settle = async () => {
      const all = inFlight;
      inFlight = [];
      await Promise.all(all);
    };
    let lastSweep = -Infinity;
    let lastLoad = -Infinity;
    let lastOccupancy = -Infinity;
    let clockMs = clock.now().getTime();
    const setClock = (ms: number) => {
      if (ms > clockMs) {
        clockMs = ms;
        clock.set(new Date(ms));
      }
    };
    const flush = () => {
      if (pending.length) mayHaveOffered = true;
      pending.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const batches: CallEvent[][] = [];
      while (pending.length) batches.push(pending.splice(0, EVENTS_PER_BATCH));
      // One batch after another: two batches naming one agent would queue on its row lock anyway.
      return batches.reduce<Promise<unknown>>(
        (prev, events) =>
          prev.then(() => http.call('POST', '/v1/calls/events', router, { events })),
        Promise.resolve(),
      );
    };

    const tick = options.tickSeconds * 1000;
    let T = Math.ceil((day.startMs - 300_000) / tick) * tick;
    for (;;) {
      // 1. Timed items up to T, in time order; an agent's action happens at its exact instant,
      //    after the call events before it.
      for (let next = heap.peekTime(); next !== undefined && next <= T; next = heap.peekTime()) {
        const { at, value: item } = heap.pop()!;
        if (item.kind === 'arrival') {
          arriving.push(item.call);
        } else if (item.kind === 'event') {
          pending.push(item.event);
        } else if (item.kind === 'offers') {
          offerChecks.push(item.agent);
        } else if (item.kind === 'unanswered') {
          // The outcome releases the agent (not a missed offer), which changes who the next offer
          // goes to: sent now, in time order. The service puts the callback back after the team's
          // retry delay, or misses it when its window ends first.
          await settle();
          setClock(at);
          passNow = true;
          const callback = item.call.callback!;
          const state = await http.call(
            'POST',
            `/v1/routing/callbacks/${callback.outcome.id}/outcome`,
            router,
            { result: 'no_answer' },
          );
          callback.outcome.attempts++;
          callback.outcome.firstAttemptMs ??= at;
          if (state.status === 'missed') callback.outcome.status = 'missed';
          else {
            callback.readyAtMs = Date.parse(state.nextAttemptAt ?? new Date(at).toISOString());
            waitingCallbacks.set(callback.queueId, callback);
          }
        } else if (item.kind === 'end') {
          const call = item.call;
          const agent = call.agent!;
          pending.push(
            callEvent(call, 'call.ended', at, {
              durationSeconds: Math.round(call.plan.handleMs / 1000),
            }),
          );
          const hostile = call.hostile;
          if (hostile && options.touches) {
            // Its recovery starts after wrap-up (flagged during the call) or at the report.
            const startsAt =
              hostile.detectedBy === 'agent'
                ? at + hostile.reportDelaySeconds * 1000
                : at + WRAP_UP_MS;
            touchRecovery(call, agent, startsAt);
          }
          if (hostile?.detectedBy === 'agent') {
            const reportAt = at + hostile.reportDelaySeconds * 1000;
            heap.push(reportAt, {
              kind: 'agent',
              agent,
              act: async () => {
                await http.call('POST', `/v1/calls/${call.plan.id}/hostile`, bearer(agent.token), {
                  severity: hostile.severity,
                });
                log.hostileReports++;
              },
            });
            heap.push(reportAt + 60_000, { kind: 'offers', agent });
          } else if (hostile) {
            heap.push(at + 60_000, { kind: 'offers', agent });
          }
        } else {
          await settle();
          // The agent's own calls must be on record before it acts (a report names its call).
          if (pending.some((e) => e.agentId === item.agent.agentId)) {
            setClock(Date.parse(pending[pending.length - 1].at));
            await flush();
          }
          setClock(at);
          await item.act();
          mayHaveOffered = true;
          passNow = true;
        }
      }
      setClock(T);

      // Agents glance at their confidential offers: reads, all at once; answers handled in order.
      if (offerChecks.length) {
        const seen = await Promise.all(
          offerChecks.map((agent) => http.call('GET', '/v1/wellbeing/offers', bearer(agent.token))),
        );
        for (const [k, agent] of offerChecks.entries()) {
          // Two offers of one decision share their instant and the service breaks no tie between
          // them (random ids): in time, then kind order, so each draws the same uptake every run.
          const offers = [
            ...(seen[k].offers as Array<{ id: string; kind: string; createdAt: string }>),
          ].sort(
            (a, b) =>
              Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.kind.localeCompare(b.kind),
          );
          for (const offer of offers) {
            if (seenOffers.has(offer.id)) continue;
            seenOffers.add(offer.id);
            log.counsellingOffers++;
            if (rng.chance(options.behaviour.counsellingUptake)) await takeUpOffer(agent);
          }
        }
        offerChecks = [];
      }
      phase('items');

      // 2. The scheduled jobs, on a coarser virtual cadence than their wall-clock timers: nothing
      //    in routing waits for them (states end by the clock), they only write things down.
      if (T - lastSweep >= SWEEP_EVERY_MS) {
        await presence.sweep(clock.now());
        lastSweep = T;
        passNow = true;
      }
      if (T - lastLoad >= LOAD_REFRESH_EVERY_MS) {
        await load.refreshStale(clock.now());
        lastLoad = T;
      }
      if (T - lastOccupancy >= OCCUPANCY_CHECK_EVERY_MS) {
        await wellbeing.checkOccupancy(clock.now());
        lastOccupancy = T;
      }
      phase('jobs');

      // 3. Call events go in batches a little after the fact, as a router batches them. Sent
      //    alongside the accepts: both only touch agents on a call, reserved or in wrap-up (the
      //    delay is shorter than wrap-up), so their order does not matter. Both finish before the
      //    router's queue requests: a free agent goes to the first waiting call it matches, and an
      //    accept or an event still in flight would change who is free when (the same seed then gave
      //    another day under another load).
      if (
        pending.length >= EVENTS_PER_BATCH ||
        (pending.length && pending.some((e) => Date.parse(e.at) <= T - EVENT_DELAY_MS))
      )
        inFlight.push(flush());

      // 4. The calls offered last tick are answered now (the router accepts); the call runs from here.
      for (const { call, reservationId } of ringing) {
        const callback = call.callback;
        if (callback) {
          if (!(callback.plan.answers[callback.outcome.attempts] ?? false)) {
            heap.push(T + callbackModel!.ringSeconds * 1000, { kind: 'unanswered', call });
            continue;
          }
          callback.outcome.attempts++;
          callback.outcome.firstAttemptMs ??= T;
          callback.outcome.status = 'reached';
          callback.outcome.reachedMs = T;
        }
        call.answeredMs = T;
        call.hostile = callback
          ? null
          : hostileAfterWait(call.plan.hostile, options.hostile, T - call.arrivalMs);
        const accepted = http.call(
          'POST',
          `/v1/routing/reservations/${reservationId}/accept`,
          router,
        );
        // A callback picked up: the agent reached the caller, which closes it.
        inFlight.push(
          callback
            ? accepted.then(() =>
                http.call('POST', `/v1/routing/callbacks/${callback.outcome.id}/outcome`, router, {
                  result: 'reached',
                }),
              )
            : accepted,
        );
        pending.push(callEvent(call, 'call.answered', T));
        const hostile = call.hostile;
        if (hostile?.detectedBy === 'sentiment') {
          const flagMs = T + Math.floor(hostile.flagAt * call.plan.handleMs);
          heap.push(flagMs, {
            kind: 'event',
            event: callEvent(call, 'call.hostile', flagMs, {
              severity: hostile.severity,
              source: 'sentiment',
            }),
          });
        }
        heap.push(T + call.plan.handleMs, { kind: 'end', call });
      }
      ringing = [];
      await settle();
      phase('inFlight');

      // 5. The router's queue requests, one at a time in a fixed order: the service's queue decides
      //    who gets whom, and that depends on the order. (a) Callers who ran out of patience hang
      //    up (some ask for a callback); (b) the queue's pass (its timer and events would run it in
      //    production), offering waiting calls and due callbacks to the agents free now; (c) the
      //    offers read back; (d) the tick's arrivals handed to the queue.
      const gaveUp = inOrder(
        [...waiting.values(), ...onHold, ...arriving].filter(
          (c) => c.arrivalMs + c.plan.patienceMs <= T,
        ),
        (c) => ({ atMs: c.arrivalMs + c.plan.patienceMs, id: c.plan.id }),
      );
      for (const call of gaveUp) {
        const giveUp = call.arrivalMs + call.plan.patienceMs;
        call.abandonedMs = giveUp;
        if (waiting.delete(call.plan.id)) {
          await http.call('POST', `/v1/routing/calls/${call.plan.id}/abandon`, router);
          log.callsAbandonedInQueue++;
        }
        const plan = callbackModel
          ? chooseCallback(callbackRng.stream(call.plan.id), callbackModel, giveUp)
          : null;
        if (plan) {
          const { baseId } = redialId(call.plan.id);
          const callbackId = `${call.plan.id}-cb`;
          const chosen: LiveCallback = {
            source: call.plan,
            plan,
            outcome: {
              id: callbackId,
              dialect: call.plan.dialect,
              notBeforeMs: plan.notBeforeMs,
              notAfterMs: plan.notAfterMs,
              attempts: 0,
              firstAttemptMs: null,
              reachedMs: null,
              status: 'open',
            },
            queueId: `callback:${callbackId}`,
            readyAtMs: plan.notBeforeMs,
          };
          const state = await http.call('POST', '/v1/routing/callbacks', router, {
            callbackId,
            callerRef: `sim:${baseId}`,
            dialTarget: `sim:${baseId}`,
            dialect: call.plan.dialect,
            minProficiency: MIN_PROFICIENCY,
            ...(call.plan.skills.length ? { skills: call.plan.skills } : {}),
            notBefore: new Date(plan.notBeforeMs).toISOString(),
            notAfter: new Date(plan.notAfterMs).toISOString(),
          });
          if (state.nextAttemptAt) chosen.readyAtMs = Date.parse(state.nextAttemptAt);
          passNow = true;
          callbacks.push(chosen);
          waitingCallbacks.set(chosen.queueId, chosen);
        } else if (options.redial && options.redial.share > 0) {
          // Or the caller simply calls again later: a new inbound call, counted as offered.
          const { baseId, redials } = redialId(call.plan.id);
          const again = chooseRedial(
            redialRng.stream(call.plan.id),
            options.redial,
            giveUp,
            redials,
            options.redialPatienceSeconds ?? 120,
          );
          if (again) {
            const next: LiveCall = {
              plan: {
                ...call.plan,
                id: `${baseId}-r${redials + 1}`,
                arrivalMs: again.atMs - day.startMs,
                patienceMs: again.patienceMs,
              },
              day: dayIndex,
              arrivalMs: again.atMs,
              enqueuedMs: null,
              answeredMs: null,
              abandonedMs: null,
              agent: null,
              hostile: null,
            };
            calls.push(next);
            heap.push(next.arrivalMs, { kind: 'arrival', call: next });
          }
        }
      }
      onHold = onHold.filter((c) => c.abandonedMs === null);
      arriving = arriving.filter((c) => c.abandonedMs === null);

      // (b) A pass only while something waits for an agent (nothing else can be offered) and when
      //     the service would run one; it also misses the callbacks whose window has ended.
      let offers = 0;
      const callbackDue = [...waitingCallbacks.values()].some(
        (c) => c.readyAtMs <= T || c.outcome.notAfterMs <= T,
      );
      if ((waiting.size > 0 || callbackDue) && (passNow || T >= passDueMs)) {
        phase('router');
        let made: number;
        do {
          made = await dispatcher.dispatch();
          offers += made;
          log.queuePasses++;
        } while (made >= OFFERS_PER_PASS); // a full pass may have left some for the next
        passNow = false;
        lastPassMs = T;
        phase('passes');
      }
      for (const callback of waitingCallbacks.values())
        if (callback.outcome.notAfterMs <= T) {
          callback.outcome.status = 'missed';
          waitingCallbacks.delete(callback.queueId);
        }

      // (c) The offers, read in one listing (not a poll per waiting call): made by the pass, or by
      //     a call event or an agent's action that freed an agent. Handled in call-id order.
      if ((waiting.size > 0 || waitingCallbacks.size > 0) && (offers > 0 || mayHaveOffered)) {
        const offered: Array<{
          callId: string;
          reservation: { reservationId: string; agentId: string };
        }> = [];
        for (let page = 1; ; page++) {
          const list = await http.call(
            'GET',
            `/v1/routing/calls?status=offered&pageSize=200&page=${page}`,
            router,
          );
          offered.push(...list.items);
          if (offered.length >= list.total || list.items.length === 0) break;
        }
        for (const item of inOrder(offered, (o) => ({ atMs: 0, id: o.callId }))) {
          const agent = byId.get(item.reservation.agentId);
          if (!agent) throw new Error('an offer named an agent the simulator did not create');
          const call = waiting.get(item.callId);
          const callback = waitingCallbacks.get(item.callId);
          if (call) {
            waiting.delete(item.callId);
            call.agent = agent;
            ringing.push({ call, reservationId: item.reservation.reservationId });
          } else if (callback) {
            waitingCallbacks.delete(item.callId);
            ringing.push({
              call: attemptOf(callback, agent),
              reservationId: item.reservation.reservationId,
            });
          }
        }
      }
      mayHaveOffered = false;

      // (d) The tick's arrivals, in time then call-id order: offered at once when an agent is free
      //     (after the waiting calls had theirs in the pass), else queued.
      for (const call of inOrder(arriving, (c) => ({ atMs: c.arrivalMs, id: c.plan.id }))) {
        call.enqueuedMs = T;
        const res = await http.send('POST', '/v1/routing/calls', router, {
          callId: call.plan.id,
          dialect: call.plan.dialect,
          minProficiency: MIN_PROFICIENCY,
          ...(call.plan.skills.length ? { skills: call.plan.skills } : {}),
        });
        if (res.status === 201) {
          const agent = byId.get(res.body.reservation.agentId);
          if (!agent) throw new Error('an offer named an agent the simulator did not create');
          call.agent = agent;
          ringing.push({ call, reservationId: res.body.reservation.reservationId });
          log.callsOfferedAtOnce++;
        } else if (res.status === 202) {
          waiting.set(call.plan.id, call);
          log.callsQueued++;
        } else if (res.status === 409 && res.body?.error === 'NO_QUALIFIED_AGENT') {
          onHold.push(call);
          log.callsNotQualified++;
        } else throw new HttpError('POST', '/v1/routing/calls', res.status, res.body);
      }
      arriving = [];
      // The timer the service would set now (states, windows and offers changed this tick).
      if (waiting.size > 0 || waitingCallbacks.size > 0) {
        const due = await dispatcher.nextDue();
        passDueMs = Math.min(lastPassMs + MAX_SLEEP_MS, due?.getTime() ?? Infinity);
      }
      phase('router');

      options.onProgress?.(
        Math.min(1, (doneMs + Math.max(0, Math.min(T, day.endMs) - day.startMs)) / totalMs),
      );
      const idle = waiting.size === 0 && onHold.length === 0 && ringing.length === 0;
      if (heap.size === 0 && idle && waitingCallbacks.size === 0 && T >= day.endMs) {
        if (pending.length) await flush();
        break;
      }
      // Nothing waiting: jump to the tick of the next timed item, event flush or callback due.
      const waits = [heap.peekTime() ?? Infinity];
      if (pending.length) waits.push(Date.parse(pending[0].at) + EVENT_DELAY_MS);
      for (const c of waitingCallbacks.values())
        waits.push(Math.min(c.readyAtMs, c.outcome.notAfterMs));
      const nextAt = Math.min(...waits);
      T =
        idle && Number.isFinite(nextAt)
          ? Math.max(T + tick, Math.ceil(nextAt / tick) * tick)
          : T + tick;
    }
    doneMs += dayLength;

    // The day is over: an hour later every timed state has run out; the router signs agents off.
    setClock(T + 3_600_000);
    await presence.sweep(clock.now());
    // Absent agents never logged in: nothing to sign off. A busy database may answer 503: signing
    // off is idempotent, so it is tried again (the 503 used to be ignored).
    await mapLimit(
      centre.agents.filter((a) => !absent.has(a.index)),
      8,
      async (agent) => {
        const path = `/v1/agents/${agent.agentId}/presence`;
        for (let attempt = 1; ; attempt++) {
          const res = await http.send('PUT', path, router, { state: 'offline' });
          // A refusal by the rules (an enforced state still running) is the same every run.
          if (res.status !== 503) return;
          if (attempt === 5) throw new HttpError('PUT', path, res.status, res.body);
        }
      },
    );
    for (const c of calls)
      log.calls.push({
        id: c.plan.id,
        day: dayIndex,
        arrivalMs: c.arrivalMs,
        enqueuedMs: c.enqueuedMs,
        answeredMs: c.answeredMs,
        abandonedMs: c.abandonedMs,
        agentIndex: c.agent?.index ?? null,
        endedMs: c.answeredMs === null ? null : c.answeredMs + c.plan.handleMs,
        hostileSeverity: c.hostile?.severity ?? null,
      });
    for (const c of callbacks) log.callbacks.push({ ...c.outcome, day: dayIndex });
  }
  log.requests = http.sent - sentBefore;
  return log;
}
