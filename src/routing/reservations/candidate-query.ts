import { MICRO_BREAK_REASON } from '../presence/presence-rules';

/**
 * The one definition of "who can take this call now", shared by the availability list and the
 * atomic reservation. Timer-independent: a timed state whose `until` has passed counts as over
 * (wrap-up done, break over, reservation lapsed) even before the sweep writes it down, and a due
 * break/recovery/session excludes the agent even before it starts.
 */
export interface CandidateFilter {
  dialect?: string;
  minProficiency?: number;
  skills?: string[];
  /** A supervisor's list: their team only. The router never sets it (its statement is unchanged). */
  teamId?: string;
}

export function candidateWhere(
  filter: CandidateFilter,
  param: (value: unknown) => string,
  now: string,
): string {
  const clauses = [
    `p.state IN (${ROUTABLE_STATES})`,
    `EXISTS (SELECT 1 FROM agents a WHERE a.id = p.agent_id AND a.active)`,
    `(p.state = 'available'
      OR (p.state IN ('wrap_up', 'break', 'recovery', 'counseling') AND p.until <= ${now} AND p.return_state = 'available')
      OR (p.state = 'reserved' AND p.until <= ${now} AND p.consecutive_lapses < 2))`,
    `NOT EXISTS (SELECT 1 FROM scheduled_states s WHERE s.agent_id = p.agent_id AND s.status IN ('pending', 'active')
                   AND s.starts_at <= ${now} AND (s.ends_at IS NULL OR s.ends_at > ${now}))`,
    // A booked break keeps its length: no call for an agent whose break starts within the team's
    // expected handle time (300 s for a team without settings, as DEFAULT_TEAM_SETTINGS says).
    `NOT EXISTS (SELECT 1 FROM scheduled_states s WHERE s.agent_id = p.agent_id AND s.status = 'pending'
                   AND s.state = 'break' AND s.reason IS DISTINCT FROM '${MICRO_BREAK_REASON}'
                   AND s.starts_at <= ${now}::timestamptz + make_interval(secs => COALESCE(
                     (SELECT ts.expected_handle_seconds FROM agents ta JOIN team_settings ts ON ts.team_id = ta.team_id
                       WHERE ta.id = p.agent_id), 300)))`,
  ];
  if (filter.teamId)
    clauses.push(
      `EXISTS (SELECT 1 FROM agents ta WHERE ta.id = p.agent_id AND ta.team_id = ${param(filter.teamId)})`,
    );
  return [...clauses, ...tagClauses(filter, param)].join('\n AND ');
}

/** The dialect (at minimum proficiency) and every skill must match. */
export function tagClauses(filter: CandidateFilter, param: (value: unknown) => string): string[] {
  const clauses: string[] = [];
  if (filter.dialect) {
    clauses.push(
      `EXISTS (SELECT 1 FROM agent_tags t WHERE t.agent_id = p.agent_id AND t.tag = ${param(filter.dialect)} AND t.proficiency >= ${param(filter.minProficiency ?? 1)})`,
    );
  }
  for (const skill of filter.skills ?? []) {
    clauses.push(
      `EXISTS (SELECT 1 FROM agent_tags t WHERE t.agent_id = p.agent_id AND t.tag = ${param(skill)})`,
    );
  }
  return clauses;
}

/** The states of the partial routing index: the query must name exactly these for the index to apply. */
const ROUTABLE_STATES = `'available', 'reserved', 'wrap_up', 'break', 'recovery', 'counseling'`;

/** When the agent became free: since, or the end of the timed state that just ran out (a stored column). */
export const IDLE_SINCE = `p.idle_since`;

/**
 * Best first, in the order of ix_agent_presence_routing so LIMIT stops early. rank_penalty puts agents
 * over their team's occupancy cap last, then orders by hostile calls in the last hour (team setting
 * `wellbeing`, the default); it is 0 for teams on `longest_idle`. Then longest idle.
 */
export const RANKING = `p.rank_penalty, p.idle_since, p.agent_id`;

export const CANDIDATE_FROM = `FROM agent_presence p`;

/** rank_penalty from the load figures and the team's settings (SQL expressions for each). */
export const RANK_PENALTY_SQL = (f: {
  occupancy: string;
  hostile: string;
  routingOrder: string;
  occupancyCap: string;
}) =>
  `CASE WHEN COALESCE(${f.routingOrder}, 'wellbeing') = 'longest_idle' THEN 0
        ELSE (CASE WHEN ${f.occupancy} > COALESCE(${f.occupancyCap}, 0.85) THEN 10000 ELSE 0 END) + ${f.hostile} END`;

/** Collects positional parameters while a query is built. */
export class Params {
  readonly values: unknown[] = [];
  add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}
