import type { TestApp } from './test-app';

/**
 * A draft schedule of `agents` agents over 7 days from Tuesday 6 Jan 2026 (Shanghai): five shifts a
 * week each, 08:00-16:00 or 14:00-22:00 with a meal and a rest break, and half-hour requirements
 * (150 agents and 30 Cantonese speakers from 08:00 to 22:00; nobody speaks Cantonese). Written
 * straight to the tables: the grid's measure, not the solver's.
 */
export async function seedLargeSchedule(
  t: TestApp,
  teamId: string,
  agents = 300,
): Promise<{ scheduleId: string; shifts: number }> {
  const agentIds: string[] = (
    await t.dataSource.query(
      `INSERT INTO agents (external_id, display_name, team_id)
       SELECT 'grid-' || $2 || '-' || g, 'Agent ' || lpad(g::text, 3, '0'), $1::uuid
       FROM generate_series(1, $3::int) g RETURNING id`,
      [teamId, Date.now().toString(36), agents],
    )
  ).map((r: { id: string }) => r.id);
  const days = 7;
  const start = Date.parse('2026-01-05T16:00:00Z'); // 6 Jan, 00:00 Shanghai
  const requirements: object[] = [];
  for (let i = 0; i < days * 48; i++) {
    const at = new Date(start + i * 30 * 60_000).toISOString();
    const hour = (i % 48) / 2;
    const busy = hour >= 8 && hour < 22;
    requirements.push({ start: at, agents: busy ? 150 : 0 });
    requirements.push({ start: at, dialect: 'yue', agents: busy ? 30 : 0 });
  }
  const [{ id: scheduleId }] = await t.dataSource.query(
    `INSERT INTO schedules (team_id, status, start_date, days, interval_minutes, requirements, diagnostics, created_at)
     VALUES ($1, 'draft', '2026-01-06', $2, 30, $3::jsonb, $4::jsonb, $5) RETURNING id`,
    [
      teamId,
      days,
      JSON.stringify(requirements),
      JSON.stringify({ demandAgentHours: 14_700, capacityAgentHours: 12_000, reasons: [] }),
      t.clock.now(),
    ],
  );
  const utc = (offset: string) =>
    `to_char((s.at + interval '${offset}') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"')`;
  await t.dataSource.query(
    `INSERT INTO shifts (schedule_id, agent_id, starts_at, ends_at, breaks)
     SELECT $1, a.id, s.at, s.at + interval '8 hours',
            jsonb_build_array(
              jsonb_build_object('startsAt', ${utc('4 hours')}, 'endsAt', ${utc('4 hours 30 minutes')}, 'kind', 'meal'),
              jsonb_build_object('startsAt', ${utc('2 hours')}, 'endsAt', ${utc('2 hours 15 minutes')}, 'kind', 'rest'))
     FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, n)
     CROSS JOIN generate_series(0, 6) d
     CROSS JOIN LATERAL (SELECT $3::timestamptz + d * interval '1 day'
                           + (CASE WHEN a.n % 2 = 0 THEN 0 ELSE 6 END) * interval '1 hour' AS at) s
     WHERE (d + a.n) % 7 NOT IN (0, 1)`,
    [scheduleId, agentIds, '2026-01-06T00:00:00Z'],
  );
  const [{ n }] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM shifts WHERE schedule_id = $1`,
    [scheduleId],
  );
  return { scheduleId, shifts: n };
}
