import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths that belong to the API, never to the web app's client-side routes. */
const API_PREFIXES = ['/v1', '/docs', '/docs-json', '/health'];

/** Only our own files: Mantine sets style attributes, hence 'unsafe-inline' for styles alone. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Where `npm run build` in web/ put the app: beside src/ from ts-node, two up from dist/src. */
export function findWebDist(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.WEB_DIST_DIR,
    resolve(__dirname, '../../../../web/dist'),
    resolve(__dirname, '../../../../../web/dist'),
  ].filter((d): d is string => !!d);
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
}

/**
 * Serves the web app at `/` from the service itself: hashed assets cached for a year, and
 * index.html (no-cache) for any other GET outside the API so client-side routes survive a reload.
 */
export function serveWebApp(app: INestApplication, dist = findWebDist()): boolean {
  if (!dist) return false;
  const assets = express.static(dist, {
    index: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      res.setHeader(
        'Cache-Control',
        file.includes(`${join(dist, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  const index = join(dist, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    assets(req, res, () => {
      // An asset that is not there is a 404, not the app (a stale tab asking for an old chunk).
      if (req.path.startsWith('/assets/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'same-origin');
      res.sendFile(index);
    });
  });
  return true;
}
