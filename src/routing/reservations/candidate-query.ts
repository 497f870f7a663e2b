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
  driven = false,
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
  return [...clauses, ...tagClauses(filter, param, driven)].join('\n AND ');
}

/**
 * The dialect (at minimum proficiency) and every skill must match. `driven`: the first tag is matched
 * on the driving agent_tags row `rt` of drivenSource (same parameters, same order) instead of an EXISTS.
 */
export function tagClauses(
  filter: CandidateFilter,
  param: (value: unknown) => string,
  driven = false,
): string[] {
  const clauses: string[] = [];
  const skills = [...(filter.skills ?? [])];
  if (driven && filter.dialect) {
    clauses.push(
      `${drivingTagHint(filter.dialect)}rt.tag = ${param(filter.dialect)} AND rt.presence_state IN (${ROUTABLE_STATES}) AND rt.proficiency >= ${param(filter.minProficiency ?? 1)}`,
    );
  } else if (driven && skills.length) {
    const skill = skills.shift()!;
    clauses.push(
      `${drivingTagHint(skill)}rt.tag = ${param(skill)} AND rt.presence_state IN (${ROUTABLE_STATES})`,
    );
  } else if (filter.dialect) {
    clauses.push(
      `EXISTS (SELECT 1 FROM agent_tags t WHERE t.agent_id = p.agent_id AND t.tag = ${param(filter.dialect)} AND t.proficiency >= ${param(filter.minProficiency ?? 1)})`,
    );
  }
  for (const skill of skills) {
    clauses.push(
      `EXISTS (SELECT 1 FROM agent_tags t WHERE t.agent_id = p.agent_id AND t.tag = ${param(skill)})`,
    );
  }
  return clauses;
}

/** Tags as the catalogue writes them; only these are ever written into a statement's text. */
const PLAIN_TAG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** The tag a driven query starts from: the dialect, else the first skill (see candidateSource). */
export function drivingTag(filter: CandidateFilter): string | undefined {
  return filter.dialect ?? filter.skills?.[0];
}

/**
 * The driving tag once more as a literal, before the parameter that decides. A prepared statement
 * soon runs on a generic plan, which cannot see a parameter's value: it took `rt.tag = $n` for an
 * average tag, read every agent with the tag and sorted them (21 ms at 10,000 agents for a Cantonese
 * call when 70% speak only Putonghua, 1.4 ms at 1,000). With the literal it knows the tag's share and
 * walks ix_agent_tags_routing in order to the first matches (0.6 ms at any size). Statement texts,
 * so prepared statements, are per driving tag; the catalogue has a few dozen.
 */
function drivingTagHint(tag: string): string {
  return PLAIN_TAG.test(tag) ? `rt.tag = '${tag}' AND ` : '';
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

/**
 * Where a tagged query starts: the per-tag routing index (ix_agent_tags_routing: tag, rank_penalty,
 * idle_since, agent_id over routable agents, the presence columns copied onto agent_tags by a trigger),
 * so a Wuhan call reaches free Wuhan speakers first however many Putonghua-only agents are more idle.
 * Without a dialect or skill, the presence index as before.
 */
export function candidateSource(filter: CandidateFilter): {
  from: string;
  ranking: string;
  driven: boolean;
} {
  if (!filter.dialect && !filter.skills?.length)
    return { from: CANDIDATE_FROM, ranking: RANKING, driven: false };
  return {
    from: `FROM agent_tags rt JOIN agent_presence p ON p.agent_id = rt.agent_id`,
    ranking: `rt.rank_penalty, rt.idle_since, rt.agent_id`,
    driven: true,
  };
}

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
