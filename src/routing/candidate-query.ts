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
}

export function candidateWhere(
  filter: CandidateFilter,
  param: (value: unknown) => string,
  now: string,
): string {
  const clauses = [
    `(p.state = 'available'
      OR (p.state IN ('wrap_up', 'break', 'recovery', 'counseling') AND p.until <= ${now} AND p.return_state = 'available')
      OR (p.state = 'reserved' AND p.until <= ${now} AND p.consecutive_lapses < 2))`,
    `NOT EXISTS (SELECT 1 FROM scheduled_states s WHERE s.agent_id = p.agent_id AND s.status IN ('pending', 'active')
                   AND s.starts_at <= ${now} AND (s.ends_at IS NULL OR s.ends_at > ${now}))`,
  ];
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

/** When the agent became free: since, or the end of the timed state that just ran out. */
export const IDLE_SINCE = `CASE WHEN p.state = 'available' THEN p.since ELSE p.until END`;

/**
 * Best first. Team setting `wellbeing` (default): over the occupancy cap last, then fewer hostile
 * calls in the last hour, then longest idle. `longest_idle`: longest idle only.
 */
export const RANKING = `
  CASE WHEN COALESCE(ts.routing_order, 'wellbeing') = 'wellbeing' AND p.load_occupancy > COALESCE(ts.occupancy_cap, 0.85) THEN 1 ELSE 0 END,
  CASE WHEN COALESCE(ts.routing_order, 'wellbeing') = 'wellbeing' THEN p.load_hostile ELSE 0 END,
  ${IDLE_SINCE} ASC,
  p.agent_id`;

export const CANDIDATE_FROM = `
  FROM agent_presence p
  JOIN agents a ON a.id = p.agent_id AND a.active
  LEFT JOIN team_settings ts ON ts.team_id = a.team_id`;

/** Collects positional parameters while a query is built. */
export class Params {
  readonly values: unknown[] = [];
  add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}
