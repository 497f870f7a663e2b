import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The double-submit CSRF token: the readable `sw_csrf` cookie, echoed on unsafe requests. */
export function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith('sw_csrf='));
  return match ? decodeURIComponent(match.slice('sw_csrf='.length)) : undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Listeners told when the API answers 401 (the session ended elsewhere or by the idle timeout). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    if (UNSAFE.has(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/v1/auth/'))
      unauthorizedListeners.forEach((l) => l());
    return response;
  },
};

/** The typed client: same origin, cookies of the browser session, types from /docs-json. */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  // Looked up per call, so tests can stand in for the network.
  fetch: (request) => globalThis.fetch(request),
});
api.use(session);

/** An API error body: `{ statusCode, error, message, details? }` with a stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The data of an openapi-fetch result, or an ApiError (for TanStack Query to hold). */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as { error?: string; message?: string; details?: unknown };
    throw new ApiError(
      result.response.status,
      body.error ?? 'HTTP_' + result.response.status,
      body.message ?? result.response.statusText,
      body.details,
    );
  }
  return result.data as T;
}

/**
 * For endpoints other branches add before the client is regenerated (`PUT /v1/me/password`): the
 * same cookies and CSRF header, untyped.
 */
export async function rawRequest(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = csrfToken();
  if (UNSAFE.has(method) && token) headers['X-CSRF-Token'] = token;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const err = await res.json().catch(() => ({}));
    throw new ApiError(
      res.status,
      err.error ?? 'HTTP_' + res.status,
      err.message ?? '',
      err.details,
    );
  }
  return res;
}
