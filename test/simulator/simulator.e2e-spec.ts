import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { parseOptions, SimulatorOptions } from '../../src/simulator/options';
import { renderReport } from '../../src/simulator/report-html';
import {
  planDays,
  PolicyInput,
  RunContext,
  simulate,
  SimulationResult,
} from '../../src/simulator/simulation';
import { bearer } from '../../src/simulator/http-client';
import { round } from '../../src/simulator/metrics';
import { dropDatabase } from '../../src/simulator/sim-service';
import { DEFAULT_POLICY } from '../../src/wellbeing/break-policy';

/**
 * Small scenarios (20 agents, one hour) through the real service. The centre is prepared once for
 * the file (under a throw-away DATA_DIR, on the suites' PostgreSQL server) and cloned for every run.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'shiftwell-sim-'));
const env = () => ({
  DATABASE_URL: process.env.SHIFTWELL_TEST_ADMIN_URL!,
  DATA_DIR: dataDir,
});
const quiet = { log: () => undefined };
const adminQuery = async (sql: string) => {
  const client = new Client({ connectionString: process.env.SHIFTWELL_TEST_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};
const DEFAULT: PolicyInput = { name: 'default', settings: {} };
/** A policy that validates on main today: shorter recoveries than the defaults [5, 10, 15]. */
const SHORTER: PolicyInput = {
  name: 'shorter',
  settings: { recoveryMinutesBySeverity: [3, 5, 8] },
};
/** 20 agents for an hour; the calls follow the agents (75 each a day) unless the test says. */
const small = (...args: string[]): SimulatorOptions =>
  parseOptions([
    '--agents',
    '20',
    '--hours',
    '1',
    ...(args.includes('--calls-per-day') ? [] : ['--calls-per-agent', '75']),
    ...args,
  ]);

const summaries = (r: SimulationResult) => r.runs.map((x) => x.summary);
const strip = ({ policy: _p, ...rest }: Record<string, unknown>) => {
  void _p;
  return rest;
};

afterAll(async () => {
  const { readdirSync } = await import('node:fs');
  for (const f of readdirSync(join(dataDir, 'simulator')))
    if (f.endsWith('.json'))
      await dropDatabase(process.env.SHIFTWELL_TEST_ADMIN_URL!, f.replace(/\.json$/, ''));
  rmSync(dataDir, { recursive: true, force: true });
});

interface Charts {
  sl: Array<{ overall: number; label: string; offered: number; inTime: number; visible: boolean }>;
  hostile: Array<{ total: number; max: number; n: number }>;
  states: Array<Record<string, number>>;
  table: string[][];
}

/** Runs in the page (as a string: the tests compile without the DOM types). */
const EXTRACT_CHARTS = `(() => {
  const num = (el, a) => Number(el.getAttribute(a));
  const figures = [...document.querySelectorAll('figure')];
  const of = (chart) => figures.map((f) => f.querySelector('svg[data-chart="' + chart + '"]')).filter((x) => x);
  return {
    sl: of('service-level').map((svg) => {
      const bars = [...svg.querySelectorAll('.sl-bar')];
      const box = svg.getBoundingClientRect();
      return {
        overall: num(svg, 'data-overall'),
        label: svg.querySelector('.sl-overall')?.textContent ?? '',
        offered: bars.reduce((s, b) => s + num(b, 'data-offered'), 0),
        inTime: bars.reduce((s, b) => s + num(b, 'data-in-time'), 0),
        visible: box.width > 100 && box.height > 100,
      };
    }),
    hostile: of('hostile').map((svg) => {
      const bars = [...svg.querySelectorAll('.hostile-bar')].map((b) => num(b, 'data-value'));
      return { total: bars.reduce((s, v) => s + v, 0), max: Math.max(...bars), n: bars.length };
    }),
    states: of('states').map((svg) => {
      const sum = {};
      for (const r of svg.querySelectorAll('.state-bar'))
        sum[r.getAttribute('data-state')] = (sum[r.getAttribute('data-state')] ?? 0) + num(r, 'data-value');
      return sum;
    }),
    table: [...document.querySelectorAll('table.summary tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
  };
})()`;

describe('what-if simulator', () => {
  it('gives identical summaries for the same seed and different ones for another seed', async () => {
    const a = await simulate(small('--seed', 'alpha'), [DEFAULT], quiet, env());
    // --seeds 2 plays alpha and alpha.2, two worker processes at once: the first is the single-seed
    // day (played in this process) exactly.
    const b = await simulate(
      small('--seed', 'alpha', '--seeds', '2', '--parallel', '2'),
      [DEFAULT],
      quiet,
      env(),
    );
    expect(b.timings.parallel).toBe(2);
    expect(summaries(a)[0].answered).toBeGreaterThan(100);
    expect(summaries(b)).toEqual(summaries(a));
    expect(a.runs[0].intervals).toEqual(b.runs[0].intervals);
    // The second seed (another seed, its own day) plays differently.
    expect(b.seeds.map((s) => s.seed)).toEqual(['alpha', 'alpha.2']);
    expect(b.seeds[1].runs[0].summary).not.toEqual(summaries(a)[0]);
  }, 300_000);

  it('gives the same day whatever the concurrency and the machine load (callbacks, calls again, hostility with waiting, recoveries extended and shortened, queue under pressure)', async () => {
    // Half an hour at 420 calls an hour; callback windows of 20 minutes keep the tail short.
    const args = [
      '--seed',
      'load',
      '--hours',
      '0.5',
      '--calls-per-day',
      '210',
      '--callback-window',
      '20',
      '--absence',
      '0.1',
      '--forecast-error',
      '0.1',
      '--hostile-rate',
      '0.2',
      '--callback-share',
      '0.5',
      '--redial-share',
      '0.3',
      '--hostile-wait-slope',
      '0.5',
      '--extend-share',
      '0.3',
      '--shorten-share',
      '0.3',
    ];
    // What the service recorded of the calm run: its queue and its own callback statistics.
    let queue: Array<{ kind: string; status: string; n: number }> = [];
    let stats: Array<Record<string, unknown>> = [];
    const inspect = async ({ app, http, centre }: RunContext) => {
      queue = await app
        .get(DataSource)
        .query(
          `SELECT kind, status, count(*)::int AS n FROM queued_calls GROUP BY kind, status ORDER BY kind, status`,
        );
      stats = (await http.call('GET', '/v1/routing/callbacks/stats', bearer(centre.adminToken)))
        .dialects;
    };
    const calm = await simulate(
      small(...args, '--concurrency', '1'),
      [DEFAULT],
      { ...quiet, inspect },
      env(),
    );
    // A busy loop in another process takes one of the cores while the second run plays.
    const burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    let busy: SimulationResult;
    try {
      busy = await simulate(small(...args, '--concurrency', '32'), [DEFAULT], quiet, env());
    } finally {
      burner.kill('SIGKILL');
    }
    expect(summaries(calm)[0].abandoned).toBeGreaterThan(20);
    expect(summaries(calm)[0].callbacks[0].scheduled).toBeGreaterThan(5);
    expect(summaries(calm)[0].recoveriesExtended).toBeGreaterThan(0);
    expect(summaries(calm)[0].recoveriesShortened).toBeGreaterThan(0);
    // Callers who called again are offered calls beyond the planned ones.
    const planned = planDays(small(...args), calm.timeZone)[0].calls.length;
    expect(summaries(calm)[0].offered).toBeGreaterThan(planned);
    // The router went through the service's queue: calls queued, offered by its passes, hung up in
    // it; callbacks scheduled, offered and closed by outcomes there.
    const log = calm.runs[0].log;
    const count = (kind: string, status: string) =>
      queue.find((r) => r.kind === kind && r.status === status)?.n ?? 0;
    expect(log.callsQueued).toBeGreaterThan(20);
    expect(log.callsAbandonedInQueue).toBeGreaterThan(10);
    expect(log.queuePasses).toBeGreaterThan(0);
    expect(count('call', 'abandoned')).toBe(log.callsAbandonedInQueue);
    expect(queue.filter((r) => r.kind === 'call').reduce((n, r) => n + r.n, 0)).toBe(
      log.callsOfferedAtOnce + log.callsQueued,
    );
    expect(count('call', 'queued') + count('call', 'offered')).toBe(0);
    expect(count('callback', 'ended')).toBeGreaterThan(0);
    // The summary's callback figures are the service's own statistics of the same callbacks.
    const figures = summaries(calm)[0].callbacks;
    expect(stats.length).toBeGreaterThan(0);
    for (const d of stats) {
      const mine = figures.find((f) => f.dialect === d.dialect)!;
      const rounded = (x: unknown, k: number) => (x === null ? null : round(x as number, k));
      expect(mine).toEqual({
        dialect: d.dialect,
        scheduled: d.callbacks,
        reachedInWindowShare: rounded(d.reachedInWindowShare, 4),
        medianSecondsToFirstAttempt: rounded(d.medianSecondsToFirstAttempt, 1),
        attemptsPerCallback: rounded(d.attemptsPerCallback, 2),
        missed: d.missed,
      });
    }
    expect(summaries(busy)).toEqual(summaries(calm));
    expect(busy.runs[0].intervals).toEqual(calm.runs[0].intervals);
    expect(busy.runs[0].hostilePerAgent).toEqual(calm.runs[0].hostilePerAgent);
  }, 600_000);

  it('a failed run stops the runs beside it and leaves no copy of the centre on the server', async () => {
    // The service refuses this policy, so its run fails at once while the default one plays.
    const refused: PolicyInput = {
      name: 'refused',
      settings: { recoveryMinutesBySeverity: 'long' },
    };
    await expect(
      simulate(small('--seed', 'fails', '--parallel', '2'), [DEFAULT, refused], quiet, env()),
    ).rejects.toThrow(/400/);
    const runDatabases = await adminQuery(
      `SELECT datname FROM pg_database WHERE datname LIKE 'sw\\_sim\\_run\\_%'`,
    );
    expect(runDatabases).toEqual([]);
  }, 300_000);

  it('with zero hostile calls, two recovery policies give identical service levels', async () => {
    const r = await simulate(
      // Half an hour is plenty: with no hostile call the policies must not differ in a single figure.
      small('--seed', 'calm', '--hostile-rate', '0', '--hours', '0.5'),
      [DEFAULT, SHORTER],
      quiet,
      env(),
    );
    const [a, b] = summaries(r);
    expect(a.hostileCalls).toBe(0);
    expect(b.serviceLevel).toBe(a.serviceLevel);
    expect(b.asaSeconds).toBe(a.asaSeconds);
    expect(strip({ ...b })).toEqual(strip({ ...a }));
  }, 300_000);

  describe('on a published schedule (--schedule)', () => {
    let first: SimulationResult;
    let again: SimulationResult;
    const seen: Array<{
      shifts: Array<{
        agentId: string;
        startMs: number;
        endMs: number;
        rest: number[];
        meal: number[];
      }>;
      rosteredAgents: string[];
      spans: Array<{
        agentId: string;
        state: string;
        reason: string | null;
        startMs: number;
        endMs: number;
      }>;
      publishedShifts: number;
    }> = [];

    /** The shifts the run played (the service's published ones) and the agents' presence history. */
    const inspect = async ({ app, centre, days }: RunContext) => {
      const db = app.get(DataSource);
      const byIndex = new Map(centre.agents.map((a) => [a.index, a.agentId]));
      const rows: Array<{
        agent_id: string;
        state: string;
        reason: string | null;
        started_at: Date;
        ended_at: Date | null;
      }> = await db.query(
        `SELECT agent_id, state, reason, started_at, ended_at FROM presence_intervals`,
      );
      const [{ n: publishedShifts }] = await db.query(
        `SELECT count(*)::int AS n FROM shifts s JOIN schedules c ON c.id = s.schedule_id WHERE c.status = 'published'`,
      );
      const roster = days[0].roster!;
      seen.push({
        shifts: roster.map((x) => ({
          agentId: byIndex.get(x.agentIndex)!,
          startMs: x.startMs,
          endMs: x.endMs,
          rest: x.breaks.filter((b) => b.kind === 'rest').map((b) => b.startMs),
          meal: x.breaks.filter((b) => b.kind === 'meal').map((b) => b.startMs),
        })),
        rosteredAgents: [...new Set(roster.map((x) => byIndex.get(x.agentIndex)!))],
        spans: rows.map((r) => ({
          agentId: r.agent_id,
          state: r.state,
          reason: r.reason,
          startMs: r.started_at.getTime(),
          endMs: (r.ended_at ?? new Date(8.64e15)).getTime(),
        })),
        publishedShifts,
      });
    };
    // Three hours: shifts of two or three hours, each with a 15-minute rest break.
    const args = ['--seed', 'roster', '--hours', '3', '--schedule', '--solver-seconds', '5'];

    beforeAll(async () => {
      first = await simulate(small(...args), [DEFAULT], { ...quiet, inspect }, env());
      again = await simulate(small(...args), [DEFAULT], quiet, env());
    }, 600_000);

    it('plays the schedule the service generated and published, the same day run after run', () => {
      const [{ shifts, publishedShifts }] = seen;
      expect(first.roster!.built).toBe(true);
      expect(again.roster!.built).toBe(false);
      expect(shifts.length).toBeGreaterThan(5);
      expect(publishedShifts).toBe(shifts.length);
      expect(first.roster!.shifts).toBe(shifts.length);
      // The roster's paid hours are what the agents were logged in, give or take calls running over.
      const paid = summaries(first)[0].paidAgentHours;
      expect(paid).toBeGreaterThan(first.roster!.paidAgentHours * 0.95);
      expect(paid).toBeLessThan(first.roster!.paidAgentHours * 1.1);
      expect(summaries(first)[0].answered).toBeGreaterThan(100);
      expect(summaries(again)).toEqual(summaries(first));
    });

    it('agents are logged in only during their shifts and take their rest breaks', () => {
      const [{ shifts, rosteredAgents, spans }] = seen;
      const loggedIn = spans.filter((s) => s.state !== 'offline');
      // Nobody without a shift ever logs in.
      expect(
        [...new Set(loggedIn.map((s) => s.agentId))].every((a) => rosteredAgents.includes(a)),
      ).toBe(true);
      for (const span of loggedIn) {
        const own = shifts.filter((x) => x.agentId === span.agentId);
        // Logged on at most a minute before the shift; a call running over its end, its wrap-up
        // and a recovery may keep the agent a while after it.
        const inside = own.some(
          (x) => span.startMs >= x.startMs - 60_000 && span.startMs < x.endMs + 30 * 60_000,
        );
        expect({ span, inside }).toEqual({ span, inside: true });
      }
      let breaks = 0;
      const notTaken: Array<{ agent: string; at: number; busy: boolean }> = [];
      for (const x of shifts)
        for (const at of x.rest) {
          breaks++;
          // Not ready for the break from its start, or as soon as a call in progress is over.
          const taken = spans.some(
            (s) =>
              s.agentId === x.agentId &&
              s.state === 'not_ready' &&
              s.reason === 'scheduled break' &&
              s.startMs >= at &&
              s.startMs < at + 15 * 60_000,
          );
          // Otherwise only because the agent was busy (a call, its wrap-up, a recovery) at its start.
          if (!taken)
            notTaken.push({
              agent: x.agentId,
              at,
              busy: spans.some(
                (s) =>
                  s.agentId === x.agentId &&
                  ['reserved', 'on_call', 'wrap_up', 'recovery', 'break'].includes(s.state) &&
                  s.startMs <= at &&
                  at < s.endMs,
              ),
            });
        }
      expect(notTaken.filter((b) => !b.busy)).toEqual([]);
      expect(notTaken.length).toBeLessThanOrEqual(breaks * 0.1);
      expect(breaks).toBeGreaterThan(5);
      expect(summaries(first)[0].breakShareOfPaidTime!).toBeGreaterThan(0.05);
    });
  });

  describe('with enforcement on (and a report of two policies)', () => {
    let result: SimulationResult;
    const checks: Array<{
      policy: string;
      hostile: number;
      shortOrMissing: string[];
      routedInRecovery: number;
      reservations: number;
    }> = [];

    /** Reads the service's own records of the run: calls, presence history, reservations. */
    const inspect = async ({ app, policy, centre }: RunContext) => {
      const db = app.get(DataSource);
      const minutes =
        (policy.settings.recoveryMinutesBySeverity as number[]) ??
        DEFAULT_POLICY.recoveryMinutesBySeverity;
      const hostile: Array<{ call_id: string; agent_id: string; ended_at: Date; sev: number }> =
        await db.query(
          `SELECT call_id, agent_id, ended_at, hostile_severity AS sev FROM calls
            WHERE hostile_severity IS NOT NULL AND agent_id = ANY($1::uuid[])`,
          [centre.agents.map((a) => a.agentId)],
        );
      // Recovery spells per agent, contiguous rows merged.
      const rows: Array<{ agent_id: string; started_at: Date; ended_at: Date | null }> =
        await db.query(
          `SELECT agent_id, started_at, ended_at FROM presence_intervals WHERE state = 'recovery'
            ORDER BY agent_id, started_at`,
        );
      const spells = new Map<string, Array<[number, number]>>();
      for (const r of rows) {
        const list = spells.get(r.agent_id) ?? [];
        const start = r.started_at.getTime();
        const end = (r.ended_at ?? new Date(8.64e15)).getTime();
        const last = list[list.length - 1];
        if (last && last[1] === start) last[1] = end;
        else list.push([start, end]);
        spells.set(r.agent_id, list);
      }
      const shortOrMissing = hostile
        .filter(
          (h) =>
            !(spells.get(h.agent_id) ?? []).some(
              ([s, e]) => s >= h.ended_at.getTime() && e - s >= minutes[h.sev - 1] * 60_000,
            ),
        )
        .map((h) => h.call_id);
      const [{ n: routedInRecovery }] = await db.query(
        `SELECT count(*)::int AS n FROM reservations r JOIN presence_intervals i ON i.agent_id = r.agent_id
          WHERE i.state = 'recovery' AND i.started_at <= r.created_at AND (i.ended_at IS NULL OR r.created_at < i.ended_at)`,
      );
      const [{ n: reservations }] = await db.query(`SELECT count(*)::int AS n FROM reservations`);
      checks.push({
        policy: policy.name,
        hostile: hostile.length,
        shortOrMissing,
        routedInRecovery,
        reservations,
      });
    };

    beforeAll(async () => {
      result = await simulate(
        small('--seed', 'rough', '--hostile-rate', '20%'),
        [DEFAULT, SHORTER],
        { ...quiet, inspect },
        env(),
      );
    }, 300_000);

    it('follows every hostile call with a full recovery and routes no call to an agent in recovery', () => {
      expect(checks).toHaveLength(2);
      for (const c of checks) {
        expect(c.hostile).toBeGreaterThan(10);
        expect(c.shortOrMissing).toEqual([]);
        expect(c.reservations).toBeGreaterThan(100);
        expect(c.routedInRecovery).toBe(0);
      }
      const [a, b] = summaries(result);
      expect(a.hostileCalls).toBe(checks[0].hostile);
      // Every hostile call was granted its recovery; measured from the presence history, some
      // came only after the agent's next call (a late report lands after the wrap-up).
      expect(a.grantedRecoveryShare).toBe(1);
      expect(b.grantedRecoveryShare).toBe(1);
      for (const s of [a, b]) {
        expect(s.fullRecoveryShare!).toBeGreaterThan(0.5);
        expect(s.fullRecoveryShare!).toBeLessThanOrEqual(1);
        expect(s.hostileWithoutRecovery).toBe(0);
        expect(s.recoveryShareOfPaidTime!).toBeGreaterThan(0);
        expect(s.exposureByDialect.reduce((n, g) => n + g.hostileCalls, 0)).toBe(s.hostileCalls);
      }
    });

    it('renders a report in headless Chromium without console errors, its charts holding the summary', async () => {
      const html = renderReport(result);
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox'],
      });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('request', (r) => {
          if (!r.url().startsWith('data:') && r.url() !== 'about:blank')
            errors.push(`network: ${r.url()}`);
        });
        await page.setContent(html, { waitUntil: 'load' });
        expect(errors).toEqual([]);

        const charts: Charts = await page.evaluate(EXTRACT_CHARTS);

        const runs = summaries(result);
        expect(charts.sl).toHaveLength(2);
        runs.forEach((s, i) => {
          expect(charts.sl[i].visible).toBe(true);
          expect(charts.sl[i].overall).toBeCloseTo(s.serviceLevel!, 4);
          expect(charts.sl[i].label).toContain(`${(s.serviceLevel! * 100).toFixed(1)}%`);
          expect(charts.sl[i].offered).toBe(s.offered);
          expect(charts.sl[i].inTime / charts.sl[i].offered).toBeCloseTo(s.serviceLevel!, 4);
          expect(charts.hostile[i]).toEqual({
            total: s.hostileCalls,
            max: s.hostilePerAgentMax,
            n: s.agents,
          });
          const st = charts.states[i];
          const occupancy = (st.on_call + st.wrap_up) / (st.on_call + st.wrap_up + st.available);
          expect(Math.abs(occupancy - s.occupancy!)).toBeLessThan(0.01);
        });
        expect(charts.table[0]).toEqual(['', 'default', 'shorter', 'shorter − default']);
        const row = (label: string) => charts.table.find((r) => r[0] === label)!;
        expect(row('hostile calls').slice(0, 3)).toEqual([
          'hostile calls',
          String(runs[0].hostileCalls),
          String(runs[1].hostileCalls),
        ]);
        expect(row('recovery minutes')[1]).toBe(runs[0].recoveryMinutes.toFixed(1));
      } finally {
        await browser.close();
      }
    }, 120_000);
  });
});
