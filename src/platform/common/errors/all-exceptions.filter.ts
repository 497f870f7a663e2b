import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ServerResponse } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { constraintCode } from './constraint-codes';
import { DomainError } from './domain-error';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Error codes of node-postgres / PostgreSQL that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '53300', // too_many_connections: every slot is taken while replicas reconnect
]);

const RELEASED_RUNNER_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

interface RenderedError {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as
    { code?: string; driverError?: { code?: string }; message?: string; name?: string } | undefined;
  if (!e) return false;
  // TypeORM releases a transaction's query runner when its connection breaks; the next query of
  // that transaction then fails with one of these instead of the connection error itself.
  if (RELEASED_RUNNER_ERRORS.has(e.name ?? '')) return true;
  const code = e.driverError?.code ?? e.code;
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const msg = e.message ?? '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|terminating connection/i.test(
    msg,
  );
}

/** Turns anything thrown into the contract's error body; internals never leave the process. */
export function renderError(exception: unknown): RenderedError {
  if (exception instanceof DomainError) {
    return {
      statusCode: exception.statusCode,
      error: exception.code,
      message: exception.message,
      details: exception.details,
      headers: exception.headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : Array.isArray((body as any)?.message)
          ? (body as any).message.join('; ')
          : ((body as any)?.message ?? exception.message);
    return {
      statusCode: status,
      error: CODE_BY_STATUS[status] ?? `HTTP_${status}`,
      message: String(message),
    };
  }
  const bodyParserError = exception as { type?: string; status?: number; statusCode?: number };
  if (bodyParserError?.type === 'entity.parse.failed') {
    return {
      statusCode: 400,
      error: 'MALFORMED_JSON',
      message: 'The request body is not valid JSON',
    };
  }
  if (bodyParserError?.type === 'entity.too.large') {
    return {
      statusCode: 413,
      error: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large',
    };
  }
  if (
    bodyParserError?.type &&
    typeof bodyParserError.status === 'number' &&
    bodyParserError.status < 500
  ) {
    const status = bodyParserError.status;
    return {
      statusCode: status,
      error: CODE_BY_STATUS[status] ?? 'BAD_REQUEST',
      message: 'The request body could not be read',
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      error: 'DATABASE_UNAVAILABLE',
      message: 'The database is unavailable; retry shortly',
      headers: { 'Retry-After': '2' },
    };
  }
  if (exception instanceof QueryFailedError) {
    const driver = (
      exception as QueryFailedError & { driverError: { code?: string; constraint?: string } }
    ).driverError;
    const known = constraintCode(driver?.constraint);
    switch (driver?.code) {
      case '23505':
        return {
          statusCode: 409,
          error: known?.code ?? 'ALREADY_EXISTS',
          message: known?.message ?? 'This already exists',
        };
      case '23P01':
        return {
          statusCode: 409,
          error: known?.code ?? 'OVERLAP',
          message: known?.message ?? 'This overlaps an existing entry',
        };
      case '23503':
        return {
          statusCode: 409,
          error: known?.code ?? 'REFERENCE_CONFLICT',
          message: known?.message ?? 'A referenced record does not exist or is still in use',
        };
      case '40001':
      case '40P01':
        return {
          statusCode: 409,
          error: 'CONCURRENT_UPDATE',
          message: 'A concurrent change got there first; retry',
        };
      // Backstops for what the validation pipe rejects first: a null for a NOT NULL column, and a
      // NUL character (text cannot hold it; jsonb's \u0000 is untranslatable).
      case '23502':
      case '22021':
      case '22P05':
      case '22P02':
      case '22007':
      case '22008':
      case '22003':
        return {
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: 'A value has the wrong format or range',
        };
    }
  }
  return { statusCode: 500, error: 'INTERNAL_ERROR', message: 'Something went wrong on our side' };
}

/**
 * Answers a failed request with the error body (5xx logged with the request id only: bodies may hold
 * personal data). The Nest filter and the router's fast lane both end here.
 */
export function respondWithError(
  res: ServerResponse,
  exception: unknown,
  logger: Logger,
  where: { requestId?: string; path?: string },
): void {
  const rendered = renderError(exception);
  if (rendered.statusCode >= 500)
    logger.error(
      {
        requestId: where.requestId,
        statusCode: rendered.statusCode,
        path: where.path,
        err:
          exception instanceof Error
            ? { name: exception.name, message: exception.message, stack: exception.stack }
            : String(exception),
      },
      'request failed',
    );
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(rendered.headers ?? {})) res.setHeader(name, value);
  const { headers: _headers, ...body } = rendered;
  // The route may have declared another type (text/calendar): an error is always JSON. Written with
  // node's own calls, so the fast lane in front of Express can answer through here too.
  sendJsonText(res, rendered.statusCode, JSON.stringify(body));
}

/** A JSON body as Express's res.json would send it (same headers), on a bare node response. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    respondWithError(ctx.getResponse<Response>(), exception, this.logger, {
      requestId: req?.id,
      path: req?.route?.path ?? req?.path,
    });
  }
}
