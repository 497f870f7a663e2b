import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import {
  AllExceptionsFilter,
  respondWithError,
} from './platform/common/errors/all-exceptions.filter';
import { DomainError } from './platform/common/errors/domain-error';
import { createValidationPipe } from './platform/common/errors/validation';
import { serveWebApp } from './platform/common/http/web-app';
import { AppConfig } from './platform/config/app-config';
import { APP_CONFIG } from './platform/config/config.module';
import { isRouterPath, withDatabaseBudget } from './platform/database/request-budget';
import { ApiKeysService } from './platform/auth/api-keys.service';
import { routerFastLane } from './routing/reservations/fast-lane/router-fast-lane';
import { RoutingService } from './routing/reservations/routing.service';
import { CallEventIngest } from './routing/calls/call-event-ingest.service';
import { QueueService } from './routing/queue/queue.service';

export const BODY_LIMIT = '256kb';
/** Deeper JSON than any DTO needs; deeper bodies would overflow the stack of the validators. */
export const BODY_MAX_DEPTH = 32;

/** Nesting depth of a parsed JSON value, without recursion (the input may be thousands deep). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return max;
}

const bodyErrors = new NestLogger('RequestBody');

/** Body-parser and media-type refusals, answered as the Nest filter answers every other error. */
function sendError(res: Response, err: unknown) {
  respondWithError(res, err, bodyErrors, {});
}

/** Everything main.ts and the tests both need: prefix, body parsing, validation, errors, OpenAPI. */
export function configureApp(
  app: INestApplication,
  options: { swagger?: boolean; webApp?: boolean } = {},
): void {
  app.useLogger(app.get(Logger));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // No ETag: Express hashes every body for it, and no client of this API sends If-None-Match (issue 18).
  app.getHttpAdapter().getInstance().set('etag', false);
  // X-Forwarded-For names the client only behind a configured proxy (TRUST_PROXY); otherwise anyone
  // could pick the address the login limiter counts against.
  app.getHttpAdapter().getInstance().set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  app.setGlobalPrefix('v1', { exclude: ['health'] });

  // Only JSON bodies; body-parser errors are rendered here because Nest filters do not see them.
  const json = express.json({ limit: BODY_LIMIT, strict: true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 ||
      req.headers['transfer-encoding'] !== undefined;
    // A bodiless GET skips the JSON parser altogether (the router's hot path, issue 18).
    if (!hasBody && req.method === 'GET') return next();
    if (
      hasBody &&
      ['POST', 'PUT', 'PATCH'].includes(req.method) &&
      !req.is(['application/json', 'application/*+json'])
    ) {
      return sendError(
        res,
        new DomainError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          req.headers['content-type']
            ? `Content-Type ${String(req.headers['content-type']).slice(0, 100)} is not accepted: send the body with Content-Type: application/json`
            : 'The Content-Type header is missing: send the body with Content-Type: application/json',
          { contentType: req.headers['content-type'] ?? null, expected: 'application/json' },
        ),
      );
    }
    json(req, res, (err?: unknown) => {
      if (err) return sendError(res, err);
      if (jsonDepth(req.body, BODY_MAX_DEPTH) > BODY_MAX_DEPTH)
        return sendError(
          res,
          new DomainError(400, 'BODY_TOO_DEEP', `JSON nested deeper than ${BODY_MAX_DEPTH} levels`),
        );
      next();
    });
  });

  // The web app (web/dist) at `/`; the API stays under /v1.
  if (options.webApp !== false) serveWebApp(app);
  // Router paths answer within the database budget (after body parsing: the budget follows the
  // handler's async context, which the body stream's events would not carry).
  const budgetMs = app.get<AppConfig>(APP_CONFIG).databaseRequestBudgetMs;
  app.use((req: Request, _res: Response, next: NextFunction) =>
    isRouterPath(req.method, req.path)
      ? withDatabaseBudget(budgetMs, next, longPollMs(req.query.waitSeconds))
      : next(),
  );
  // The router's hottest calls are answered in front of Express when their input is plainly valid
  // (issue 18): Express and Nest see only what the fast lane passes on.
  const fastLane = routerFastLane({
    apiKeys: app.get(ApiKeysService),
    routing: app.get(RoutingService),
    callEvents: app.get(CallEventIngest),
    queue: app.get(QueueService),
    budgetMs,
  });
  const server = app.getHttpServer() as Server;
  const expressApp = app.getHttpAdapter().getInstance() as RequestListener;
  server.removeListener('request', expressApp);
  if (server.listenerCount('request') !== 0) throw new Error('unexpected request listener');
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    fastLane(req, res, () => expressApp(req, res)),
  );

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  if (options.swagger !== false) {
    const document = SwaggerModule.createDocument(app, buildOpenApiConfig());
    SwaggerModule.setup('docs', app, document, {
      jsonDocumentUrl: 'docs-json',
      useGlobalPrefix: false,
    });
  }
}

export function buildOpenApiConfig() {
  return new DocumentBuilder()
    .setTitle('Shiftwell API')
    .setDescription(
      'Agent wellbeing and workforce management for call centres. People authenticate with a Bearer JWT ' +
        '(`POST /v1/auth/login`); the telephony router with `X-Api-Key`. Every error body is ' +
        '`{ statusCode, error, message, details? }` with a stable UPPER_SNAKE `error` code.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'jwt')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'router-key')
    .build();
}

/** A long-poll waits on purpose: its budget starts when the wait it asked for (at most 30 s) ends. */
function longPollMs(waitSeconds: unknown): number {
  const seconds = typeof waitSeconds === 'string' ? Number(waitSeconds) : 0;
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 0;
}
