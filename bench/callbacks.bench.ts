/**
 * `npm run bench -- callbacks`: 10,000 human callbacks scheduled over a 12-hour day while inbound calls
 * arrive at 90% of the agents' capacity, played on a simulated clock through the queue's own pure rules
 * (`assign` in src/routing/queue/domain/queue-assignment.ts: queue order, the callbacks' share of offers
 * while inbound calls wait; `urgentAt`/`retryAt` in domain/callback-window.ts), once without callbacks and
 * once with them, on the same inbound arrivals and handle times. It measures the rules, not the service's
 * throughput (the queue bench does that): the dispatcher's SQL, HTTP and the router are not in it.
 *
 * Scale: BENCH_CALLBACKS (10000), BENCH_CALLBACK_AGENTS (400), BENCH_CALLBACK_HOURS (12),
 * BENCH_CALLBACK_WINDOW_MINUTES (120), BENCH_CALLBACK_SEED.
 */
import {
  assign,
  queueOrder,
  WaitingCall,
  FreeAgent,
} from '../src/routing/queue/domain/queue-assignment';
import { retryAt, urgentAt } from '../src/routing/queue/domain/callback-window';
import { exponential, lognormal } from '../src/simulator/distributions';
import { EventHeap } from '../src/simulator/event-heap';
import { Prng } from '../src/simulator/prng';
import { erlangCFigures, trafficIntensity } from '../src/workforce/staffing/erlang';
import type { BenchRow } from './support';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CALLBACKS = num('BENCH_CALLBACKS', 10_000);
const AGENTS = num('BENCH_CALLBACK_AGENTS', 400);
const HOURS = num('BENCH_CALLBACK_HOURS', 12);
const WINDOW_MIN = num('BENCH_CALLBACK_WINDOW_MINUTES', 120);
const SEED = process.env.BENCH_CALLBACK_SEED ?? 'callbacks-1';
const AHT = 240; // inbound mean handle, s (lognormal, cv 0.6)
const LOAD = 0.9; // inbound erlangs ÷ agents
const ANSWER_TARGET = 20; // s
const REACH_P = 0.75; // a callee answers an attempt
const RING_S = 45; // an unanswered attempt
const CALLBACK_HANDLE = 180; // a reached callback, mean s (lognormal, cv 0.6)
const RETRY_MIN = 15; // the team default
const MAX_SHARE = 0.3; // the team default callbackMaxShare

interface Cb {
  id: string;
  notBefore: number;
  notAfter: number;
  urgentAt: number;
  attempts: number;
  firstAttemptAt?: number;
  reachedAt?: number;
  missed?: boolean;
}

interface DayResult {
  inbound: number;
  answeredInTarget: number;
  meanWaitSeconds: number;
  busySeconds: number;
  callbacks: Cb[];
  dispatches: number;
}

type Event =
  | { kind: 'arrive'; callId: string; handle: number }
  | { kind: 'free'; agent: number }
  | { kind: 'ready'; cb: Cb };

function playDay(withCallbacks: boolean): DayResult {
  const rng = new Prng(SEED);
  const arrivals = rng.stream('arrivals');
  const handles = rng.stream('handles');
  const cbRng = rng.stream('callbacks');
  const outcome = rng.stream('outcomes');
  const dayMs = HOURS * 3_600_000;
  const heap = new EventHeap<Event>();
  // Inbound: Poisson at LOAD × agents ÷ AHT per second, the same draws with and without callbacks.
  const rate = (LOAD * AGENTS) / AHT;
  let inbound = 0;
  for (
    let t = exponential(arrivals, 1000 / rate);
    t < dayMs;
    t += exponential(arrivals, 1000 / rate)
  )
    heap.push(t, {
      kind: 'arrive',
      callId: `in-${inbound++}`,
      handle: lognormal(handles, AHT, 0.6),
    });
  const callbacks: Cb[] = [];
  if (withCallbacks)
    for (let i = 0; i < CALLBACKS; i++) {
      const notBefore = cbRng.next() * (dayMs - WINDOW_MIN * 60_000);
      const notAfter = notBefore + WINDOW_MIN * 60_000;
      const cb: Cb = {
        id: `cb-${i}`,
        notBefore,
        notAfter,
        urgentAt: urgentAt(new Date(notBefore), new Date(notAfter)).getTime(),
        attempts: 0,
      };
      callbacks.push(cb);
      heap.push(notBefore, { kind: 'ready', cb });
    }

  const free: FreeAgent[] = Array.from({ length: AGENTS }, (_, i) => ({
    agentId: String(i),
    teamId: 'team',
    tags: new Map([['cmn', 5]]),
    dialectCount: 1,
    hostileLastHour: false,
    flaggedCallsLastHour: 0,
    maxFlaggedPerHour: 2,
    overOccupancyCap: false,
  }));
  const agents = [...free];
  const inQueue: Array<{ callId: string; at: number; handle: number }> = [];
  const ready = new Map<string, Cb>();
  const offers: Array<{ at: number; callback: boolean }> = []; // the team's last hour of offers
  let answeredInTarget = 0;
  let waitSum = 0;
  let busy = 0;
  let dispatches = 0;
  const byId = new Map<string, { at: number; handle: number }>();

  const dispatch = (now: number) => {
    if (free.length === 0) return;
    for (const cb of ready.values())
      if (cb.notAfter <= now) {
        cb.missed = true;
        ready.delete(cb.id);
      }
    if (inQueue.length === 0 && ready.size === 0) return;
    dispatches++;
    while (offers.length && offers[0].at <= now - 3_600_000) offers.shift();
    const share = {
      teamKey: 'team',
      offers: offers.length,
      callbackOffers: offers.filter((o) => o.callback).length,
      maxShare: MAX_SHARE,
      answerSeconds: ANSWER_TARGET,
    };
    const nowDate = new Date(now);
    const waiting: WaitingCall[] = inQueue.slice(0, 200).map((c) => ({
      callId: c.callId,
      kind: 'call',
      priority: 0,
      enqueuedAt: new Date(c.at),
      criteria: { dialect: 'cmn', minProficiency: null, skills: [] },
      fallback: [],
      excludedAgentIds: [],
      flaggedCaller: false,
    }));
    const cbs: WaitingCall[] = [...ready.values()].map((cb) => ({
      callId: cb.id,
      kind: 'callback',
      priority: now >= cb.urgentAt ? 1 : 0, // the dispatcher's sweep raises it in the last stretch
      urgent: now >= cb.urgentAt,
      enqueuedAt: new Date(cb.notBefore),
      criteria: { dialect: 'cmn', minProficiency: null, skills: [] },
      fallback: [],
      excludedAgentIds: [],
      flaggedCaller: false,
    }));
    cbs.sort(queueOrder);
    const pairs = assign(
      [...waiting, ...cbs.slice(0, 200)],
      free.map((a) => ({ ...a, callbackShare: share })),
      nowDate,
    );
    for (const { callId, agentId } of pairs) {
      const agent = Number(agentId);
      free.splice(
        free.findIndex((a) => a.agentId === agentId),
        1,
      );
      const cb = ready.get(callId);
      offers.push({ at: now, callback: !!cb });
      let duration: number;
      if (cb) {
        ready.delete(callId);
        cb.attempts++;
        cb.firstAttemptAt ??= now;
        if (outcome.next() < REACH_P) {
          duration = lognormal(handles, CALLBACK_HANDLE, 0.6);
          cb.reachedAt = now + 10_000; // picked up after a short ring
        } else {
          duration = RING_S;
          const next = retryAt(new Date(now + RING_S * 1000), RETRY_MIN, new Date(cb.notAfter));
          if (next) heap.push(next.getTime(), { kind: 'ready', cb });
          else cb.missed = true;
        }
      } else {
        const i = inQueue.findIndex((c) => c.callId === callId);
        const [call] = inQueue.splice(i, 1);
        const wait = (now - call.at) / 1000;
        waitSum += wait;
        if (wait <= ANSWER_TARGET) answeredInTarget++;
        duration = call.handle;
      }
      busy += duration;
      heap.push(now + duration * 1000, { kind: 'free', agent });
    }
  };

  for (let e = heap.pop(); e; e = heap.pop()) {
    const now = e.at;
    const ev = e.value;
    if (ev.kind === 'arrive') {
      inQueue.push({ callId: ev.callId, at: now, handle: ev.handle });
      byId.set(ev.callId, { at: now, handle: ev.handle });
    } else if (ev.kind === 'free') free.push(agents[ev.agent]);
    else if (ev.cb.notAfter > now) ready.set(ev.cb.id, ev.cb);
    else ev.cb.missed = true;
    if (heap.peekTime() !== now) dispatch(now); // one pass per moment, after all its events
  }
  // Calls still queued at the end of the day were all answered by the drain above (the heap empties).
  return {
    inbound,
    answeredInTarget,
    meanWaitSeconds: waitSum / Math.max(1, inbound),
    busySeconds: busy,
    callbacks,
    dispatches,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function run(): Promise<BenchRow[]> {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const without = playDay(false);
  const withCb = playDay(true);
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const slWithout = without.answeredInTarget / without.inbound;
  const slWith = withCb.answeredInTarget / withCb.inbound;
  const erlang = erlangCFigures(
    AGENTS,
    trafficIntensity((LOAD * AGENTS * 1800) / AHT, 30, AHT),
    AHT,
    ANSWER_TARGET,
  );
  const cbs = withCb.callbacks;
  const reachedInWindow = cbs.filter((c) => c.reachedAt !== undefined && c.reachedAt <= c.notAfter);
  const firstWaits = cbs
    .filter((c) => c.firstAttemptAt !== undefined)
    .map((c) => (c.firstAttemptAt! - c.notBefore) / 1000)
    .sort((a, b) => a - b);
  const median = firstWaits.length ? firstWaits[Math.floor(firstWaits.length / 2)] : NaN;
  const capacity = AGENTS * HOURS * 3600;
  const name = `callbacks: ${CALLBACKS} a ${HOURS}-hour day, ${AGENTS} agents, inbound at ${pct(LOAD)} (simulated clock)`;
  return [
    {
      benchmark: name,
      metric: 'inbound calls / callbacks (window, retry)',
      value: `${without.inbound} / ${CALLBACKS} (${WINDOW_MIN} min, ${RETRY_MIN} min, ${pct(REACH_P)} answer an attempt)`,
      target: '-',
      ok: true,
    },
    {
      benchmark: name,
      metric: `inbound service level (${ANSWER_TARGET} s): without / with callbacks (with ÷ without)`,
      value: `${pct(slWithout)} / ${pct(slWith)} (${(slWith / slWithout).toFixed(3)}x)`,
      target: '-',
      ok: true,
    },
    {
      benchmark: name,
      metric: 'anchor: Erlang C service level at this load (exponential handle times)',
      value: `${pct(erlang.serviceLevel)} (simulated without callbacks ÷ Erlang C: ${(slWithout / erlang.serviceLevel).toFixed(3)}x)`,
      target: '-',
      ok: true,
    },
    {
      benchmark: name,
      metric: 'inbound mean wait: without / with callbacks',
      value: `${without.meanWaitSeconds.toFixed(1)} s / ${withCb.meanWaitSeconds.toFixed(1)} s`,
      target: '-',
      ok: true,
    },
    {
      benchmark: name,
      metric: 'callbacks reached inside their window / missed / attempts per callback',
      value: `${pct(reachedInWindow.length / CALLBACKS)} / ${cbs.filter((c) => c.missed).length} / ${(cbs.reduce((n, c) => n + c.attempts, 0) / CALLBACKS).toFixed(2)}`,
      target: '-',
      ok: true,
    },
    {
      benchmark: name,
      metric: 'callbacks: median notBefore → first attempt',
      value: `${median.toFixed(0)} s`,
      target: '-',
      ok: true,
    },
    {
      benchmark: name,
      metric:
        'work offered ÷ the day’s capacity, without / with callbacks (calls left at the close are worked to the end)',
      value: `${pct(without.busySeconds / capacity)} / ${pct(withCb.busySeconds / capacity)}`,
      target: '-',
      ok: true,
    },
    {
      benchmark: name,
      metric: 'run time (both days) / CPU / dispatch passes',
      value: `${wallSeconds.toFixed(1)} s / ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s / ${without.dispatches + withCb.dispatches}`,
      target: '< 180 s',
      ok: wallSeconds < 180,
    },
  ];
}
