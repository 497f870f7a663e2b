/**
 * The router's hot statements as text + values, built from the shared candidate query. The service runs
 * them as prepared statements, and the bench's bare node:http + pg anchor imports the very same builders,
 * so "the same SQL" is true by construction. No I/O here.
 */
import { advisoryKey } from '../../platform/database/advisory-lock';
import type { StatementPart } from '../../platform/database/statement-part';
import { MISSED_CALLS_LIMIT } from '../presence/presence-rules';
import {
  CandidateFilter,
  candidateSource,
  candidateWhere,
  drivingTag,
  IDLE_SINCE,
  Params,
} from './candidate-query';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Session settings for the connections that run the availability statement: generic plans always.
 * With the driving tag and the limit in the text, the generic plan is the right one at any centre
 * size and dialect mix (0.6-0.9 ms at 1,000 to 50,000 agents). Left to choose (`auto`), PostgreSQL's
 * cost estimate prefers a custom plan from about 10,000 agents on and plans every query again,
 * which doubled its cost.
 */
export const AVAILABILITY_SESSION_OPTIONS = '-c plan_cache_mode=force_generic_plan';

/**
 * The text depends only on the filter's shape (team or not, dialect or not, number of skills), its
 * driving tag and the limit: built once per shape. A generic plan cannot see a parameter's value, and
 * for `LIMIT $n` it assumes a tenth of the rows: it then sorted every agent with the tag (16 ms at
 * 10,000 agents when a quarter speak the dialect) instead of walking the routing index to the first 20.
 */
const availabilityTexts = new Map<string, string>();

/**
 * Who can take a call now, best first, as the serialized AvailableAgentsDto built by PostgreSQL.
 * `catalog` is tag -> kind (dialect/skill), for labelling each agent's tags.
 */
export function availabilityStatement(
  filter: CandidateFilter,
  limit: number,
  now: Date,
  catalog: Map<string, string>,
): Statement {
  const skills = filter.skills ?? [];
  // The driving tag is in the text (candidate-query.ts, drivingTagHint).
  // The limit is written as a literal too (the DTO bounds it to 1-200; routers use one or two values).
  const rows = Math.max(1, Math.min(200, Math.trunc(limit)));
  const shape = `${filter.teamId ? 't' : '-'}${filter.dialect ? 'd' : '-'}${skills.length}:${drivingTag(filter) ?? ''}:${rows}`;
  let text = availabilityTexts.get(shape);
  if (!text) {
    text = availabilityText(filter, rows);
    availabilityTexts.set(shape, text);
  }
  const ofKind = (k: string) => [...catalog].filter(([, kind]) => kind === k).map(([tag]) => tag);
  // The same order as the placeholders in availabilityText.
  return {
    text,
    values: [
      now,
      now.toISOString(),
      ofKind('dialect'),
      ofKind('skill'),
      ...(filter.teamId ? [filter.teamId] : []),
      ...(filter.dialect ? [filter.dialect, filter.minProficiency ?? 1] : []),
      ...skills,
    ],
  };
}

function availabilityText(filter: CandidateFilter, rows: number): string {
  const p = new Params();
  const nowP = `${p.add(null)}::timestamptz`;
  const asOfP = p.add(null);
  const dialectsP = `${p.add(null)}::text[]`;
  const skillsP = `${p.add(null)}::text[]`;
  const tagList = (kindFilter: string) =>
    `coalesce(json_agg(json_build_object('tag', t.tag, 'proficiency', t.proficiency) ORDER BY t.proficiency DESC, t.tag)
                FILTER (WHERE ${kindFilter}), '[]')`;
  const source = candidateSource(filter);
  const where = candidateWhere(filter, p.add, nowP, source.driven);
  return `
      SELECT json_build_object('asOf', ${asOfP}::text, 'agents', coalesce(json_agg((json_build_object(
               'agentId', c.agent_id,
               'externalId', a.external_id,
               'idleSeconds', greatest(0, floor(extract(epoch FROM ${nowP} - c.idle_since)))::int,
               'dialects', tg.dialects,
               'skills', tg.skills,
               'load', json_build_object('callsLastHour', c.load_calls, 'hostileCallsLastHour', c.load_hostile,
                                         'occupancyLastHour', round(c.load_occupancy::numeric, 4)::float8)
             )::jsonb || CASE WHEN a.contact IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('contact', a.contact) END)
             ORDER BY c.rank_penalty, c.idle_since, c.agent_id), '[]'))::text AS body
        FROM (SELECT p.agent_id, ${IDLE_SINCE} AS idle_since, p.load_calls, p.load_hostile, p.load_occupancy, p.rank_penalty
                ${source.from}
               WHERE ${where}
               ORDER BY ${source.ranking}
               LIMIT ${rows}) c
        JOIN agents a ON a.id = c.agent_id
        CROSS JOIN LATERAL (
          SELECT ${tagList(`t.tag = ANY(${dialectsP})`)} AS dialects, ${tagList(`t.tag = ANY(${skillsP})`)} AS skills
            FROM agent_tags t WHERE t.agent_id = c.agent_id) tg`;
}

/** The lock class of per-call advisory locks (two-key form, so it never meets a one-key job lock). */
const CALL_LOCK_CLASS = advisoryKey('shiftwell-call');

/**
 * What follows a hold in its own statement (the queue marks its call offered): SQL over the CTE
 * `ins` (the reservation: id, call_id, agent_id, expires_at), with `now` the statement's own.
 */
export type HoldFollower = (refs: { now: string }) => StatementPart;

/**
 * The one statement that holds an agent: the best free match (or the given agent) is locked with
 * FOR UPDATE SKIP LOCKED, the reservation inserted, presence and its history written. An agent
 * who rejected this call or let it lapse is not picked again for it.
 *
 * One hold per call at a time: the statement first tries the call's advisory lock (`lk`, read by the
 * scan as a one-time filter). A retry that finds a sibling holding it scans nothing and answers
 * `call_free = false`, so the caller can wait for that sibling instead of skipping the agent it has
 * locked and wrongly answering NO_AGENT_AVAILABLE. Always one row: `call_free`, then the hold's
 * columns (null when nothing was held).
 */
export function holdStatement(
  input: CandidateFilter & {
    callId: string;
    ttlSeconds?: number;
    agentId?: string;
    /** Only these agents, the first free one in this order (the queue's preference for a new call). */
    agentIds?: string[];
    /**
     * Wait for matching rows other transactions lock instead of skipping them (FOR UPDATE): the second
     * look after a SKIP LOCKED pass found nothing, so a background refresh or a rival hold that will
     * let its agent go is waited for rather than answered as NO_AGENT_AVAILABLE.
     */
    waitForLocked?: boolean;
    /**
     * When nobody was held, report (`skipped`) whether a match was there but locked by another
     * transaction: the one case a second, waiting look can change the answer. Read only then.
     */
    reportSkipped?: boolean;
  },
  now: Date,
  reservationId: string,
  then?: HoldFollower,
): Statement {
  const p = new Params();
  const source = candidateSource(input);
  const nowP = `${p.add(now)}::timestamptz`;
  const after = then?.({ now: nowP });
  const idP = `${p.add(reservationId)}::uuid`;
  const callP = p.add(input.callId);
  const ttlP = `${p.add(input.ttlSeconds ?? null)}::int`;
  const criteriaP = `${p.add(JSON.stringify({ dialect: input.dialect, minProficiency: input.minProficiency, skills: input.skills }))}::jsonb`;
  // Who may be held, over `source.from`'s rows (p: agent_presence): the hold's scan, and the probe
  // for matches it had to skip.
  const matches = `(SELECT got FROM lk)
           AND ${candidateWhere(input, p.add, nowP, source.driven)}
           ${input.agentId ? `AND p.agent_id = ${p.add(input.agentId)}::uuid` : ''}
           ${input.agentIds ? `AND p.agent_id = ANY(${p.add(input.agentIds)}::uuid[])` : ''}
           AND NOT EXISTS (SELECT 1 FROM reservations r0 WHERE r0.call_id = ${callP} AND r0.agent_id = p.agent_id
                             AND r0.status IN ('rejected', 'lapsed') AND r0.decision_reason IS DISTINCT FROM 'abandoned')`;
  const skipped = input.reportSkipped
    ? `, CASE WHEN h.id IS NULL AND lk.got THEN EXISTS (SELECT 1 ${source.from} WHERE ${matches}) ELSE false END AS skipped`
    : '';
  const text = `
      WITH lk AS (SELECT pg_try_advisory_xact_lock(${CALL_LOCK_CLASS}, hashtext(${callP})) AS got
      ), cand AS (
        SELECT p.agent_id, p.state AS prev_state, p.reservation_id AS prev_reservation, p.until AS prev_until,
               COALESCE(${ttlP}, (SELECT s.reservation_ttl_seconds FROM agents a JOIN team_settings s ON s.team_id = a.team_id
                                   WHERE a.id = p.agent_id), 20) AS ttl
          ${source.from}
         WHERE ${matches}
         ORDER BY ${input.agentIds ? `array_position(${p.add(input.agentIds)}::uuid[], p.agent_id)` : source.ranking}
         LIMIT 1
         FOR UPDATE OF p${input.waitForLocked ? '' : ' SKIP LOCKED'}
      ), ins AS (
        INSERT INTO reservations (id, call_id, agent_id, status, created_at, expires_at, criteria)
        SELECT ${idP}, ${callP}, agent_id, 'held', ${nowP}, ${nowP} + make_interval(secs => ttl), ${criteriaP} FROM cand
        RETURNING id, call_id, agent_id, expires_at
      ), lapse AS (
        UPDATE reservations r SET status = 'lapsed', decided_at = r.expires_at FROM cand
         WHERE cand.prev_state = 'reserved' AND r.id = cand.prev_reservation AND r.status = 'held'
      ), closed AS (
        UPDATE presence_intervals i
           SET ended_at = CASE WHEN cand.prev_state = 'available' THEN ${nowP} ELSE LEAST(cand.prev_until, ${nowP}) END
          FROM cand WHERE i.agent_id = cand.agent_id AND i.ended_at IS NULL
      ), hist AS (
        INSERT INTO presence_intervals (agent_id, state, reason, started_at, ended_at)
        SELECT agent_id, 'available', NULL, prev_until, ${nowP} FROM cand WHERE prev_state <> 'available' AND prev_until < ${nowP}
        UNION ALL
        SELECT agent_id, 'reserved', NULL, ${nowP}, NULL FROM cand
      ), upd AS (
        UPDATE agent_presence p
           SET state = 'reserved', since = ${nowP}, until = ${nowP} + make_interval(secs => cand.ttl), reason = NULL,
               return_state = 'available', reservation_id = ${idP},
               consecutive_lapses = p.consecutive_lapses + CASE WHEN cand.prev_state = 'reserved' THEN 1 ELSE 0 END
          FROM cand WHERE p.agent_id = cand.agent_id
      )${
        after
          ? `,
      ${after.ctes}`
          : ''
      }
      SELECT lk.got AS call_free, h.*${after ? `, ${after.read} AS followed` : ''}${skipped} FROM lk LEFT JOIN (
        SELECT ins.id, ins.call_id, ins.agent_id, ins.expires_at, a.external_id, a.contact FROM ins JOIN agents a ON a.id = ins.agent_id
      ) h ON true`;
  return { text, values: p.values };
}

/** Waits until no statement holds `callId`'s hold lock (a sibling retry finishing), then lets go of it. */
export function callLockWaitStatement(callId: string): Statement {
  return {
    text: `SELECT 1 AS waited FROM (SELECT pg_advisory_xact_lock(${CALL_LOCK_CLASS}, hashtext($1))) l`,
    values: [callId],
  };
}

/**
 * Accept or reject in one statement: $1 reservation id, $2 outcome ('accepted'|'rejected'), $3 now,
 * $4 missed (a no_answer), $5 reason. The held, unexpired reservation is decided and its agent moves
 * on_call, back to available, or not_ready/missed_calls (a third missed offer in a row), with history.
 */
export const DECIDE_SQL = decideText('');

/**
 * DECIDE_SQL for a reservation none of `concerns` holds for, so it needs no listener and no
 * transaction around it (the router's own holds; the queue's offers take the transactional path).
 * Each concern is an SQL condition over the reservation row `reservations`.
 */
export function decideAloneSql(concerns: string[]): string {
  return decideText(concerns.map((c) => ` AND NOT (${c})`).join(''));
}

/**
 * An acceptance in one statement with what follows from it elsewhere (the queue connects its call):
 * `reactions` read the decided reservation from the CTE `r` (id, call_id, agent_id) and now as $3.
 * Only for outcome 'accepted'; the extra columns are `reacted_0`, `reacted_1`, ...
 */
export function decideAcceptedSql(reactions: StatementPart[]): string {
  return decideText('', reactions);
}

function decideText(unlessConcerned: string, reactions: StatementPart[] = []): string {
  return `WITH r AS (
         UPDATE reservations SET status = $2, decided_at = $3, decision_reason = $5
          WHERE id = $1 AND status = 'held' AND expires_at > $3${unlessConcerned}
         RETURNING id, call_id, agent_id, status, expires_at
       ), p AS (
         SELECT p.agent_id, r.call_id,
                CASE WHEN $2 = 'accepted' THEN 0 WHEN $4 THEN p.consecutive_lapses + 1 ELSE p.consecutive_lapses END AS lapses,
                CASE WHEN $2 = 'accepted' THEN 'on_call'
                     WHEN $4 AND p.consecutive_lapses + 1 >= ${MISSED_CALLS_LIMIT} THEN 'not_ready' ELSE 'available' END AS next,
                CASE WHEN $2 <> 'accepted' AND $4 AND p.consecutive_lapses + 1 >= ${MISSED_CALLS_LIMIT} THEN 'missed_calls' END AS next_reason
           FROM agent_presence p JOIN r ON r.agent_id = p.agent_id
          WHERE p.state = 'reserved' AND p.reservation_id = r.id FOR UPDATE OF p
       ), closed AS (
         UPDATE presence_intervals i SET ended_at = $3 FROM p WHERE i.agent_id = p.agent_id AND i.ended_at IS NULL
       ), hist AS (
         INSERT INTO presence_intervals (agent_id, state, reason, started_at) SELECT agent_id, next, next_reason, $3 FROM p
       ), upd AS (
         UPDATE agent_presence ap
            SET state = p.next, since = $3, until = NULL, reason = p.next_reason, reservation_id = NULL,
                current_call_id = CASE WHEN p.next = 'on_call' THEN p.call_id ELSE NULL END,
                consecutive_lapses = p.lapses
           FROM p WHERE ap.agent_id = p.agent_id
       )${reactions
         .map(
           (x) => `,
       ${x.ctes}`,
         )
         .join('')}
       SELECT r.id, r.call_id, r.agent_id, r.status, r.expires_at, a.external_id, a.contact${reactions
         .map((x, i) => `, ${x.read} AS reacted_${i}`)
         .join('')}
         FROM r JOIN agents a ON a.id = r.agent_id`;
}
