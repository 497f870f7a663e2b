import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';

/** Header and body paths never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.key',
  '*.notes',
  '*.note',
];

/** The caller's X-Request-Id when it is a plain token, else a new one; echoed on the response. */
export function assignRequestId(
  req: IncomingMessage,
  res: { setHeader(name: string, value: string): unknown },
): string {
  const given = req.headers['x-request-id'];
  const id =
    typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs with a request id; bodies are never logged (they may hold personal data).
 * `file` sends them to a file instead of stdout (LOG_FILE; the reliability suite scans it).
 */
export function loggerParams(level: string, file?: string): Params {
  const options: Options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    genReqId: (req: IncomingMessage, res) => assignRequestId(req, res),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/health' },
  };
  return {
    // Every route, in the named wildcard Nest 11's router takes (nestjs-pino's default '*' made Nest
    // warn on every start that it had to convert the path).
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: file
      ? [options, pino.destination({ dest: file, append: true, sync: true })]
      : options,
  };
}
