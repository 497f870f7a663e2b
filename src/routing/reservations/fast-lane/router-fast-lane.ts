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
import type { RoutingService } from '../routing.service';
import {
  readAvailabilityQuery,
  readCallEventBatch,
  readReservationBody,
  readReservationId,
} from './fast-lane-input';

const AVAILABILITY = '/v1/routing/available-agents';
const RESERVATIONS = '/v1/routing/reservations';
const ACCEPT = /^\/v1\/routing\/reservations\/([^/]+)\/accept$/;
const CALL_EVENTS = '/v1/calls/events';
/** A reservation body is a few hundred bytes, an event batch the fast lane takes at most ~60 KB;
 * anything larger is for the full path to judge. */
const MAX_FAST_BODY_BYTES = { [RESERVATIONS]: 4096, [CALL_EVENTS]: 65_536 } as Record<
  string,
  number
>;

type Work = () => Promise<{ status: number; jsonText: string }>;

/** The node request as the fast lane leaves it for Express: a body it read is parsed already. */
type LaneRequest = IncomingMessage & { body?: unknown; _body?: boolean };

export interface RouterFastLaneDeps {
  apiKeys: ApiKeysService;
  routing: RoutingService;
  callEvents: CallEventIngest;
  /** The router paths' database budget (request-budget.ts). */
  budgetMs: number;
}

/**
 * The router's hottest calls (availability, reserve, accept, call-event batches) answered in front of Express when
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
  const { apiKeys, routing, callEvents, budgetMs } = deps;
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

  /** The work for this request when the fast lane takes it, else undefined. */
  const route = async (
    req: LaneRequest,
    method: string,
    path: string,
    query: string,
  ): Promise<Work | undefined> => {
    if (method === 'GET') {
      // Bracketed keys are for the full path's parser to judge.
      if (query.includes('[') || query.includes('%5B') || query.includes('%5b')) return undefined;
      const input = readAvailabilityQuery({ ...parseQuery(query) });
      if (!input || !(await allowed(req, `GET ${AVAILABILITY}`))) return undefined;
      const { limit, skills, ...filter } = input;
      return async () => ({
        status: 200,
        jsonText: await routing.availableJson({ ...filter, skills }, limit),
      });
    }
    if (path === RESERVATIONS) {
      const body = await readJsonBody(req);
      // Not JSON: the full path's parser would answer before anything else looks at the request.
      if (body === MALFORMED) return () => Promise.reject(MALFORMED);
      const input = readReservationBody(body);
      if (!input || !(await allowed(req, `POST ${RESERVATIONS}`))) return undefined;
      return async () => {
        const { created, reservation } = await routing.reserve(input);
        return { status: created ? 201 : 200, jsonText: JSON.stringify(reservation) };
      };
    }
    if (path === CALL_EVENTS) {
      const body = await readJsonBody(req);
      if (body === MALFORMED) return () => Promise.reject(MALFORMED);
      const events = readCallEventBatch(body);
      if (!events || !(await allowed(req, `POST ${CALL_EVENTS}`))) return undefined;
      return async () => ({
        status: 202,
        jsonText: JSON.stringify(await callEvents.ingest(events)),
      });
    }
    const accept = ACCEPT.exec(path);
    const id = accept ? readReservationId(accept[1]) : undefined;
    if (!id || !(await allowed(req, 'POST /v1/routing/reservations/{id}/accept'))) return undefined;
    return async () => ({ status: 200, jsonText: JSON.stringify(await routing.accept(id)) });
  };

  return (req, res, next) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const method = req.method ?? '';
    const candidate =
      (method === 'GET' && path === AVAILABILITY) ||
      (method === 'POST' &&
        (path === RESERVATIONS || path === CALL_EVENTS || ACCEPT.test(path)) &&
        smallJsonOrNoBody(req, MAX_FAST_BODY_BYTES[path]));
    if (!candidate) return next();
    const query = q < 0 ? '' : url.slice(q + 1);
    // The budget covers the key check's read too, as it would on the full path.
    withDatabaseBudget(budgetMs, () => {
      void route(req, method, path, query).then(
        (work) => (work ? answer(req, res, path, work) : next()),
        // Authentication itself failed (the database is away), or the body could not be read:
        // the full path answers it the usual way.
        () => next(),
      );
    });
  };
}

/** A body the fast lane reads: small JSON with its length declared (`maxBytes`); an accept has none. */
function smallJsonOrNoBody(req: IncomingMessage, maxBytes: number | undefined): boolean {
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] !== undefined) return false;
  if (length === undefined || length === '0') return maxBytes === undefined;
  const n = Number(length);
  if (maxBytes === undefined || !Number.isInteger(n) || n > maxBytes) return false;
  const type = req.headers['content-type'];
  return typeof type === 'string' && /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type);
}

/** What Express's JSON parser throws for a body that is not JSON (rendered as MALFORMED_JSON). */
const MALFORMED = Object.freeze({ type: 'entity.parse.failed', status: 400 });

/**
 * Reads and parses the (small, declared-length) JSON body and leaves it on the request as Express's
 * parser would (strict: an object or an array), so a request the fast lane passes on is not parsed
 * twice. MALFORMED when it is not JSON.
 */
function readJsonBody(req: LaneRequest): Promise<unknown> {
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
        resolve(MALFORMED);
      }
    });
  });
}

/** The first character that is not JSON whitespace (space, tab, LF, CR), as the strict parser checks. */
function firstNonJsonSpace(text: string): string | undefined {
  for (const ch of text) if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
  return undefined;
}
