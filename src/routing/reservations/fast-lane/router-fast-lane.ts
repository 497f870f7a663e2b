import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { decide } from '../../../platform/auth/authorization-decision';
import { AUTHORIZATION_POLICY } from '../../../platform/auth/authorization-policy';
import type { ApiKeysService } from '../../../platform/auth/api-keys.service';
import { respondWithError } from '../../../platform/common/errors/all-exceptions.filter';
import { assignRequestId } from '../../../platform/common/http/logging';
import type { RoutingService } from '../routing.service';
import { readAvailabilityQuery, readReservationBody, readReservationId } from './fast-lane-input';

const AVAILABILITY = '/v1/routing/available-agents';
const RESERVATIONS = '/v1/routing/reservations';
const ACCEPT = /^\/v1\/routing\/reservations\/([^/]+)\/accept$/;

type Work = () => Promise<{ status: number; json?: unknown; jsonText?: string }>;

/**
 * The router's three hottest calls (availability, reserve, accept) answered straight from Express
 * when they come with an API key and plainly valid input: the same services, statements, policy row
 * and error bodies as the Nest routes, without the per-request cost of Nest's pipeline (passport,
 * class-validator, interceptors, the route walk) and of the per-request access log (issue 18).
 *
 * Anything unusual (no or unknown key, a Bearer token, a role the policy refuses, input the strict
 * readers do not accept) goes on to the Nest route, which decides and words the answer, so the
 * fast lane never widens what is allowed. The Nest routes stay the documented (OpenAPI) ones.
 * Successful calls are not logged one by one (the router makes hundreds a second); errors are.
 */
export function routerFastLane(apiKeys: ApiKeysService, routing: RoutingService): RequestHandler {
  const logger = new Logger('RouterFastLane');

  const allowed = async (req: Request, policyKey: string): Promise<boolean> => {
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

  const answer = async (req: Request, res: Response, work: Work): Promise<void> => {
    const requestId = assignRequestId(req, res);
    try {
      const out = await work();
      if (out.jsonText !== undefined)
        res.status(out.status).type('application/json').send(out.jsonText);
      else res.status(out.status).json(out.json);
    } catch (exception) {
      respondWithError(res, exception, logger, { requestId, path: req.path });
    }
  };

  /** The work for this request when the fast lane takes it, else undefined. */
  const route = async (req: Request): Promise<Work | undefined> => {
    if (req.method === 'GET' && req.path === AVAILABILITY) {
      const input = readAvailabilityQuery(req.query);
      if (!input || !(await allowed(req, `GET ${AVAILABILITY}`))) return undefined;
      const { limit, skills, ...filter } = input;
      return async () => ({
        status: 200,
        jsonText: await routing.availableJson({ ...filter, skills }, limit),
      });
    }
    if (req.method !== 'POST') return undefined;
    if (req.path === RESERVATIONS) {
      const input = readReservationBody(req.body);
      if (!input || !(await allowed(req, `POST ${RESERVATIONS}`))) return undefined;
      return async () => {
        const { created, reservation } = await routing.reserve(input);
        return { status: created ? 201 : 200, json: reservation };
      };
    }
    const accept = ACCEPT.exec(req.path);
    if (accept) {
      const id = readReservationId(accept[1]);
      if (!id || !(await allowed(req, 'POST /v1/routing/reservations/{id}/accept')))
        return undefined;
      return async () => ({ status: 200, json: await routing.accept(id) });
    }
    return undefined;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    void route(req).then(
      (work) => (work ? answer(req, res, work) : next()),
      // Authentication itself failed (the database is away): the full path answers it the usual way.
      () => next(),
    );
  };
}
