/**
 * Skew (issue 18): does a dialect call's cost depend on how many non-matching agents are free?
 * A skewed centre (70% Putonghua-only, 10% each Wuhan, Cantonese, Minnan, the Putonghua-only agents the
 * most idle) against a uniform one (25% each), after thousands of reservations churned through the
 * Putonghua agents; per-query cost of availability and of a hold for Wuhan/Cantonese/Minnan calls, run
 * serially with the service's own statements straight on pg (server time plus one round trip).
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AVAILABILITY_SESSION_OPTIONS,
  availabilityStatement,
  DECIDE_SQL,
  holdStatement,
} from '../src/routing/reservations/routing-statements';
import { percentile } from './support';

export const SKEW_DIALECTS = ['cmn-x-wuhan', 'yue', 'nan'];

/** `total` agents, all available; skewed: 70% cmn-only and most idle; uniform: 25% of each. */
export async function seedCentre(dbUrl: string, total: number, skewed: boolean): Promise<void> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  const [{ site }] = (
    await c.query(`INSERT INTO sites (name) VALUES ('Skew site') RETURNING id AS site`)
  ).rows;
  const [{ team }] = (
    await c.query(
      `INSERT INTO teams (name, site_id) VALUES ('Skew team', $1) RETURNING id AS team`,
      [site],
    )
  ).rows;
  await c.query(`INSERT INTO team_settings (team_id, wrap_up_seconds) VALUES ($1, 0)`, [team]);
  await c.query(
    `INSERT INTO agents (external_id, display_name, team_id) SELECT 's' || g, 'Agent ' || g, $2 FROM generate_series(1, $1) g`,
    [total, team],
  );
  // bucket 0..99: skewed 0-69 cmn, 70-79 wuhan, 80-89 yue, 90-99 nan; uniform: quarters.
  const bucket = `(hashtext(a.external_id) & 1023) % 100`;
  const dialect = skewed
    ? `CASE WHEN ${bucket} < 70 THEN 'cmn' WHEN ${bucket} < 80 THEN 'cmn-x-wuhan' WHEN ${bucket} < 90 THEN 'yue' ELSE 'nan' END`
    : `(ARRAY['cmn', 'cmn-x-wuhan', 'yue', 'nan'])[1 + ${bucket} % 4]`;
  await c.query(
    `INSERT INTO agent_tags (agent_id, tag, proficiency) SELECT a.id, ${dialect}, 4 FROM agents a`,
  );
  // Most idle first: in the skewed centre the Putonghua-only agents have waited longest.
  await c.query(
    `INSERT INTO agent_presence (agent_id, state, since)
     SELECT a.id, 'available',
            now() - interval '1 hour' - CASE WHEN t.tag = 'cmn' AND $1 THEN interval '1 hour' ELSE interval '0' END
                  - (hashtext(a.external_id || 'i') & 1023) * interval '1 second'
       FROM agents a JOIN agent_tags t ON t.agent_id = a.id`,
    [skewed],
  );
  await c.query(
    `INSERT INTO presence_intervals (agent_id, state, started_at) SELECT agent_id, state, since FROM agent_presence`,
  );
  await c.query('ANALYZE');
  await c.end();
}

async function catalogOf(c: Client): Promise<Map<string, string>> {
  const { rows } = await c.query('SELECT tag, kind FROM routing_tags');
  return new Map(rows.map((r: any) => [r.tag, r.kind]));
}

/** `n` Putonghua calls reserved, accepted and ended (the agent back on the floor). */
export async function churn(dbUrl: string, n: number): Promise<void> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  for (let i = 0; i < n; i++) {
    const hold = holdStatement(
      { callId: `churn-${i}`, dialect: 'cmn', ttlSeconds: 30 },
      new Date(),
      randomUUID(),
    );
    const { rows } = await c.query(hold);
    if (!rows[0].id) continue;
    await c.query('BEGIN');
    await c.query(DECIDE_SQL, [rows[0].id, 'accepted', new Date(), false, null]);
    // call.ended with no wrap-up: available again, now the least idle.
    await c.query(
      `UPDATE agent_presence SET state = 'available', since = now(), current_call_id = NULL WHERE agent_id = $1`,
      [rows[0].agent_id],
    );
    await c.query('COMMIT');
  }
  await c.end();
}

/** Median ms per availability query and per hold (each hold rejected again) for the dialect calls. */
export async function dialectCost(
  dbUrl: string,
  n: number,
): Promise<{ availMs: number; holdMs: number }> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  // Availability on a connection set up as the service's (availability-pool.ts).
  const a = new Client({ connectionString: dbUrl, options: AVAILABILITY_SESSION_OPTIONS });
  await a.connect();
  const catalog = await catalogOf(c);
  const avail: number[] = [];
  const hold: number[] = [];
  for (let i = 0; i < n; i++) {
    const dialect = SKEW_DIALECTS[i % SKEW_DIALECTS.length];
    const statement = availabilityStatement(
      { dialect, minProficiency: 3 },
      20,
      new Date(),
      catalog,
    );
    let t0 = performance.now();
    await a.query({ name: `avail-${dialect}`, ...statement });
    avail.push(performance.now() - t0);
    const h = holdStatement(
      { callId: `skew-${i}`, dialect, ttlSeconds: 30 },
      new Date(),
      randomUUID(),
    );
    t0 = performance.now();
    // Per dialect: the statement's text names its driving tag (candidate-query.ts, drivingTagHint).
    const { rows } = await c.query({ name: `hold-${dialect}`, ...h });
    hold.push(performance.now() - t0);
    if (rows[0].id) {
      await c.query('BEGIN');
      await c.query(DECIDE_SQL, [rows[0].id, 'rejected', new Date(), false, null]);
      await c.query('COMMIT');
    }
  }
  await c.end();
  await a.end();
  avail.sort((x, y) => x - y);
  hold.sort((x, y) => x - y);
  return { availMs: percentile(avail, 50), holdMs: percentile(hold, 50) };
}
