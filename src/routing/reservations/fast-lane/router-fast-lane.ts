import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { decide } from '../../../platform/auth/authorization-decision';
import { AUTHORIZATION_POLICY } from '../../../platform/auth/authorization-policy';
import type { ApiKeysService } from '../../../platform/auth/api-keys.service';
import {
  respondWithError,
  sendJsonText,
} from '../../../platform/common/errors/all-exceptions.filter';
import { assignRequestId } from '../../../platform/common/http/logging';
import { withDatabaseBudget } from '../../../platform/database/request-budget';
import type { CallEventIngest } from '../../calls/call-event-ingest.service';
import type { QueueService } from '../../queue/queue.service';
import type { RoutingService } from '../routing.service';
import {
  readAvailabilityQuery,
  readCallEventBatch,
  readCallStatusQuery,
  readEnqueueBody,
  type CallStatusInput,
  readPathCallId,
  readEmptyBody,
  readReservationBody,
  readReservationId,
} from './fast-lane-input';

const AVAILABILITY = '/v1/routing/available-agents';
const RESERVATIONS = '/v1/routing/reservations';
const ACCEPT = /^\/v1\/routing\/reservations\/([^/]+)\/accept$/;
const CALL_EVENTS = '/v1/calls/events';
const QUEUED_CALLS = '/v1/routing/calls';
const QUEUED_CALL = /^\/v1\/routing\/calls\/([^/]+)$/;
const ABANDON = /^\/v1\/routing\/calls\/([^/]+)\/abandon$/;
/** A reservation or enqueue body is a few hundred bytes, an event batch the fast lane takes at most
 * ~60 KB; anything larger is for the full path to judge. */
const MAX_FAST_BODY_BYTES: Record<string, number> = {
  [RESERVATIONS]: 4096,
  [QUEUED_CALLS]: 4096,
  [CALL_EVENTS]: 65_536,
};
/** An accept or abandon takes no body; an empty JSON object is a few bytes. */
const MAX_EMPTY_BODY_BYTES = 16;

type Work = () => Promise<{ status: number; jsonText: string }>;

/** The node request as the fast lane leaves it for Express: a body it read is parsed already. */
type LaneRequest = IncomingMessage & { body?: unknown; _body?: boolean };

export interface RouterFastLaneDeps {
  apiKeys: ApiKeysService;
  routing: RoutingService;
  callEvents: CallEventIngest;
  queue: QueueService;
  /** The router paths' database budget (request-budget.ts). */
  budgetMs: number;
}

/**
 * The router's hottest calls (availability, reserve, accept, call-event batches; a queued call's
 * enqueue, status and abandon) answered in front of Express when
 * they come with an API key and plainly valid input: the same services, statements, policy row and
 * error bodies as the Nest routes, without Express's per-request work (request and response
 * prototypes, the middleware and route walk) and Nest's pipeline (passport, class-validator,
 * interceptors) or the per-request access log (issue 18).
 *
 * Anything unusual (no or unknown key, a Bearer token, a role the policy refuses, input the strict
 * readers do not accept, a body that is not small JSON) goes on to Express and the Nest route, which
 * decides and words the answer, so the fast lane never widens what is allowed. A body it has read
 * goes on parsed (`req.body`, `req._body`: Express's JSON parser then leaves it alone). The Nest
 * routes stay the documented (OpenAPI) ones. Successful calls are not logged one by one (the router
 * makes hundreds a second); errors are.
 */
export function routerFastLane(
  deps: RouterFastLaneDeps,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const { apiKeys, routing, callEvents, queue, budgetMs } = deps;
  const logger = new Logger('RouterFastLane');

  const allowed = async (req: IncomingMessage, policyKey: string): Promise<boolean> => {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) return false;
    if (req.headers.authorization !== undefined) return false;
    const principal = await apiKeys.authenticate(key);
    if (!principal || principal.kind !== 'apiKey') return false;
    const policy = AUTHORIZATION_POLICY[policyKey];
    if (!policy) return false;
    const decision = decide(policy, {
      roles: principal.roles,
      teamId: null,
      agentId: null,
      agentTeamId: null,
      counselorId: null,
    });
    // Only an unscoped answer is taken here; a team-scoped one needs the guard's reads.
    return decision.allow && decision.scope.all;
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, path: string, work: Work) => {
    const requestId = assignRequestId(req, res);
    try {
      const out = await work();
      sendJsonText(res, out.status, out.jsonText);
    } catch (exception) {
      respondWithError(res, exception, logger, { requestId, path });
    }
  };

  /** The request's JSON body read by `reader`, MALFORMED as the full path's parser would answer it. */
  const bodyOf = async <T>(req: LaneRequest, reader: (body: unknown) => T | undefined) => {
    const body = await readJsonBody(req);
    return body === NOT_JSON ? NOT_JSON : reader(body);
  };
  const malformed: Work = () => Promise.reject(MALFORMED);
  const json = (status: number, value: unknown) => ({ status, jsonText: JSON.stringify(value) });

  /** The work for this request when the fast lane takes it, else undefined. */
  const route = async (
    req: LaneRequest,
    method: string,
    path: string,
    query: Record<string, unknown> | undefined,
    callStatus: CallStatusInput | undefined,
  ): Promise<Work | undefined> => {
    if (method === 'GET' && path === AVAILABILITY) {
      const input = readAvailabilityQuery(query);
      if (!input || !(await allowed(req, `GET ${AVAILABILITY}`))) return undefined;
      const { limit, skills, ...filter } = input;
      return async () => ({
        status: 200,
        jsonText: await routing.availableJson({ ...filter, skills }, limit),
      });
    }
    if (method === 'GET') {
      const callId = pathCallId(QUEUED_CALL, path);
      const status = callStatus;
      if (!callId || !status || !(await allowed(req, 'GET /v1/routing/calls/{callId}')))
        return undefined;
      return async () => json(200, await queue.get(callId, status.waitSeconds, status.status));
    }
    if (path === RESERVATIONS) {
      const input = await bodyOf(req, readReservationBody);
      if (input === NOT_JSON) return malformed;
      if (!input || !(await allowed(req, `POST ${RESERVATIONS}`))) return undefined;
      return async () => {
        const { created, reservation } = await routing.reserve(input);
        return json(created ? 201 : 200, reservation);
      };
    }
    if (path === QUEUED_CALLS) {
      const input = await bodyOf(req, readEnqueueBody);
      if (input === NOT_JSON) return malformed;
      if (!input || !(await allowed(req, `POST ${QUEUED_CALLS}`))) return undefined;
      return async () => {
        const { httpStatus, body } = await queue.enqueue(input);
        return json(httpStatus, body);
      };
    }
    if (path === CALL_EVENTS) {
      const events = await bodyOf(req, readCallEventBatch);
      if (events === NOT_JSON) return malformed;
      if (!events || !(await allowed(req, `POST ${CALL_EVENTS}`))) return undefined;
      return async () => json(202, await callEvents.ingest(events));
    }
    // Bodiless, or `{}`: the full path reads no body here, so nothing else is taken.
    const empty = hasBody(req) ? await bodyOf(req, readEmptyBody) : {};
    if (empty === NOT_JSON) return malformed;
    if (!empty) return undefined;
    const abandoned = pathCallId(ABANDON, path);
    if (abandoned) {
      if (!(await allowed(req, 'POST /v1/routing/calls/{callId}/abandon'))) return undefined;
      return async () => json(200, await queue.abandon(abandoned));
    }
    const accept = ACCEPT.exec(path);
    const id = accept ? readReservationId(accept[1]) : undefined;
    if (!id || !(await allowed(req, 'POST /v1/routing/reservations/{id}/accept'))) return undefined;
    return async () => json(200, await routing.accept(id));
  };

  return (req, res, next) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const method = req.method ?? '';
    const bodyless = method === 'POST' && (ACCEPT.test(path) || ABANDON.test(path));
    const candidate =
      (method === 'GET' && (path === AVAILABILITY || QUEUED_CALL.test(path))) ||
      (method === 'POST' &&
        (path === RESERVATIONS || path === QUEUED_CALLS || path === CALL_EVENTS || bodyless) &&
        smallJsonBody(req, bodyless ? MAX_EMPTY_BODY_BYTES : MAX_FAST_BODY_BYTES[path], bodyless));
    if (!candidate) return next();
    // The query is parsed once; a queued call's status query also sets the budget below.
    const query = method === 'GET' ? queryOf(q < 0 ? '' : url.slice(q + 1)) : undefined;
    const callStatus =
      method === 'GET' && path !== AVAILABILITY ? readCallStatusQuery(query) : undefined;
    // The budget covers the key check's read too, as it would on the full path; a long-poll's
    // starts when the wait it asked for ends (as the budget middleware does for the full path).
    withDatabaseBudget(
      budgetMs,
      () => {
        void route(req, method, path, query, callStatus).then(
          (work) => (work ? answer(req, res, path, work) : next()),
          // Authentication itself failed (the database is away), or the body could not be read:
          // the full path answers it the usual way.
          () => next(),
        );
      },
      (callStatus?.waitSeconds ?? 0) * 1000,
    );
  };
}

/** The query string as Express's parser gives it; bracketed keys are left to that parser (undefined). */
function queryOf(query: string): Record<string, unknown> | undefined {
  if (query.includes('[') || query.includes('%5B') || query.includes('%5b')) return undefined;
  return { ...parseQuery(query) };
}

/** The decoded call id of a path `pattern` matches, when CallIdParam would take it. */
function pathCallId(pattern: RegExp, path: string): string | undefined {
  const m = pattern.exec(path);
  if (!m) return undefined;
  try {
    return readPathCallId(decodeURIComponent(m[1]));
  } catch {
    return undefined; // a malformed escape: the full path answers it
  }
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * A body the fast lane reads: small JSON with its length declared (up to `maxBytes`); no body only
 * where the route needs none (`optional`: an accept, an abandon).
 */
function smallJsonBody(req: IncomingMessage, maxBytes: number, optional: boolean): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return false;
  if (!hasBody(req)) return optional;
  const n = Number(req.headers['content-length']);
  if (!Number.isInteger(n) || n > maxBytes) return false;
  const type = req.headers['content-type'];
  return typeof type === 'string' && /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type);
}

/** What Express's JSON parser throws for a body that is not JSON (rendered as MALFORMED_JSON). */
const MALFORMED = Object.freeze({ type: 'entity.parse.failed', status: 400 });
/** readJsonBody's answer for a body that is not (strict) JSON. */
const NOT_JSON: unique symbol = Symbol('not JSON');

/**
 * Reads and parses the (small, declared-length) JSON body and leaves it on the request as Express's
 * parser would (strict: an object or an array), so a request the fast lane passes on is not parsed
 * twice. NOT_JSON when it is not JSON.
 */
function readJsonBody(req: LaneRequest): Promise<unknown | typeof NOT_JSON> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('error', reject);
    req.once('end', () => {
      req._body = true;
      const text = Buffer.concat(chunks).toString('utf8');
      const first = firstNonJsonSpace(text);
      try {
        if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
        req.body = JSON.parse(text);
        resolve(req.body);
      } catch {
        resolve(NOT_JSON);
      }
    });
  });
}

/** The first character that is not JSON whitespace (space, tab, LF, CR), as the strict parser checks. */
function firstNonJsonSpace(text: string): string | undefined {
  for (const ch of text) if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
  return undefined;
}
